/**
 * Per-invitee passcodes: each invitee gets their own code, so a leaked link names its owner.
 */
import { ACCESS_CODE_LENGTH, DIGITS, PIN_LENGTH, validateAlphabet, validateLength } from './alphabet';
import { assertRoom, makeDrawer, takenSet } from './draw';
import { normaliseInviteeEmails } from './email';
import type { CodeOptions } from './generate';

/**
 * One passcode per invitee: emails are trimmed, lower-cased and de-duplicated (first-seen order);
 * passcodes are distinct from each other and from `exclude` (pass the meeting's access code and
 * PINs there), never weak. Linear time: 10,000 invitees take a few milliseconds.
 *
 * @param opts length 6-20 (default 8; up to Pexip's 20 PIN digits, since a passcode is the guest
 *   PIN of its alias and must match the host PIN's length, see pinPromptLength), alphabet, exclude.
 * @throws RangeError listing invalid emails, or on a bad length/alphabet/exclude;
 *   CodeSpaceExhaustedError when the invitees do not fit in the code space.
 */
export function generateInviteePasscodes(
  emails: readonly string[],
  opts: CodeOptions = {},
): Array<{ email: string; passcode: string }> {
  const alphabet = validateAlphabet(opts.alphabet ?? DIGITS);
  const length = validateLength(opts.length ?? ACCESS_CODE_LENGTH.default, ACCESS_CODE_LENGTH.min, PIN_LENGTH.max, 'passcode length');
  const unique = normaliseInviteeEmails(emails);
  const taken = takenSet(opts.exclude);
  assertRoom(alphabet, length, taken, unique.length, 'passcode');
  const draw = makeDrawer(alphabet, length, 'passcode');
  return unique.map((email) => {
    const passcode = draw(taken);
    taken.add(passcode);
    return { email, passcode };
  });
}
