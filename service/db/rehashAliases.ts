/**
 * Converts aliases stored in clear (before migration 5) to keyed hashes, at start, once: each
 * such meeting's aliases are rebuilt from its sealed room (which holds them all, including the
 * personal aliases that rows from before migration 3 lacked). Idempotent and serialised across
 * replicas by the migrations' advisory lock; a start with nothing to convert costs one query.
 */
import type { RoomSpec } from '../../core/roomSpec';
import { aliasKey } from '../../core/roomSpec';
import type { AliasHasher } from '../aliasHash';
import { ALIAS_HASH_PREFIX } from '../aliasHash';
import type { CodesCipher } from '../codes';
import { writeAliases } from '../store/aliases';
import type { Database } from './database';
import { MIGRATION_LOCK } from './migrate';

/** Rehashes what is still in clear; returns how many meetings it converted. */
export async function rehashAliases(db: Database, cipher: CodesCipher, hash: AliasHasher): Promise<number> {
  const plain = `${ALIAS_HASH_PREFIX}%`;
  const pending = await db.query<{ n: number }>(
    `SELECT (SELECT count(*) FROM meetings WHERE alias_key NOT LIKE $1)::int + (SELECT count(*) FROM meeting_aliases WHERE alias_key NOT LIKE $1)::int AS n`,
    [plain],
  );
  if ((pending.rows[0]?.n ?? 0) === 0) return 0;
  return db.transaction(async (tx) => {
    await tx.query('SELECT pg_advisory_xact_lock($1)', [MIGRATION_LOCK]);
    const { rows } = await tx.query<{ id: string; room_sealed: string }>(
      `SELECT id, room_sealed FROM meetings
        WHERE alias_key NOT LIKE $1 OR id IN (SELECT meeting_id FROM meeting_aliases WHERE alias_key NOT LIKE $1)`,
      [plain],
    );
    for (const row of rows) {
      const room = cipher.open(row.room_sealed, row.id) as RoomSpec;
      await tx.query('UPDATE meetings SET alias_key = $2 WHERE id = $1', [row.id, hash(aliasKey(room.alias))]);
      await writeAliases(tx, hash, row.id, room);
    }
    return rows.length;
  });
}
