/**
 * Weak-code detection. A generated code is uniform over its alphabet, but a code that *looks*
 * guessable (1111, 123456, 19851231) is the first thing an attacker tries and the first thing a
 * user doubts, so generators reject these and draw again. The patterns are deliberately
 * whole-code shapes: each family is tiny compared to the code space (about 12% of 4- and 6-digit
 * codes, far less for longer ones, dates being the largest family), so rejecting them costs
 * little entropy.
 */

/** Well-known keypad/keyboard walks that are not arithmetic runs (phone keypad columns etc.). */
const KNOWN_WALKS: ReadonlySet<string> = new Set([
  '2580', '0852', '1470', '0741', '3690', '0963', '1379', '9731', '1397', '7931',
  '147258', '258369', '369258', '852741', '147258369', '369258147', '741852963', '963852741',
  '159753', '357159', '951357', '753951', '1590', '0951', '2468', '8642', '13579', '97531',
  'qwerty', 'qwertz', 'azerty', 'asdfgh', 'zxcvbn', 'qwertyui', 'asdfghjk', 'qazwsx', 'password',
]);

function isAllDigits(s: string): boolean {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 48 || c > 57) return false;
  }
  return s.length > 0;
}

/** Distance from `a` to `b` (char codes): mod 10 for digits (so 9 -> 0 is +1), else raw. */
function step(a: number, b: number, digits: boolean): number {
  const d = b - a;
  return digits ? (d + 10) % 10 : d;
}

/**
 * True when every step between neighbours in s[from, to) is the same. With digits and `anyStep`
 * any constant step mod 10 (1111, 1234, 7890123, 9876, 13579, 0369...); otherwise only "same"
 * and +-1 (aaaa, abcd, 4321).
 */
function isConstantStep(s: string, from: number, to: number, digits: boolean, anyStep: boolean): boolean {
  if (to - from < 2) return true;
  const first = step(s.charCodeAt(from), s.charCodeAt(from + 1), digits);
  // Mod-10 digit steps are 0..9, so 9 is the descending run; other characters step by -1.
  const simple = digits ? first === 0 || first === 1 || first === 9 : first === 0 || first === 1 || first === -1;
  if (!simple && !(anyStep && digits)) return false;
  for (let i = from + 2; i < to; i++) {
    if (step(s.charCodeAt(i - 1), s.charCodeAt(i), digits) !== first) return false;
  }
  return true;
}

/** True when the code repeats a block no longer than half of it (121212, 123123, 1231231). */
function isPeriodic(s: string): boolean {
  for (let p = 1; p <= s.length / 2; p++) {
    let ok = true;
    for (let i = p; i < s.length && ok; i++) ok = s.charCodeAt(i) === s.charCodeAt(i - p);
    if (ok) return true;
  }
  return false;
}

/** True when the code is runs of one character each `k` long (112233, 111222). */
function isStuttered(s: string): boolean {
  for (let k = 2; k <= 3; k++) {
    if (s.length % k !== 0 || s.length / k < 2) continue;
    let ok = true;
    for (let i = 0; i < s.length && ok; i++) ok = s.charCodeAt(i) === s.charCodeAt(i - (i % k));
    if (ok) return true;
  }
  return false;
}

/** True when the code reads the same backwards (123321, 12321, 4554). */
function isPalindrome(s: string): boolean {
  for (let i = 0, j = s.length - 1; i < j; i++, j--) if (s.charCodeAt(i) !== s.charCodeAt(j)) return false;
  return true;
}

/** Length of the longest simple run (step 0 or +-1) at the start, or at the end if `fromEnd`. */
function simpleRunLength(s: string, digits: boolean, fromEnd: boolean): number {
  const at = (i: number): number => s.charCodeAt(fromEnd ? s.length - 1 - i : i);
  const first = step(at(0), at(1), digits);
  const simple = digits ? first === 0 || first === 1 || first === 9 : first === 0 || first === 1 || first === -1;
  if (!simple) return 1;
  let n = 2;
  while (n < s.length && step(at(n - 1), at(n), digits) === first) n++;
  return n;
}

/**
 * True when the code is two simple runs of at least 3 each (123987, 111222, 11112222): some cut
 * in [3, length - 3] has a run before and after it, i.e. the longest leading run and the longest
 * trailing run are both >= 3 and together cover the code. O(length).
 */
function isTwoRuns(s: string, digits: boolean): boolean {
  if (s.length < 6) return false;
  const head = simpleRunLength(s, digits, false);
  if (head < 3) return false;
  const tail = simpleRunLength(s, digits, true);
  return tail >= 3 && head + tail >= s.length;
}

/** True when a digit code has very few distinct digits for its length (10101101, 1211). */
function hasFewDistinct(s: string): boolean {
  const max = Math.max(1, Math.floor(s.length / 3));
  let seen = 0;
  let count = 0;
  for (let i = 0; i < s.length; i++) {
    const bit = 1 << (s.charCodeAt(i) - 48);
    if ((seen & bit) === 0) {
      seen |= bit;
      if (++count > max) return false;
    }
  }
  return true;
}

const DAYS_IN_MONTH = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** Two digits at `i` as a number (the caller guarantees digits). */
const two = (s: string, i: number): number => (s.charCodeAt(i) - 48) * 10 + s.charCodeAt(i + 1) - 48;

/** Day at `d`, month at `m`; Feb 29 always allowed (people's dates, not calendars). */
function isDayMonth(s: string, d: number, m: number): boolean {
  const day = two(s, d);
  const month = two(s, m);
  return month >= 1 && month <= 12 && day >= 1 && day <= (DAYS_IN_MONTH[month - 1] ?? 0);
}

/** Year 1900-2099 at `i`. */
function isYear4(s: string, i: number): boolean {
  const century = two(s, i);
  return century === 19 || century === 20;
}

/**
 * True when a digit code reads as a date or year people pick: 4 digits: a year 1900-2099, MMDD or
 * DDMM; 6 digits: DDMMYY, MMDDYY, YYMMDD; 8 digits: YYYYMMDD, DDMMYYYY, MMDDYYYY (years 1900-2099).
 */
function isDateLike(s: string): boolean {
  switch (s.length) {
    case 4: // YYYY, MMDD, DDMM
      return isYear4(s, 0) || isDayMonth(s, 2, 0) || isDayMonth(s, 0, 2);
    case 6: // DDMMYY, MMDDYY, YYMMDD
      return isDayMonth(s, 0, 2) || isDayMonth(s, 2, 0) || isDayMonth(s, 4, 2);
    case 8: // YYYYMMDD, DDMMYYYY, MMDDYYYY
      return (
        (isYear4(s, 0) && isDayMonth(s, 6, 4)) ||
        (isYear4(s, 4) && (isDayMonth(s, 0, 2) || isDayMonth(s, 2, 0)))
      );
    default:
      return false;
  }
}

/**
 * Whether a code looks guessable. Case-insensitive; one trailing `#` (Pexip PIN terminator) is
 * ignored. Weak: shorter than 4; one repeated character; constant-step runs, wrap-around included
 * (123456, 987654, 7890123, 13579); a repeated short block (121212, 123123); runs of doubled or
 * tripled characters (112233); palindromes (123321); two simple runs (111222, 123987); very few
 * distinct digits for the length; dates and years (19851231, 311285, 1985); well-known keypad
 * and keyboard walks (2580, qwerty).
 *
 * Pure and cheap (O(length^2) worst case); generators call it on every draw.
 */
export function isWeakCode(code: string): boolean {
  if (typeof code !== 'string') return true;
  let s = code;
  if (s.length > 1 && s.endsWith('#') && isAllDigits(s.slice(0, -1))) s = s.slice(0, -1);
  if (s.length < 4) return true;
  const digits = isAllDigits(s);
  if (!digits) s = s.toLowerCase();
  // Cheapest and most selective checks first: this runs on every draw.
  return (
    (digits && isDateLike(s)) ||
    isConstantStep(s, 0, s.length, digits, true) ||
    isPalindrome(s) ||
    isStuttered(s) ||
    isTwoRuns(s, digits) ||
    isPeriodic(s) ||
    (digits && hasFewDistinct(s)) ||
    KNOWN_WALKS.has(s)
  );
}
