/**
 * The room a meeting needs on its conference node: PINs, access code, invitees with passcodes,
 * time, recurrence. The add-in sends it to the meeting service (as `room` in a meeting write),
 * which registers it on the node, so the codes in the invite actually open the room.
 */
import type { RoomSpecInput } from '../../core/room';
import type { MeetingSecurity, MeetingSnapshot, OrganizerSettings } from './types';
import { BUTTON, press } from './wording';

/**
 * The room spec (POLICY-CONTRACT): the web alias, PINs, the access code (= the numeric alias,
 * guest role), invitees with passcodes and personal aliases, the meeting time and `sent`
 * (false: a draft registered at insert, which opens nothing; the send check writes true).
 * The passcode mode is derived by the service: invitees = unique; else `guestPin` = shared (the
 * shared passcode is the guest PIN of the meeting's aliases); else none.
 * A series is registered whole: its first occurrence as `meeting` plus its zone and rule as
 * `recurrence`, so the node opens the codes in every occurrence's window, not just the next one.
 */
export function roomSpecFor(meeting: MeetingSnapshot, security: MeetingSecurity, settings: OrganizerSettings, sent = false): RoomSpecInput {
  const series = meeting.recurrence;
  const time = series ? { start: series.start, end: series.end } : { start: meeting.start, end: meeting.end };
  const roster = security.passcodeMode === 'per-invitee' ? (security.roster?.invitees ?? []) : [];
  const invitees = roster.map((i) => {
    if (!i.alias || !i.dialAlias) throw new RangeError(`The invitee ${i.email} has no personal alias yet: ${press(BUTTON.update)}.`);
    return { email: i.email, name: i.name.slice(0, 200), passcode: i.passcode, alias: i.alias, dialAlias: i.dialAlias };
  });
  const guestPin = security.passcodeMode === 'shared' && security.sharedPasscode ? security.sharedPasscode : security.guestPin;
  const name = meeting.subject.trim().slice(0, 200);
  return {
    alias: security.alias,
    ...(name ? { name } : {}),
    hostPin: security.hostPin,
    guestPin,
    allowGuests: true,
    accessCode: security.accessCode ? { code: security.accessCode, role: 'guest' } : null,
    invitees,
    sent,
    meeting: time,
    leadMinutes: settings.leadMinutes,
    graceMinutes: settings.graceMinutes,
    ...(series ? { recurrence: { timeZone: series.timeZone, rule: { ...series.rule, daysOfWeek: series.rule.daysOfWeek && [...series.rule.daysOfWeek] } } } : {}),
  };
}
