/**
 * A small, tolerant HTML-to-text projection with no DOM: strips tags, decodes entities (named
 * and numeric), turns p/div/br/li/tr/headings into line breaks, drops style/script/head content
 * and Outlook's conditional comments. It records, for every output character, where in the
 * HTML it came from, so a block found in the text can be cut out of the HTML exactly.
 *
 * Linear time by construction (a single forward scan with indexOf; no regex that can
 * backtrack over the whole input), so megabytes of garbage finish quickly.
 */

/**
 * A link seen in the HTML: its href (from a real HTML parser, core/html) and visible text, and
 * where its text stands in the projected text when that is known (htmlLinks.ts).
 */
export interface HtmlLink {
  href: string;
  text: string;
  /** Where the anchor's text starts and ends in the projected text (absent for links from elsewhere). */
  start?: number;
  end?: number;
}

/** Where an `<a>` element's text starts and ends in the projected text (no attributes: those are the parser's). */
export interface AnchorSpan {
  start: number;
  end: number;
}

/** The text of an HTML document plus, per character, the HTML range it came from. */
export interface TextProjection {
  text: string;
  /** For text[i] (UTF-16 unit): index in the HTML where the source of that character starts. */
  sourceStart: Int32Array;
  /** For text[i]: index in the HTML just after its source (after the whole entity, tag...). */
  sourceEnd: Int32Array;
  /**
   * Every `<a>` element's text range, in order. Only where anchors stand: where they lead is
   * read by a real HTML parser (core/html), never from the tag text here.
   */
  anchors: AnchorSpan[];
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

/** Projects `html` to text with a source map. Never throws on any string input. */
export function projectHtml(html: string): TextProjection {
  // Typed arrays sized to the input: every output unit consumes at least one input unit.
  const codes = new Uint16Array(html.length + 1);
  const sourceStart = new Int32Array(html.length + 1);
  const sourceEnd = new Int32Array(html.length + 1);
  let n = 0;
  const anchors: AnchorSpan[] = [];
  const lower = html.toLowerCase();
  const lastGt = html.lastIndexOf('>');
  const lastQuote: Record<string, number> = { '"': html.lastIndexOf('"'), "'": html.lastIndexOf("'") };
  let openAnchor: number | null = null;
  const SPACE = 32;
  const NL = 10;

  const push = (code: number, from: number, to: number): void => {
    codes[n] = code;
    sourceStart[n] = from;
    sourceEnd[n] = to;
    n++;
  };
  const space = (from: number, to: number): void => {
    if (n > 0 && codes[n - 1] !== SPACE && codes[n - 1] !== NL) push(SPACE, from, to);
  };
  /** Block tags end a line once (</p><p> is one break); <br> is hard and may leave an empty line. */
  const newline = (from: number, to: number, hard: boolean): void => {
    while (n > 0 && codes[n - 1] === SPACE) n--;
    if (n === 0 || (codes[n - 1] === NL && (!hard || (n > 1 && codes[n - 2] === NL)))) return;
    push(NL, from, to);
  };
  const textOf = (from: number, to: number): string => {
    let out = '';
    for (let k = from; k < to; k += 8192) out += String.fromCharCode(...codes.subarray(k, Math.min(to, k + 8192)));
    return out;
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

  const closeAnchor = (): void => {
    if (openAnchor !== null) anchors.push({ start: Math.min(openAnchor, n), end: n });
    openAnchor = null;
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
        if (LINE_BREAK_TAGS.has(name)) newline(i, end, name === 'br');
        else if (CELL_TAGS.has(name)) space(i, end);
        if (name === 'a') {
          // An anchor ends at </a>, at the next <a> (anchors do not nest) or at the end of the text.
          closeAnchor();
          if (!closing) openAnchor = n;
        }
        i = end;
        continue;
      }
    }
    if (c === '&') {
      const e = entityAt(html, i);
      if (e) {
        for (let k = 0; k < e[0].length; k++) {
          const code = e[0].charCodeAt(k);
          if (code === 0xa0 || code === SPACE || code === 9 || code === NL || code === 13 || code === 12) space(i, i + e[1]);
          else push(code, i, i + e[1]);
        }
        i += e[1];
        continue;
      }
    }
    if (c === ' ' || c === '\n' || c === '\r' || c === '\t' || c === '\f') space(i, i + 1);
    else push(html.charCodeAt(i), i, i + 1);
    i++;
  }
  while (n > 0 && (codes[n - 1] === SPACE || codes[n - 1] === NL)) n--;
  closeAnchor();
  return { text: textOf(0, n), sourceStart: sourceStart.subarray(0, n), sourceEnd: sourceEnd.subarray(0, n), anchors };
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
