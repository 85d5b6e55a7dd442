/** `securejoin policy check|export|docs|schema`. */
import { managedStorageSchema, parsePolicyJson, policyDocs, policyGuessRisk, raisedLengthNote, SETTING_PATHS } from '../core/policy';
import type { GuessRisk, Policy } from '../core/policy';
import { parseOptions } from './args';
import { InputError, UsageError } from './errors';
import { EXPORT_TARGETS, exportPolicy } from './export';
import type { ExportTarget } from './export';
import { CHECK_HELP, DOCS_HELP, EXPORT_HELP, POLICY_HELP, SCHEMA_HELP } from './help';
import { encodeText, outBytes, readInput, STDIN, writeOutput } from './io';
import type { CliIo } from './io';

/** How a policy input is named in messages. */
const shown = (file: string) => (file === STDIN ? '(standard input)' : file);

/** Reads (a file relative to the caller, or `-` for stdin) and validates a policy. @throws InputError listing every problem. */
export function loadPolicy(io: CliIo, file: string): Policy {
  return policyFromText(readInput(io, file, 'policy file'), file);
}

/** Validates a policy read from `file`. @throws InputError listing every problem as `path: problem`. */
export function policyFromText(text: string, file: string): Policy {
  const result = parsePolicyJson(text);
  if (result.ok) return result.value;
  const count = result.errors.length;
  const lines = result.errors.map((e) => `  ${e.path}: ${e.message}`);
  throw new InputError(`${shown(file)}: invalid policy (${count} problem${count === 1 ? '' : 's'})\n${lines.join('\n')}`);
}

const KIND_LABEL = { accessCode: 'access code', passcode: 'passcode', pin: 'PIN' } as const;

/** The guess-risk table printed by `policy check`. */
export function formatRisk(risk: GuessRisk): string[] {
  const lines = [
    `Guess risk per meeting (${risk.roomFailureLimit} failures per ${risk.roomWindowMinutes} min; meeting codes exposed ${risk.exposureMinutes} min, PINs ${risk.roomExposureMinutes / 1440} days; limit ${risk.maxGuessProbability}):`,
  ];
  for (const code of risk.codes) {
    const status = !code.enforced ? 'not checked: it does not guard the room alone under this policy' : code.ok ? 'ok' : `TOO HIGH: ${code.fix}`;
    const valid = code.validCodes > 1 ? `, ${code.validCodes} valid at once` : '';
    lines.push(`  ${KIND_LABEL[code.kind].padEnd(12)} ${String(code.length).padStart(2)} digits${raisedLengthNote(code)}${valid}: ${code.probability.toExponential(1)}  ${status}`);
  }
  return lines;
}

function summary(file: string, policy: Policy): string[] {
  const locked = SETTING_PATHS.filter((path) => (path.split('.').reduce<unknown>((n, k) => (n as Record<string, unknown>)[k], policy) as { locked: boolean }).locked);
  const lines = [`${shown(file)}: valid SecureJoin policy (version ${policy.version})`];
  if (policy.nodes.length === 0) lines.push('  Warning: no conference nodes: the extension will fill PINs nowhere.');
  else lines.push(`  Conference nodes: ${policy.nodes.map((n) => n.origin).join(', ')}`);
  lines.push(`  Locked settings: ${locked.length ? locked.join(', ') : 'none'}`);
  return [...lines, ...formatRisk(policyGuessRisk(policy)).map((l) => `  ${l}`)];
}

function check(args: string[], io: CliIo): number {
  const { values, positionals } = parseOptions(args, { json: { type: 'boolean' }, help: { type: 'boolean', short: 'h' } }, 'policy check');
  if (values.help) return io.out(CHECK_HELP), 0;
  const file = single(positionals, 'policy check');
  if (values.json) {
    const result = parsePolicyJson(readInput(io, file, 'policy file'));
    const body = result.ok ? { ok: true, policy: result.value, risk: policyGuessRisk(result.value) } : { ok: false, errors: result.errors };
    io.out(`${JSON.stringify(body, null, 2)}\n`);
    return result.ok ? 0 : 1;
  }
  io.out(`${summary(file, loadPolicy(io, file)).join('\n')}\n`);
  return 0;
}

function exportCommand(args: string[], io: CliIo): number {
  const { values, positionals } = parseOptions(
    args,
    { target: { type: 'string' }, 'extension-id': { type: 'string' }, out: { type: 'string' }, force: { type: 'boolean' }, help: { type: 'boolean', short: 'h' } },
    'policy export',
  );
  if (values.help) return io.out(EXPORT_HELP), 0;
  const target = values.target;
  if (target === undefined) throw new UsageError(`--target is required (${EXPORT_TARGETS.join(', ')})`, 'policy export');
  if (!(EXPORT_TARGETS as readonly string[]).includes(target)) {
    throw new UsageError(`unknown --target "${target}" (use one of ${EXPORT_TARGETS.join(', ')})`, 'policy export');
  }
  const file = single(positionals, 'policy export');
  if (values.out === STDIN) delete values.out; // "--out -" is standard output, as without --out
  if (values.force && values.out === undefined) throw new UsageError('--force only applies with --out', 'policy export');
  const policy = loadPolicy(io, file); // never export an invalid policy
  const result = exportPolicy(policy, target as ExportTarget, values['extension-id'], values.out);
  // One encoding wherever the file goes: a .reg is UTF-16LE with BOM on stdout too.
  const content = result.encoding === 'utf8' && !result.content.endsWith('\n') ? `${result.content}\n` : result.content;
  const bytes = encodeText(content, result.encoding);
  const encoding = result.encoding === 'utf16le' ? ' (UTF-16LE with byte-order mark, as regedit writes .reg files)' : '';
  if (values.out !== undefined) {
    writeOutput(io, { path: values.out, force: values.force === true, inputs: [file] }, bytes);
    io.out(`Wrote ${values.out} (${target})${encoding}.\n${result.instructions.join('\n')}\n`);
  } else {
    outBytes(io, bytes);
    io.err(`${encoding ? `The output is${encoding}.\n` : ''}${result.instructions.join('\n')}\n`);
  }
  return 0;
}

function docs(args: string[], io: CliIo): number {
  const { values, positionals } = parseOptions(args, { out: { type: 'string' }, force: { type: 'boolean' }, help: { type: 'boolean', short: 'h' } }, 'policy docs');
  if (values.help) return io.out(DOCS_HELP), 0;
  if (positionals.length > 0) throw new UsageError(`unexpected argument "${positionals[0]}"`, 'policy docs');
  if (values.force && values.out === undefined) throw new UsageError('--force only applies with --out', 'policy docs');
  if (values.out !== undefined) {
    writeOutput(io, { path: values.out, force: values.force === true, inputs: [] }, encodeText(policyDocs(), 'utf8'));
    io.out(`Wrote ${values.out}\n`);
  } else io.out(policyDocs());
  return 0;
}

function schema(args: string[], io: CliIo): number {
  const { values, positionals } = parseOptions(args, { help: { type: 'boolean', short: 'h' } }, 'policy schema');
  if (values.help) return io.out(SCHEMA_HELP), 0;
  if (positionals.length > 0) throw new UsageError(`unexpected argument "${positionals[0]}"`, 'policy schema');
  io.out(`${JSON.stringify(managedStorageSchema(), null, 2)}\n`);
  return 0;
}

function single(positionals: string[], command: string): string {
  if (positionals.length === 0) throw new UsageError('missing the policy FILE', command);
  if (positionals.length > 1) throw new UsageError(`expected one policy FILE, got ${positionals.length}: ${positionals.join(' ')}`, command);
  return positionals[0] as string;
}

/** Runs `securejoin policy ...`; returns the exit code. @throws UsageError, InputError. */
export function policyCommand(args: string[], io: CliIo): number {
  const [sub, ...rest] = args;
  switch (sub) {
    case 'check':
      return check(rest, io);
    case 'export':
      return exportCommand(rest, io);
    case 'docs':
      return docs(rest, io);
    case 'schema':
      return schema(rest, io);
    case undefined:
    case '--help':
    case '-h':
    case 'help':
      if (sub === undefined) throw new UsageError('missing subcommand: check, export, docs or schema', 'policy');
      io.out(POLICY_HELP);
      return 0;
    default:
      throw new UsageError(`unknown subcommand "${sub}" (use check, export, docs or schema)`, 'policy');
  }
}
