/** `securejoin code [access|pin|pin-pair|passcodes]`: codes from core/codes' crypto generators. */
import {
  ACCESS_CODE_LENGTH,
  PIN_LENGTH,
  generateAccessCode,
  generateInviteePasscodes,
  generatePin,
  generatePinPair,
} from '../core/codes';
import { intOption, parseOptions } from './args';
import { InputError, UsageError } from './errors';
import { CODE_HELP } from './help';
import { readText } from './io';
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

  const policy = values.policy ? loadPolicy(values.policy) : null;
  const isPin = kind === 'pin' || kind === 'pin-pair';
  const range = isPin ? PIN_LENGTH : ACCESS_CODE_LENGTH;
  const policyLength = policy
    ? isPin
      ? policy.organizer.pin.minLength.value
      : kind === 'passcodes'
        ? policy.organizer.passcodes.length.value
        : policy.organizer.accessCode.length.value
    : undefined;
  const length = intOption(values.length, '--length', range.min, range.max, 'code') ?? policyLength ?? range.default;
  if (policy && isPin && length < policy.organizer.pin.minLength.value) {
    throw new InputError(`--length ${length} is below the policy's minimum PIN length (${policy.organizer.pin.minLength.value})`);
  }

  if (kind === 'passcodes') {
    if (values.count !== undefined) throw new UsageError('--count does not apply to passcodes (one per invitee)', 'code');
    if (values.emails !== undefined && values['emails-file'] !== undefined) throw new UsageError('use --emails or --emails-file, not both', 'code');
    const source = values.emails ?? (values['emails-file'] !== undefined ? readText(values['emails-file'], 'emails file') : undefined);
    if (source === undefined) throw new UsageError('passcodes need --emails a@x,b@y or --emails-file FILE', 'code');
    const emails = splitEmails(source);
    if (emails.length === 0) throw new InputError('no invitee emails given');
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
