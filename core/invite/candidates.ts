/**
 * Picks codes and join links out of ordinary invites of other services (Teams, Zoom, Webex,
 * Pexip) so the add-in can offer them: "PIN: 1234", "Passcode: aB3xYz", "Meeting ID: 855 1234
 * 5678", "Meeting number (access code): 2634 123 4567", join URLs. Heuristic by nature: results
 * are candidates with labels for a person to confirm, never facts.
 */
import { parseJoinLink } from '../links/join';
import { splitWebUrl } from '../links/url';
import type { HtmlLink } from './htmlToText';
import { cleanCode } from './fields';

/** Which service a candidate seems to belong to. */
export type InviteService = 'teams' | 'zoom' | 'webex' | 'pexip' | 'unknown';

/** A code or join link found in an invite. `label` is the canonical label ("Passcode"). */
export interface InviteCandidate {
  kind: 'code' | 'link';
  label: string;
  value: string;
  service: InviteService;
}

/** Labels recognised before a code, longest first so "Phone conference ID" wins over "Conference ID". */
const CODE_LABELS: ReadonlyArray<[string, string]> = [
  ['phone conference id', 'Phone conference ID'],
  ['meeting number', 'Meeting number'],
  ['meeting passcode', 'Passcode'],
  ['meeting password', 'Password'],
  ['numeric password', 'Password'],
  ['attendee access code', 'Access code'],
  ['participant code', 'Access code'],
  ['conference id', 'Conference ID'],
  ['meeting id', 'Meeting ID'],
  ['access code', 'Access code'],
  ['passcode', 'Passcode'],
  ['password', 'Password'],
  ['host key', 'Host key'],
  ['host pin', 'Host PIN'],
  ['guest pin', 'Guest PIN'],
  ['pin', 'PIN'],
];
const LABEL_RE = new RegExp(
  `\\b(${CODE_LABELS.map(([k]) => k).join('|')})\\b ?(?:\\([^)\\n]{0,30}\\) ?)?[:#\\uff1a] {0,3}`,
  'gi',
);
// http is picked up too, but meetingLinkService keeps it only for loopback hosts (splitWebUrl's
// rule): a local test node is fine, a PIN page over plain http on a network is not.
const URL_RE = /https?:\/\/[^\s<>"'()[\]]{1,2000}/g;
const NOT_CODES = new Set(['required', 'none', 'optional', 'n/a', 'na', 'yes', 'no']);
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
  return parseJoinLink(url).ok ? 'pexip' : null;
}

/** A service named in a line of text ("Microsoft Teams meeting", "Join Zoom Meeting"...). */
function serviceNamedIn(line: string): InviteService | null {
  const l = line.toLowerCase();
  if (l.includes('microsoft teams')) return 'teams';
  if (l.includes('zoom')) return 'zoom';
  if (l.includes('webex')) return 'webex';
  if (l.includes('pexip')) return 'pexip';
  return null;
}

/** Reads the value after a label: digits with spaces joined ("855 1234 5678"), else one word. */
function codeAfter(rest: string, label: string): string | null {
  const m = /^[A-Za-z0-9][A-Za-z0-9#]{0,40}(?: [0-9]{1,6}#?){0,6}/.exec(rest.slice(0, 80));
  if (!m) return null;
  const value = cleanCode(m[0]);
  if (value.length < 3 || NOT_CODES.has(value.toLowerCase())) return null;
  const passwordLike = label === 'Passcode' || label === 'Password' || label === 'Host key';
  if (!/[0-9]/.test(value) && !(passwordLike && value.length >= 4)) return null;
  return value;
}

/**
 * Candidates from the text lines of an invite (our own block already removed) and the links
 * seen in its HTML. Codes keep the order they appear in; duplicates are dropped. Never throws.
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
  const addLink = (url: string, label: string): InviteService | null => {
    const service = meetingLinkService(url);
    if (service) add({ kind: 'link', label, value: url, service });
    return service;
  };
  let current: InviteService = 'unknown';
  for (const link of htmlLinks) {
    const s = addLink(link.href, link.text ? link.text.slice(0, 80) : 'Join link');
    if (s && current === 'unknown') current = s;
  }
  const lines = text.split('\n', MAX_LINES);
  for (const raw of lines) {
    const line = raw.slice(0, MAX_LINE_LENGTH);
    current = serviceNamedIn(line) ?? current;
    for (const url of line.match(URL_RE) ?? []) current = addLink(url.replace(/[.,;:]+$/, ''), 'Join link') ?? current;
    LABEL_RE.lastIndex = 0;
    for (let m = LABEL_RE.exec(line); m; m = LABEL_RE.exec(line)) {
      const label = CODE_LABELS.find(([k]) => k === (m as RegExpExecArray)[1]?.toLowerCase())?.[1] ?? 'Code';
      const value = codeAfter(line.slice(m.index + m[0].length), label);
      if (value) add({ kind: 'code', label, value, service: current });
    }
  }
  return out;
}
