/** Rooms and helpers shared by the reference node's decision tests. */
import { parseRoomSpec } from '../../../../core/roomSpec';
import type { RoomSpec } from '../../../../core/roomSpec';

export const T0 = Date.UTC(2030, 0, 15, 9, 0, 0);
export const MINUTE = 60_000;

/** Parses a spec or fails the test with the issues. */
export function room(input: Record<string, unknown>): RoomSpec {
  const r = parseRoomSpec(input);
  if (!r.ok) throw new Error(`fixture room is invalid: ${JSON.stringify(r.errors)}`);
  return r.value;
}

/** Host PIN + guest PIN. */
export const PINNED = room({ alias: 'pinned', hostPin: '1234', guestPin: '5678', allowGuests: true });
/** Host PIN, guests join without a PIN (they send `none`). */
export const HOST_ONLY = room({ alias: 'hostonly', hostPin: '1234', allowGuests: true });
/** Host PIN, no guests: everyone must be host. */
export const NO_GUESTS = room({ alias: 'noguests', hostPin: '1234', allowGuests: false });
/** No PIN at all: everyone is host. */
export const OPEN = room({ alias: 'open', allowGuests: false });
/** Meeting credentials: access code + two invitees, meeting 10:00-11:00, lead 15, grace 5. */
export const MEETING = room({
  alias: 'meeting',
  hostPin: '1234',
  allowGuests: true,
  accessCode: { code: '40712583' },
  invitees: [
    { email: 'ana@example.com', name: 'Ana Lima', passcode: '6183' },
    { email: 'bo@example.com', name: 'Bo Chen', passcode: '2759' },
  ],
  meeting: { start: T0 + 60 * MINUTE, end: T0 + 120 * MINUTE },
  leadMinutes: 15,
  graceMinutes: 5,
});
