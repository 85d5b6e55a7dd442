/**
 * How likely an online attacker is to guess a code before it expires. Used by the policy to
 * reject code lengths and lifetimes that are too weak.
 *
 * Model: the room tolerates `roomFailureLimit` wrong attempts per `roomWindowMinutes` (one more
 * blocks it for a window), so over `exposureMinutes` an attacker makes at most
 * G = ceil(exposure / window) * limit guesses, all different (without replacement), over a space
 * of N = alphabetSize^length codes of which k open the room. P(hit) = 1 - C(N-k, G) / C(N, G).
 */

/** Inputs to {@link guessProbability}. */
export interface GuessRiskInput {
  /** Code length in characters (integer 1-256). */
  length: number;
  /** Alphabet size (integer 2-1024); default 10 (digits). */
  alphabetSize?: number;
  /** Codes that open the room (host PIN + guest PIN + one per invitee...); default 1. */
  validCodes?: number;
  /**
   * Wrong attempts a room tolerates per window; default 20 (Pexip). If the node still checks the
   * PIN on the attempt that triggers the block, pass limit + 1 for a strict bound.
   */
  roomFailureLimit?: number;
  /** Length of the room's failure window in minutes; default 10. */
  roomWindowMinutes?: number;
  /** How long the code opens the room, in minutes: activation lead + duration + grace. */
  exposureMinutes: number;
  /**
   * Codes an attacker can skip because the generator never issues them (weak codes, codes in
   * use); default 0. Shrinks the space to N - excludedCodes.
   */
  excludedCodes?: number;
}

function check(ok: boolean, message: string): void {
  if (!ok) throw new RangeError(`guessProbability: ${message}`);
}

const isInt = (v: unknown): v is number => typeof v === 'number' && Number.isInteger(v);

/** Most guesses an attacker gets over the exposure, per the model above. */
export function maxGuesses(exposureMinutes: number, roomWindowMinutes: number, roomFailureLimit: number): number {
  return Math.ceil(exposureMinutes / roomWindowMinutes) * roomFailureLimit;
}

/**
 * Probability (0..1) that an attacker guesses one of the valid codes during the exposure.
 * Computed in log space with the identity C(N-k,G)/C(N,G) = prod_{j<k} (N-G-j)/(N-j), i.e. a sum
 * of k log1p terms: exact for tiny probabilities (no 1 - (1 - tiny) cancellation), no factorials,
 * and O(validCodes) however long the exposure.
 *
 * @throws RangeError naming the first invalid input.
 */
export function guessProbability(input: GuessRiskInput): number {
  check(typeof input === 'object' && input !== null, 'input must be an object');
  const { length, exposureMinutes } = input;
  const alphabetSize = input.alphabetSize ?? 10;
  const validCodes = input.validCodes ?? 1;
  const limit = input.roomFailureLimit ?? 20;
  const windowMinutes = input.roomWindowMinutes ?? 10;
  const excluded = input.excludedCodes ?? 0;
  check(isInt(length) && length >= 1 && length <= 256, `length must be an integer from 1 to 256, got ${String(length)}`);
  check(isInt(alphabetSize) && alphabetSize >= 2 && alphabetSize <= 1024, `alphabetSize must be an integer from 2 to 1024, got ${String(alphabetSize)}`);
  check(isInt(limit) && limit >= 1, `roomFailureLimit must be a positive integer, got ${String(limit)}`);
  check(typeof windowMinutes === 'number' && Number.isFinite(windowMinutes) && windowMinutes > 0, `roomWindowMinutes must be a positive number, got ${String(windowMinutes)}`);
  check(typeof exposureMinutes === 'number' && Number.isFinite(exposureMinutes) && exposureMinutes >= 0, `exposureMinutes must be a finite number >= 0, got ${String(exposureMinutes)}`);
  const size = alphabetSize ** length;
  check(Number.isFinite(size), `alphabetSize^length (${alphabetSize}^${length}) is too large to evaluate`);
  check(isInt(excluded) && excluded >= 0 && excluded < size, `excludedCodes must be an integer from 0 to ${size - 1}, got ${String(excluded)}`);
  const space = size - excluded;
  check(isInt(validCodes) && validCodes >= 1 && validCodes <= space, `validCodes must be an integer from 1 to the code space (${space}), got ${String(validCodes)}`);

  const guesses = maxGuesses(exposureMinutes, windowMinutes, limit);
  if (guesses === 0) return 0;
  if (guesses > space - validCodes) return 1; // every failing code can be tried: a hit is certain
  let logMiss = 0;
  for (let j = 0; j < validCodes; j++) logMiss += Math.log1p(-guesses / (space - j));
  return Math.min(1, Math.max(0, -Math.expm1(logMiss)));
}
