/**
 * The one place codes are drawn: nanoid's customAlphabet (crypto.getRandomValues with
 * mask-and-reject, so every character is uniform over the alphabet, no modulo bias), redrawn
 * while a draw is weak or already taken, with a hard cap on draws so an over-full space fails
 * fast with a clear error instead of looping forever.
 */
import { customAlphabet } from 'nanoid';
import { CodeSpaceExhaustedError } from './errors';
import { isWeakCode } from './weak';

/**
 * Most draws spent on one code. Weak codes are at most ~12% of any space we allow, so with a
 * free space the chance of 1000 misses is below 0.12^1000; hitting the cap means the caller's
 * exclusions leave (almost) nothing free.
 */
export const MAX_DRAWS_PER_CODE = 1000;

/** A membership test for codes already in use. */
export interface TakenCodes {
  has(code: string): boolean;
}

/**
 * Normalises a code for "already in use" comparisons: a trailing `#` on a digit code is the DTMF
 * terminator, so `1234#` and `1234` are the same code when typed on a keypad.
 */
export function comparableCode(code: string): string {
  return code.length > 1 && code.endsWith('#') && /^[0-9]+$/.test(code.slice(0, -1)) ? code.slice(0, -1) : code;
}

/** Builds the taken-set from a caller's `exclude` (any iterable of strings), normalised. */
export function takenSet(exclude: Iterable<string> | undefined): Set<string> {
  const taken = new Set<string>();
  if (exclude === undefined) return taken;
  if (exclude === null || typeof (exclude as Iterable<string>)[Symbol.iterator] !== 'function' || typeof exclude === 'string') {
    throw new RangeError('exclude must be an iterable of strings (array or Set), not a single string');
  }
  for (const code of exclude) {
    if (typeof code !== 'string') throw new RangeError(`exclude must contain only strings, got ${typeof code}`);
    taken.add(comparableCode(code));
  }
  return taken;
}

/** Number of possible codes; a float, exact up to 2^53 and only compared, never enumerated. */
export function spaceSize(alphabetSize: number, length: number): number {
  return alphabetSize ** length;
}

/** A reusable drawer for one alphabet and length. */
export type CodeDrawer = (taken: TakenCodes) => string;

/**
 * Spaces up to this size are enumerated when random draws keep hitting taken codes, so a nearly
 * full small space (4-digit PINs with thousands excluded) still yields its last free codes.
 */
export const ENUMERATION_LIMIT = 200_000;

/**
 * Makes a drawer returning uniformly random, non-weak codes not in `taken`.
 * Alphabet and length must already be validated.
 *
 * @param what names the code in errors, e.g. `access code`.
 * @throws CodeSpaceExhaustedError when no free non-weak code exists (small spaces, checked
 *   exhaustively) or none was found in {@link MAX_DRAWS_PER_CODE} draws (large spaces).
 */
export function makeDrawer(alphabet: string, length: number, what: string): CodeDrawer {
  // Draw characters in batches and slice: each character is independent and uniform, so a slice
  // is a uniform code, and one crypto call per batch keeps 10,000 invitee codes fast. At most
  // 128 characters per batch: nanoid asks crypto for up to ~3.2 bytes per character and its
  // Node pool (128x the request) must stay under getRandomValues' 65,536-byte cap.
  const batch = Math.max(1, Math.floor(128 / length));
  const random = customAlphabet(alphabet, length * batch);
  let buffer = '';
  let offset = 0;
  const next = (): string => {
    if (offset >= buffer.length) {
      buffer = random();
      offset = 0;
    }
    offset += length;
    return buffer.slice(offset - length, offset);
  };
  return (taken) => {
    for (let i = 0; i < MAX_DRAWS_PER_CODE; i++) {
      const code = next();
      if (!taken.has(code) && !isWeakCode(code)) return code;
    }
    const size = spaceSize(alphabet.length, length);
    if (size <= ENUMERATION_LIMIT) {
      const free = freeCodes(alphabet, length, taken);
      if (free.length > 0) return free[randomIndex(free.length)] as string;
      throw new CodeSpaceExhaustedError(
        `no fresh, non-weak ${what} of length ${length} over ${alphabet.length} characters is left: ` +
          `every one of the ${size} codes is weak or excluded; use a longer code`,
      );
    }
    throw new CodeSpaceExhaustedError(
      `no fresh, non-weak ${what} of length ${length} over ${alphabet.length} characters found in ` +
        `${MAX_DRAWS_PER_CODE} draws: too many codes are excluded; use a longer code`,
    );
  };
}

/** Every non-weak code of this shape not in `taken` (small spaces only). */
function freeCodes(alphabet: string, length: number, taken: TakenCodes): string[] {
  const base = alphabet.length;
  const size = spaceSize(base, length);
  const free: string[] = [];
  for (let n = 0; n < size; n++) {
    let code = '';
    for (let i = 0, rest = n; i < length; i++, rest = Math.floor(rest / base)) code = alphabet.charAt(rest % base) + code;
    if (!taken.has(code) && !isWeakCode(code)) free.push(code);
  }
  return free;
}

/**
 * A uniform integer in [0, n) from the crypto source: draw a uniform decimal number with one
 * digit more than n needs and reject the top, incomplete stretch (no modulo bias).
 */
function randomIndex(n: number): number {
  const digits = String(n).length + 1;
  const span = 10 ** digits;
  const limit = span - (span % n);
  const draw = customAlphabet('0123456789', digits);
  for (let i = 0; i < MAX_DRAWS_PER_CODE; i++) {
    const v = Number(draw());
    if (v < limit) return v % n;
  }
  throw new CodeSpaceExhaustedError('random source kept returning out-of-range values'); // p < 0.1^1000
}

/**
 * Fails fast when `needed` fresh codes cannot possibly fit beside `taken` codes of this shape.
 *
 * @throws CodeSpaceExhaustedError naming the numbers.
 */
export function assertRoom(alphabet: string, length: number, taken: ReadonlySet<string>, needed: number, what: string): void {
  const size = spaceSize(alphabet.length, length);
  if (size > 1e12) return; // no caller can exclude a meaningful part of this
  let sameShape = 0;
  for (const code of taken) if (code.length === length) sameShape++;
  if (needed + sameShape > size) {
    throw new CodeSpaceExhaustedError(
      `${needed} new ${what}(s) of length ${length} cannot fit: only ${size} codes exist and ` +
        `${sameShape} are excluded; use a longer code`,
    );
  }
}
