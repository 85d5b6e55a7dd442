/**
 * An invitee's personal links: the capture link to their personal alias that their message and
 * the roster export both hand out, and the plain room link beside it. A module of its own so
 * that ./roster.ts (the messages) and ./rosterCsv.ts (the export, loaded on first use) share it
 * without importing each other.
 */
import { singleLine } from '../../core/invite/escape';
import { buildCaptureLink } from '../../core/links/capture';
import { JOIN_PIN_PATTERN, MAX_JOIN_NAME_LENGTH } from '../../core/links/join';
import type { Invitee } from '../../core/roster';
import type { RecurringSeries } from '../../core/time';
import { roomJoinUrl } from './block';
import type { MeetingSecurity, MeetingSnapshot, OrganizerSettings } from './types';

/** The invitee's personal meeting link (their personal web alias), or the meeting's for rosters made before issue 10. */
export function personalRoomUrl(security: MeetingSecurity, invitee: Invitee): string {
  return roomJoinUrl({ ...security, alias: invitee.alias ?? security.alias });
}

/**
 * The invitee's personal join link: a SecureJoin capture link to their personal alias (on which
 * the node asks for their passcode and names them), whose `#sj=` fragment
 * (never sent to any server) holds role guest, their passcode, their name and the meeting's
 * window (start, end, the policy's lead and grace minutes). With the extension, opening it saves
 * the passcode with exactly the node's window and strips the fragment; without it, it opens the
 * room's page and the invitee types the passcode. The passcode is never in the query (`?pin=`):
 * the join page would send it at once, before the window too (where the node counts it as a
 * wrong PIN), and it would sit in the request line, server logs and browser history.
 * When the passcode is not a PIN the web app takes (digits), the plain room link.
 * For a series the times are its first occurrence (as in the block's sentence) and the link
 * carries the series' zone and rule, so the extension keeps the passcode for every occurrence.
 */
export function personalLink(meeting: MeetingTimes, security: MeetingSecurity, settings: Pick<OrganizerSettings, 'leadMinutes' | 'graceMinutes'>, invitee: Invitee): string {
  if (!JOIN_PIN_PATTERN.test(invitee.passcode)) return personalRoomUrl(security, invitee);
  const name = singleLine(invitee.name, MAX_JOIN_NAME_LENGTH) || invitee.email.slice(0, MAX_JOIN_NAME_LENGTH);
  return buildCaptureLink({
    origin: security.nodeOrigin,
    path: security.webAppPath,
    alias: invitee.alias ?? security.alias,
    style: 'webapp3',
    role: 'guest',
    pin: invitee.passcode,
    name,
    startsAt: meeting.start,
    endsAt: meeting.end,
    leadMinutes: settings.leadMinutes,
    graceMinutes: settings.graceMinutes,
    // The extension names the saved meeting by the invite's subject, not by the personal alias.
    ...(meeting.subject ? { subject: meeting.subject } : {}),
    ...(meeting.recurrence ? { recurrence: { timeZone: meeting.recurrence.timeZone, rule: meeting.recurrence.rule } } : {}),
  });
}

/** The meeting's times: start and end (a series' first occurrence) and the series, if any. */
export type MeetingTimes = Pick<MeetingSnapshot, 'start' | 'end'> & { recurrence?: RecurringSeries | null; subject?: string };
