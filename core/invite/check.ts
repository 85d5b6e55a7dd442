/**
 * Tells the add-in whether the block in a body still says what it should: present once,
 * complete, with the current activation time (stale when the meeting moved) and the codes the
 * add-in expects (tampered when someone edited them, weak when a guessable code was typed in).
 */
import { isWeakCode } from '../codes';
import { readBlockFields } from './fields';
import type { InviteBlockFields } from './fields';
import { readAnchors } from '../html/readAnchors';
import type { HtmlAnchor } from '../html/readAnchors';
import { locateBlocks } from './locate';
import type { BodyFormat } from './locate';
import { renderInviteBlock } from './render';
import { resolveFormat } from './upsert';
import type { InviteBlockInput } from './render';

/** Kinds of problems, most serious first in the returned list. */
export type InviteBlockProblemKind =
  | 'missing'
  | 'duplicate'
  | 'incomplete'
  | 'code_mismatch'
  | 'passcode_mismatch'
  | 'weak_code'
  | 'link_mismatch'
  | 'link_target_mismatch'
  | 'save_link_mismatch'
  | 'stale'
  | 'series_stale'
  | 'dial_in_mismatch';

/** One problem with the block, with a sentence the add-in can show. */
export interface InviteBlockProblem {
  kind: InviteBlockProblemKind;
  message: string;
}

/**
 * Problems with the SecureJoin block in `body` compared with what `expected` renders now
 * (empty list: all good). `format` is the body's format (default: guessed). The expected block is rendered with
 * {@link renderInviteBlock}, so `expected` must be valid (RangeError otherwise); the body may
 * be anything.
 */
export function checkInviteBlock(body: string, expected: InviteBlockInput, format: BodyFormat | 'auto' = 'auto'): InviteBlockProblem[] {
  const want = readBlockFields(renderInviteBlock(expected).text.split('\n'));
  const src = typeof body === 'string' ? body : '';
  const blocks = locateBlocks(src, resolveFormat(src, format));
  const first = blocks[0];
  if (!first) return [{ kind: 'missing', message: 'The invite has no SecureJoin block.' }];
  const problems: InviteBlockProblem[] = [];
  const add = (kind: InviteBlockProblemKind, message: string): void => void problems.push({ kind, message });
  if (blocks.length > 1) add('duplicate', `The invite holds ${blocks.length} SecureJoin blocks; only one may remain.`);
  if (!first.complete) add('incomplete', 'The SecureJoin block lost its start or end line.');
  const got: InviteBlockFields = readBlockFields(first.lines);
  if (got.accessCode !== want.accessCode) add('code_mismatch', got.accessCode === undefined ? missingLine('access code') : 'The access code in the invite differs from the one set for this meeting.');
  if (got.passcode !== want.passcode || got.personalPasscodes !== want.personalPasscodes) {
    const gone = got.passcode === undefined && !got.personalPasscodes && (want.passcode !== undefined || want.personalPasscodes);
    add('passcode_mismatch', gone ? missingLine('passcode') : 'The passcode line in the invite differs from this meeting\'s passcode setting.');
  }
  const weak = [got.accessCode, got.passcode].filter((c): c is string => typeof c === 'string' && c !== '' && isWeakCode(c));
  if (weak.length) add('weak_code', 'The invite contains an easily guessed code.');
  if (got.joinUrl !== want.joinUrl) add('link_mismatch', got.joinUrl === undefined ? missingLine('join link') : 'The join link in the invite differs from this meeting\'s room.');
  if (resolveFormat(src, format) === 'html' && hiddenTargets(src, src.slice(first.start, first.end), first.lines)) {
    // The fields above are read from the visible text; a link must not lead elsewhere (a look-alike node).
    add('link_target_mismatch', 'A link in the SecureJoin block leads to another address than the one it shows.');
  }
  if (got.captureUrl !== want.captureUrl) {
    // Its fragment holds a PIN and a window the extension saves as they are: an edited, stale or
    // unexpected save link would make attendees' browsers spend attempts on a wrong code or time.
    add('save_link_mismatch', want.captureUrl === undefined
      ? 'The invite has a "Save in SecureJoin" link this meeting should not have.'
      : 'The "Save in SecureJoin" link in the invite is missing or differs from this meeting\'s code and time.');
  }
  const seriesOnly = got.activationSentence === want.activationSentence && got.recurringSentence !== undefined && want.recurringSentence !== undefined;
  if (seriesOnly && got.recurringSentence !== want.recurringSentence) {
    // Only the series line differs: the block predates the rule in words (issue 13), or the rule changed.
    add('series_stale', SERIES_STALE);
  } else if (got.activationSentence !== want.activationSentence || got.recurringSentence !== want.recurringSentence) {
    const gone = (got.activationSentence === undefined && want.activationSentence !== undefined) || (got.recurringSentence === undefined && want.recurringSentence !== undefined);
    add('stale', gone ? missingLine('activation time') : 'The activation time in the invite no longer matches the meeting time.');
  }
  if (JSON.stringify(got.dialIn ?? null) !== JSON.stringify(want.dialIn ?? null)) {
    add('dial_in_mismatch', got.dialIn === undefined ? missingLine('dial-in') : 'The dial-in steps in the invite differ from the configured dial-in.');
  }
  return problems;
}

/** Only the series line is out of date: the rule changed, or the block predates the rule in words (issue 13). */
export const SERIES_STALE = 'The series line in the invite does not say how the series repeats now.';

/** "The access code line is missing from the block.": a line deleted (by hand) is missing, not different. */
const missingLine = (what: string): string => `The ${what} line is missing from the block.`;

/** A URL as the block writes one: up to the next whitespace. */
const URL_IN_TEXT = /https?:\/\/\S+/g;

/**
 * True when a link of the block leads elsewhere than the text it shows: every `<a href>` of the
 * block's HTML (`blockHtml`), and every anchor of the whole body whose text shows one of the
 * block's URLs (an anchor opened before the block's first line and wrapping it is not in the
 * block's slice). Anchors and their hrefs come from a real HTML parser (core/html), so an
 * `href=` inside another attribute (`title='href="…"'`, `data-href`) is never taken for the link.
 */
function hiddenTargets(body: string, blockHtml: string, lines: readonly string[]): boolean {
  const misleads = (a: HtmlAnchor): boolean => a.href !== null && a.href.trim() !== a.text;
  if (readAnchors(blockHtml).some(misleads)) return true;
  const shown = lines.flatMap((line) => line.match(URL_IN_TEXT) ?? []);
  return shown.length > 0 && readAnchors(body).some((a) => misleads(a) && shown.some((url) => a.text.includes(url)));
}
