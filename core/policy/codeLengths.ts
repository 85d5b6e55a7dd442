/**
 * The lengths codes are actually made with, from the policy's numbers: the one rule that the
 * Outlook pane (which generates the codes), `securejoin policy check` (which judges their guess
 * risk), the policy's own validation and the reference node's demo room all follow.
 *
 * Every code typed at a room's PIN prompt (host PIN, guest PIN, each passcode) gets one length,
 * the larger of `organizer.pin.minLength` and `organizer.passcodes.length` (core/codes'
 * pinPromptLength says why: Infinity refuses a host PIN and a guest PIN of different lengths).
 * So under a policy of 10-digit PINs and 8-digit passcodes, passcodes have 10 digits, and their
 * guess risk is that of 10 digits. The access code is the dial-in alias, not typed at the PIN
 * prompt: it keeps its own length.
 */
import { pinPromptLength } from '../codes/promptLength';

/** The policy (or merged settings') numbers the lengths follow from. */
export interface CodeLengthSettings {
  /** `organizer.accessCode.length` (6-15). */
  accessCodeLength: number;
  /** `organizer.passcodes.length` (6-15). */
  passcodeLength: number;
  /** `organizer.pin.minLength` (4-20). */
  pinMinLength: number;
}

/** Digits of each kind of generated code. */
export interface CodeLengths {
  accessCode: number;
  passcode: number;
  pin: number;
}

/**
 * The digits each generated code has under `settings`.
 *
 * @throws RangeError when a PIN-prompt length is outside Pexip's 4-20 digits (a schema-valid policy never is).
 */
export function effectiveCodeLengths(settings: CodeLengthSettings): CodeLengths {
  const prompt = pinPromptLength({ pinMinLength: settings.pinMinLength, passcodeLength: settings.passcodeLength });
  return { accessCode: settings.accessCodeLength, passcode: prompt, pin: prompt };
}

/** {@link effectiveCodeLengths} of a policy's own values (its `organizer` settings, locks aside). */
export function policyCodeLengths(organizer: { accessCode: { length: { value: number } }; passcodes: { length: { value: number } }; pin: { minLength: { value: number } } }): CodeLengths {
  return effectiveCodeLengths({
    accessCodeLength: organizer.accessCode.length.value,
    passcodeLength: organizer.passcodes.length.value,
    pinMinLength: organizer.pin.minLength.value,
  });
}
