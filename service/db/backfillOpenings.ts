/**
 * Fills the opening columns of migration 6 (what the policy view loads) for meetings written
 * before it, at start, once: each such meeting's sealed room is opened and its opening computed
 * (core/infinity/opening.ts), in batches. Idempotent and serialised across replicas by the
 * migrations' advisory lock; a start with nothing to fill costs one query.
 */
import type { RoomSpec } from '../../core/roomSpec';
import type { CodesCipher } from '../codes';
import { openingParams } from '../store/meetings';
import type { Database } from './database';
import { MIGRATION_LOCK } from './migrate';

const BATCH = 500;

/** Fills what is missing; returns how many meetings it filled. */
export async function backfillOpenings(db: Database, cipher: CodesCipher): Promise<number> {
  let filled = 0;
  for (;;) {
    const done = await db.transaction(async (tx) => {
      await tx.query('SELECT pg_advisory_xact_lock($1)', [MIGRATION_LOCK]);
      const { rows } = await tx.query<{ id: string; room_sealed: string }>('SELECT id, room_sealed FROM meetings WHERE NOT opening_known ORDER BY id LIMIT $1', [BATCH]);
      for (const row of rows) {
        const room = cipher.open(row.room_sealed, row.id) as RoomSpec;
        await tx.query('UPDATE meetings SET sent = $2, open_from_ms = $3, open_until_ms = $4, series = $5::jsonb, opening_known = true WHERE id = $1', [row.id, room.sent === true, ...openingParams(room)]);
      }
      return rows.length;
    });
    filled += done;
    if (done < BATCH) return filled;
  }
}
