/**
 * Picks codes and join links out of ordinary invites of other services (Teams, Zoom, Webex,
 * GoTo Meeting, Pexip) so the add-in and the extension's "Paste an invite" can offer them: "PIN: 1234",
 * "Passcode: aB3xYz", "Meeting ID: 855 1234 5678", "Kenncode: 482913", a label and its value in
 * two table cells or on two lines, the IVR sentence "enter the conference ID 123456 followed by
 * #", join URLs (Safe Links wrappers removed, URLs and numbers cut by a hard wrap joined:
 * ./unwrap). Heuristic by
 * nature: results are candidates with labels for a person to confirm, never facts.
 */
import { parseJoinLink } from '../links/join';
import { splitWebUrl } from '../links/url';
import type { HtmlLink } from './htmlToText';
import { codeAt } from './codeValue';
import { forwardedParts } from './forwarded';
import { canonicalLabel, LABEL_SOURCE, WORD_VALUE_LABELS } from './labels';
import { unwrapSafeLink } from './safeLinks';
import { joinWrapped } from './unwrap';

/** Which service a candidate seems to belong to. */
export type InviteService = 'teams' | 'zoom' | 'webex' | 'goto' | 'pexip' | 'unknown';

/** A code or join link found in an invite. `label` is the canonical label ("Passcode"). */
export interface InviteCandidate {
  kind: 'code' | 'link';
  label: string;
  value: string;
  service: InviteService;
  /**
   * Which mail of a forwarded text it was found in: 0 above the first "Forwarded message" /
   * "From: ... Sent: ..." header, 1 in the mail below it, ... Candidates come in text order.
   */
  part: number;
}

// No lookbehind or \p{...}: core/invite also runs in the add-in's ES2016 bundle for classic Outlook.
const SPACE = '[ \\u00a0\\u202f]';
const WORD_CHAR = 'A-Za-z0-9\\u00c0-\\u024f';
/** Group 1: what precedes the label (start or a non-letter); 2: the label; 3: its ":" if any. */
const LABEL_RE = new RegExp(
  `(^|[^${WORD_CHAR}])(${LABEL_SOURCE})(?![${WORD_CHAR}])${SPACE}?(?:\\([^)\\n]{0,30}\\)${SPACE}?)?([:#\\uff1a]${SPACE}{0,3})?`,
  'gi',
);
/** Starts with a label (after spaces): a second label-value pair in the same table row. */
const LABEL_START = new RegExp(`^${SPACE}*(?:${LABEL_SOURCE})(?![${WORD_CHAR}])`, 'i');
/** The IVR sentence after a label: "[is] 123 456 followed by #", "123456#" (Pexip's templates and ours). */
const IVR_VALUE =
  /^[ \u00a0]{0,3}(?:(?:is|ist|est|es|è)[ \u00a0]+)?([0-9](?:[0-9]|[ \u00a0](?=[0-9])){2,30})(?:#|[ \u00a0]*,?[ \u00a0]*(?:followed by|then|gefolgt von|suivi d[eu]|seguido de|gevolgd door|seguito da)(?![A-Za-z\u00c0-\u024f]))/i;
/** Only bullets, bars or spaces before a label that has no ":" (a table row, a list line). */
const ROW_START = /^[\s\u00a0\u202f•·*|>\-–—]*$/;
// http is picked up too, but meetingLinkService keeps it only for loopback hosts (splitWebUrl's
// rule): a local test node is fine, a PIN page over plain http on a network is not.
const URL_RE = /https?:\/\/[^\s<>"'()[\]]{1,2000}/g;
/** Work limits: invites are small; garbage must not make this slow. */
const MAX_LINES = 5000;
const MAX_LINE_LENGTH = 2000;
const MAX_CANDIDATES = 50;

/** The service a URL belongs to, or null when it is not a recognisable meeting join link. */
export function meetingLinkService(url: string): InviteService | null {
  const split = splitWebUrl(url);
  if (!split.ok) return null; // http only survives splitWebUrl for loopback hosts
  const { host, path, query } = split.value;
  const under = (domain: string): boolean => host === domain || host.endsWith(`.${domain}`);
  if (under('teams.microsoft.com') || under('teams.live.com')) return /\/(?:l\/meetup-join|meet)\//.test(path) ? 'teams' : null;
  if (under('zoom.us') || under('zoom.com') || under('zoomgov.com')) return /^\/(?:j|w|my|s)\//.test(path) ? 'zoom' : null;
  if (under('webex.com')) return /j\.php|\/meet\/|\/join\b|\/wbxmjs\//.test(path) || (query ?? '').includes('MTID') ? 'webex' : null;
  // GoTo Meeting: meet.goto.com/123456789, global.gotomeeting.com/join/123456789,
  // app.gotomeeting.com/?meetingId=123456789, gotomeet.me/name (a personal room). Never a Pexip room.
  if (under('goto.com') || under('gotomeeting.com')) return /^\/(?:join\/)?[0-9]{9,10}\/?$/.test(path) || /(?:^|&)meetingId=[0-9]{9,10}(?:&|$)/.test(query ?? '') ? 'goto' : null;
  if (under('gotomeet.me')) return /^\/[A-Za-z0-9._-]+\/?$/.test(path) ? 'goto' : null;
  return parseJoinLink(url).ok ? 'pexip' : null;
}

/** A service named in a line of text ("Microsoft Teams meeting", "Join Zoom Meeting"...). */
function serviceNamedIn(line: string): InviteService | null {
  const l = line.toLowerCase();
  if (l.includes('microsoft teams')) return 'teams';
  if (l.includes('zoom')) return 'zoom';
  if (l.includes('webex')) return 'webex';
  if (l.includes('gotomeeting') || l.includes('goto meeting') || l.includes('goto.com')) return 'goto';
  if (l.includes('pexip')) return 'pexip';
  return null;
}

/** The next line with text after `i` (one blank line may sit between a label and its value). */
function nextFilled(lines: readonly string[], i: number): string | null {
  for (let j = i + 1; j <= i + 2 && j < lines.length; j++) {
    const line = (lines[j] as string).slice(0, MAX_LINE_LENGTH).trim();
    if (line !== '') return line;
  }
  return null;
}

/** A value that is the whole of `line` ("Passcode:<br>482913", a label cell above its value cell). */
function wholeLineCode(line: string | null, wordsAllowed: boolean): string | null {
  if (line === null) return null;
  const read = codeAt(line, wordsAllowed);
  return read !== null && line.slice(read.length).replace(/[.!?,;:]+$/, '').trim() === '' ? read.value : null;
}

/**
 * Candidates from the text lines of an invite (our own block already removed) and the links
 * seen in its HTML. Links with a text position (`start`, from projectHtml) are taken where they
 * stand, and text inside an anchor is never read as a URL: where a link goes is its href (so an
 * anchor showing a join URL over `javascript:` gives nothing). Everything keeps text order;
 * duplicates are dropped. Never throws.
 */
export function findCandidates(text: string, htmlLinks: readonly HtmlLink[] = []): InviteCandidate[] {
  const out: InviteCandidate[] = [];
  const seen = new Set<string>();
  const add = (c: InviteCandidate): void => {
    const key = `${c.kind}|${c.label}|${c.value}`;
    if (!seen.has(key) && out.length < MAX_CANDIDATES) {
      seen.add(key);
      out.push(c);
    }
  };
  let current: InviteService = 'unknown';
  let part = 0;
  const addLink = (raw: string, label: string): InviteService | null => {
    const url = unwrapSafeLink(raw);
    const service = meetingLinkService(url);
    if (service) add({ kind: 'link', label, value: url, service, part });
    return service;
  };
  const addHtmlLink = (link: HtmlLink): void => {
    const s = addLink(link.href, link.text ? link.text.slice(0, 80) : 'Join link');
    if (s && current === 'unknown') current = s;
  };
  const placed = htmlLinks.filter((l) => typeof l.start === 'number').sort((a, b) => (a.start as number) - (b.start as number));
  for (const link of htmlLinks) if (typeof link.start !== 'number') addHtmlLink(link);
  let nextLink = 0;
  let open: Array<[number, number]> = [];

  const lines = text.split('\n', MAX_LINES);
  const parts = forwardedParts(lines);
  let lineStart = 0;
  for (let i = 0; i < lines.length; i++) {
    part = parts[i] as number;
    const [line, extra] = joinWrapped(lines, i, (lines[i] as string).slice(0, MAX_LINE_LENGTH));
    let lineEnd = lineStart + (lines[i] as string).length;
    for (let k = 1; k <= extra; k++) lineEnd += 1 + (lines[i + k] as string).length;
    // Anchors starting on this line come first, then what the line itself says.
    while (nextLink < placed.length && ((placed[nextLink] as HtmlLink).start as number) <= lineEnd) {
      const link = placed[nextLink++] as HtmlLink;
      addHtmlLink(link);
      open.push([link.start as number, Math.max(link.start as number, link.end ?? 0)]);
    }
    // An anchor's text may run over several lines: every line it covers is masked.
    open = open.filter(([, end]) => end > lineStart);
    const anchors = open.map(([from, to]): [number, number] => [from - lineStart, to - lineStart]);
    current = serviceNamedIn(line) ?? current;
    scanUrls(line, anchors, (url) => {
      current = addLink(url, 'Join link') ?? current;
    });
    scanCodes(line, lines, i + extra, (label, value) => add({ kind: 'code', label, value, service: current, part }));
    i += extra;
    lineStart = lineEnd + 1;
  }
  while (nextLink < placed.length) addHtmlLink(placed[nextLink++] as HtmlLink);
  return out;
}

/** URLs written in a line, except inside anchors and except shown text before "<real target>". */
function scanUrls(line: string, anchors: ReadonlyArray<[number, number]>, onUrl: (url: string) => void): void {
  // Anchor text is blanked, so a URL can neither start inside one nor run on into one.
  let text = '';
  let pos = 0;
  for (const [from, to] of anchors) {
    // Sorted by start; one pass, however many anchors a line holds.
    const a = Math.min(line.length, Math.max(pos, from));
    const b = Math.min(line.length, Math.max(a, to));
    if (b > a) {
      text += line.slice(pos, a) + ' '.repeat(b - a);
      pos = b;
    }
  }
  text += line.slice(pos);
  URL_RE.lastIndex = 0;
  for (let m = URL_RE.exec(text); m; m = URL_RE.exec(text)) {
    // "https://shown<https://target>": the text before "<" is only what the link showed.
    if (text.charAt(m.index + m[0].length) === '<') continue;
    onUrl(m[0].replace(/[.,;:]+$/, ''));
  }
}

/** Labelled codes in a line: "Label: value", "Label value" at a row start, "Label:" + next line, the IVR sentence. */
function scanCodes(line: string, lines: readonly string[], lastLine: number, onCode: (label: string, value: string) => void): void {
  LABEL_RE.lastIndex = 0;
  let valueEnd = 0;
  for (let m = LABEL_RE.exec(line); m; m = LABEL_RE.exec(line)) {
    const labelAt = m.index + (m[1] as string).length;
    const label = canonicalLabel(m[2] as string);
    const words = WORD_VALUE_LABELS.has(label);
    const hasSeparator = m[3] !== undefined;
    const restStart = m.index + m[0].length;
    // Bounded slices: a value is short, and a line of thousands of labels must stay linear.
    const rest = line.slice(restStart, restStart + 200);
    const atRowStart = labelAt - valueEnd <= 40 && ROW_START.test(line.slice(valueEnd, labelAt));
    // The next label may start right after this one's value (its lead character is consumed here).
    LABEL_RE.lastIndex = Math.max(labelAt + 1, restStart - 1);
    if (rest.trim() === '') {
      // The value sits on the next line (label and value split by <br>, or cells of one column).
      if (hasSeparator || atRowStart) {
        const value = wholeLineCode(nextFilled(lines, lastLine), hasSeparator && words);
        if (value !== null) onCode(label, value);
      }
      continue;
    }
    if (hasSeparator) {
      const read = codeAt(rest, words);
      if (read !== null) {
        onCode(label, read.value);
        valueEnd = restStart + read.length;
      }
      continue;
    }
    const ivr = IVR_VALUE.exec(rest.slice(0, 120));
    if (ivr !== null) {
      onCode(label, (ivr[1] as string).replace(/[ \u00a0]/g, ''));
      valueEnd = restStart + ivr[0].length;
      continue;
    }
    if (atRowStart) {
      // "PIN 1234" as a table row (label cell, value cell) or a list line: digits only, and
      // nothing after the value but another label (the row's next pair).
      const lead = rest.length - rest.trimStart().length;
      const read = codeAt(rest.slice(lead), false);
      if (read === null) continue;
      const after = rest.slice(lead + read.length);
      if (after.trim() === '' || LABEL_START.test(after)) {
        onCode(label, read.value);
        valueEnd = restStart + lead + read.length;
      }
    }
  }
}
