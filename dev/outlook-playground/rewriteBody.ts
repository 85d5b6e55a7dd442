/**
 * What Outlook does to HTML an add-in writes with `body.setAsync(..., {coercionType: 'html'})`:
 * the body comes back as a full document, `<div>`s and `<p>`s become `<p class="MsoNormal">`
 * paragraphs, `style` and `id` attributes are dropped, classes are renamed with an `x_` prefix,
 * scripts, styles, comments and event-handler attributes disappear, and empty paragraphs get a
 * `&nbsp;`. The playground applies this on every write so the add-in is tested against the
 * rewriting it meets in real clients (find blocks by visible text, never by attributes).
 * Pure string code (no DOM) so it runs in Node tests and in every browser frame alike.
 */

/** Tags whose whole content is removed, as Outlook's sanitizer does. */
const DROPPED_WITH_CONTENT = /<(script|style|noscript|template|iframe|object)\b[^>]*>[\s\S]*?<\/\1\s*>/gi;
const COMMENT = /<!--[\s\S]*?-->/g;
const TAG = /<(\/?)([A-Za-z][A-Za-z0-9:-]*)((?:\s+[^\s"'>/=]+(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s"'>]+))?)*)\s*(\/?)>/g;
const ATTRIBUTE = /([^\s"'>/=]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'>]+)))?/g;
/** Tags that are dropped while their content is kept (the document shell is rebuilt). */
const UNWRAPPED = new Set(['html', 'head', 'body', 'meta', 'title', 'link', 'base']);
/** Block containers Outlook turns into Word paragraphs. */
const PARAGRAPHS = new Set(['div', 'p']);

/** The document shell Outlook returns around every body. */
export const OUTLOOK_BODY_PREFIX = '<html><head><meta http-equiv="Content-Type" content="text/html; charset=utf-8"></head><body>';
/** Closes {@link OUTLOOK_BODY_PREFIX}. */
export const OUTLOOK_BODY_SUFFIX = '</body></html>';

const quote = (value: string): string => value.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/&amp;(#?[A-Za-z0-9]+;)/g, '&$1');

/** Rewrites one tag's attributes: drops style/id/on*, renames classes to `x_...`. */
function rewriteAttributes(source: string): string {
  const out: string[] = [];
  for (const match of source.matchAll(ATTRIBUTE)) {
    const name = (match[1] ?? '').toLowerCase();
    const value = match[2] ?? match[3] ?? match[4];
    if (name === 'style' || name === 'id' || name.startsWith('on')) continue;
    if (name === 'class') {
      const classes = (value ?? '').split(/\s+/).filter(Boolean).map((c) => `x_${c}`);
      if (classes.length) out.push(`class="${quote(classes.join(' '))}"`);
      continue;
    }
    if ((name === 'href' || name === 'src') && /^\s*(javascript|vbscript|data):/i.test(value ?? '')) continue;
    out.push(value === undefined ? name : `${name}="${quote(value)}"`);
  }
  return out.length ? ` ${out.join(' ')}` : '';
}

/** The part inside `<body>...</body>` when `html` is a full document, else `html` itself. */
function bodyContent(html: string): string {
  const open = /<body\b[^>]*>/i.exec(html);
  if (!open) return html;
  const rest = html.slice(open.index + open[0].length);
  const close = rest.search(/<\/body\s*>/i);
  return close >= 0 ? rest.slice(0, close) : rest;
}

/**
 * `html` as Outlook stores it after `setAsync` with coercion type HTML (see the file comment).
 * Idempotent: rewriting an already rewritten body returns it unchanged. Text between tags is
 * kept byte for byte, so visible text (and text markers) survive.
 */
export function rewriteBodyLikeOutlook(html: string): string {
  const inner = bodyContent(String(html)).replace(COMMENT, '').replace(DROPPED_WITH_CONTENT, '');
  const rewritten = inner.replace(TAG, (_all, slash: string, rawName: string, attrs: string, selfClose: string) => {
    const name = rawName.toLowerCase();
    if (UNWRAPPED.has(name)) return '';
    if (PARAGRAPHS.has(name)) return slash ? '</p>' : '<p class="MsoNormal">';
    if (slash) return `</${name}>`;
    return `<${name}${rewriteAttributes(attrs)}${selfClose ? ' /' : ''}>`;
  });
  const filled = rewritten.replace(/<p class="MsoNormal">(\s*)<\/p>/g, '<p class="MsoNormal">&nbsp;</p>');
  return `${OUTLOOK_BODY_PREFIX}${filled}${OUTLOOK_BODY_SUFFIX}`;
}

/** Plain text of an HTML body, as `body.getAsync('text')` returns it: paragraphs on lines, entities decoded. */
export function bodyText(html: string): string {
  return bodyContent(html)
    .replace(COMMENT, '')
    .replace(DROPPED_WITH_CONTENT, '')
    .replace(/<br\s*\/?>/gi, '\n')
    .replace(/<\/(p|div|li|tr|h[1-6])\s*>/gi, '\n')
    .replace(/<[^>]*>/g, '')
    .replace(/&nbsp;/g, ' ')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

/** HTML for plain `text` written with coercion type Text: escaped, one paragraph per line. */
export function textToBodyHtml(text: string): string {
  const escape = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
  return String(text).split(/\r?\n/).map((line) => `<p>${escape(line)}</p>`).join('');
}
