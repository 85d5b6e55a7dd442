/**
 * Locates the first JSON syntax error in a text. Only run after JSON.parse has failed: V8's
 * messages differ between versions and often carry no position, while an admin needs
 * "line 3, column 13: expected a value".
 */

/** A syntax error: 0-based offset into the text and a plain description. */
import type { Result } from '../types';

export interface JsonSyntaxError {
  offset: number;
  message: string;
}

const NUMBER = /-?(?:0|[1-9][0-9]*)(?:\.[0-9]+)?(?:[eE][+-]?[0-9]+)?/y;

/** Returns the first syntax error in `text`, or null when it is valid JSON. Iterative depth is bounded by the input. */
export function findJsonSyntaxError(text: string): JsonSyntaxError | null {
  let i = 0;
  const fail = (message: string): never => {
    throw { offset: i, message } satisfies JsonSyntaxError;
  };
  const skip = (): void => {
    while (i < text.length && ' \t\n\r'.includes(text.charAt(i))) i++;
  };
  const expect = (ch: string, what: string): void => {
    skip();
    if (text.charAt(i) !== ch) fail(i >= text.length ? `unexpected end of file, expected ${what}` : `expected ${what}, found ${JSON.stringify(text.charAt(i))}`);
    i++;
  };
  const string = (): void => {
    i++; // opening quote
    for (;;) {
      if (i >= text.length) fail('unterminated string (missing closing ")');
      const ch = text.charAt(i);
      if (ch === '"') return void i++;
      if (ch < ' ') fail('control character inside a string (use \\n for a line break)');
      if (ch === '\\') {
        const esc = text.charAt(i + 1);
        if (esc === 'u') {
          if (!/^[0-9a-fA-F]{4}$/.test(text.slice(i + 2, i + 6))) fail('invalid \\u escape');
          i += 6;
        } else if ('"\\/bfnrt'.includes(esc) && esc !== '') i += 2;
        else fail(`invalid escape "\\${esc}"`);
      } else i++;
    }
  };
  const value = (depth: number): void => {
    if (depth > 512) fail('nesting too deep');
    skip();
    const ch = text.charAt(i);
    if (ch === '{') {
      i++;
      skip();
      if (text.charAt(i) === '}') return void i++;
      for (;;) {
        skip();
        if (text.charAt(i) !== '"') fail(i >= text.length ? 'unexpected end of file, expected a "key"' : `expected a "key" in double quotes, found ${JSON.stringify(text.charAt(i))}`);
        string();
        expect(':', '":"');
        value(depth + 1);
        skip();
        if (text.charAt(i) === ',') {
          i++;
          continue;
        }
        expect('}', '"," or "}"');
        return;
      }
    }
    if (ch === '[') {
      i++;
      skip();
      if (text.charAt(i) === ']') return void i++;
      for (;;) {
        value(depth + 1);
        skip();
        if (text.charAt(i) === ',') {
          i++;
          continue;
        }
        expect(']', '"," or "]"');
        return;
      }
    }
    if (ch === '"') return string();
    for (const word of ['true', 'false', 'null']) {
      if (text.startsWith(word, i)) return void (i += word.length);
    }
    NUMBER.lastIndex = i;
    if (NUMBER.test(text)) return void (i = NUMBER.lastIndex);
    fail(i >= text.length ? 'unexpected end of file, expected a value' : `expected a value, found ${JSON.stringify(text.charAt(i))}`);
  };
  try {
    value(0);
    skip();
    if (i < text.length) fail(`unexpected ${JSON.stringify(text.charAt(i))} after the end of the JSON document`);
    return null;
  } catch (error) {
    if (error && typeof error === 'object' && 'offset' in error) return error as JsonSyntaxError;
    throw error;
  }
}

/** 1-based line and column of a character offset in `text`. */
function positionAt(text: string, offset: number): { line: number; column: number } {
  const lines = text.slice(0, Math.max(0, Math.min(offset, text.length))).split('\n');
  return { line: lines.length, column: (lines[lines.length - 1] ?? '').length + 1 };
}

/**
 * Parses JSON text that a person wrote or a file holds. A leading UTF-8 BOM is ignored; a syntax
 * error is reported at path `line L, column C` with what is wrong (our own locator: V8's messages
 * differ across versions and often have no position). Never throws.
 */
export function parseJsonText(text: string): Result<unknown> {
  const clean = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  try {
    return { ok: true, value: JSON.parse(clean) as unknown };
  } catch {
    const syntax = findJsonSyntaxError(clean) ?? { offset: 0, message: 'not valid JSON' };
    const where = positionAt(clean, syntax.offset);
    return { ok: false, errors: [{ path: `line ${where.line}, column ${where.column}`, message: `invalid JSON: ${syntax.message}` }] };
  }
}
