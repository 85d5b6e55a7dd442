/**
 * A small, strict XML reader for the manifest tests and tools (no npm package ships the
 * manifest XSDs, and the online validator needs a network). It checks well-formedness (one
 * root, matched tags, quoted unique attributes, known entities, no stray text outside the root)
 * and returns the element tree. Not a general XML parser: no DTDs.
 */

/** An element: qualified name, attributes in document order, children and its own text. */
export interface XmlElement {
  name: string;
  attributes: Record<string, string>;
  children: XmlElement[];
  /** Concatenated character data directly inside this element, entities decoded. */
  text: string;
}

/** Thrown for XML that is not well-formed; `offset` is where the problem is. */
export class XmlSyntaxError extends Error {
  constructor(message: string, readonly offset: number) {
    super(`${message} at offset ${offset}`);
    this.name = 'XmlSyntaxError';
  }
}

const NAME = /^[A-Za-z_][A-Za-z0-9_.:-]*/;
const ENTITIES: Readonly<Record<string, string>> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

/** Decodes entity and character references; throws on unknown or malformed ones and on a raw "<". */
function decode(raw: string, at: number): string {
  if (raw.includes('<')) throw new XmlSyntaxError('"<" in text or attribute value', at);
  return raw.replace(/&([^;]*);?/g, (match, ref: string) => {
    if (!match.endsWith(';')) throw new XmlSyntaxError(`unterminated reference "${match.slice(0, 10)}"`, at);
    if (ref in ENTITIES) return ENTITIES[ref] as string;
    const m = /^#(x[0-9A-Fa-f]+|[0-9]+)$/.exec(ref);
    if (!m) throw new XmlSyntaxError(`unknown entity "&${ref};"`, at);
    const code = ref[1] === 'x' ? Number.parseInt(ref.slice(2), 16) : Number.parseInt(ref.slice(1), 10);
    return String.fromCodePoint(code);
  });
}

/** Parses `xml` into its root element. Throws XmlSyntaxError when it is not well-formed. */
export function parseXml(xml: string): XmlElement {
  let i = 0;
  const stack: XmlElement[] = [];
  let root: XmlElement | null = null;
  const expect = (token: string, what: string): number => {
    const end = xml.indexOf(token, i);
    if (end < 0) throw new XmlSyntaxError(`unterminated ${what}`, i);
    return end;
  };
  if (xml.charCodeAt(0) === 0xfeff) i = 1;
  if (xml.startsWith('<?xml', i)) i = expect('?>', 'XML declaration') + 2;
  while (i < xml.length) {
    const lt = xml.indexOf('<', i);
    const text = xml.slice(i, lt < 0 ? xml.length : lt);
    const top = stack[stack.length - 1];
    if (top) top.text += decode(text, i);
    else if (text.trim() !== '') throw new XmlSyntaxError('text outside the root element', i);
    if (lt < 0) break;
    i = lt;
    if (xml.startsWith('<!--', i)) {
      const end = expect('-->', 'comment');
      if (xml.slice(i + 4, end).includes('--')) throw new XmlSyntaxError('"--" inside a comment', i);
      i = end + 3;
    } else if (xml.startsWith('<![CDATA[', i)) {
      if (!top) throw new XmlSyntaxError('CDATA outside the root element', i);
      const end = expect(']]>', 'CDATA section');
      top.text += xml.slice(i + 9, end);
      i = end + 3;
    } else if (xml.startsWith('<?', i)) {
      i = expect('?>', 'processing instruction') + 2;
    } else if (xml.startsWith('<!', i)) {
      throw new XmlSyntaxError('DTDs and declarations are not supported', i);
    } else if (xml.startsWith('</', i)) {
      const name = NAME.exec(xml.slice(i + 2))?.[0];
      const end = expect('>', 'end tag');
      if (!name || xml.slice(i + 2 + name.length, end).trim() !== '') throw new XmlSyntaxError('malformed end tag', i);
      const open = stack.pop();
      if (!open || open.name !== name) throw new XmlSyntaxError(`</${name}> does not close <${open?.name ?? '(nothing)'}>`, i);
      i = end + 1;
    } else {
      i = readStartTag(xml, i, stack, (el) => {
        if (stack.length === 0) {
          if (root) throw new XmlSyntaxError('a second root element', i);
          root = el;
        } else stack[stack.length - 1]?.children.push(el);
      });
    }
  }
  if (stack.length) throw new XmlSyntaxError(`<${stack[stack.length - 1]?.name}> is never closed`, xml.length);
  if (!root) throw new XmlSyntaxError('no root element', 0);
  return root;
}

/** Reads `<name attr="v" ...>` or `<.../>` at `i`; returns the offset after it. */
function readStartTag(xml: string, start: number, stack: XmlElement[], attach: (el: XmlElement) => void): number {
  let i = start + 1;
  const name = NAME.exec(xml.slice(i))?.[0];
  if (!name) throw new XmlSyntaxError('malformed start tag', start);
  i += name.length;
  const el: XmlElement = { name, attributes: {}, children: [], text: '' };
  for (;;) {
    const ws = /^\s*/.exec(xml.slice(i))?.[0].length ?? 0;
    i += ws;
    if (xml.startsWith('/>', i)) {
      attach(el);
      return i + 2;
    }
    if (xml[i] === '>') {
      attach(el);
      stack.push(el);
      return i + 1;
    }
    if (ws === 0) throw new XmlSyntaxError(`expected whitespace, ">" or "/>" in <${name}>`, i);
    const m = /^([A-Za-z_][A-Za-z0-9_.:-]*)\s*=\s*(["'])/.exec(xml.slice(i));
    if (!m) throw new XmlSyntaxError(`malformed attribute in <${name}>`, i);
    const attr = m[1] as string;
    const quote = m[2] as string;
    const valueStart = i + m[0].length;
    const valueEnd = xml.indexOf(quote, valueStart);
    if (valueEnd < 0) throw new XmlSyntaxError(`unterminated value of ${attr}`, i);
    if (attr in el.attributes) throw new XmlSyntaxError(`duplicate attribute ${attr} in <${name}>`, i);
    el.attributes[attr] = decode(xml.slice(valueStart, valueEnd), valueStart);
    i = valueEnd + 1;
  }
}

/** Every element below `el` (depth first, document order) whose local name is `localName`. */
export function findAll(el: XmlElement, localName: string): XmlElement[] {
  const out: XmlElement[] = [];
  const walk = (node: XmlElement): void => {
    for (const child of node.children) {
      if (localNameOf(child.name) === localName) out.push(child);
      walk(child);
    }
  };
  walk(el);
  return out;
}

/** "bt:Image" -> "Image". */
export function localNameOf(name: string): string {
  return name.includes(':') ? (name.split(':').pop() as string) : name;
}
