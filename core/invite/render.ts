/**
 * Renders the SecureJoin block for an invite body, as HTML and as plain text with the same
 * lines. The HTML is deliberately plain (div/p/b/a, inline style only as decoration) because
 * Outlook rewrites anything richer; every interpolated value is escaped and flattened to one
 * line, so a subject or alias containing `<script>`, quotes or line breaks stays text.
 */
import { buildCaptureLink } from '../links/capture';
import type { SeriesRecurrence } from '../links/captureRecurrence';
import { JOIN_PIN_PATTERN, parseJoinLink } from '../links/join';
import { splitWebUrl } from '../links/url';
import { activationSentence, activationWindow, recurringActivationSentence } from '../time';
import { DEFAULT_LEAD_MINUTES } from '../time/activation';
import type { MeetingTime } from '../types';
import { escapeHtml, singleLine } from './escape';
import { BLOCK_END_MARKER, BLOCK_START_MARKER } from './markers';

/** How invitees prove they were invited: one shared passcode, or a personal one each. */
export type InvitePasscode = { mode: 'shared'; value: string } | { mode: 'per-invitee' };

/**
 * Dial-in for SIP/phone participants: the number to call and the conference ID to type at the
 * Virtual Reception (the meeting's numeric alias, i.e. its access code).
 */
export interface DialIn {
  number: string;
  conferenceId: string;
}

/** Everything the block shows. Times are UTC ms; `timeZone` is the organizer's IANA zone. */
export interface InviteBlockInput {
  joinUrl: string;
  accessCode: string;
  /**
   * The access code is the meeting's numeric alias (issue 10: typed at the Virtual Reception,
   * never at a PIN prompt): its line says so, and readers never offer it as a PIN.
   */
  accessCodeIsAlias?: boolean;
  passcode?: InvitePasscode;
  meeting: MeetingTime;
  timeZone: string;
  /** BCP 47 locale for times, default "en-GB". */
  locale?: string;
  /** Minutes before the start when the code works, default 15. */
  leadMinutes?: number;
  graceMinutes?: number;
  /** True for a recurring series: adds "active 15 minutes before each occurrence". */
  recurring?: boolean;
  /**
   * The series' zone and rule (`meeting` is then its first occurrence): the "Save in SecureJoin"
   * link carries it, so the extension keeps the code for every occurrence. Implies `recurring`.
   */
  recurrence?: SeriesRecurrence;
  /** The activation sentence always states the date (see activationSentence's `withDate`). */
  withDate?: boolean;
  dialIn?: DialIn;
  /** Meeting subject, shown as the first line when given. */
  subject?: string;
  /**
   * Adds a "Save in SecureJoin" line: a capture link (core/links) for the block's access code as
   * a guest, with the meeting's start, end and the lead/grace minutes, so an attendee's extension
   * saves the code with its exact activation window. The code is already on the "Access code"
   * line, so the link reveals nothing more. Only for codes every reader of the body may use:
   * never in per-invitee mode's shared body (see outlook-addin/logic/block.ts). Needs a
   * web app 3 or legacy join link and an access code of 4-20 digits.
   */
  saveLink?: boolean;
  /**
   * The PIN the "Save in SecureJoin" link carries: what the join page asks for on the link's
   * alias (the shared passcode, or the guest PIN when the access code is off). Default: the
   * access code (blocks before issue 10, where the access code was the PIN).
   */
  savePin?: string;
}

/** The rendered block in both body formats. */
export interface InviteBlock {
  html: string;
  text: string;
}

/** Line labels, shared by the renderer and the parser so they can never drift apart. */
export const LABELS = {
  subject: 'Meeting',
  joinUrl: 'Join link',
  accessCode: 'Access code',
  passcode: 'Passcode',
  dialIn: 'Dial in',
  saveLink: 'Save in SecureJoin',
} as const;

/**
 * After an access code that is the meeting's numeric alias (see InviteBlockInput.accessCodeIsAlias):
 * where it goes. Readers know every note by its start ({@link ALIAS_NOTE_START}), so blocks
 * written before issue 13 ("(the conference ID to dial; not a PIN)") still read as aliases.
 */
export const ALIAS_NOTE = '(the conference ID: already in the join link; by phone or video system, type it at the Virtual Reception; not a PIN)';
/** The same in per-invitee mode, where the meeting's own aliases admit hosts only. */
export const HOSTS_ONLY_ALIAS_NOTE = '(the conference ID for hosts only; not a PIN: invitees use the one in their personal message)';
/** How every note of an alias access code starts. */
export const ALIAS_NOTE_START = '(the conference ID';
/** After a code typed at the join page's PIN prompt (the shared passcode, a guest PIN as access code). */
export const PIN_NOTE = '(type it when asked for a PIN)';

/**
 * Text of the passcode line when every invitee gets a personal passcode. The parser knows it by
 * its first word, so blocks written before ("personal - each invitee receives their own
 * passcode separately") still read as per-invitee.
 */
export const PERSONAL_PASSCODE_TEXT = 'personal - each invitee gets a personal message with their own join link and passcode (and phone steps); the join link and access code above admit hosts only';

const CODE = /^[A-Za-z0-9]{4,32}#?$/;
const PHONE = /^\+?[0-9][0-9 ().-]{2,30}$/;
const CONFERENCE_ID = /^[0-9][0-9 ]{0,30}#?$/;

/** Every problem with the input, as "field: message" strings (empty when valid). */
function inputProblems(input: InviteBlockInput): string[] {
  const problems: string[] = [];
  const url = splitWebUrl(input.joinUrl);
  if (!url.ok) problems.push(`joinUrl: ${url.errors[0]?.message ?? 'is invalid'}`);
  if (typeof input.accessCode !== 'string' || !CODE.test(input.accessCode)) problems.push('accessCode: must be 4-32 letters or digits');
  if (input.passcode?.mode === 'shared' && (typeof input.passcode.value !== 'string' || !CODE.test(input.passcode.value))) {
    problems.push('passcode.value: must be 4-32 letters or digits');
  }
  if (input.dialIn) {
    if (!PHONE.test(input.dialIn.number ?? '')) problems.push('dialIn.number: must be a phone number such as "+44 20 1234 5678"');
    if (!CONFERENCE_ID.test(input.dialIn.conferenceId ?? '')) problems.push('dialIn.conferenceId: must be digits');
  }
  if (input.subject !== undefined && typeof input.subject !== 'string') problems.push('subject: must be a string');
  if (input.saveLink === true) {
    const link = parseJoinLink(typeof input.joinUrl === 'string' ? input.joinUrl.trim() : '');
    if (link.ok && link.value.style === 'webapp2') problems.push('saveLink: needs a web app 3 or legacy join link (webapp2 routes with the fragment)');
    const pin = input.savePin ?? input.accessCode;
    if (typeof pin !== 'string' || !JOIN_PIN_PATTERN.test(pin)) problems.push(`saveLink: the ${input.savePin === undefined ? 'access code' : 'savePin'} must be 4-20 digits to be saved as a PIN`);
  }
  return problems;
}

/** The capture link of the "Save in SecureJoin" line: the save PIN as a guest, with the window. */
function saveLinkOf(input: InviteBlockInput, lead: number, grace: number): string {
  const link = parseJoinLink(input.joinUrl.trim());
  if (!link.ok || link.value.style === 'webapp2') throw new RangeError(`invalid invite block input: joinUrl: ${link.ok ? 'is a webapp2 link' : link.errors[0]?.message}`);
  const { origin, path, alias, style } = link.value;
  return buildCaptureLink({
    origin,
    path,
    alias,
    style,
    role: 'guest',
    pin: input.savePin ?? input.accessCode,
    startsAt: input.meeting.start,
    endsAt: input.meeting.end,
    leadMinutes: lead,
    graceMinutes: grace,
    ...(input.recurrence ? { recurrence: input.recurrence } : {}),
  });
}

/** The block's lines as [label or null, value, href?]; both formats are built from these. */
function blockLines(input: InviteBlockInput): Array<{ label: string | null; value: string; href?: string }> {
  const lead = input.leadMinutes ?? DEFAULT_LEAD_MINUTES;
  const grace = input.graceMinutes ?? 0;
  const window = activationWindow(input.meeting, { leadMinutes: lead, graceMinutes: grace });
  const lines: Array<{ label: string | null; value: string; href?: string }> = [];
  const subject = input.subject === undefined ? '' : singleLine(input.subject);
  if (subject) lines.push({ label: LABELS.subject, value: subject });
  const url = input.joinUrl.trim();
  lines.push({ label: LABELS.joinUrl, value: url, href: url });
  lines.push({ label: LABELS.accessCode, value: `${input.accessCode} ${accessCodeNote(input)}` });
  if (input.saveLink === true) {
    const save = saveLinkOf(input, lead, grace);
    lines.push({ label: LABELS.saveLink, value: save, href: save });
  }
  if (input.passcode?.mode === 'shared') lines.push({ label: LABELS.passcode, value: `${input.passcode.value} ${PIN_NOTE}` });
  if (input.passcode?.mode === 'per-invitee') lines.push({ label: LABELS.passcode, value: PERSONAL_PASSCODE_TEXT });
  lines.push({ label: null, value: activationSentence(window, input.meeting, { timeZone: input.timeZone, locale: input.locale, leadMinutes: lead, withDate: input.withDate === true }) });
  if (input.recurring || input.recurrence) lines.push({ label: null, value: recurringActivationSentence(lead) });
  if (input.dialIn) lines.push({ label: LABELS.dialIn, value: dialInSteps(input.dialIn, input.passcode) });
  return lines;
}

/** What the access code is for: the conference ID (for hosts only in per-invitee mode), else a PIN. */
function accessCodeNote(input: InviteBlockInput): string {
  if (!input.accessCodeIsAlias) return PIN_NOTE;
  return input.passcode?.mode === 'per-invitee' ? HOSTS_ONLY_ALIAS_NOTE : ALIAS_NOTE;
}

/**
 * What a phone caller does: call the number, type the conference ID (the numeric alias) at the
 * Virtual Reception, then the PIN prompt's code: the shared passcode; in per-invitee mode the
 * host PIN (the meeting's aliases admit hosts only; invitees get their own conference ID).
 */
export function dialInSteps(dialIn: DialIn, passcode: InvitePasscode | undefined): string {
  const id = singleLine(dialIn.conferenceId, 40);
  const base = `call ${singleLine(dialIn.number, 40)}, enter conference ID ${id}${id.endsWith('#') ? '' : ' followed by #'}`;
  if (passcode?.mode === 'shared') return `${base}, then the passcode followed by #.`;
  if (passcode?.mode === 'per-invitee') return `${base}, then the host PIN followed by # (hosts only: each invitee dials the conference ID in their own message).`;
  return `${base}; the host admits you from the lobby.`;
}

/**
 * The SecureJoin block for `input`, as `{ html, text }`. Both start with
 * "-- SecureJoin secure access --" and end with "-- End of SecureJoin secure access --" on
 * lines of their own; between them: subject, join link (the web alias), access code (the numeric
 * alias), passcode line (shared value or "personal - ..."), the "Save in SecureJoin" capture link
 * when `saveLink` is set, the activation sentence in `timeZone`/`locale`, the recurring sentence,
 * and dial-in steps (conference ID, then the passcode) when a number is configured.
 * Throws RangeError naming every bad field (join link not https, malformed codes, bad times...).
 */
export function renderInviteBlock(input: InviteBlockInput): InviteBlock {
  const problems = inputProblems(input);
  if (problems.length) throw new RangeError(`invalid invite block input: ${problems.join('; ')}`);
  const lines = blockLines(input);
  const text = [BLOCK_START_MARKER, ...lines.map((l) => (l.label ? `${l.label}: ${l.value}` : l.value)), BLOCK_END_MARKER].join('\n');
  const htmlLines = lines.map((l) => {
    const value = l.href ? `<a href="${escapeHtml(l.href)}">${escapeHtml(l.value)}</a>` : escapeHtml(l.value);
    return `<p>${l.label ? `<b>${escapeHtml(l.label)}:</b> ` : ''}${value}</p>`;
  });
  const html = [
    '<div style="border-left:3px solid #2b6cb0;padding-left:8px">',
    `<p>${escapeHtml(BLOCK_START_MARKER)}</p>`,
    ...htmlLines,
    `<p>${escapeHtml(BLOCK_END_MARKER)}</p>`,
    '</div>',
  ].join('\n');
  return { html, text };
}
