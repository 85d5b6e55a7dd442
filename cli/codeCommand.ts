/** `securejoin code [access|pin|pin-pair|passcodes]`: codes from core/codes' crypto generators. */
import {
  ACCESS_CODE_LENGTH,
  PIN_LENGTH,
  generateAccessCode,
  generateInviteePasscodes,
  generatePin,
  generatePinPair,
  repeatedInviteeEmails,
} from '../core/codes';
import { effectiveSettings } from '../core/policy';
import type { Policy } from '../core/policy';
import { intOption, parseOptions } from './args';
import { InputError, UsageError } from './errors';
import { CODE_HELP } from './help';
import { readInput, STDIN } from './io';
import type { CliIo } from './io';
import { loadPolicy } from './policyCommand';

const KINDS = ['access', 'pin', 'pin-pair', 'passcodes'] as const;
type CodeKind = (typeof KINDS)[number];
const MAX_COUNT = 1000;

/** Splits an emails list (commas, semicolons, whitespace, lines); `#` comments out the rest of a line. */
export function splitEmails(text: string): string[] {
  return text
    .split(/\r?\n/)
    .map((line) => line.replace(/#.*$/, ''))
    .flatMap((line) => line.split(/[,;\s]+/))
    .map((s) => s.trim())
    .filter((s) => s !== '');
}

/** The setting a kind's length comes from: in the policy and in the organizer's preferences. */
const LENGTH_SETTING = { access: ['accessCode', 'length'], passcodes: ['passcodes', 'length'] } as const;

/**
 * The length for an access code or passcodes under `policy`: the policy's own, or `--length`
 * when the policy lets an organizer choose it (not locked, and not too guessable).
 * @throws InputError saying why the policy refuses `--length`.
 */
function policyLength(policy: Policy, kind: 'access' | 'passcodes', given: number | undefined): number {
  const [group, field] = LENGTH_SETTING[kind];
  const path = `organizer.${group}.${field}`;
  const prefs = given === undefined ? null : { organizer: { [group]: { [field]: given } } };
  const { settings, ignored } = effectiveSettings(policy, prefs);
  const problem = ignored.find((i) => i.path === path);
  if (problem) {
    const own = policy.organizer[group][field].value;
    const why = problem.message === 'locked by your administrator' ? `the policy locks ${path} at ${own}` : `the policy refuses it: ${problem.message}`;
    throw new InputError(`--length ${given}: ${why} (without --length the policy's ${own} is used)`);
  }
  return settings.organizer[group][field];
}

/** Refuses a list naming one invitee twice (also when only the case differs): one passcode each, nothing merged silently. */
function refuseRepeats(emails: readonly string[]): void {
  const repeats = repeatedInviteeEmails(emails);
  if (repeats.length === 0) return;
  const lines = repeats.map((r) => {
    const spellings = [...new Set(r.entries)];
    return spellings.length > 1
      ? `  ${spellings.join(', ')}: one invitee (addresses are compared without regard to case)`
      : `  ${r.email}: listed ${r.entries.length} times`;
  });
  throw new InputError(`the invitee list names ${repeats.length === 1 ? 'an invitee' : `${repeats.length} invitees`} more than once; remove the repeats:\n${lines.join('\n')}`);
}

/** Runs a generator, turning its RangeError (bad length, bad emails, space exhausted) into an InputError. */
function generate<T>(make: () => T): T {
  try {
    return make();
  } catch (error) {
    if (error instanceof Error) throw new InputError(error.message);
    throw error;
  }
}

/** Runs `securejoin code ...`; returns the exit code. @throws UsageError, InputError. */
export function codeCommand(args: string[], io: CliIo): number {
  const { values, positionals } = parseOptions(
    args,
    {
      length: { type: 'string' },
      count: { type: 'string' },
      emails: { type: 'string' },
      'emails-file': { type: 'string' },
      policy: { type: 'string' },
      json: { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
    },
    'code',
  );
  if (values.help) return io.out(CODE_HELP), 0;
  if (positionals.length > 1) throw new UsageError(`expected at most one KIND, got ${positionals.join(' ')}`, 'code');
  const kind = (positionals[0] ?? 'access') as CodeKind;
  if (!KINDS.includes(kind)) throw new UsageError(`unknown kind "${kind}" (use ${KINDS.join(', ')})`, 'code');

  if (values.policy === STDIN && values['emails-file'] === STDIN) throw new UsageError('only one of --policy and --emails-file can read standard input (-)', 'code');
  const policy = values.policy !== undefined ? loadPolicy(io, values.policy) : null;
  const isPin = kind === 'pin' || kind === 'pin-pair';
  const range = isPin ? PIN_LENGTH : ACCESS_CODE_LENGTH;
  const given = intOption(values.length, '--length', range.min, range.max, 'code');
  let length = given ?? range.default;
  if (policy && isPin) {
    const min = policy.organizer.pin.minLength.value;
    if (given !== undefined && given < min) throw new InputError(`--length ${given} is below the policy's minimum PIN length (${min})`);
    length = given ?? Math.max(min, range.default);
  } else if (policy) {
    length = policyLength(policy, kind === 'passcodes' ? 'passcodes' : 'access', given);
    const mode = policy.organizer.passcodes.mode;
    if (kind === 'passcodes' && mode.locked && mode.value !== 'per-invitee') {
      throw new InputError(`the policy locks organizer.passcodes.mode at "${mode.value}": it does not allow a passcode per invitee`);
    }
  }

  if (kind === 'passcodes') {
    if (values.count !== undefined) throw new UsageError('--count does not apply to passcodes (one per invitee)', 'code');
    if (values.emails !== undefined && values['emails-file'] !== undefined) throw new UsageError('use --emails or --emails-file, not both', 'code');
    const source = values.emails ?? (values['emails-file'] !== undefined ? readInput(io, values['emails-file'], 'emails file') : undefined);
    if (source === undefined) throw new UsageError('passcodes need --emails a@x,b@y or --emails-file FILE', 'code');
    const emails = splitEmails(source);
    if (emails.length === 0) throw new InputError('no invitee emails given');
    refuseRepeats(emails);
    const rows = generate(() => generateInviteePasscodes(emails, { length }));
    io.out(values.json ? `${JSON.stringify(rows, null, 2)}\n` : rows.map((r) => `${r.email} ${r.passcode}\n`).join(''));
    return 0;
  }
  if (values.emails !== undefined || values['emails-file'] !== undefined) throw new UsageError('--emails/--emails-file only apply to passcodes', 'code');

  const count = intOption(values.count, '--count', 1, MAX_COUNT, 'code') ?? 1;
  const taken: string[] = []; // codes in one run are all different
  if (kind === 'pin-pair') {
    const pairs = Array.from({ length: count }, () => {
      const pair = generate(() => generatePinPair({ hostLength: length, guestLength: length, exclude: taken }));
      taken.push(pair.hostPin, pair.guestPin);
      return pair;
    });
    io.out(values.json ? `${JSON.stringify(pairs, null, 2)}\n` : pairs.map((p) => `${p.hostPin} ${p.guestPin}\n`).join(''));
    return 0;
  }
  for (let i = 0; i < count; i++) {
    taken.push(generate(() => (kind === 'pin' ? generatePin({ length, exclude: taken }) : generateAccessCode({ length, exclude: taken }))));
  }
  io.out(values.json ? `${JSON.stringify(taken, null, 2)}\n` : taken.map((c) => `${c}\n`).join(''));
  return 0;
}
