/**
 * {@link AnchorReader} on the browser's own HTML parser (`DOMParser`, which runs no script and
 * loads nothing). The task pane, popup and options page are built with this in place of
 * `readAnchors.ts` (the build aliases it), so their bundles carry no HTML parser of their own.
 */
import { anchorText } from './anchors';
import type { AnchorReader, HtmlAnchor } from './anchors';

export type { AnchorReader, HtmlAnchor } from './anchors';

/** The anchors of `html` in document order. */
export const readAnchors: AnchorReader = (html) => {
  const doc = new DOMParser().parseFromString(typeof html === 'string' ? html : '', 'text/html');
  return [...doc.querySelectorAll('a')].map((a) => ({ href: a.getAttribute('href'), text: anchorText(a.textContent ?? '') }));
};
