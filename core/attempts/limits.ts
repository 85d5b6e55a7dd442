/**
 * PIN attempt limits. Defaults are Pexip's break-in defence: 5 attempts per web/desktop user,
 * 3 per SIP/H.323/Skype call, and more than 20 wrong PINs against one room within 10 minutes
 * blocks the room for 10 minutes.
 */

/** Attempt limits; all counts are wrong-PIN attempts. */
export interface AttemptLimits {
  /** Wrong PINs one web/desktop client may make (integer 1-100). */
  web: number;
  /** Wrong PINs one SIP/H.323/Skype call may make (integer 1-100). */
  sip: number;
  /** Wrong PINs a room tolerates within the window; one more blocks it (integer 1-1000). */
  roomFailures: number;
  /** Sliding window and block duration, minutes (number > 0, <= 1440). */
  roomWindowMinutes: number;
  /** Status level is `warn` when this many attempts or fewer remain (integer 0-100). */
  warnAtRemaining: number;
}

/** Pexip's defaults. */
export const DEFAULT_ATTEMPT_LIMITS: Readonly<AttemptLimits> = Object.freeze({
  web: 5,
  sip: 3,
  roomFailures: 20,
  roomWindowMinutes: 10,
  warnAtRemaining: 2,
});

const INTEGER_RANGES: Record<Exclude<keyof AttemptLimits, 'roomWindowMinutes'>, [number, number]> = {
  web: [1, 100],
  sip: [1, 100],
  roomFailures: [1, 1000],
  warnAtRemaining: [0, 100],
};

/**
 * Fills defaults into partial limits and validates every value.
 *
 * @throws RangeError naming the field, its allowed range and the value (also for unknown fields,
 *   which are usually typos that would otherwise silently fall back to a default).
 */
export function resolveAttemptLimits(partial: Partial<AttemptLimits> = {}): AttemptLimits {
  if (typeof partial !== 'object' || partial === null) throw new RangeError('attempt limits must be an object');
  for (const key of Object.keys(partial)) {
    if (!(key in DEFAULT_ATTEMPT_LIMITS)) throw new RangeError(`attempt limits: unknown field ${JSON.stringify(key)}`);
  }
  const pick = <K extends keyof AttemptLimits>(k: K): number => partial[k] ?? DEFAULT_ATTEMPT_LIMITS[k];
  const limits: AttemptLimits = {
    web: pick('web'),
    sip: pick('sip'),
    roomFailures: pick('roomFailures'),
    roomWindowMinutes: pick('roomWindowMinutes'),
    warnAtRemaining: pick('warnAtRemaining'),
  };
  for (const [key, [min, max]] of Object.entries(INTEGER_RANGES)) {
    const v = limits[key as keyof AttemptLimits];
    if (!Number.isInteger(v) || v < min || v > max) {
      throw new RangeError(`attempt limits: ${key} must be an integer from ${min} to ${max}, got ${String(v)}`);
    }
  }
  const w = limits.roomWindowMinutes;
  if (typeof w !== 'number' || !Number.isFinite(w) || w <= 0 || w > 1440) {
    throw new RangeError(`attempt limits: roomWindowMinutes must be a number above 0 and at most 1440, got ${String(w)}`);
  }
  return limits;
}
