/** Command-line parsing with node:util parseArgs, turning its errors into usage errors. */
import { parseArgs } from 'node:util';
import type { ParseArgsConfig } from 'node:util';
import { parseDurationOption } from '../core/meeting/drafts';
import { UsageError } from './errors';

type Options = NonNullable<ParseArgsConfig['options']>;

/**
 * Parses `args` strictly (unknown options are errors) with positionals allowed.
 * @throws UsageError naming the bad option, for `command`'s help.
 */
export function parseOptions<O extends Options>(args: string[], options: O, command: string) {
  try {
    return parseArgs({ args, options, allowPositionals: true, strict: true });
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    // Node's messages end with advice about "--" that does not apply here; keep the first sentence.
    throw new UsageError(message.split('. ')[0]?.replace(/\.$/, '') ?? message, command);
  }
}

/**
 * Parses a whole number option in [min, max].
 * @throws UsageError like `--length must be a whole number from 4 to 20, got "x"`.
 */
export function intOption(value: string | undefined, name: string, min: number, max: number, command: string): number | undefined {
  if (value === undefined) return undefined;
  const n = /^[0-9]+$/.test(value) ? Number(value) : NaN;
  if (!Number.isInteger(n) || n < min || n > max) {
    throw new UsageError(`${name} must be a whole number from ${min} to ${max}, got "${value}"`, command);
  }
  return n;
}

/**
 * Parses a duration option (`90m`, `24h`, `2d`) in [min, max] milliseconds.
 * @throws UsageError like `--draft-ttl must be a duration from 1h to 90d like 30s, 15m, 24h or 2d, got "x"`.
 */
export function durationOption(text: string, name: string, range: { min: number; max: number }, command: string): number {
  const parsed = parseDurationOption(text, name, range);
  if (!parsed.ok) throw new UsageError(parsed.errors.map((e) => `${e.path} ${e.message}`).join('; '), command);
  return parsed.value;
}

/** Most entries a comma-separated list option takes (a token check wants a few, not a directory). */
export const MAX_LIST_ENTRIES = 10;

/**
 * Parses a comma-separated list option (`--audience A,B`): each entry trimmed, none empty, none
 * with whitespace inside (a scope claim is space-separated, so a space would split one entry into
 * two), at most {@link MAX_LIST_ENTRIES}; repeats are kept once.
 * @throws UsageError like `--scope: entry 2 is empty (write S1,S2 without a trailing comma)`.
 */
export function listOption(text: string, name: string, command: string): string[] {
  const entries = text.split(',').map((entry) => entry.trim());
  entries.forEach((entry, i) => {
    if (entry === '') throw new UsageError(`${name}: entry ${i + 1} is empty (write A,B without empty entries)`, command);
    if (/\s/.test(entry)) throw new UsageError(`${name}: entry ${i + 1} "${entry.slice(0, 80)}" contains whitespace (separate entries with commas)`, command);
    if (entry.length > 300) throw new UsageError(`${name}: entry ${i + 1} is longer than 300 characters`, command);
  });
  if (entries.length > MAX_LIST_ENTRIES) throw new UsageError(`${name}: at most ${MAX_LIST_ENTRIES} entries, got ${entries.length}`, command);
  return [...new Set(entries)];
}
