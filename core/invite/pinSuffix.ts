/**
 * Pexip's trailing "#": a PIN may end in "#", which counts as part of it (platform facts §4), and
 * invites write it as the PIN shows it, "1234#", or set apart, "1234 #". Both are the PIN "1234#":
 * cutting the "#" off would offer a code the room refuses, costing an attempt.
 */

/** A "#" set apart from the digits by one space, ending the code (not "# 5", not "#hash"). */
const SPACED_HASH = /^[ \u00a0]#(?![A-Za-z0-9#*])/;

/**
 * How many characters after a digits-only `value` belong to it as its trailing "#" (0 or 2, for
 * " #"), given the `after` text that follows it.
 */
export function spacedPinHashLength(value: string, after: string): number {
  return /^[0-9 \u00a0]+$/.test(value) && SPACED_HASH.test(after) ? 2 : 0;
}
