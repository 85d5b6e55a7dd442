/**
 * What the organizer hands out per invitee: personal messages (the invite body is the same for
 * everyone, so personal passcodes travel separately) and the roster export.
 */
import { singleLine } from '../../core/invite';
import { buildJoinLink, JOIN_PIN_PATTERN, MAX_JOIN_NAME_LENGTH } from '../../core/links/join';
import type { Invitee } from '../../core/roster';
import { describeLead } from '../../core/time';
import { roomJoinUrl } from './block';
import type { MeetingSecurity, MeetingSnapshot, OrganizerSettings, PersonalMessage } from './types';

/**
 * The invitee's personal join link: the room link with their name and passcode filled in
 * (`?role=guest&name=...&pin=...`), so the join page (or the extension) needs no typing.
 * The passcode is left out when it is not a PIN the web app accepts (digits).
 */
export function personalLink(security: MeetingSecurity, invitee: Invitee): string {
  const name = singleLine(invitee.name, MAX_JOIN_NAME_LENGTH) || invitee.email.slice(0, MAX_JOIN_NAME_LENGTH);
  return buildJoinLink({
    origin: security.nodeOrigin,
    path: security.webAppPath,
    alias: security.alias,
    style: 'webapp3',
    role: 'guest',
    name,
    ...(JOIN_PIN_PATTERN.test(invitee.passcode) ? { pin: invitee.passcode } : {}),
  });
}

/**
 * One plain-text message per invitee of a 'per-invitee' meeting: their passcode, personal link,
 * the room link and when the code works. Empty for other modes. Text only: the caller must not
 * render it as HTML (names and subjects may contain markup).
 */
export function personalMessages(meeting: MeetingSnapshot, security: MeetingSecurity, settings: OrganizerSettings): PersonalMessage[] {
  if (security.passcodeMode !== 'per-invitee' || !security.roster) return [];
  const subject = singleLine(meeting.subject) || 'meeting';
  return security.roster.invitees.map((inv) => ({
    email: inv.email,
    name: inv.name,
    subject: `Your personal passcode for "${subject}"`,
    text: [
      `Hello ${singleLine(inv.name)},`,
      '',
      `your personal passcode for "${subject}" is ${inv.passcode}. Please keep it to yourself: it identifies you in the meeting.`,
      `Personal join link: ${personalLink(security, inv)}`,
      `Room link: ${roomJoinUrl(security)}`,
      `The passcode works from ${describeLead(settings.leadMinutes)} before the start.`,
    ].join('\n'),
  }));
}

/**
 * One CSV field: quoted when needed (RFC 4180), and a leading `= + - @` (or tab/CR) prefixed with
 * `'` so a spreadsheet never runs an invitee's name as a formula.
 */
export function csvField(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/**
 * The roster as CSV with a header: `name,email,passcode,personal link`, one row per invitee,
 * CRLF line ends (RFC 4180). Only the header for meetings without per-invitee passcodes.
 */
export function rosterCsv(security: MeetingSecurity, _settings?: OrganizerSettings): string {
  const rows = [['name', 'email', 'passcode', 'personal link']];
  for (const inv of security.roster?.invitees ?? []) rows.push([inv.name, inv.email, inv.passcode, personalLink(security, inv)]);
  return `${rows.map((r) => r.map(csvField).join(',')).join('\r\n')}\r\n`;
}
