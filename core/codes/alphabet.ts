/**
 * Alphabets and length limits for generated codes. Kept apart from the generators so the
 * limits can be shown in UIs and reused by validators without pulling in randomness.
 */

/** The default code alphabet: decimal digits, the only thing a phone keypad (DTMF) can send. */
export const DIGITS = '0123456789';

/** Access-code (and invitee-passcode) length limits, inclusive. */
export const ACCESS_CODE_LENGTH = { min: 6, max: 15, default: 8 } as const;

/** Generated PIN length limits, inclusive (Pexip: 4-20 digits). Generated PINs never carry `#`. */
export const PIN_LENGTH = { min: 4, max: 20, default: 6 } as const;

/** Custom alphabet size limits, inclusive. 64 keeps nanoid's mask-and-reject cheap. */
export const ALPHABET_SIZE = { min: 2, max: 64 } as const;

/**
 * Checks a custom alphabet: 2..64 characters, each visible ASCII (`!`..`~`), no repeats.
 * Visible ASCII only because codes are typed by people, put in URLs and read over the phone;
 * astral or combining characters would also break nanoid's per-code-unit indexing.
 *
 * @returns the alphabet unchanged.
 * @throws RangeError naming the problem (size, offending character and its position, duplicate).
 */
export function validateAlphabet(alphabet: string): string {
  if (typeof alphabet !== 'string') {
    throw new RangeError(`alphabet must be a string, got ${typeof alphabet}`);
  }
  if (alphabet.length < ALPHABET_SIZE.min || alphabet.length > ALPHABET_SIZE.max) {
    throw new RangeError(
      `alphabet must have ${ALPHABET_SIZE.min}-${ALPHABET_SIZE.max} characters, got ${alphabet.length}`,
    );
  }
  const seen = new Set<string>();
  for (let i = 0; i < alphabet.length; i++) {
    const ch = alphabet.charAt(i);
    const code = alphabet.charCodeAt(i);
    if (code < 0x21 || code > 0x7e) {
      throw new RangeError(
        `alphabet character at index ${i} (U+${code.toString(16).toUpperCase().padStart(4, '0')}) is not visible ASCII (! to ~)`,
      );
    }
    if (seen.has(ch)) {
      throw new RangeError(`alphabet has a repeated character ${JSON.stringify(ch)} at index ${i}`);
    }
    seen.add(ch);
  }
  return alphabet;
}

/**
 * Checks that `length` is an integer in `[min, max]`.
 *
 * @param what names the value in the error, e.g. `access code length`.
 * @throws RangeError naming `what`, the limits and the value received.
 */
export function validateLength(length: number, min: number, max: number, what: string): number {
  if (!Number.isInteger(length) || length < min || length > max) {
    throw new RangeError(`${what} must be an integer from ${min} to ${max}, got ${String(length)}`);
  }
  return length;
}
