/**
 * Pexip PIN format: 4-20 characters, digits 0-9, optionally ending in one `#` that counts toward
 * the length (so `123#` is the shortest PIN with a terminator).
 */
import type { Result } from '../types';

/** PIN length limits, inclusive, counting a trailing `#`. */
export const PIN_FORMAT_LENGTH = { min: 4, max: 20 } as const;

const PIN_PATTERN = /^[0-9]{3,20}#?$/;

/** Whether `pin` is a well-formed Pexip PIN (4-20 chars, digits, optional trailing `#`). */
export function isValidPinFormat(pin: unknown): pin is string {
  return typeof pin === 'string' && pin.length >= PIN_FORMAT_LENGTH.min && pin.length <= PIN_FORMAT_LENGTH.max && PIN_PATTERN.test(pin);
}

/**
 * Validates a PIN and says what is wrong.
 *
 * @param path names the PIN in the issue, e.g. `hostPin`.
 * @returns the PIN unchanged, or one issue at `path`.
 */
export function validatePin(pin: unknown, path = 'pin'): Result<string> {
  if (isValidPinFormat(pin)) return { ok: true, value: pin };
  let message: string;
  if (typeof pin !== 'string') message = `must be a string of digits, got ${pin === null ? 'null' : typeof pin}`;
  else if (pin.length < PIN_FORMAT_LENGTH.min || pin.length > PIN_FORMAT_LENGTH.max)
    message = `must be ${PIN_FORMAT_LENGTH.min}-${PIN_FORMAT_LENGTH.max} characters (a trailing # counts), got ${pin.length}`;
  else if (pin.slice(0, -1).includes('#')) message = 'may contain # only as the last character';
  else message = 'must contain only digits 0-9, optionally ending in #';
  return { ok: false, errors: [{ path, message }] };
}

/** The PIN without its trailing `#` terminator, for comparing two PINs as a keypad sees them. */
export function pinDigits(pin: string): string {
  return pin.endsWith('#') ? pin.slice(0, -1) : pin;
}
