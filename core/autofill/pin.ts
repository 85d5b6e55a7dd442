/**
 * Which PIN to send for a saved meeting, given what the node's PIN prompt says about the room
 * (the SDK's `onPinRequired({hasHostPin, hasGuestPin})`, or the 403 body's `pin`/`guest_pin`).
 */
import { NO_GUEST_PIN } from '../vault/schema';
import type { SavedMeeting } from '../vault/schema';

/** What the PIN prompt says about the room. */
export interface PinPrompt {
  /** The room has a host PIN (`pin: "required"`). */
  hasHostPin: boolean;
  /** Guests need a PIN of their own (`guest_pin: "required"`); false: guests join with `none`. */
  hasGuestPin: boolean;
}

/** The PIN to send, or why there is none. */
export type PinChoice =
  | { ok: true; pin: string }
  | { ok: false; reason: 'no-pin-needed' | 'guest-pin-required' };

/**
 * Decides the PIN for `meeting` (without a prompt: the saved PIN as is).
 * - host: the saved host PIN; if the prompt says the room has no PIN, nothing is needed.
 * - guest where the room needs no guest PIN (`hasGuestPin` false): `none`, whatever was saved
 *   (that is what Pexip's clients send; a saved PIN would be rejected as wrong).
 * - guest saved as `none` where the prompt says guests need a PIN: no PIN to send.
 */
export function choosePin(meeting: Pick<SavedMeeting, 'role' | 'pin'>, prompt?: PinPrompt): PinChoice {
  if (prompt !== undefined && !prompt.hasHostPin) return { ok: false, reason: 'no-pin-needed' };
  if (meeting.role === 'host') {
    // A host record never holds "none" (the schema refuses it); fail closed anyway.
    return meeting.pin === NO_GUEST_PIN ? { ok: false, reason: 'no-pin-needed' } : { ok: true, pin: meeting.pin };
  }
  if (prompt !== undefined && !prompt.hasGuestPin) return { ok: true, pin: NO_GUEST_PIN };
  if (meeting.pin === NO_GUEST_PIN && prompt?.hasGuestPin === true) return { ok: false, reason: 'guest-pin-required' };
  return { ok: true, pin: meeting.pin };
}

/**
 * The `pin` value to send for `meeting`: the host PIN for a host; for a guest the guest PIN, or
 * `none` where the room needs no guest PIN. Null when there is nothing to send (see {@link choosePin}).
 */
export function pinToSend(meeting: Pick<SavedMeeting, 'role' | 'pin'>, prompt?: PinPrompt): string | null {
  const choice = choosePin(meeting, prompt);
  return choice.ok ? choice.pin : null;
}
