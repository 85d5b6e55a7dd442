/**
 * One length for every code typed at a room's PIN prompt. Infinity refuses a service whose host
 * PIN and guest PIN differ in length unless both end in `#` (platform facts §6), and in issue 10
 * the guest PIN of an answer is the meeting's passcode (shared) or the invitee's (unique). So the
 * host PIN, a guest PIN and every passcode get the same length: the larger of the policy's
 * minimum PIN length and its passcode length. The policy's numbers keep their meaning as lower
 * bounds; they only ever grow, never weaken a code. (core/roomSpec's pinLengthIssues refuses rooms
 * that break the rule; this makes generated codes keep it.)
 */
import { PIN_LENGTH, validateLength } from './alphabet';

/** The policy numbers that decide the length. */
export interface PromptLengthInput {
  /** `organizer.pin.minLength` (4-20). */
  pinMinLength: number;
  /** `organizer.passcodes.length` (6-15). */
  passcodeLength: number;
}

/**
 * Digits of every generated code checked at the PIN prompt (host PIN, guest PIN, passcodes).
 *
 * @throws RangeError when either input is outside Pexip's 4-20 digits.
 */
export function pinPromptLength(input: PromptLengthInput): number {
  const pin = validateLength(input.pinMinLength, PIN_LENGTH.min, PIN_LENGTH.max, 'minimum PIN length');
  const passcode = validateLength(input.passcodeLength, PIN_LENGTH.min, PIN_LENGTH.max, 'passcode length');
  return Math.max(pin, passcode);
}

