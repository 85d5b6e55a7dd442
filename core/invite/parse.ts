/** Reads an invite body: our block's fields, plus candidate codes and links of other services. */
import { findCandidates } from './candidates';
import { forwardedParts } from './forwarded';
import type { InviteCandidate } from './candidates';
import { readBlockFields } from './fields';
import type { InviteBlockFields } from './fields';
import { htmlLinks } from './htmlLinks';
import { projectHtml } from './htmlToText';
import type { HtmlLink } from './htmlToText';
import { locateBlocks, locateInProjection } from './locate';
import { mailSubjects } from './mailSubject';
import type { MailSubject } from './mailSubject';
import type { BodyFormat } from './locate';
import { resolveFormat } from './upsert';

/** What {@link parseInvite} found. */
export interface ParsedInvite {
  /** Fields of our first block, or null when there is none. */
  block: InviteBlockFields | null;
  /** How many of our blocks the body holds. */
  blockCount: number;
  /** Which mail of a forwarded text our first block is in (see InviteCandidate.part); 0 without a block. */
  blockPart: number;
  /** Codes and join links outside our block (Teams, Zoom, Webex, Pexip, ...). */
  candidates: InviteCandidate[];
  /** "Subject:" lines of the mails' headers (./mailSubject), per part as in `candidates`. */
  mailSubjects?: MailSubject[];
}

const empty = (): ParsedInvite => ({ block: null, blockCount: 0, blockPart: 0, candidates: [], mailSubjects: [] });

/**
 * Parses an invite body (HTML, also as rewritten by Outlook, or plain text; `format` 'auto'
 * guesses). Our block is found by its visible marker lines; where a link goes is read by a real
 * HTML parser (core/html). Never throws: on any failure the result is simply empty.
 */
export function parseInvite(body: string, format: BodyFormat | 'auto' = 'auto'): ParsedInvite {
  try {
    if (typeof body !== 'string') return empty();
    const fmt: BodyFormat = resolveFormat(body, format);
    const whole = fmt === 'html' ? projectHtml(body) : null;
    const blocks = whole ? locateInProjection(body, whole) : locateBlocks(body, fmt);
    // Candidates come from the rest of the body, so our own code is not offered back.
    let rest = body;
    for (let i = blocks.length - 1; i >= 0; i--) {
      const b = blocks[i] as { start: number; end: number };
      rest = rest.slice(0, b.start) + (fmt === 'html' ? '<br>' : '\n') + rest.slice(b.end);
    }
    let text = rest;
    let links: HtmlLink[] = [];
    if (whole) {
      const projection = blocks.length === 0 ? whole : projectHtml(rest);
      text = projection.text;
      links = htmlLinks(blocks.length === 0 ? body : rest, projection);
    }
    const first = blocks[0];
    let blockPart = 0;
    if (first) {
      const before = body.slice(0, first.start);
      const parts = forwardedParts((fmt === 'html' ? projectHtml(before).text : before.replace(/\r/g, '')).split('\n'));
      blockPart = parts[parts.length - 1] ?? 0;
    }
    return {
      block: first ? readBlockFields(first.lines) : null,
      blockCount: blocks.length,
      blockPart,
      candidates: findCandidates(text.replace(/\r/g, ''), links),
      mailSubjects: mailSubjects(text),
    };
  } catch {
    return empty();
  }
}
