/** Runs `securejoin service` as a real child process (node --import tsx cli/main.ts) and reads its URL from stderr. */
import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { CODES_KEY, SCOPE } from './support';
import type { TestIssuer } from './support';

const ROOT = join(import.meta.dirname, '..', '..');


/** A service running in a child process. */
export interface ServiceProcess {
  url: string;
  child: ChildProcess;
  /** Everything it wrote to stderr so far. */
  stderr(): string;
  /** Its log lines (stdout) so far. */
  stdout(): string;
  /** Resolves when the process has exited, with its exit code. */
  exited: Promise<number | null>;
  /** SIGTERM, then waits for the exit. */
  stop(): Promise<number | null>;
}

/**
 * Starts `securejoin service` against `issuer` on `databaseUrl` with extra flags (a guess limit of
 * 10 000 unless they set one); `keepLogs: false` sends its log lines to /dev/null.
 */
export async function spawnService(issuer: TestIssuer, databaseUrl: string, extra: string[] = [], opts: { keepLogs?: boolean } = {}): Promise<ServiceProcess> {
  // node with tsx's loader, not the tsx launcher: signals then reach the service itself.
  const args = [
    '--import', 'tsx', join(ROOT, 'cli', 'main.ts'), 'service', '--port', '0', '--database-url', databaseUrl,
    '--issuer', issuer.issuer, '--audience', issuer.audience, '--jwks-url', issuer.jwksUrl, '--tenant', issuer.tenant, '--scope', SCOPE,
    ...(extra.includes('--log-level') ? [] : ['--log-level', 'warn']),
    // As support.ts's serviceOptions: suites about other things look up many wrong aliases from one address.
    ...(extra.includes('--guess-limit') ? [] : ['--guess-limit', '10000']),
    ...extra,
  ];
  const child = spawn(process.execPath, args, { cwd: ROOT, env: { ...process.env, SECUREJOIN_CODES_KEY: CODES_KEY }, stdio: ['ignore', opts.keepLogs === false ? 'ignore' : 'pipe', 'pipe'] });
  let err = '';
  let out = '';
  child.stdout?.on('data', (chunk: Buffer) => void (out += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const url = await new Promise<string>((resolve, reject) => {
    child.stderr?.on('data', (chunk: Buffer) => {
      err += chunk.toString();
      const match = /listening on (http\S+)/.exec(err);
      if (match?.[1]) resolve(match[1]);
    });
    void exited.then((code) => reject(new Error(`service exited (${code}) before listening:\n${err}`)));
  });
  return {
    url,
    child,
    stderr: () => err,
    stdout: () => out,
    exited,
    stop() {
      if (child.exitCode === null) child.kill('SIGTERM');
      return exited;
    },
  };
}
