/**
 * Joining what plain-text mail hard-wrapped (at ~72-78 columns) back into one line before the
 * invite is read, only where the evidence is clear, so prose is never glued to a link or code:
 * - a URL inside "<...>" (Outlook's plain text) runs until its ">";
 * - a bare URL that ends its line goes on in the next line's first word when that word can only
 *   be the rest of a URL: the line was full (a wrap) and the word holds URL syntax ("?", "&",
 *   "=", "%", "#", or "/" in a line of its own), or the URL stopped right after a separator; a
 *   word starting a URL of its own never continues one; a SecureJoin capture
 *   link ("#sj=") takes further lines only while they turn its unreadable fragment readable;
 * - a labelled number cut in two ("Meeting ID: 855 1234" / "5678 Passcode: ...") on a full line
 *   goes on with the digit groups that open the next line.
 * Every function answers [the joined line, how many further lines it took] (0: nothing joined).
 */
import { hasCaptureFragment, parseCaptureLink } from '../links/capture';
import { LABEL_SOURCE } from './labels';

/** How many lines one wrapped URL may span. */
const MAX_WRAPPED_LINES = 12;
/** Longest line read (candidates.ts reads no more either). */
const MAX_LINE_LENGTH = 2000;
/** A line at least this long was probably cut by a wrap (mail wraps at 72-78; quoting adds "> "). */
const FULL_LINE = 60;

/** A URL running to the end of the line (what candidates.ts's scanner takes as one). */
const URL_AT_END = /https?:\/\/[^\s<>"'()[\]]{1,2000}$/;
/** The first word of a line when it is made only of characters a URL holds, and what follows it. */
const URL_WORD = /^([A-Za-z0-9\-._~:/?#[\]@!$&*+,;=%]+)(\s.*)?$/;
/** Query and fragment syntax: a word holding one of these is the rest of a URL, not prose. */
const URL_SYNTAX = /[?&=%#]/;
/** A word that starts a URL of its own. */
const STARTS_URL = /^(?:https?:\/\/|www\.)/i;
/** A URL that stops right after a separator is incomplete. */
const ENDS_AT_SEPARATOR = /[/?&=%#+-]$/;
/** Sentence punctuation a word may end in. */
const SENTENCE_END = /[.,;:!?)]+$/;

/** A labelled number that runs to the end of the line: "Meeting ID: 855 1234", "Konferenz-ID 864". */
const NUMBER_AT_END = new RegExp(`(?:${LABEL_SOURCE})[ \\u00a0]?(?:\\([^)\\n]{0,30}\\)[ \\u00a0]?)?[:#\\uff1a]?[ \\u00a0]*[0-9]{1,6}(?:[ \\u00a0][0-9]{1,6}){0,4}$`, 'i');
/** Digit groups opening a line, ending at a space, punctuation or the line's end (not "12:00", not "2nd"). */
const DIGITS_AT_START = /^[0-9]{1,6}(?:[ \u00a0][0-9]{1,6}){0,4}(?=$|[ \u00a0]|[.,;)](?:$|\s))/;
/** Most digits a wrapped meeting number may have once joined (Teams IDs have 12-15). */
const MAX_JOINED_DIGITS = 20;

const lineAt = (lines: readonly string[], j: number): string => (lines[j] as string).slice(0, MAX_LINE_LENGTH);

/** A URL hard-wrapped inside "<...>" joined with the lines it continues on. */
function joinAngled(lines: readonly string[], i: number, line: string): [string, number] {
  const open = line.lastIndexOf('<http');
  if (open < 0 || line.indexOf('>', open) >= 0) return [line, 0];
  let joined = line;
  for (let j = i + 1; j < lines.length && j <= i + MAX_WRAPPED_LINES; j++) {
    const piece = lineAt(lines, j).trim();
    const close = piece.indexOf('>');
    const urlPart = close < 0 ? piece : piece.slice(0, close);
    if (urlPart === '' && close !== 0) return [line, 0];
    if (/[\s<]/.test(urlPart)) return [line, 0]; // prose, not the rest of a URL
    joined += piece;
    if (close >= 0) return [joined, j - i];
  }
  return [line, 0];
}

/** Whether a capture link's fragment reads (false while it is cut short). */
const captureReads = (url: string): boolean => parseCaptureLink(url).ok;

/** A bare URL at the end of `line` joined with the rest of it on the following lines. */
function joinBareUrl(lines: readonly string[], i: number, line: string): [string, number] {
  const text = line.trimEnd();
  if (i + 1 >= lines.length || !text.includes('://')) return [line, 0];
  const url = URL_AT_END.exec(text)?.[0];
  if (url === undefined) return [line, 0];
  let joined = text;
  let current = url;
  let taken = 0;
  let full = text.length >= FULL_LINE;
  for (let j = i + 1; j < lines.length && j <= i + MAX_WRAPPED_LINES; j++) {
    const next = lineAt(lines, j).trim();
    const m = URL_WORD.exec(next);
    if (!m) break;
    const word = m[1] as string;
    if (STARTS_URL.test(word)) break;
    const capture = hasCaptureFragment(current);
    let takes: boolean;
    if (capture) takes = !captureReads(current) && (captureReads(current + word) || (m[2] === undefined && next.length >= FULL_LINE));
    else {
      const bare = word.replace(SENTENCE_END, '');
      // A "/" alone is also prose ("and/or", "24/7"): it counts only in a line holding nothing else.
      const syntax = URL_SYNTAX.test(bare) || (bare.includes('/') && m[2] === undefined);
      takes = bare !== '' && (ENDS_AT_SEPARATOR.test(current) || (full && syntax));
    }
    if (!takes) break;
    joined += next;
    current += word;
    taken = j - i;
    // Only a piece that fills its own line is cut again; otherwise the URL ends here.
    if (m[2] !== undefined || next.length < FULL_LINE) break;
    full = true;
  }
  return taken > 0 ? [joined, taken] : [line, 0];
}

/** A labelled number at the end of a full line joined with the digit groups opening the next line. */
function joinWrappedNumber(lines: readonly string[], i: number, line: string): [string, number] {
  const text = line.trimEnd();
  // Cheap tests first: most lines end in no digit, or are followed by none.
  if (text.length < FULL_LINE || i + 1 >= lines.length || !/[0-9]$/.test(text)) return [line, 0];
  const next = lineAt(lines, i + 1).trim();
  const digits = DIGITS_AT_START.exec(next);
  if (!digits || !NUMBER_AT_END.test(text.slice(-120))) return [line, 0];
  const count = (s: string): number => s.replace(/[^0-9]/g, '').length;
  const before = /[0-9][0-9 \u00a0]*$/.exec(text)?.[0] ?? '';
  if (count(before) + count(digits[0]) > MAX_JOINED_DIGITS) return [line, 0];
  return [`${text} ${next}`, 1];
}

/** `line` (= lines[i]) with what a hard wrap cut from it joined back on, and how many further lines that took. */
export function joinWrapped(lines: readonly string[], i: number, line: string): [string, number] {
  for (const join of [joinAngled, joinBareUrl, joinWrappedNumber]) {
    const joined = join(lines, i, line);
    if (joined[1] > 0) return joined;
  }
  return [line, 0];
}
