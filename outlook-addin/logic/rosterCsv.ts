/**
 * The roster as CSV, for its export: a module of its own, so the task pane loads it on first use.
 */
import { personalLink } from './personalLink';
import type { MeetingTimes } from './personalLink';
import type { MeetingSecurity, OrganizerSettings } from './types';

/**
 * One CSV field, safe for spreadsheets: always quoted (RFC 4180, `"` doubled), so a tab, `;` or
 * `,` inside a name never starts a new cell whatever separator the spreadsheet assumes, and a
 * leading `= + - @`, tab or CR prefixed with `'` so a spreadsheet never runs a name as a formula
 * (OWASP's CSV injection advice).
 */
export function csvField(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return `"${safe.replace(/"/g, '""')}"`;
}

/**
 * The roster as CSV with a header: `name,email,passcode,personal link,personal conference ID`, one
 * row per invitee (the personal link is {@link personalLink}'s capture link with the meeting's
 * window; the conference ID is what they dial by phone), CRLF
 * line ends (RFC 4180), every field quoted. Only the header for meetings without per-invitee passcodes.
 */
export function rosterCsv(meeting: MeetingTimes, security: MeetingSecurity, settings: Pick<OrganizerSettings, 'leadMinutes' | 'graceMinutes'>): string {
  const rows = [['name', 'email', 'passcode', 'personal link', 'personal conference ID']];
  for (const inv of security.roster?.invitees ?? []) rows.push([inv.name, inv.email, inv.passcode, personalLink(meeting, security, settings, inv), inv.dialAlias ?? '']);
  return `${rows.map((r) => r.map(csvField).join(',')).join('\r\n')}\r\n`;
}
