/**
 * Thrown when no fresh, non-weak code can be found: the caller excluded (nearly) the whole code
 * space for the requested length and alphabet. Distinct from RangeError (bad arguments) so a UI
 * can suggest a longer code instead of reporting a bug.
 */
export class CodeSpaceExhaustedError extends Error {
  override readonly name = 'CodeSpaceExhaustedError';
}
