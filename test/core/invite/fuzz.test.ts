/**
 * The invite parser fuzzed with fast-check: 10^5 generated inputs mixing pieces of real invites
 * (the fixtures), HTML, Safe Links, script anchors and unicode. Properties: nothing throws
 * (projectHtml and findCandidates are called directly, as parseInvite would swallow a throw), a
 * code read always stands in the input, every link is an http(s) meeting link, and the text of a
 * script anchor never becomes one.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { findCandidates, meetingLinkService } from '../../../core/invite/candidates';
import { projectHtml } from '../../../core/invite/htmlToText';
import { htmlLinks } from '../../../core/invite/htmlLinks';
import { parseInvite } from '../../../core/invite/parse';
import type { ParsedInvite } from '../../../core/invite/parse';
import { renderInviteBlock } from '../../../core/invite/render';
import { isValidPinFormat } from '../../../core/pin/format';
import { fromParsedInvite } from '../../../core/vault/invite';
import * as F from './fixtures';

/** Lines of every real invite fixture, plus a rendered block. */
const REAL_LINES = [
  F.TEAMS_HTML, F.ZOOM_TEXT, F.WEBEX_TEXT, F.PEXIP_TEXT, F.OUTLOOK_REWRITTEN, F.PLAIN_TEXT_CONVERSION, F.SAFE_LINKS_TEXT, F.WRAPPED_TEXT,
  F.TABLE_HTML, F.BR_SPLIT_HTML, F.GERMAN_TEXT, F.FRENCH_TEXT, F.SPANISH_TEXT, F.DUTCH_TEXT, F.ITALIAN_TEXT, F.IVR_TEXT, F.FORWARDED_TEXT,
  F.FORWARDED_TWICE_TEXT, F.SYMBOL_CODES_TEXT, renderInviteBlock(F.INPUT).html, renderInviteBlock(F.INPUT).text,
].flatMap((t) => t.split('\n')).filter((l) => l.trim() !== '').map((l) => l.slice(0, 90));

/** A host that only ever appears inside script anchors: no link may ever name it. */
const TRAP = 'trap.example.net';
const TRAP_ANCHORS = [
  `<a href="javascript:alert(1)">https://${TRAP}/webapp3/m/trap</a>`,
  `<a href='vbscript:msgbox(1)'>https://${TRAP}/m/trap?pin=1234</a>`,
  `<a href=data:text/html,x>Join https://${TRAP}/webapp/conference/trap</a>`,
  `<A HREF=" JaVaScRiPt:x()">see<br>https://${TRAP}/webapp3/m/trap</A>`,
];
/** Plain text's "shown<target>" (in HTML the "<...>" is a tag and the URL plain visible text). */
const TRAP_TEXT = `https://${TRAP}/webapp3/m/trap<javascript:alert(1)>`;
type Format = 'auto' | 'html' | 'text';
const trapped: fc.Arbitrary<[string, Format]> = fc.oneof(
  fc.tuple(fc.constantFrom(...TRAP_ANCHORS), fc.constantFrom<Format>('auto', 'html')),
  fc.tuple(fc.constant(TRAP_TEXT), fc.constant<Format>('text')),
);

const noMarkup = (s: string): string => s.replace(/[<>"'&]/g, '');
/** Well-formed pieces: whole tags, real lines without markup, unicode text. */
const cleanPiece = fc.oneof(
  fc.constantFrom(...REAL_LINES.map(noMarkup)),
  fc.constantFrom('<p>', '</p>', '<br>', '<div>', '</div>', '<table><tr><td>', '</td><td>', '</td></tr></table>', '\n', ' ', '\u00a0', '<b>', '</b>'),
  fc.constantFrom('PIN: ', 'Guest PIN ', 'Kenncode: ', 'Code secret\u00a0: ', 'conference ID ', ' followed by #', '1234 5678', '4821*99', '-----Original Message-----\nFrom: a\nSent: b\n'),
  fc.constantFrom(F.BOARD, F.SYNC, F.safeLink(F.BOARD), `${F.BOARD}/express`, '<https://video.example.org/webapp3/m/\nwrapped.room>'),
  fc.string({ unit: 'grapheme', maxLength: 8 }).map(noMarkup),
);
const rawPiece = fc.oneof(
  cleanPiece,
  fc.constantFrom(...REAL_LINES),
  fc.constantFrom('<a href="', '"', "'", '<', '>', '&#', '&amp;', '&#x1F600;', '<!--', '-->', '<![if', '<style>', '</', '<a href=javascript:x>', '&#13;'),
  fc.string({ unit: 'binary', maxLength: 8 }),
);

const squeeze = (s: string): string => s.replace(/[\s\u00a0\u202f\u200b\ufeff]+/g, '');

/** Fails with the reason; plain throws, not expect(), keep 10^5 runs within seconds. */
function must(ok: boolean, why: string): void {
  if (!ok) throw new Error(why);
}

/**
 * Parses `body` once the way `format` says, calling the parts directly (parseInvite would
 * swallow a throw) except for 'auto', which goes through parseInvite and its block handling,
 * then checks what must hold for any input. `trapFree`: no link may name the trap host.
 */
function check(body: string, format: Format, trapFree: boolean): void {
  let parsed: ParsedInvite;
  let visible: () => string;
  if (format === 'auto') {
    parsed = parseInvite(body, 'auto');
    visible = () => squeeze(projectHtml(body).text); // only projected when the raw body does not hold a code
  } else {
    const projection = format === 'html' ? projectHtml(body) : null;
    const candidates = projection ? findCandidates(projection.text, htmlLinks(body, projection)) : findCandidates(body);
    parsed = { block: null, blockCount: 0, blockPart: 0, candidates };
    visible = () => (projection ? squeeze(projection.text) : '');
  }
  const raw = squeeze(body);
  for (const c of parsed.candidates) {
    if (c.kind === 'code') must(raw.includes(squeeze(c.value)) || (format !== 'text' && visible().includes(squeeze(c.value))), `code ${c.value} is not in the input`);
    else {
      must(/^https?:\/\//i.test(c.value) && meetingLinkService(c.value) !== null, `link ${c.value} is not a meeting link`);
      must(!trapFree || !c.value.includes(TRAP), `a script anchor's text became the link ${c.value}`);
    }
  }
  for (const d of fromParsedInvite(parsed)) {
    must(d.pin === '' || (d.pinOptions.includes(d.pin) && isValidPinFormat(d.pin)), `draft PIN ${d.pin} is not one of its PIN-shaped options`);
    must(!trapFree || !d.url.includes(TRAP), `a draft links ${d.url}`);
  }
}

// About 2 s on an idle core; the timeouts leave room for a machine busy with other work.
describe('invite parser fuzz (10^5 inputs)', () => {
  it('well-formed mixes with script anchors: 60 000 inputs', () => {
    const input = fc.tuple(fc.array(cleanPiece, { maxLength: 4 }), trapped, fc.array(cleanPiece, { maxLength: 4 }));
    fc.assert(fc.property(input, ([a, [trap, format], b]) => check([...a, trap, ...b].join(''), format, true)), { numRuns: 60_000 });
  }, 60_000);
  it('garbage: 40 000 inputs of torn markup, entities and binary strings', () => {
    const body = fc.array(rawPiece, { maxLength: 8 }).map((a) => a.join(''));
    fc.assert(fc.property(body, fc.constantFrom<Format>('auto', 'html', 'text'), (b, f) => check(b, f, false)), { numRuns: 40_000 });
  }, 60_000);
});
