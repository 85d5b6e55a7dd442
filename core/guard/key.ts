/**
 * Keys and PIN fingerprints of the attempt guard.
 */
import type { SavedMeeting } from '../vault/schema';

/**
 * The guard's key for a room: exact origin + `|` + lower-case alias (Pexip aliases are
 * case-insensitive; an origin never contains `|`, so the key is unambiguous). Attempts are
 * counted per room, whatever the web app path or the participant's role.
 */
export function guardKey(origin: string, alias: string): string {
  return `${origin}|${alias.toLowerCase()}`;
}

/** {@link guardKey} of a saved meeting. */
export function guardKeyOf(m: Pick<SavedMeeting, 'origin' | 'alias'>): string {
  return guardKey(m.origin, m.alias);
}

/** Prefix of fingerprints, so they can never be mistaken for a PIN (PINs are digits). */
export const PIN_FINGERPRINT_PREFIX = 'fp1:';

/**
 * A short fingerprint of a PIN that failed in one room: `fp1:` + 8 hex digits of 32-bit FNV-1a
 * over the room key and the PIN.
 *
 * Why a fingerprint and not the PIN: the guard sees every PIN sent to a known node, including
 * ones the user typed by mistake (possibly another secret), and its state sits in extension
 * storage and may end up in logs or bug reports. Why not a salted slow hash: PINs are short
 * (10^4-10^20), so any hash of them can be brute-forced by someone who can read the storage, and
 * that storage holds the vault's PINs in clear anyway; this keeps wrong PINs out of plain sight,
 * no more. Keying by room makes equal PINs in two rooms look different. A collision (2^-32)
 * makes the extension refuse to fill a PIN: fail safe.
 */
export function pinFingerprint(key: string, pin: string): string {
  const text = `${key}\n${pin}`;
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return `${PIN_FINGERPRINT_PREFIX}${h.toString(16).padStart(8, '0')}`;
}
