/**
 * Finds keys that appear twice in one JSON object. `JSON.parse` keeps the last one silently, so
 * `{"length": {"value": 12}, ..., "length": {"value": 6}}` would deploy 6 while an admin
 * reviewing the top of the file reads 12. Only run on text `JSON.parse` accepted: the scanner
 * assumes valid JSON (a leading BOM is skipped) and compares keys after unescaping, so
 * `"a"` and `"\u0061"` are the same key.
 */
import type { Issue } from '../types';
import { formatPath } from './issues';

/** 1-based line and column of a character offset. */
function lineColumn(text: string, offset: number): string {
  const before = text.slice(0, offset).split('\n');
  return `line ${before.length}, column ${(before[before.length - 1] ?? '').length + 1}`;
}

/** Deepest nesting scanned. */
export const MAX_DEPTH = 256;

class TooDeep extends Error {}

/**
 * Every duplicated key in `text`, each with its path (`organizer.accessCode.length`,
 * `nodes[1].origin`) and where both occurrences are. Empty for text without duplicates.
 * Nesting deeper than {@link MAX_DEPTH} is reported as a problem instead of scanned (no policy
 * is nearly that deep, and the scanner recurses).
 */
export function findDuplicateKeys(text: string): Issue[] {
  const issues: Issue[] = [];
  let i = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  const skip = (): void => {
    while (i < text.length && ' \t\n\r'.includes(text.charAt(i))) i++;
  };
  /** Reads a string token at `i` (a quote), returns its value. */
  const string = (): string => {
    const start = i;
    i++;
    while (text.charAt(i) !== '"') i += text.charAt(i) === '\\' ? 2 : 1;
    i++;
    return JSON.parse(text.slice(start, i)) as string;
  };
  const value = (path: PropertyKey[]): void => {
    if (path.length > MAX_DEPTH) throw new TooDeep();
    skip();
    const ch = text.charAt(i);
    if (ch === '{') {
      i++;
      const seen = new Map<string, number>();
      skip();
      if (text.charAt(i) === '}') return void i++;
      for (;;) {
        skip();
        const at = i;
        const key = string();
        const first = seen.get(key);
        if (first === undefined) seen.set(key, at);
        else {
          issues.push({
            path: formatPath([...path, key]),
            message: `duplicate key "${key}" at ${lineColumn(text, at)} (first at ${lineColumn(text, first)}); JSON readers keep only one of them, so remove the other`,
          });
        }
        skip();
        i++; // ':'
        value([...path, key]);
        skip();
        if (text.charAt(i++) === ',') continue;
        return;
      }
    }
    if (ch === '[') {
      i++;
      skip();
      if (text.charAt(i) === ']') return void i++;
      for (let index = 0; ; index++) {
        value([...path, index]);
        skip();
        if (text.charAt(i++) === ',') continue;
        return;
      }
    }
    if (ch === '"') return void string();
    // A number, true, false or null: up to the next delimiter.
    while (i < text.length && !',]} \t\n\r'.includes(text.charAt(i))) i++;
  };
  try {
    value([]);
  } catch (error) {
    if (!(error instanceof TooDeep)) throw error;
    issues.push({ path: '(root)', message: `nested more than ${MAX_DEPTH} levels deep: not a SecureJoin policy` });
  }
  return issues;
}
