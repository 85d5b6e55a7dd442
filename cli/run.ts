/**
 * The CLI without the process: takes argv and an output sink, returns the exit code. User
 * mistakes become one clear line on stderr (no stack trace); anything else is reported as a bug.
 */
import { readFileSync } from 'node:fs';
import { adminCommand } from './adminCommand';
import { codeCommand } from './codeCommand';
import { devIssuerCommand } from './devIssuerCommand';
import { EXIT, InputError, UsageError } from './errors';
import { MAIN_HELP } from './help';
import type { CliIo } from './io';
import { policyCommand } from './policyCommand';
import { serviceCommand } from './serviceCommand';

/** This build's version, from the package it ships in. */
export function cliVersion(): string {
  const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version?: unknown };
  return typeof pkg.version === 'string' ? pkg.version : 'unknown';
}

/** Runs `securejoin <args>`; never throws. */
export function runCli(args: string[], io: CliIo): number {
  try {
    const [command, ...rest] = args;
    switch (command) {
      case 'policy':
        return policyCommand(rest, io);
      case 'code':
        return codeCommand(rest, io);
      case 'service':
        return serviceCommand(rest, io);
      case 'admin':
        return adminCommand(rest, io);
      case 'dev-issuer':
        return devIssuerCommand(rest, io);
      case '--help':
      case '-h':
      case 'help':
        io.out(MAIN_HELP);
        return EXIT.ok;
      case '--version':
      case '-V':
        if (rest.length > 0) throw new UsageError(`--version takes no arguments, got ${rest.join(' ')}`);
        io.out(`securejoin ${cliVersion()}\n`);
        return EXIT.ok;
      case undefined:
        io.err(MAIN_HELP);
        return EXIT.usage;
      default:
        throw new UsageError(`unknown command "${command}" (use policy, code, service, admin or dev-issuer)`);
    }
  } catch (error) {
    if (error instanceof UsageError) {
      const help = error.command ? `securejoin ${error.command} --help` : 'securejoin --help';
      io.err(`securejoin: ${error.message}\nSee "${help}".\n`);
      return EXIT.usage;
    }
    if (error instanceof InputError) {
      io.err(`securejoin: ${error.message}\n`);
      return EXIT.input;
    }
    const detail = error instanceof Error ? (error.stack ?? error.message) : String(error);
    io.err(`securejoin: internal error (please report it):\n${detail}\n`);
    return EXIT.internal;
  }
}
