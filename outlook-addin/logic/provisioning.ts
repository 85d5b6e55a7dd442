/**
 * The room a meeting needs on its conference node: PINs, access code, invitees with passcodes,
 * time, recurrence. The add-in sends it to the meeting service (as `room` in a meeting write),
 * which registers it on the node, so the codes in the invite actually open the room.
 */
import type { RoomSpecInput } from '../../core/room';
import type { MeetingSecurity, MeetingSnapshot, OrganizerSettings } from './types';

/** Invitee entry that carries a 'shared' passcode (the node knows passcodes only per invitee). */
export const SHARED_PASSCODE_INVITEE = { email: 'invitees@shared.invalid', name: 'Invitee' } as const;

/**
 * The room spec body for the node: PINs, access code (guest role), invitees and the meeting time.
 * A series is registered whole: its first occurrence as `meeting` plus its zone and rule as
 * `recurrence`, so the node opens the codes in every occurrence's window, not just the next one.
 */
export function roomSpecFor(meeting: MeetingSnapshot, security: MeetingSecurity, settings: OrganizerSettings): RoomSpecInput {
  const series = meeting.recurrence;
  const time = series ? { start: series.start, end: series.end } : { start: meeting.start, end: meeting.end };
  const invitees = (security.roster?.invitees ?? []).map((i) => ({ email: i.email, name: i.name.slice(0, 200), passcode: i.passcode }));
  if (security.passcodeMode === 'shared' && security.sharedPasscode) invitees.push({ ...SHARED_PASSCODE_INVITEE, passcode: security.sharedPasscode });
  const name = meeting.subject.trim().slice(0, 200);
  return {
    alias: security.alias,
    ...(name ? { name } : {}),
    hostPin: security.hostPin,
    guestPin: security.guestPin,
    allowGuests: true,
    accessCode: security.accessCode ? { code: security.accessCode, role: 'guest' } : null,
    invitees,
    meeting: time,
    leadMinutes: settings.leadMinutes,
    graceMinutes: settings.graceMinutes,
    ...(series ? { recurrence: { timeZone: series.timeZone, rule: { ...series.rule, daysOfWeek: series.rule.daysOfWeek && [...series.rule.daysOfWeek] } } } : {}),
  };
}
