/**
 * Guessing shut out (issue 18), as Pexip Infinity shuts out PIN guessing: failed policy look-ups
 * (an unknown, closed or deleted alias) are counted per caller address (`remote_address`) in a
 * window; the look-up that reaches the limit shuts that address out for a window, during which
 * every look-up from it is refused, a right alias included. Counts live in the database, so every
 * replica sees them; only failures write, so a legitimate call pays one read that rides along
 * with its alias look-up (./aliases.ts findByAliasFrom).
 */
import type { Queryable } from '../db/database';

/** How many failures from one address, in what window, shut it out (and for how long). */
export interface GuessLimits {
  /** Failed look-ups per address per window that shut the address out. */
  limit: number;
  /** The counting window, which is also how long an address stays shut out. */
  windowMs: number;
  /**
   * How long an answer to a shut-out address is held before it goes out: the guesser's calls
   * wait (a timer, no work), so guessing as fast as one can costs the service, and everyone
   * else's calls, next to nothing. Well inside Infinity's 5 s policy timeout.
   */
  holdMs: number;
}

/** Defaults in line with Pexip's break-in defence (5 web / 3 SIP PIN attempts per address). */
export const DEFAULT_GUESS_LIMITS: GuessLimits = { limit: 10, windowMs: 10 * 60_000, holdMs: 1_000 };
export const GUESS_LIMIT_RANGE = { min: 1, max: 10_000 } as const;
export const GUESS_WINDOW_RANGE = { min: 1_000, max: 24 * 60 * 60_000 } as const;

/** What one failure did. */
export interface FailureCount {
  failures: number;
  /** This failure reached the limit: the address is shut out from now (an audit event). */
  blockedNow: boolean;
  blockedUntil: Date | null;
}

/**
 * Counts one failure from `address` at `now`, starting a new window when the last one ended,
 * and shuts the address out when the count reaches the limit. One statement, atomic across
 * replicas: concurrent failures each add one, and exactly one of them reaches the limit. An
 * address already shut out is not counted further (its row is left as it is; a second,
 * rare statement reads when its shut-out ends). Committed asynchronously
 * (`synchronous_commit = off` for this statement's own transaction, as "Name (n)"): a refusal
 * does not wait for the WAL flush, so refusing costs about what answering does. A database crash
 * may forget the last fraction of a second of counts, never a shut-out already audited.
 */
export async function countFailure(q: Queryable, address: string, now: Date, limits: GuessLimits): Promise<FailureCount> {
  const at = now.toISOString();
  const { rows } = await q.query<{ failures: number; blocked_until: Date | string | null }>(
    `WITH counted AS (
     INSERT INTO policy_guesses AS g (address, window_start, failures, blocked_until)
     VALUES ($1, $2::timestamptz, 1, CASE WHEN $4::int <= 1 THEN $2::timestamptz + $3 * interval '1 millisecond' END)
     ON CONFLICT (address) DO UPDATE SET
       window_start = CASE WHEN g.window_start <= $2::timestamptz - $3 * interval '1 millisecond' THEN $2::timestamptz ELSE g.window_start END,
       failures = CASE WHEN g.window_start <= $2::timestamptz - $3 * interval '1 millisecond' THEN 1 ELSE g.failures + 1 END,
       blocked_until = CASE
         WHEN (CASE WHEN g.window_start <= $2::timestamptz - $3 * interval '1 millisecond' THEN 1 ELSE g.failures + 1 END) = $4::int
           THEN $2::timestamptz + $3 * interval '1 millisecond'
         ELSE g.blocked_until END
       WHERE g.blocked_until IS NULL OR g.blocked_until <= $2::timestamptz
     RETURNING failures, blocked_until
     )
     SELECT failures, blocked_until, set_config('synchronous_commit', 'off', true) AS async_commit FROM counted`,
    [address, at, limits.windowMs, limits.limit],
    'policy_guess_count',
  );
  const row = rows[0];
  if (!row) {
    const held = await q.query<{ failures: number; blocked_until: Date | string }>('SELECT failures, blocked_until FROM policy_guesses WHERE address = $1', [address]);
    const blocked = held.rows[0];
    return { failures: blocked?.failures ?? limits.limit, blockedNow: false, blockedUntil: blocked ? new Date(blocked.blocked_until) : now };
  }
  const blockedUntil = row.blocked_until === null ? null : new Date(row.blocked_until);
  return { failures: row.failures, blockedNow: row.failures === limits.limit, blockedUntil };
}

/** Forgets counts whose window and shut-out are both over (the sweep calls it). */
export async function pruneGuesses(q: Queryable, now: Date, limits: GuessLimits): Promise<number> {
  const { rowCount } = await q.query(
    `DELETE FROM policy_guesses
      WHERE window_start <= $1::timestamptz - $2 * interval '1 millisecond'
        AND (blocked_until IS NULL OR blocked_until <= $1::timestamptz)`,
    [now.toISOString(), limits.windowMs],
  );
  return rowCount;
}
