/**
 * Infinity aliases of a meeting (issue 10): the web alias in links and the numeric aliases a
 * phone caller types at the Virtual Reception. Both are drawn like every other code (nanoid
 * customAlphabet: crypto.getRandomValues, mask-and-reject, no modulo bias) and are the only thing
 * between a stranger and the room's PIN prompt, so they are long enough not to be found by trying.
 */
import { ACCESS_CODE_LENGTH, DIGITS, validateLength } from './alphabet';
import { assertRoom, makeDrawer, takenSet } from './draw';

/** Web aliases: lower-case letters and digits (Infinity compares aliases case-insensitively). */
export const WEB_ALIAS_ALPHABET = 'abcdefghijklmnopqrstuvwxyz0123456789';

/** Web alias length: 36^20 ≈ 1.3e31, unguessable and collision-free in practice. */
export const WEB_ALIAS_LENGTH = 20;

/** Options of the alias generators. */
export interface AliasOptions {
  /** Aliases already in use (this meeting's other aliases); compared case-insensitively. */
  exclude?: Iterable<string>;
}

/** Options of {@link generateDialAlias}. */
export interface DialAliasOptions extends AliasOptions {
  /** Digits, with the access code's limits (6-15, default 8). */
  length?: number;
}

/**
 * A random web alias: {@link WEB_ALIAS_LENGTH} lower-case letters and digits, with at least one
 * letter, so it can never be mistaken for (or collide with) a numeric dial alias.
 *
 * @throws RangeError on a bad exclude.
 */
export function generateWebAlias(opts: AliasOptions = {}): string {
  const taken = takenSet([...(opts.exclude ?? [])].map((a) => String(a).toLowerCase()));
  const draw = makeDrawer(WEB_ALIAS_ALPHABET, WEB_ALIAS_LENGTH, 'web alias');
  return draw({ has: (alias) => taken.has(alias) || /^[0-9]+$/.test(alias) });
}

/**
 * A random numeric alias (what a caller types at the Virtual Reception as the conference ID):
 * digits, never weak, never one of `exclude`; the same length rules as access codes.
 *
 * @throws RangeError on a bad length or exclude; CodeSpaceExhaustedError when exclusions leave none.
 */
export function generateDialAlias(opts: DialAliasOptions = {}): string {
  const length = validateLength(opts.length ?? ACCESS_CODE_LENGTH.default, ACCESS_CODE_LENGTH.min, ACCESS_CODE_LENGTH.max, 'dial alias length');
  const taken = takenSet(opts.exclude);
  assertRoom(DIGITS, length, taken, 1, 'dial alias');
  return makeDrawer(DIGITS, length, 'dial alias')(taken);
}
