/**
 * Finds SecureJoin blocks in an invite body, HTML or plain text, by their visible marker lines,
 * and maps them back to exact character ranges of the body so they can be replaced or removed
 * without touching anything else.
 */
import { projectHtml } from './htmlToText';
import type { TextProjection } from './htmlToText';
import { isEndMarkerLine, isStartMarkerLine } from './markers';
import { isOurLine } from './fields';

/** Body formats Outlook offers (`Office.CoercionType.Html` / `Text`). */
export type BodyFormat = 'html' | 'text';

/** One block found in a body. */
export interface BlockLocation {
  /** Range of the body [start, end) that holds the block (HTML: with its enclosing tags). */
  start: number;
  end: number;
  /** False when one of the two marker lines is missing (block edited by hand). */
  complete: boolean;
  /** The block's visible lines between the markers. */
  lines: string[];
}

interface Line {
  text: string;
  /** Index in the projected text of the first and one-past-last character of the line. */
  from: number;
  to: number;
}

function splitLines(text: string): Line[] {
  const lines: Line[] = [];
  let from = 0;
  while (from <= text.length) {
    const nl = text.indexOf('\n', from);
    let to = nl < 0 ? text.length : nl;
    const next = nl < 0 ? text.length + 1 : nl + 1;
    if (to > from && text.charAt(to - 1) === '\r') to--;
    lines.push({ text: text.slice(from, to), from, to });
    from = next;
  }
  return lines;
}

/** Line-index ranges [first, last] of blocks, in order. */
function blockLineRanges(lines: readonly Line[]): Array<{ first: number; last: number; complete: boolean }> {
  const out: Array<{ first: number; last: number; complete: boolean }> = [];
  const isBlank = (i: number): boolean => (lines[i]?.text.trim() ?? '') === '';
  /** Extends from `i` in direction `dir` over our lines (blank lines only between them). */
  const extend = (i: number, dir: 1 | -1): number => {
    let last = i;
    for (let j = i + dir; j >= 0 && j < lines.length; j += dir) {
      const line = lines[j] as Line;
      if (isBlank(j)) continue;
      if (!isOurLine(line.text)) break;
      last = j;
    }
    return last;
  };
  let i = 0;
  while (i < lines.length) {
    const text = (lines[i] as Line).text;
    if (isStartMarkerLine(text)) {
      let end = -1;
      for (let j = i + 1; j < lines.length; j++) {
        const t = (lines[j] as Line).text;
        if (isEndMarkerLine(t)) {
          end = j;
          break;
        }
        if (isStartMarkerLine(t)) break;
      }
      if (end >= 0) {
        out.push({ first: i, last: end, complete: true });
        i = end + 1;
      } else {
        const last = extend(i, 1);
        out.push({ first: i, last, complete: false });
        i = last + 1;
      }
      continue;
    }
    if (isEndMarkerLine(text)) {
      const prevEnd = out.length ? (out[out.length - 1] as { last: number }).last : -1;
      out.push({ first: Math.max(extend(i, -1), prevEnd + 1), last: i, complete: false });
    }
    i++;
  }
  return out;
}

const VOID_TAGS = new Set(['br', 'img', 'hr', 'meta', 'link', 'input', 'wbr', 'col', 'area', 'base']);
const NEVER_WALK = new Set(['html', 'body', 'head']);

interface Tag {
  start: number;
  end: number;
  name: string;
  closing: boolean;
  selfClosing: boolean;
}

function tagAt(html: string, start: number, end: number): Tag | null {
  const m = /^<(\/?)([a-zA-Z][a-zA-Z0-9:_-]{0,40})/.exec(html.slice(start, Math.min(end, start + 45)));
  if (!m) return null;
  return { start, end, name: (m[2] as string).toLowerCase(), closing: m[1] === '/', selfClosing: html.charAt(end - 2) === '/' };
}

const SPACE_BEFORE = /(?:\s|&nbsp;|&#160;)+$/;

function prevTag(html: string, pos: number): Tag | null {
  const window = html.slice(Math.max(0, pos - 200), pos);
  const ws = SPACE_BEFORE.exec(window);
  const p = pos - (ws ? ws[0].length : 0);
  if (html.charAt(p - 1) !== '>') return null;
  const lt = html.lastIndexOf('<', p - 1);
  return lt < 0 || p - lt > 2000 ? null : tagAt(html, lt, p);
}

function nextTag(html: string, pos: number): Tag | null {
  const ws = /^(?:\s|&nbsp;|&#160;)+/.exec(html.slice(pos, pos + 200));
  const p = pos + (ws ? ws[0].length : 0);
  if (html.charAt(p) !== '<') return null;
  const gt = html.indexOf('>', p);
  return gt < 0 || gt - p > 2000 ? null : tagAt(html, p, gt + 1);
}

/**
 * Widens [s, e) to the elements that wrap exactly the block: opening tags right before the
 * start marker paired, innermost first and by name, with closing tags right after the end
 * marker. Unpaired tags are left alone, so the surrounding markup stays balanced.
 */
function widenToElements(html: string, s: number, e: number): [number, number] {
  const opens: Tag[] = [];
  for (let p = s, n = 0; n < 6; n++) {
    const t = prevTag(html, p);
    if (!t || t.closing || t.selfClosing || VOID_TAGS.has(t.name) || NEVER_WALK.has(t.name)) break;
    opens.push(t);
    p = t.start;
  }
  let matched = 0;
  let end = e;
  for (let q = e, n = 0; n < 12 && matched < opens.length; n++) {
    const t = nextTag(html, q);
    if (!t) break;
    if (t.closing && t.name === (opens[matched] as Tag).name) {
      matched++;
      q = t.end;
      end = q;
      continue;
    }
    // Skip an empty element such as Outlook's <o:p></o:p> between the text and its first
    // closer; never later, where it would be someone else's (empty) paragraph.
    const after = matched === 0 && !t.closing && !VOID_TAGS.has(t.name) ? nextTag(html, t.end) : null;
    if (after && after.closing && after.name === t.name) {
      q = after.end;
      continue;
    }
    break;
  }
  return matched === 0 ? [s, e] : [(opens[matched - 1] as Tag).start, end];
}

/**
 * Every SecureJoin block in `body`, in order. HTML is projected to text first (so markers
 * are found whatever the markup), then each block is mapped back to a body range.
 * Never throws.
 */
export function locateBlocks(body: string, format: BodyFormat): BlockLocation[] {
  if (typeof body !== 'string' || body === '') return [];
  if (format === 'text') {
    const lines = splitLines(body);
    return blockLineRanges(lines).map(({ first, last, complete }) => ({
      start: (lines[first] as Line).from,
      end: (lines[last] as Line).to,
      complete,
      lines: innerLines(lines, first, last),
    }));
  }
  return locateInProjection(body, projectHtml(body));
}

/** {@link locateBlocks} for HTML whose projection the caller already has (saves a second pass). */
export function locateInProjection(body: string, projection: TextProjection): BlockLocation[] {
  const lines = splitLines(projection.text);
  return blockLineRanges(lines).map(({ first, last, complete }) => {
    const a = (lines[first] as Line).from;
    const b = (lines[last] as Line).to;
    const s = projection.sourceStart[a] ?? 0;
    const e = projection.sourceEnd[Math.max(a, b - 1)] ?? body.length;
    const [start, end] = widenToElements(body, s, e);
    return { start, end, complete, lines: innerLines(lines, first, last) };
  });
}

/** Lines of a block without its marker lines. */
function innerLines(lines: readonly Line[], first: number, last: number): string[] {
  return lines
    .slice(first, last + 1)
    .map((l) => l.text)
    .filter((t) => !isStartMarkerLine(t) && !isEndMarkerLine(t));
}
