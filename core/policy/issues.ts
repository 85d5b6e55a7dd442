/**
 * Turns zod's issues into {@link Issue}s an admin can act on: a dotted path
 * (`organizer.accessCode.length.value`, `nodes[0].origin`) and a plain-words problem. zod's own
 * messages ("Invalid input: expected number, received string") are written for developers.
 */
import type { $ZodIssue } from 'zod/v4/core';
import type { Issue } from '../types';

/** Formats a path as `a.b[0].c`; the empty path (the whole document) becomes `(root)`. */
export function formatPath(path: ReadonlyArray<PropertyKey>): string {
  let out = '';
  for (const key of path) {
    if (typeof key === 'number') out += `[${key}]`;
    else out += out === '' ? String(key) : `.${String(key)}`;
  }
  return out === '' ? '(root)' : out;
}

/** JSON-ish name of a value's type, for "expected a number, got a string". */
export function describeType(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'an object';
  if (typeof value === 'string') return `the text ${JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value)}`;
  if (typeof value === 'number') return `the number ${value}`;
  if (typeof value === 'boolean') return `${value}`;
  return typeof value;
}

const EXPECTED: Record<string, string> = {
  number: 'a number',
  int: 'a whole number',
  string: 'text in quotes',
  boolean: 'true or false',
  object: 'an object { ... }',
  array: 'a list [ ... ]',
};

/** Follows `path` into `input`; undefined when it leads nowhere. */
function valueAt(input: unknown, path: ReadonlyArray<PropertyKey>): unknown {
  let current: unknown = input;
  for (const key of path) {
    if (current === null || typeof current !== 'object') return undefined;
    current = (current as Record<PropertyKey, unknown>)[key];
  }
  return current;
}

/** Levenshtein distance, small strings only (object keys). */
function distance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let prev = row[0] ?? 0;
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const next = Math.min((row[j] ?? 0) + 1, (row[j - 1] ?? 0) + 1, prev + (a[i - 1] === b[j - 1] ? 0 : 1));
      prev = row[j] ?? 0;
      row[j] = next;
    }
  }
  return row[b.length] ?? 0;
}

/** The closest known key to a misspelt one, if it is close enough to be a typo. */
export function suggestKey(unknown: string, known: readonly string[]): string | null {
  let best: string | null = null;
  let bestDistance = Infinity;
  for (const key of known) {
    const d = distance(unknown.toLowerCase(), key.toLowerCase());
    if (d < bestDistance) {
      best = key;
      bestDistance = d;
    }
  }
  return best !== null && bestDistance <= Math.max(2, Math.floor(unknown.length / 3)) ? best : null;
}

/**
 * Converts one zod issue into one or more plain-words issues.
 * @param input the original input, used to say what was found instead.
 * @param knownKeys returns the keys allowed at an object path, for typo suggestions.
 */
export function toIssues(issue: $ZodIssue, input: unknown, knownKeys: (path: ReadonlyArray<PropertyKey>) => string[]): Issue[] {
  const path = issue.path as ReadonlyArray<PropertyKey>;
  const at = formatPath(path);
  switch (issue.code) {
    case 'unrecognized_keys': {
      const known = knownKeys(path);
      return issue.keys.map((key) => {
        const suggestion = suggestKey(key, known);
        const hint = suggestion ? `did you mean "${suggestion}"?` : `allowed here: ${known.join(', ') || 'nothing'}`;
        return { path: formatPath([...path, key]), message: `unknown setting "${key}" (${hint})` };
      });
    }
    case 'invalid_type': {
      const found = valueAt(input, path);
      const expected = EXPECTED[issue.expected] ?? issue.expected;
      if (found === undefined) return [{ path: at, message: `is required: expected ${expected}` }];
      return [{ path: at, message: `must be ${expected}, got ${describeType(found)}` }];
    }
    case 'too_small': {
      const min = Number(issue.minimum);
      if (issue.origin === 'array') return [{ path: at, message: `needs at least ${min} entries` }];
      if (issue.origin === 'string') return [{ path: at, message: min <= 1 ? 'must not be empty' : `must be at least ${min} characters` }];
      return [{ path: at, message: issue.inclusive ? `must be at least ${min}, got ${describeType(valueAt(input, path))}` : `must be more than ${min}, got ${describeType(valueAt(input, path))}` }];
    }
    case 'too_big': {
      const max = Number(issue.maximum);
      if (issue.origin === 'array') return [{ path: at, message: `allows at most ${max} entries` }];
      if (issue.origin === 'string') return [{ path: at, message: `must be at most ${max} characters` }];
      return [{ path: at, message: issue.inclusive ? `must be at most ${max}, got ${describeType(valueAt(input, path))}` : `must be less than ${max}, got ${describeType(valueAt(input, path))}` }];
    }
    case 'invalid_value':
      return [{ path: at, message: `must be one of ${issue.values.map((v) => JSON.stringify(v)).join(', ')}, got ${describeType(valueAt(input, path))}` }];
    case 'invalid_format':
    case 'custom':
      // Our own checks (regex `error`, superRefine) carry plain messages already.
      return [{ path: at, message: issue.message }];
    default:
      return [{ path: at, message: issue.message }];
  }
}
