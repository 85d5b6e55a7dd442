/**
 * Constant-time string comparison for PINs, as the reference node does: the loop runs the same
 * number of times whatever the inputs' lengths or contents (up to {@link CONSTANT_TIME_SPAN}
 * characters), so response time leaks neither how many leading characters matched nor the PIN's
 * length.
 */

/** Characters every comparison walks; PINs are at most 20, so any input up to this is covered. */
export const CONSTANT_TIME_SPAN = 64;

/**
 * Whether `a === b`, in time independent of where they differ and of their lengths (for inputs up
 * to {@link CONSTANT_TIME_SPAN} characters; longer inputs walk their full length).
 */
export function constantTimeEqual(a: string, b: string): boolean {
  const span = Math.max(CONSTANT_TIME_SPAN, a.length, b.length);
  let diff = a.length ^ b.length;
  for (let i = 0; i < span; i++) {
    // charCodeAt past the end is NaN; `| 0` makes it 0 without a branch. Lengths are already
    // folded into diff, so padding with 0 cannot make different strings equal.
    diff |= (a.charCodeAt(i) | 0) ^ (b.charCodeAt(i) | 0);
  }
  return diff === 0;
}
