/**
 * A small, tolerant HTML-to-text projection with no DOM: strips tags, decodes entities (named
 * and numeric), turns p/div/br/li/tr/headings into line breaks, drops style/script/head content
 * and Outlook's conditional comments. It records, for every output character, where in the
 * HTML it came from, so a block found in the text can be cut out of the HTML exactly.
 *
 * Linear time by construction (a single forward scan with indexOf; no regex that can
 * backtrack over the whole input), so megabytes of garbage finish quickly.
 */

/** A link seen in the HTML: its href and visible text. */
export interface HtmlLink {
  href: string;
  text: string;
}

/** The text of an HTML document plus, per character, the HTML range it came from. */
export interface TextProjection {
  text: string;
  /** For text[i]: index in the HTML where the source of that character starts. */
  sourceStart: number[];
  /** For text[i]: index in the HTML just after its source (after the whole entity, tag...). */
  sourceEnd: number[];
  links: HtmlLink[];
}

const LINE_BREAK_TAGS = new Set([
  'p', 'div', 'br', 'li', 'tr', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'table', 'ul', 'ol', 'blockquote',
  'hr', 'pre', 'section', 'article', 'header', 'footer', 'center', 'dt', 'dd', 'dl', 'address', 'body', 'html',
]);
const CELL_TAGS = new Set(['td', 'th']);
const SKIP_CONTENT_TAGS = new Set(['style', 'script', 'head', 'title', 'xml', 'template', 'noscript']);

const NAMED_ENTITIES: Readonly<Record<string, string>> = {
  amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0', ndash: '\u2013', mdash: '\u2014',
  hellip: '\u2026', lsquo: '\u2018', rsquo: '\u2019', ldquo: '\u201c', rdquo: '\u201d', bull: '\u2022',
  middot: '\u00b7', copy: '\u00a9', reg: '\u00ae', trade: '\u2122', euro: '\u20ac', pound: '\u00a3',
  shy: '', zwj: '', zwnj: '', ensp: ' ', emsp: ' ', thinsp: ' ', laquo: '\u00ab', raquo: '\u00bb',
  auml: 'ä', ouml: 'ö', uuml: 'ü', Auml: 'Ä', Ouml: 'Ö', Uuml: 'Ü', szlig: 'ß', eacute: 'é', egrave: 'è',
  aacute: 'á', agrave: 'à', ccedil: 'ç', ntilde: 'ñ', oacute: 'ó', iacute: 'í', uacute: 'ú', num: '#',
};

const TAG_NAME = /<\/?([a-zA-Z][a-zA-Z0-9:_-]{0,40})/y;
const ENTITY = /&(?:#([0-9]{1,8})|#[xX]([0-9a-fA-F]{1,7})|([a-zA-Z][a-zA-Z0-9]{1,31}));?/y;
const HREF = /\bhref\s{0,20}=\s{0,20}(?:"([^"]*)"|'([^']*)'|([^\s"'>]+))/i;

/** Decodes one entity at `i`: [text, length] or null when it is not a known entity. */
function entityAt(html: string, i: number): [string, number] | null {
  ENTITY.lastIndex = i;
  const m = ENTITY.exec(html);
  if (!m) return null;
  if (m[3] !== undefined) {
    const named = NAMED_ENTITIES[m[3]] ?? NAMED_ENTITIES[m[3].toLowerCase()];
    return named === undefined ? null : [named, m[0].length];
  }
  const cp = m[1] !== undefined ? Number(m[1]) : parseInt(m[2] as string, 16);
  const valid = cp > 0 && cp <= 0x10ffff && !(cp >= 0xd800 && cp <= 0xdfff);
  return [valid ? String.fromCodePoint(cp) : '\ufffd', m[0].length];
}

/** Decodes entities in a short attribute value (href). */
export function decodeEntities(text: string): string {
  let out = '';
  for (let i = 0; i < text.length; ) {
    const e = text.charCodeAt(i) === 38 ? entityAt(text, i) : null;
    if (e) {
      out += e[0];
      i += e[1];
    } else {
      out += text.charAt(i);
      i++;
    }
  }
  return out;
}

/** Projects `html` to text with a source map. Never throws on any string input. */
export function projectHtml(html: string): TextProjection {
  const text: string[] = [];
  const sourceStart: number[] = [];
  const sourceEnd: number[] = [];
  const links: HtmlLink[] = [];
  const lower = html.toLowerCase();
  const lastGt = html.lastIndexOf('>');
  const lastQuote: Record<string, number> = { '"': html.lastIndexOf('"'), "'": html.lastIndexOf("'") };
  let openLink: { href: string; from: number } | null = null;

  const push = (ch: string, from: number, to: number): void => {
    text.push(ch);
    sourceStart.push(from);
    sourceEnd.push(to);
  };
  const space = (from: number, to: number): void => {
    const last = text[text.length - 1];
    if (last !== undefined && last !== ' ' && last !== '\n') push(' ', from, to);
  };
  const newline = (from: number, to: number): void => {
    while (text[text.length - 1] === ' ') {
      text.pop();
      sourceStart.pop();
      sourceEnd.pop();
    }
    const n = text.length;
    if (n === 0 || (text[n - 1] === '\n' && text[n - 2] === '\n')) return;
    push('\n', from, to);
  };
  /** End of a tag starting at `i` (index after ">"), quote-aware but never quadratic. */
  const tagEnd = (i: number): number => {
    for (let j = i + 1; j < html.length; j++) {
      const c = html.charAt(j);
      if (c === '>') return j + 1;
      if ((c === '"' || c === "'") && html.charAt(j - 1) === '=') {
        const close = j < (lastQuote[c] ?? -1) ? html.indexOf(c, j + 1) : -1;
        // An unclosed quote, or one closing past the last ">", cannot end inside this tag.
        if (close < 0 || close > lastGt) return html.indexOf('>', i) + 1;
        j = close;
      }
    }
    return html.indexOf('>', i) + 1;
  };

  let i = 0;
  while (i < html.length) {
    const c = html.charAt(i);
    if (c === '<' && i < lastGt) {
      if (html.startsWith('<!--', i)) {
        const close = html.indexOf('-->', i + 4);
        i = close < 0 ? html.length : close + 3;
        continue;
      }
      if (html.startsWith('<!', i) || html.startsWith('<?', i)) {
        i = html.indexOf('>', i) + 1;
        continue;
      }
      TAG_NAME.lastIndex = i;
      const m = TAG_NAME.exec(html);
      if (m) {
        const end = tagEnd(i);
        const name = (m[1] as string).toLowerCase();
        const closing = html.charAt(i + 1) === '/';
        if (!closing && SKIP_CONTENT_TAGS.has(name)) {
          const close = lower.indexOf(`</${name}`, end);
          i = close < 0 ? html.length : Math.max(end, lower.indexOf('>', close) + 1 || html.length);
          continue;
        }
        if (LINE_BREAK_TAGS.has(name)) newline(i, end);
        else if (CELL_TAGS.has(name)) space(i, end);
        if (name === 'a') {
          if (!closing) {
            const href = HREF.exec(html.slice(i, end));
            openLink = href ? { href: decodeEntities((href[1] ?? href[2] ?? href[3] ?? '').trim()), from: text.length } : null;
          } else if (openLink) {
            links.push({ href: openLink.href, text: text.slice(openLink.from).join('').trim() });
            openLink = null;
          }
        }
        i = end;
        continue;
      }
    }
    if (c === '&') {
      const e = entityAt(html, i);
      if (e) {
        for (const ch of e[0]) {
          if (/\s/.test(ch) && ch !== '\u00a0') space(i, i + e[1]);
          else push(ch === '\u00a0' ? ' ' : ch, i, i + e[1]);
        }
        i += e[1];
        continue;
      }
    }
    if (c === ' ' || c === '\n' || c === '\r' || c === '\t' || c === '\f') space(i, i + 1);
    else push(c, i, i + 1);
    i++;
  }
  while (text[text.length - 1] === ' ' || text[text.length - 1] === '\n') {
    text.pop();
    sourceStart.pop();
    sourceEnd.pop();
  }
  return { text: text.join(''), sourceStart, sourceEnd, links };
}

/** The visible text of `html` (see {@link projectHtml}). Never throws. */
export function htmlToText(html: string): string {
  return projectHtml(html).text;
}

/**
 * A cheap guess whether `body` is HTML rather than plain text: it contains a common tag.
 * Used when the caller does not say which format a body is in.
 */
export function looksLikeHtml(body: string): boolean {
  return /<(?:html|body|div|p|br|span|table|a|b|font|o:p)[\s>/]/i.test(body);
}
