/**
 * The roster as CSV, for its export: a module of its own, so the task pane loads it on first use.
 */
import { csvText } from '../../core/csv/field';
import { personalLink } from './personalLink';
import type { MeetingTimes } from './personalLink';
import type { MeetingSecurity, OrganizerSettings } from './types';

// The field rule is shared with the attendance export (core/csv/field.ts).
export { csvField } from '../../core/csv/field';

/**
 * The roster as CSV with a header: `name,email,passcode,personal link,personal conference ID`, one
 * row per invitee (the personal link is {@link personalLink}'s capture link with the meeting's
 * window; the conference ID is what they dial by phone), CRLF
 * line ends (RFC 4180), every field quoted. Only the header for meetings without per-invitee passcodes.
 */
export function rosterCsv(meeting: MeetingTimes, security: MeetingSecurity, settings: Pick<OrganizerSettings, 'leadMinutes' | 'graceMinutes'>): string {
  const rows = [['name', 'email', 'passcode', 'personal link', 'personal conference ID']];
  for (const inv of security.roster?.invitees ?? []) rows.push([inv.name, inv.email, inv.passcode, personalLink(meeting, security, settings, inv), inv.dialAlias ?? '']);
  return csvText(rows);
}
