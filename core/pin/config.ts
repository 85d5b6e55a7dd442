/**
 * A room's PIN configuration and its Pexip rules.
 */
import type { Issue, Result } from '../types';
import { pinDigits, validatePin } from './format';

/**
 * PIN settings of one Virtual Meeting Room.
 * - `hostPin` null: no PIN at all, everyone joins as host (and guests cannot be allowed).
 * - `guestPin` null with `allowGuests`: guests join without a PIN (sending `none`) and wait for a host.
 */
export interface PinConfig {
  hostPin: string | null;
  guestPin: string | null;
  allowGuests: boolean;
}

/**
 * Checks a PIN configuration against Pexip's rules: each PIN 4-20 digits with an optional trailing
 * `#` (counted); guests allowed only with a host PIN; a guest PIN only with a host PIN and
 * guests allowed; host and guest PIN differ. Stricter than Pexip in one place, on purpose: the
 * two PINs must both end in `#` or neither, because over a keypad `#` is also the "done" key and
 * `1234` vs `1234#` (or a mix) makes the entered role ambiguous.
 *
 * @returns a copy of the config, or every issue found (paths `hostPin`, `guestPin`, `allowGuests`).
 */
export function validatePinConfig(cfg: PinConfig): Result<PinConfig> {
  if (typeof cfg !== 'object' || cfg === null) {
    return { ok: false, errors: [{ path: '', message: 'PIN configuration must be an object' }] };
  }
  const errors: Issue[] = [];
  const { hostPin, guestPin, allowGuests } = cfg;
  if (hostPin !== null) {
    const r = validatePin(hostPin, 'hostPin');
    if (!r.ok) errors.push(...r.errors);
  }
  if (guestPin !== null) {
    const r = validatePin(guestPin, 'guestPin');
    if (!r.ok) errors.push(...r.errors);
  }
  if (typeof allowGuests !== 'boolean') {
    errors.push({ path: 'allowGuests', message: `must be true or false, got ${typeof allowGuests}` });
  }
  if (allowGuests === true && hostPin === null) {
    errors.push({ path: 'allowGuests', message: 'guests can only be allowed when a host PIN is set' });
  }
  if (guestPin !== null && hostPin === null) {
    errors.push({ path: 'guestPin', message: 'a guest PIN needs a host PIN' });
  } else if (guestPin !== null && allowGuests === false) {
    errors.push({ path: 'guestPin', message: 'a guest PIN is set but guests are not allowed' });
  }
  if (typeof hostPin === 'string' && typeof guestPin === 'string') {
    if (hostPin === guestPin) {
      errors.push({ path: 'guestPin', message: 'must differ from the host PIN' });
    } else if (hostPin.endsWith('#') !== guestPin.endsWith('#')) {
      errors.push({
        path: 'guestPin',
        message:
          pinDigits(hostPin) === pinDigits(guestPin)
            ? 'must differ from the host PIN in its digits, not only by the trailing #'
            : 'must end in # exactly when the host PIN does',
      });
    }
  }
  if (errors.length > 0) return { ok: false, errors };
  return { ok: true, value: { hostPin, guestPin, allowGuests } };
}
