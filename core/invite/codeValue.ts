/**
 * Reads the code written after a label: digit groups joined ("855 1234 5678"), else one token.
 * A token keeps the characters passcodes and aliases use (`*`, `$`, `@`, `!`, `%`, `&`, `+`,
 * `=`, `?`, `_`, `~`, `.`, `^`, `-`, and a PIN's trailing `#`), so "4821*99" is read whole and
 * never cut to a PIN-shaped "4821" that would cost an attempt. Sentence punctuation at the end
 * ("1234.") is not part of it; Pexip's trailing "#" is, also set apart ("1234 #", ./pinSuffix).
 */
import { cleanCode } from './fields';
import { spacedPinHashLength } from './pinSuffix';

const NOT_CODES = new Set(['required', 'none', 'optional', 'n/a', 'na', 'yes', 'no']);
const VALUE = /^[A-Za-z0-9*$][A-Za-z0-9#*$@!%&+=?_~.^-]{0,40}(?:[ \u00a0][0-9]{1,6}#?){0,6}/;
const TOKEN_CHAR = /[A-Za-z0-9#*$@!%&+=?_~^]/;
const TRAILING_PUNCTUATION = /[.!?,;:-]+$/;

/** A code read from the start of `text`: its value and how many characters it took. */
export interface CodeRead {
  value: string;
  length: number;
}

/**
 * The code at the start of `text`, or null when there is none that looks like a code: shorter
 * than 3, a word such as "required", or without a digit unless `wordsAllowed` (passwords).
 */
export function codeAt(text: string, wordsAllowed: boolean): CodeRead | null {
  const m = VALUE.exec(text.slice(0, 120));
  if (!m) return null;
  // A value that runs on ("12 34*56", a 50-character token) would be read cut short: none rather than a wrong one.
  if (TOKEN_CHAR.test(text.charAt(m[0].length))) return null;
  const hash = spacedPinHashLength(m[0], text.slice(m[0].length));
  const raw = hash > 0 ? `${m[0]}#` : m[0].replace(TRAILING_PUNCTUATION, '');
  const value = cleanCode(raw);
  if (value.length < 3 || NOT_CODES.has(value.toLowerCase())) return null;
  if (!/[0-9]/.test(value) && !(wordsAllowed && value.length >= 4)) return null;
  return { value, length: hash > 0 ? m[0].length + hash : raw.length };
}
