/**
 * Embedded PostgreSQL (PGlite, compiled to WASM) in a data folder: what `npm start` uses on a
 * machine with no database server. One process owns the folder; PGlite runs one query at a time,
 * and its transactions are serialised by PGlite itself.
 */
import { chmodSync, mkdirSync } from 'node:fs';
import { PGlite } from '@electric-sql/pglite';
import type { Database, Queryable, QueryResult } from './database';

interface PgliteQuerier {
  query<R>(sql: string, params?: unknown[]): Promise<{ rows: R[]; affectedRows?: number }>;
  exec(sql: string): Promise<unknown>;
}

async function run<R>(q: PgliteQuerier, sql: string, params: readonly unknown[] = []): Promise<QueryResult<R>> {
  const result = await q.query<R>(sql, params as unknown[]);
  return { rows: result.rows, rowCount: result.affectedRows ?? result.rows.length };
}

/** Opens (creating when needed) the database in `dataDir`; `null` keeps it in memory (tests). */
export async function openPglite(dataDir: string | null): Promise<Database> {
  if (dataDir !== null) {
    // The database files hold every meeting (codes sealed, aliases hashed): owner-only, as PostgreSQL's own data directory.
    mkdirSync(dataDir, { recursive: true, mode: 0o700 });
    chmodSync(dataDir, 0o700);
  }
  const db = dataDir === null ? new PGlite() : new PGlite(dataDir);
  await db.waitReady;
  return {
    kind: 'pglite',
    query: (sql, params) => run(db, sql, params),
    exec: async (sql) => void (await db.exec(sql)),
    transaction: <T>(fn: (tx: Queryable) => Promise<T>): Promise<T> =>
      db.transaction((tx) => fn({ query: (sql, params) => run(tx, sql, params), exec: async (sql) => void (await tx.exec(sql)) })),
    async ping() {
      try {
        await db.query('SELECT 1');
        return true;
      } catch {
        return false;
      }
    },
    close: () => db.close(),
    // Embedded: notifications arrive at commit, in this process; there is no connection to lose.
    async listen(channels, handlers) {
      const stops = await Promise.all(channels.map((channel) => db.listen(channel, (payload) => handlers.onNotify(channel, payload))));
      return { close: async () => void (await Promise.all(stops.map((stop) => stop()))) };
    },
  };
}
