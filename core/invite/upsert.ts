/** Adds, replaces, finds and removes the SecureJoin block in an invite body, idempotently. */
import type { InviteBlock } from './render';
import type { InviteBlockFields } from './fields';
import { readBlockFields } from './fields';
import { looksLikeHtml } from './htmlToText';
import { locateBlocks } from './locate';
import type { BodyFormat } from './locate';

/** The body's format: as given, or guessed from its content for 'auto'. */
export const resolveFormat = (body: string, format: BodyFormat | 'auto'): BodyFormat =>
  format === 'auto' ? (typeof body === 'string' && looksLikeHtml(body) ? 'html' : 'text') : format;

/** A block found in a body: where it is and what it says. */
export interface FoundInviteBlock {
  start: number;
  end: number;
  complete: boolean;
  fields: InviteBlockFields;
  /** How many blocks the body holds (more than 1 means a duplicate was pasted in). */
  count: number;
}

const blockIn = (block: InviteBlock | string, format: BodyFormat): string => (typeof block === 'string' ? block : block[format]);

/**
 * `body` with exactly one SecureJoin block: the first existing block (found by its visible
 * marker lines, also after Outlook rewrote the HTML) is replaced, any further blocks are
 * removed, and when there is none the block is added at the end (HTML: before `</body>`).
 * Everything else in the body stays byte-for-byte as it was. Idempotent:
 * `upsert(upsert(b, x), x) === upsert(b, x)`. Text blocks take the body's line ending (CRLF/LF).
 */
export function upsertInviteBlock(body: string, block: InviteBlock | string, format: BodyFormat): string {
  const src = typeof body === 'string' ? body : '';
  let insert = blockIn(block, format);
  if (format === 'text' && src.includes('\r\n')) insert = insert.replace(/\r?\n/g, '\r\n');
  const found = locateBlocks(src, format);
  if (found.length === 0) return append(src, insert, format);
  let out = src;
  for (let i = found.length - 1; i >= 1; i--) out = cut(out, found[i] as { start: number; end: number }, format);
  const first = found[0] as { start: number; end: number };
  return out.slice(0, first.start) + insert + out.slice(first.end);
}

function append(body: string, insert: string, format: BodyFormat): string {
  if (format === 'html') {
    const at = body.toLowerCase().lastIndexOf('</body>');
    return at < 0 ? body + insert : body.slice(0, at) + insert + body.slice(at);
  }
  const nl = body.includes('\r\n') ? '\r\n' : '\n';
  if (body === '') return insert + nl;
  const sep = body.endsWith(nl + nl) ? '' : body.endsWith(nl) ? nl : nl + nl;
  return body + sep + insert + nl;
}

/** Removes a range; in text also the line break after it, so no empty line is left behind. */
function cut(body: string, range: { start: number; end: number }, format: BodyFormat): string {
  let end = range.end;
  if (format === 'text') {
    if (body.startsWith('\r\n', end)) end += 2;
    else if (body.charAt(end) === '\n') end += 1;
  }
  return body.slice(0, range.start) + body.slice(end);
}

/** `body` without any SecureJoin block (complete or damaged); unchanged when there is none. */
export function removeInviteBlock(body: string, format: BodyFormat | 'auto' = 'auto'): string {
  const src = typeof body === 'string' ? body : '';
  const fmt = resolveFormat(src, format);
  const found = locateBlocks(src, fmt);
  let out = src;
  for (let i = found.length - 1; i >= 0; i--) out = cut(out, found[i] as { start: number; end: number }, fmt);
  return out;
}

/**
 * The first SecureJoin block in `body` with its range and parsed fields, or null. `format`
 * defaults to guessing from the content. Never throws.
 */
export function findInviteBlock(body: string, format: BodyFormat | 'auto' = 'auto'): FoundInviteBlock | null {
  try {
    const found = locateBlocks(body, resolveFormat(body, format));
    const first = found[0];
    if (!first) return null;
    return { start: first.start, end: first.end, complete: first.complete, fields: readBlockFields(first.lines), count: found.length };
  } catch {
    return null;
  }
}
