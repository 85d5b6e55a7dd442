/**
 * Meeting code generators: access codes, PINs and host/guest PIN pairs. Every code is uniform
 * over its alphabet (crypto source, no modulo bias), never weak (see isWeakCode) and never one
 * the caller excluded (back-to-back meetings, the other PIN of a pair).
 */
import { ACCESS_CODE_LENGTH, DIGITS, PIN_LENGTH, validateAlphabet, validateLength } from './alphabet';
import { assertRoom, makeDrawer, takenSet } from './draw';

/** Options for access codes and invitee passcodes. */
export interface CodeOptions {
  /** Characters, 6-15; default 8. */
  length?: number;
  /** Alphabet (2-64 unique visible ASCII characters); default {@link DIGITS}. */
  alphabet?: string;
  /** Codes already in use that must not be returned (a trailing `#` is ignored when comparing). */
  exclude?: Iterable<string>;
}

/** Options for PINs, which are always digits. */
export interface PinOptions {
  /** Digits, 4-20; default 6. */
  length?: number;
  /** Codes already in use that must not be returned. */
  exclude?: Iterable<string>;
}

/** Options for a host/guest PIN pair. */
export interface PinPairOptions {
  /** Host PIN digits, 4-20; default 6. */
  hostLength?: number;
  /** Guest PIN digits, 4-20; default 6. */
  guestLength?: number;
  /** Codes already in use that neither PIN may be. */
  exclude?: Iterable<string>;
}

/**
 * A random access code (conference alias / one-time code).
 *
 * @param opts length 6-15 (default 8), alphabet (default digits), exclude.
 * @throws RangeError on a bad length, alphabet or exclude; CodeSpaceExhaustedError when the
 *   exclusions leave no fresh non-weak code.
 */
export function generateAccessCode(opts: CodeOptions = {}): string {
  const alphabet = validateAlphabet(opts.alphabet ?? DIGITS);
  const length = validateLength(opts.length ?? ACCESS_CODE_LENGTH.default, ACCESS_CODE_LENGTH.min, ACCESS_CODE_LENGTH.max, 'access code length');
  const taken = takenSet(opts.exclude);
  assertRoom(alphabet, length, taken, 1, 'access code');
  return makeDrawer(alphabet, length, 'access code')(taken);
}

/**
 * A random numeric PIN (never with a trailing `#`; Pexip accepts PINs without one).
 *
 * @param opts length 4-20 digits (default 6), exclude.
 * @throws RangeError on a bad length or exclude; CodeSpaceExhaustedError when exclusions leave
 *   no fresh non-weak PIN.
 */
export function generatePin(opts: PinOptions = {}): string {
  const length = validateLength(opts.length ?? PIN_LENGTH.default, PIN_LENGTH.min, PIN_LENGTH.max, 'PIN length');
  const taken = takenSet(opts.exclude);
  assertRoom(DIGITS, length, taken, 1, 'PIN');
  return makeDrawer(DIGITS, length, 'PIN')(taken);
}

/**
 * A host PIN and a guest PIN that differ, and where neither is a prefix of the other (so a
 * keypad caller who types one cannot be mistaken for the other while still typing).
 *
 * @throws RangeError on a bad length or exclude; CodeSpaceExhaustedError when exclusions leave
 *   no fresh pair.
 */
export function generatePinPair(opts: PinPairOptions = {}): { hostPin: string; guestPin: string } {
  const hostLength = validateLength(opts.hostLength ?? PIN_LENGTH.default, PIN_LENGTH.min, PIN_LENGTH.max, 'host PIN length');
  const guestLength = validateLength(opts.guestLength ?? PIN_LENGTH.default, PIN_LENGTH.min, PIN_LENGTH.max, 'guest PIN length');
  const taken = takenSet(opts.exclude);
  assertRoom(DIGITS, hostLength, taken, hostLength === guestLength ? 2 : 1, 'PIN');
  const hostPin = makeDrawer(DIGITS, hostLength, 'host PIN')(taken);
  const drawGuest = makeDrawer(DIGITS, guestLength, 'guest PIN');
  const guestTaken = {
    has: (code: string): boolean => taken.has(code) || hostPin.startsWith(code) || code.startsWith(hostPin),
  };
  return { hostPin, guestPin: drawGuest(guestTaken) };
}
