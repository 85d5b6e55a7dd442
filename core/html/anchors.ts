/**
 * The one small interface through which SecureJoin reads HTML structure: the anchors of a
 * document, as a real HTML parser sees them. Two implementations exist and must agree (a
 * property test against Chromium's own parser holds them to it): `readAnchors.ts` (htmlparser2,
 * no DOM: core, Node, the add-in's event runtime) and `readAnchors.dom.ts` (the browser's own
 * DOMParser: task pane, popup, options page, chosen at build time so those bundles carry no
 * parser of their own). Links are taken from the `href` attribute of `<a>` elements only:
 * `title='href="..."'`, `data-href`, text that looks like a URL are never where a link goes.
 */

/** One `<a>` element. */
export interface HtmlAnchor {
  /** Its `href` attribute, entities decoded, exactly as the parser read it; null without one. */
  href: string | null;
  /** Its text content, whitespace runs collapsed to one space and trimmed. */
  text: string;
}

/** Reads every `<a>` element of `html` (a whole document or a fragment), in document order. Never throws on any string. */
export type AnchorReader = (html: string) => HtmlAnchor[];

/** Text content as both readers report it: whitespace (also no-break space) collapsed and trimmed. */
export function anchorText(raw: string): string {
  return raw.replace(/\s+/g, ' ').trim();
}

/**
 * Elements whose content a browser does not parse into anchors of the document (raw text, or
 * a template's inert content). The DOM reader gets this from the browser; htmlparser2 treats
 * some of them as ordinary markup, so its reader skips anchors inside them.
 */
export const NO_ANCHORS_INSIDE: ReadonlySet<string> = new Set(['template', 'iframe', 'xmp', 'noembed', 'noframes', 'plaintext', 'textarea', 'title', 'script', 'style']);
