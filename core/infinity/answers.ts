/**
 * The policy answers Infinity accepts (platform facts §6): a conference for an alias inside its
 * occurrence's window, `reject` for everything else, and a participant's display name.
 */
import type { AliasKind } from '../roomSpec/aliases';
import { roomWindowAt } from '../roomSpec/window';
import type { RoomSpec, RoomWindow } from '../roomSpec/types';
import type { EpochMs } from '../types';

/** The `service_tag` that marks SecureJoin's conferences (participant requests echo it back). */
export const SERVICE_TAG = 'securejoin';

/** Infinity refuses an answer with a value longer than this. */
export const MAX_VALUE_LENGTH = 250;

export interface ConferenceResult {
  service_type: 'conference';
  name: string;
  service_tag: string;
  description: string;
  pin?: string;
  allow_guests: boolean;
  guest_pin?: string;
}

export type ServiceConfigurationAnswer =
  | { status: 'success'; action: 'continue'; result: ConferenceResult }
  | { status: 'success'; action: 'reject' };

export type ParticipantPropertiesAnswer =
  | { status: 'success'; action: 'continue'; result: { remote_display_name: string } }
  | { status: 'success'; action: 'continue' };

export const REJECT: ServiceConfigurationAnswer = { status: 'success', action: 'reject' };
export const CONTINUE: ParticipantPropertiesAnswer = { status: 'success', action: 'continue' };

/** What the store found for an alias: the meeting and which alias of it was asked for. */
export interface AliasedMeeting {
  meetingId: string;
  subject: string;
  room: RoomSpec;
  kind: AliasKind;
  inviteeIndex: number | null;
}

/** How a meeting protects guests: derived from the room (contract: invitees = unique, guest PIN = shared). */
export type PasscodeMode = 'unique' | 'shared' | 'none';

export function passcodeModeOf(room: RoomSpec): PasscodeMode {
  if (room.invitees.length > 0) return 'unique';
  return room.guestPin !== null ? 'shared' : 'none';
}

/** The conference's stable name: every alias of one meeting lands in one conference. */
export function conferenceName(meetingId: string): string {
  return `securejoin-${meetingId}`;
}

/** The open window of the meeting at `now` (sent, inside an occurrence's window), else null. */
export function openWindow(found: AliasedMeeting, now: EpochMs): RoomWindow | null {
  if (!found.room.sent) return null;
  return roomWindowAt(found.room, now);
}

/** Cuts a string to Infinity's limit on code points, never in the middle of a surrogate pair. */
export function truncate(value: string, max = MAX_VALUE_LENGTH): string {
  // Within `max` UTF-16 units is within `max` code points: nothing to cut, nothing to split.
  if (value.length <= max) return value;
  const chars = Array.from(value);
  return chars.length <= max ? value : chars.slice(0, max).join('');
}

/**
 * Service configuration for an alias that exists (null = unknown alias): the conference inside
 * the open window, else reject. Guest PINs per alias kind:
 * - unique mode: a personal alias answers with that invitee's passcode; the shared aliases admit
 *   no guests (host PIN only), so the access code alone opens nothing;
 * - shared mode: the guest PIN (the shared passcode) on the shared aliases;
 * - none: guests with the access code alone, into the lobby until a host joins.
 * A room without a host PIN is answered without one only when it allows no guests (Infinity
 * refuses `allow_guests` without a host PIN; everyone is then host).
 */
export function decideServiceConfiguration(found: AliasedMeeting | null, now: EpochMs): ServiceConfigurationAnswer {
  return answersAt(found, now) ? openAnswer(found) : REJECT;
}

/** Whether an alias (null = unknown) is answered with its conference at `now`, not refused: known, sent, inside a window. */
export function answersAt(found: AliasedMeeting | null, now: EpochMs): found is AliasedMeeting {
  return found !== null && openWindow(found, now) !== null;
}

/**
 * The answer of an alias whose window is open: a function of the meeting and alias alone, never
 * of the time, so a shell may keep it (serialized) for as long as the window stays open and the
 * meeting unchanged (service/routes/policyBodies.ts).
 */
export function openAnswer(found: AliasedMeeting): ServiceConfigurationAnswer {
  const { room } = found;
  const base = {
    service_type: 'conference' as const,
    name: conferenceName(found.meetingId),
    service_tag: SERVICE_TAG,
    description: truncate(found.subject),
  };
  if (room.hostPin === null) return { status: 'success', action: 'continue', result: { ...base, allow_guests: false } };
  const pin = room.hostPin;
  const personal = found.kind === 'inviteeWeb' || found.kind === 'inviteeDial';
  const guestPin = guestPinFor(room, personal ? found.inviteeIndex : null);
  if (guestPin === undefined) return REJECT;
  const result: ConferenceResult =
    guestPin === null
      ? { ...base, pin, allow_guests: room.allowGuests && passcodeModeOf(room) === 'none' }
      : { ...base, pin, allow_guests: true, guest_pin: guestPin };
  return { status: 'success', action: 'continue', result };
}

/** The guest PIN an alias answers with: a string, null (no guest PIN), or undefined (no such invitee: reject). */
function guestPinFor(room: RoomSpec, inviteeIndex: number | null): string | null | undefined {
  const mode = passcodeModeOf(room);
  if (inviteeIndex !== null) return room.invitees[inviteeIndex]?.passcode;
  if (mode === 'shared' && room.allowGuests) return room.guestPin;
  return null;
}

/**
 * The highest "Name (n)" counted: a personal link shared with more people than this is shown as
 * "Name (999+)" for every further one, and the store stops adding rows for it (a leaked link
 * cannot grow the table without bound).
 */
export const MAX_NAME_ORDINAL = 999;

/** "Ana Lima", then "Ana Lima (2)", "Ana Lima (3)"... "Ana Lima (999+)", within Infinity's length limit. */
export function displayName(name: string, ordinal: number): string {
  const suffix = ordinal > MAX_NAME_ORDINAL ? ` (${MAX_NAME_ORDINAL}+)` : ordinal > 1 ? ` (${ordinal})` : '';
  return truncate(name, MAX_VALUE_LENGTH - suffix.length) + suffix;
}
