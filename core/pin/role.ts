/**
 * What a conferencing node decides from a room's PIN config and what the caller sent.
 */
import { constantTimeEqual } from './constantTime';
import { validatePinConfig } from './config';
import type { PinConfig } from './config';

/** Outcome of a join attempt's PIN check. */
export type PinCheckOutcome = 'host' | 'guest' | 'rejected' | 'pin_required';

/** The `pin` header value a guest sends to join a room whose guests need no PIN. */
export const GUEST_NO_PIN = 'none';

/**
 * The role a join attempt gets.
 * - No host PIN: everybody is host, whatever was sent.
 * - `entered === null` (no `pin` header): `pin_required`.
 * - The host PIN: `host`; the guest PIN (guests allowed): `guest`.
 * - The literal `none` where guests are allowed without a PIN: `guest`.
 * - Anything else, including `''` and `none` where guests need a PIN: `rejected`.
 * An invalid config fails closed: `rejected` for everyone.
 * Both PINs are always compared, each in constant time, so timing does not tell which matched.
 */
export function resolveRole(cfg: PinConfig, entered: string | null): PinCheckOutcome {
  if (!validatePinConfig(cfg).ok) return 'rejected';
  if (cfg.hostPin === null) return 'host';
  if (entered === null) return 'pin_required';
  if (typeof entered !== 'string') return 'rejected';
  const isHost = constantTimeEqual(entered, cfg.hostPin);
  const isGuest = cfg.allowGuests && constantTimeEqual(entered, cfg.guestPin ?? GUEST_NO_PIN);
  if (isHost) return 'host';
  if (isGuest) return 'guest';
  return 'rejected';
}

/**
 * The PIN prompt a node answers with (Pexip's 403 body fields). `guest_pin: 'none'` means guests
 * may join without a PIN; it is `'required'` when guests need a PIN and also when guests are not
 * allowed (every participant must then enter the host PIN). With no host PIN both are `'none'`.
 */
export function pinPrompt(cfg: PinConfig): { pin: 'required' | 'none'; guest_pin: 'required' | 'none' } {
  if (cfg.hostPin === null) return { pin: 'none', guest_pin: 'none' };
  return { pin: 'required', guest_pin: cfg.allowGuests && cfg.guestPin === null ? 'none' : 'required' };
}

/**
 * Lobby rule: with a PIN set and guests allowed, guests wait until the first host joins.
 * (No host PIN means everyone is host, so nobody waits.)
 */
export function guestsWaitForHost(cfg: PinConfig): boolean {
  return cfg.hostPin !== null && cfg.allowGuests;
}
