/**
 * The links of an HTML body for the paste parser: where each one goes is read by a real HTML
 * parser (core/html `readAnchors`, the `href` of `<a>` elements only); where its text stands
 * comes from the text projection. The two are paired in order only when they agree on every
 * anchor (same number, same text); otherwise the links come without positions (a parser
 * disagreement never lets tag text decide where a link goes).
 */
import { readAnchors } from '../html/readAnchors';
import type { HtmlLink, TextProjection } from './htmlToText';

/** Characters of a link's text kept as its label. */
const LINK_TEXT_KEPT = 500;

const squash = (s: string): string => s.replace(/\s+/g, '');

/** The links (anchors with an href) of `html`, whose projection is `projection`, in document order. */
export function htmlLinks(html: string, projection: TextProjection): HtmlLink[] {
  const anchors = readAnchors(html);
  const spans = projection.anchors;
  const agree =
    anchors.length === spans.length &&
    anchors.every((a, i) => {
      const span = spans[i] as { start: number; end: number };
      return squash(a.text) === squash(projection.text.slice(span.start, span.end));
    });
  const out: HtmlLink[] = [];
  anchors.forEach((a, i) => {
    if (a.href === null) return;
    const link: HtmlLink = { href: a.href.trim(), text: a.text.slice(0, LINK_TEXT_KEPT) };
    const span = agree ? spans[i] : undefined;
    out.push(span ? { ...link, start: span.start, end: span.end } : link);
  });
  return out;
}
