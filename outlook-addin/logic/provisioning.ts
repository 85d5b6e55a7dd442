/**
 * The room a meeting needs on its conference node: PINs, access code, invitees with passcodes,
 * time, recurrence. The add-in sends it to the meeting service (as `room` in a meeting write),
 * which registers it on the node, so the codes in the invite actually open the room.
 */
import { singleLine } from '../../core/invite/escape';
import type { RoomSpecInput } from '../../core/roomSpec';
import { isMinted } from './minted';
import type { MeetingSecurity, MeetingSnapshot, OrganizerSettings } from './types';

/** A room as the add-in writes it: core's room spec, with every alias optional (the service mints what is left out). */
export type RoomWrite = Omit<RoomSpecInput, 'alias' | 'accessCode' | 'invitees'> & {
  alias?: string;
  accessCode: { code?: string; role: 'guest' } | null;
  invitees: Array<{ email: string; name: string; passcode: string; alias?: string; dialAlias?: string }>;
};

/**
 * The room spec (POLICY-CONTRACT): PINs, the access code (= the numeric alias, guest role),
 * invitees with passcodes, the meeting time and `sent` (false: a draft registered at insert,
 * which opens nothing; the send check writes true).
 * Aliases (web alias, access code, personal aliases) are the service's to mint (./minted.ts):
 * with a meeting service, only those it minted for this meeting are carried back, and none when
 * `create` (a create carrying any alias is refused); the others are left out and minted. Without
 * a service (a roster export for an administrator to enter by hand) every alias is in the spec.
 * The passcode mode is derived by the service: invitees = unique; else `guestPin` = shared (the
 * shared passcode is the guest PIN of the meeting's aliases); else none.
 * A series is registered whole: its first occurrence as `meeting` plus its zone and rule as
 * `recurrence`, so the node opens the codes in every occurrence's window, not just the next one.
 * Text fields lose control characters (the service refuses them; a tab in a subject is a space).
 */
export function roomSpecFor(meeting: MeetingSnapshot, security: MeetingSecurity, settings: OrganizerSettings, sent = false, create = false): RoomWrite {
  const service = settings.service;
  const carry = (value: string | null | undefined): string | undefined => {
    if (value === null || value === undefined || create) return undefined;
    return !service || isMinted(security, service, value) ? value : undefined;
  };
  const series = meeting.recurrence;
  const time = series ? { start: series.start, end: series.end } : { start: meeting.start, end: meeting.end };
  const roster = security.passcodeMode === 'per-invitee' ? (security.roster?.invitees ?? []) : [];
  const invitees = roster.map((i) => {
    const alias = carry(i.alias);
    const dialAlias = carry(i.dialAlias);
    return { email: i.email, name: singleLine(i.name, 200) || i.email, passcode: i.passcode, ...(alias ? { alias } : {}), ...(dialAlias ? { dialAlias } : {}) };
  });
  const guestPin = security.passcodeMode === 'shared' && security.sharedPasscode ? security.sharedPasscode : security.guestPin;
  const name = singleLine(meeting.subject, 200);
  const alias = carry(security.alias);
  const accessCode = carry(security.accessCode);
  return {
    ...(alias ? { alias } : {}),
    ...(name ? { name } : {}),
    hostPin: security.hostPin,
    guestPin,
    allowGuests: true,
    accessCode: security.accessCode ? { ...(accessCode ? { code: accessCode } : {}), role: 'guest' } : null,
    invitees,
    sent,
    meeting: time,
    leadMinutes: settings.leadMinutes,
    graceMinutes: settings.graceMinutes,
    ...(series ? { recurrence: { timeZone: series.timeZone, rule: { ...series.rule, daysOfWeek: series.rule.daysOfWeek && [...series.rule.daysOfWeek] } } } : {}),
  };
}
