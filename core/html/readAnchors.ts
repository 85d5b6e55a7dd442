/**
 * {@link AnchorReader} on htmlparser2's tokenizer, a maintained HTML tokenizer with no DOM
 * (spec entity decoding in text and attributes, raw text in script/style/title/textarea):
 * where core runs outside a page (Node, the CLI, the add-in's event runtime, tests). Pages with
 * a DOM use the browser's own parser instead (`readAnchors.dom.ts`, swapped in at build time).
 *
 * The tokenizer, not htmlparser2's Parser: the Parser keeps its open elements with
 * `Array.unshift`, quadratic on deep nesting (150,000 nested `<b>` took 9 s), and anchors need
 * no element stack: an anchor ends at `</a>` or at the next `<a>` (anchors do not nest in HTML).
 */
import { Tokenizer } from 'htmlparser2';
import type { TokenizerCallbacks } from 'htmlparser2';
import { anchorText, NO_ANCHORS_INSIDE } from './anchors';
import type { AnchorReader, HtmlAnchor } from './anchors';

export type { AnchorReader, HtmlAnchor } from './anchors';

/** The anchors of `html` in document order. */
export const readAnchors: AnchorReader = (input) => {
  const html = typeof input === 'string' ? input : '';
  const out: HtmlAnchor[] = [];
  let anchor: { href: string | null; text: string } | null = null;
  /** Elements open whose content holds no anchors (see NO_ANCHORS_INSIDE). */
  let inert = 0;
  let tag = '';
  /** The tag being read is an <a>: its attributes matter. */
  let attrs: Map<string, string> | null = null;
  let attrName = '';
  let attrValue = '';
  const endAnchor = (): void => {
    if (anchor) out.push({ href: anchor.href, text: anchorText(anchor.text) });
    anchor = null;
  };
  const openTagEnd = (): void => {
    if (NO_ANCHORS_INSIDE.has(tag)) inert++;
    if (tag !== 'a' || inert > 0 || attrs === null) return;
    endAnchor();
    anchor = { href: attrs.get('href') ?? null, text: '' };
  };
  const text = (s: string): void => {
    if (anchor && inert === 0) anchor.text += s;
  };
  const cbs: TokenizerCallbacks = {
    onopentagname(start, end) {
      tag = html.slice(start, end).toLowerCase();
      attrs = tag === 'a' ? new Map() : null;
    },
    onattribname(start, end) {
      attrName = html.slice(start, end).toLowerCase();
      attrValue = '';
    },
    onattribdata(start, end) {
      attrValue += html.slice(start, end);
    },
    onattribentity(codepoint) {
      attrValue += String.fromCodePoint(codepoint);
    },
    onattribend() {
      // A repeated attribute keeps its first value, as in the browser.
      if (attrs && !attrs.has(attrName)) attrs.set(attrName, attrValue);
      attrValue = '';
    },
    onopentagend: openTagEnd,
    // `<a href=x/>` opens an anchor in HTML: the slash is ignored on non-void elements.
    onselfclosingtag: openTagEnd,
    onclosetag(start, end) {
      const name = html.slice(start, end).toLowerCase();
      if (NO_ANCHORS_INSIDE.has(name)) inert = Math.max(0, inert - 1);
      else if (name === 'a' && inert === 0) endAnchor();
    },
    ontext(start, end) {
      text(html.slice(start, end));
    },
    ontextentity(codepoint) {
      text(String.fromCodePoint(codepoint));
    },
    oncdata() {},
    oncomment() {},
    ondeclaration() {},
    onprocessinginstruction() {},
    onend() {},
  };
  const tokenizer = new Tokenizer({ decodeEntities: true }, cbs);
  tokenizer.write(html);
  tokenizer.end();
  endAnchor();
  return out;
};
