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
