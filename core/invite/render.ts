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
import { seriesActivationSentence } from '../time/seriesSentence';
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
  /** Further numbers to call (the node's other dial-in numbers), listed after `number`. */
  more?: string[];
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
  /**
   * True for a recurring series: adds "active 15 minutes before each occurrence" (with
   * `recurrence`, the sentence also states its rule: core/time's seriesActivationSentence).
   */
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
  byPhone: 'By phone',
  saveLink: 'Save in SecureJoin',
} as const;

/**
 * After an access code that is the meeting's numeric alias (see InviteBlockInput.accessCodeIsAlias):
 * who types it. Readers know every note by its start ({@link ALIAS_NOTE_STARTS}), so blocks
 * written before issue 22 ("(the conference ID: already in the join link; ...)") still read as aliases.
 */
export const ALIAS_NOTE = '(for phones and video systems)';
/** The same in per-invitee mode, where the meeting's own aliases admit hosts only. */
export const HOSTS_ONLY_ALIAS_NOTE = '(hosts only)';
/** How every note of an alias access code starts, this shape's and the shapes before issue 22. */
export const ALIAS_NOTE_STARTS = ['(for phone', '(hosts only', '(the conference ID'] as const;

/**
 * Text of the passcode line when every invitee gets a personal passcode. The parser knows it by
 * its first word, so blocks written before ("personal - each invitee receives their own
 * passcode separately") still read as per-invitee.
 */
export const PERSONAL_PASSCODE_TEXT = 'personal - each invitee gets their own link and passcode by email; the link above is for hosts';

/** The longest line the block writes, links aside (issue 22: an invite read at a glance). */
export const MAX_BLOCK_LINE = 100;

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
    if ((input.dialIn.more ?? []).some((n) => !PHONE.test(n ?? ''))) problems.push('dialIn.more: must be phone numbers');
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

/** One line of the block: its label, value, link target, and `quiet` for a line set in small type (the long save link). */
interface BlockLine {
  label: string | null;
  value: string;
  href?: string;
  quiet?: boolean;
}

/** The block's lines; both formats are built from these. */
function blockLines(input: InviteBlockInput): BlockLine[] {
  const lead = input.leadMinutes ?? DEFAULT_LEAD_MINUTES;
  const grace = input.graceMinutes ?? 0;
  const window = activationWindow(input.meeting, { leadMinutes: lead, graceMinutes: grace });
  // Made first: a series the link cannot carry is refused for the link's reason.
  const save = input.saveLink === true ? saveLinkOf(input, lead, grace) : null;
  const lines: BlockLine[] = [];
  const subject = input.subject === undefined ? '' : singleLine(input.subject);
  if (subject) lines.push({ label: LABELS.subject, value: subject });
  const url = input.joinUrl.trim();
  lines.push({ label: LABELS.joinUrl, value: url, href: url });
  lines.push({ label: LABELS.accessCode, value: input.accessCodeIsAlias ? `${input.accessCode} ${input.passcode?.mode === 'per-invitee' ? HOSTS_ONLY_ALIAS_NOTE : ALIAS_NOTE}` : input.accessCode });
  if (input.passcode?.mode === 'shared') lines.push({ label: LABELS.passcode, value: input.passcode.value });
  if (input.passcode?.mode === 'per-invitee') lines.push({ label: LABELS.passcode, value: PERSONAL_PASSCODE_TEXT });
  if (input.dialIn) {
    lines.push({ label: LABELS.dialIn, value: numberList(input.dialIn) });
    lines.push({ label: input.passcode?.mode === 'per-invitee' ? `${LABELS.byPhone} (hosts)` : LABELS.byPhone, value: phoneSteps(input.dialIn, input.passcode) });
  }
  lines.push({ label: null, value: activationSentence(window, input.meeting, { timeZone: input.timeZone, locale: input.locale, leadMinutes: lead, withDate: input.withDate === true }) });
  if (input.recurrence) {
    // The rule in words: a pasted block without a save link (per-invitee mode) still tells the extension every occurrence.
    const series = { start: input.meeting.start, end: input.meeting.end, ...input.recurrence };
    lines.push({ label: null, value: seriesActivationSentence(series, { locale: input.locale, leadMinutes: lead, graceMinutes: grace }) });
  } else if (input.recurring) lines.push({ label: null, value: recurringActivationSentence(lead) });
  const help = withoutExtension(input);
  if (help) lines.push({ label: null, value: help });
  if (save) lines.push({ label: LABELS.saveLink, value: save, href: save, quiet: true });
  return lines;
}

/** The one line for readers without the extension: what to type where (none in per-invitee mode: their own email says it). */
function withoutExtension(input: InviteBlockInput): string | null {
  if (input.passcode?.mode === 'per-invitee') return null;
  if (input.passcode?.mode === 'shared') return 'Without the SecureJoin extension: open the join link and type the passcode when asked for a PIN.';
  if (!input.accessCodeIsAlias) return 'Without the SecureJoin extension: open the join link and type the access code when asked for a PIN.';
  return 'Open the join link to join; the host admits you from the lobby.';
}

/** "+44 20 7946 0000 or +1 555 0100 200": as many of the numbers as fit on one short line (the first always). */
function numberList(dialIn: DialIn): string {
  const numbers = [dialIn.number, ...(dialIn.more ?? [])].map((n) => singleLine(n, 40));
  let line = numbers[0] as string;
  for (const n of numbers.slice(1)) {
    if (`${LABELS.dialIn}: ${line} or ${n}`.length > MAX_BLOCK_LINE) break;
    line = `${line} or ${n}`;
  }
  return line;
}

/**
 * What a phone caller does after calling: type the conference ID (the numeric alias) at the
 * Virtual Reception, then the PIN prompt's code: the shared passcode; in per-invitee mode the
 * host PIN (the meeting's aliases admit hosts only; invitees get their own conference ID).
 */
export function phoneSteps(dialIn: DialIn, passcode: InvitePasscode | undefined): string {
  const id = singleLine(dialIn.conferenceId, 40);
  const base = `enter conference ID ${id}${id.endsWith('#') ? '' : ' followed by #'}`;
  if (passcode?.mode === 'shared') return `${base}, then the passcode followed by #.`;
  if (passcode?.mode === 'per-invitee') return `${base}, then the host PIN followed by #.`;
  return `${base}; the host admits you from the lobby.`;
}

/**
 * The SecureJoin block for `input`, as `{ html, text }`. Both start with
 * "-- SecureJoin secure access --" and end with "-- End of SecureJoin secure access --" on
 * lines of their own; between them, each on one short line as in the invites people know
 * (Zoom, Teams): subject, join link (the web alias), access code (the numeric alias), passcode
 * (shared value or "personal - ..."), dial-in numbers and the phone steps when a number is
 * configured, the activation sentence in `timeZone`/`locale`, the recurring sentence, one line
 * for readers without the extension, and last the "Save in SecureJoin" capture link when
 * `saveLink` is set (the one line longer than {@link MAX_BLOCK_LINE}: small type in HTML).
 * Throws RangeError naming every bad field (join link not https, malformed codes, bad times...).
 */
export function renderInviteBlock(input: InviteBlockInput): InviteBlock {
  const problems = inputProblems(input);
  if (problems.length) throw new RangeError(`invalid invite block input: ${problems.join('; ')}`);
  const lines = blockLines(input);
  const text = [BLOCK_START_MARKER, ...lines.map((l) => (l.label ? `${l.label}: ${l.value}` : l.value)), BLOCK_END_MARKER].join('\n');
  const htmlLines = lines.map((l) => {
    const value = l.href ? `<a href="${escapeHtml(l.href)}">${escapeHtml(l.value)}</a>` : escapeHtml(l.value);
    // The save link is long: small grey type that wraps anywhere, so it neither dominates nor widens a narrow window.
    return `<p${l.quiet ? ' style="font-size:smaller;color:#555;overflow-wrap:anywhere"' : ''}>${l.label ? `<b>${escapeHtml(l.label)}:</b> ` : ''}${value}</p>`;
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
