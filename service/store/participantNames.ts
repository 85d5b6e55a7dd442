/**
 * "Name (n)": the ordinal of a participant among the distinct participants of one key (one
 * invitee of one meeting occurrence). Atomic across replicas without a lock: the ordinal is
 * MAX+1 under two unique keys, (key, participant) and (key, ordinal); a racing insert that lost
 * the ordinal retries, and a participant asking again gets its stored ordinal.
 */
import { MAX_NAME_ORDINAL } from '../../core/infinity/answers';
import type { EpochMs } from '../../core/types';
import type { Database } from '../db/database';
import { UNIQUE_VIOLATION, sqlState } from '../db/database';

/** Retries before giving up (each lost race means another participant got a number). */
const MAX_ATTEMPTS = 100;

/**
 * The participant's ordinal under `key` (1 for the first), assigning the next one when new.
 * `closesAt` is the end of the occurrence's window: the draft sweep prunes the row a day later.
 * Committed asynchronously (`synchronous_commit = off`): the join does not wait for the WAL
 * flush, which on a busy disk costs ~100 ms at p99. A database crash may then forget the last
 * fraction of a second of names (a participant could be renumbered), never a meeting or a code,
 * and never consistency: the unique keys still hold.
 */
export async function participantOrdinal(db: Database, key: string, participant: string, closesAt: EpochMs): Promise<number> {
  // A participant asking again (Infinity repeats requests) is one read, no transaction.
  const known = await db.query<{ mine: number | null; top: number | null }>(
    'SELECT (SELECT ordinal FROM participant_names WHERE name_key = $1 AND participant = $2) AS mine, (SELECT MAX(ordinal) FROM participant_names WHERE name_key = $1) AS top',
    [key, participant],
  );
  const { mine, top } = known.rows[0] ?? { mine: null, top: null };
  if (mine !== null) return mine;
  // Past the cap every further participant is "Name (999+)", and no row is added.
  if (top !== null && top >= MAX_NAME_ORDINAL) return MAX_NAME_ORDINAL + 1;
  for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt += 1) {
    try {
      const ordinal = await db.transaction(async (q) => {
        await q.query('SET LOCAL synchronous_commit = off');
        const { rows } = await q.query<{ ordinal: number }>(
          `WITH existing AS (
             SELECT ordinal FROM participant_names WHERE name_key = $1 AND participant = $2
           ), ins AS (
             INSERT INTO participant_names (name_key, participant, ordinal, closes_at)
             SELECT $1, $2, COALESCE((SELECT MAX(ordinal) FROM participant_names WHERE name_key = $1), 0) + 1, $3::timestamptz
              WHERE NOT EXISTS (SELECT 1 FROM existing)
             ON CONFLICT (name_key, participant) DO NOTHING
             RETURNING ordinal
           )
           SELECT ordinal FROM existing UNION ALL SELECT ordinal FROM ins`,
          [key, participant, new Date(closesAt).toISOString()],
        );
        return rows[0]?.ordinal ?? null;
      });
      // null: the same participant was inserted concurrently; the next attempt reads it.
      if (ordinal !== null) return ordinal;
    } catch (error) {
      if (sqlState(error) !== UNIQUE_VIOLATION) throw error;
    }
  }
  throw new Error('participant name: too many concurrent joins on one invitee alias');
}
