/** Reads the fields of our block back from its text lines (whatever Outlook did to the markup). */
import type { DialIn } from './render';
import { ALIAS_NOTE_STARTS, LABELS, PERSONAL_PASSCODE_TEXT } from './render';
import { normaliseLine } from './markers';

/** What our block says, as read back from an invite body. Absent lines are absent fields. */
export interface InviteBlockFields {
  subject?: string;
  joinUrl?: string;
  /** The "Save in SecureJoin" capture link (carries the access code and the window in its fragment). */
  captureUrl?: string;
  accessCode?: string;
  /** True when the access code line says it is the conference ID to dial, not a PIN (issue 10 blocks). */
  accessCodeIsAlias?: true;
  passcode?: string;
  /** True when the passcode line says each invitee gets a personal passcode. */
  personalPasscodes: boolean;
  activationSentence?: string;
  recurringSentence?: string;
  dialIn?: DialIn;
}

const MAX_LINE = 1000;
const URL_TOKEN = /https?:\/\/[^\s<>"]{1,2000}/;
/** "call N, enter conference ID 123 followed by #, then ..." (issue 10) and "call N, enter conference ID 123, then ..." (before): blocks before issue 22. */
const DIAL_IN = /^call (.{1,60}?), enter conference ID ([0-9][0-9 ]{0,38}#?)(?:,| followed by #)/i;
/** Issue 22's "By phone: enter conference ID 123 followed by #, then ..." (the numbers on the "Dial in:" line above it). */
const BY_PHONE = /^enter conference ID ([0-9][0-9 ]{0,38}#?)(?:,|;| followed by #)/i;
/** A dial-in number of issue 22's "Dial in: N or M" line. */
const NUMBER = /^\+?[0-9][0-9 ().-]{2,30}$/;

/** Where an access code's note starts in `value` (after the code), or -1 when it has none of an alias. */
function aliasNoteAt(value: string): number {
  const line = normaliseLine(value);
  const at = ALIAS_NOTE_STARTS.map((start) => line.indexOf(normaliseLine(start))).filter((i) => i > 0);
  return at.length ? Math.min(...at) : -1;
}

/** Collapses whitespace (no-break spaces included) and trims, for reading values. */
export const tidy = (line: string): string => line.replace(/[\s\u00a0\u200b\ufeff]+/g, ' ').trim();

/** A code as written: "1234 5678" -> "12345678"; otherwise the first word. */
export function cleanCode(value: string): string {
  const v = tidy(value);
  if (/^[0-9][0-9 ]*#?$/.test(v)) return v.replace(/ /g, '');
  return v.split(' ')[0] ?? '';
}

/** Parses the lines between the markers. Unknown lines are ignored; never throws. */
export function readBlockFields(lines: readonly string[]): InviteBlockFields {
  const fields: InviteBlockFields = { personalPasscodes: false };
  // Issue 22 splits dial-in over two lines: the numbers, then the steps with the conference ID.
  let numbers: string[] | null = null;
  let conferenceId: string | null = null;
  for (const raw of lines) {
    const line = tidy(raw.slice(0, MAX_LINE));
    if (line === '') continue;
    const lower = normaliseLine(line);
    if (lower.startsWith('the code works from')) {
      fields.activationSentence ??= line;
      continue;
    }
    if (lower.startsWith('for this recurring series')) {
      fields.recurringSentence ??= line;
      continue;
    }
    const colon = line.indexOf(':');
    if (colon < 0 || colon > 20) continue;
    const label = line.slice(0, colon).trim().toLowerCase();
    const value = line.slice(colon + 1).trim();
    if (label === LABELS.subject.toLowerCase()) fields.subject ??= value;
    else if (label === LABELS.joinUrl.toLowerCase()) {
      const url = URL_TOKEN.exec(value);
      if (url && fields.joinUrl === undefined) fields.joinUrl = url[0];
    } else if (label === LABELS.saveLink.toLowerCase()) {
      const url = URL_TOKEN.exec(value);
      if (url && fields.captureUrl === undefined) fields.captureUrl = url[0];
    } else if (label === LABELS.accessCode.toLowerCase()) {
      if (fields.accessCode === undefined) {
        const note = aliasNoteAt(value);
        fields.accessCode = cleanCode(note > 0 ? value.slice(0, note) : value);
        if (note > 0) fields.accessCodeIsAlias = true;
      }
    }
    else if (label === LABELS.passcode.toLowerCase()) {
      if (normaliseLine(value).startsWith(PERSONAL_PASSCODE_TEXT.split(' ')[0] as string)) fields.personalPasscodes = true;
      else fields.passcode ??= cleanCode(value);
    } else if (label === LABELS.dialIn.toLowerCase()) {
      const m = DIAL_IN.exec(value);
      if (m && fields.dialIn === undefined) fields.dialIn = { number: tidy(m[1] as string), conferenceId: tidy(m[2] as string) };
      else if (!m && numbers === null) {
        const list = value.split(/ or |, /).map(tidy);
        if (list.every((n) => NUMBER.test(n))) numbers = list;
      }
    } else if (label.startsWith(LABELS.byPhone.toLowerCase())) {
      const m = BY_PHONE.exec(value);
      if (m && conferenceId === null) conferenceId = tidy(m[1] as string);
    }
  }
  if (fields.dialIn === undefined && numbers && conferenceId) {
    const [number, ...more] = numbers as [string, ...string[]];
    fields.dialIn = { number, conferenceId, ...(more.length ? { more } : {}) };
  }
  return fields;
}

/** True when a (non-marker) line looks like one of ours; used to bound a block missing a marker. */
export function isOurLine(line: string): boolean {
  const l = normaliseLine(line.slice(0, 60));
  return (
    l.startsWith('the code works from') ||
    l.startsWith('for this recurring series') ||
    Object.values(LABELS).some((label) => l.startsWith(`${label.toLowerCase()}:`))
  );
}
