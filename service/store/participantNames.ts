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
 * The participant's ordinal under `key` (1 for the first), assigning the next one when new, in
 * ONE prepared statement: a participant asking again (Infinity repeats requests) reads its
 * stored ordinal; a new one inserts MAX+1, unless the cap is reached. `closesAt` is the end of
 * the occurrence's window: the draft sweep prunes the row a day later. Committed asynchronously
 * (`synchronous_commit = off` for this statement's own transaction): the join does not wait for
 * the WAL flush, which on a busy disk costs ~100 ms at p99. A database crash may then forget the
 * last fraction of a second of names (a participant could be renumbered), never a meeting or a
 * code, and never consistency: the unique keys still hold.
 */
export async function participantOrdinal(db: Database, key: string, participant: string, closesAt: EpochMs): Promise<number> {
  for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt += 1) {
    try {
      const { rows } = await db.query<{ mine: number | null; added: number | null; top: number | null }>(
        `WITH existing AS (
           SELECT ordinal FROM participant_names WHERE name_key = $1 AND participant = $2
         ), top AS (
           SELECT MAX(ordinal) AS n FROM participant_names WHERE name_key = $1
         ), ins AS (
           INSERT INTO participant_names (name_key, participant, ordinal, closes_at)
           SELECT $1, $2, COALESCE((SELECT n FROM top), 0) + 1, $3::timestamptz
            WHERE NOT EXISTS (SELECT 1 FROM existing) AND COALESCE((SELECT n FROM top), 0) < $4::int
           ON CONFLICT (name_key, participant) DO NOTHING
           RETURNING ordinal
         )
         SELECT (SELECT ordinal FROM existing) AS mine, (SELECT ordinal FROM ins) AS added, (SELECT n FROM top) AS top,
                set_config('synchronous_commit', 'off', true) AS async_commit`,
        [key, participant, new Date(closesAt).toISOString(), MAX_NAME_ORDINAL],
        'participant_ordinal',
      );
      const { mine, added, top } = rows[0] ?? { mine: null, added: null, top: null };
      if (mine !== null) return mine;
      if (added !== null) return added;
      // Past the cap every further participant is "Name (999+)", and no row is added.
      if (top !== null && top >= MAX_NAME_ORDINAL) return MAX_NAME_ORDINAL + 1;
      // Neither: the same participant was inserted concurrently; the next attempt reads it.
    } catch (error) {
      // Another participant took the same ordinal at the same moment: count again.
      if (sqlState(error) !== UNIQUE_VIOLATION) throw error;
    }
  }
  throw new Error('participant name: too many concurrent joins on one invitee alias');
}
