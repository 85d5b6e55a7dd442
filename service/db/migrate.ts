/**
 * Applies the migrations not yet recorded, at start. Two processes starting at once on one
 * database are serialised by a transaction-scoped advisory lock: the second waits, then finds
 * everything applied.
 */
import type { Database } from './database';
import { MIGRATIONS } from './migrations';
import type { Migration } from './migrations';

/** Arbitrary constant naming "SecureJoin schema migrations" among advisory locks. */
export const MIGRATION_LOCK = 7_242_019_001;

/** Applies what is missing; returns the versions it applied (empty when up to date). */
export async function migrate(db: Database, migrations: readonly Migration[] = MIGRATIONS): Promise<number[]> {
  return db.transaction(async (tx) => {
    await tx.query('SELECT pg_advisory_xact_lock($1)', [MIGRATION_LOCK]);
    await tx.query(`CREATE TABLE IF NOT EXISTS schema_migrations (
      version integer PRIMARY KEY, name text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())`);
    const done = new Set((await tx.query<{ version: number }>('SELECT version FROM schema_migrations')).rows.map((r) => r.version));
    const applied: number[] = [];
    for (const m of [...migrations].sort((a, b) => a.version - b.version)) {
      if (done.has(m.version)) continue;
      await tx.exec(m.sql);
      await tx.query('INSERT INTO schema_migrations (version, name) VALUES ($1, $2)', [m.version, m.name]);
      applied.push(m.version);
    }
    return applied;
  });
}
