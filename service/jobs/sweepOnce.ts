/**
 * One draft sweep outside a running service (`securejoin service sweep-drafts`): opens the
 * database as the service would (migrations, codes key check), sweeps to the end, closes it.
 * Safe beside running services on the same PostgreSQL database, as their own sweeps are.
 */
import { codesCipher } from '../codes';
import { migrate } from '../db/migrate';
import { openDatabase, resolveCodesKey } from '../db/open';
import type { DatabaseChoice } from '../db/open';
import { checkCodesKey } from '../keyCheck';
import { createLogger } from '../logger';
import { sweepDrafts } from './expireDrafts';
import type { SweepReport } from './expireDrafts';

export async function sweepDraftsOnce(opts: DatabaseChoice & { ttlMs: number }): Promise<SweepReport> {
  const key = resolveCodesKey(opts);
  const db = await openDatabase(opts, createLogger({ logLevel: 'warn', logStream: process.stderr }));
  try {
    await migrate(db);
    const cipher = codesCipher(key);
    await checkCodesKey(db, cipher);
    return await sweepDrafts(db, cipher, { ttlMs: opts.ttlMs });
  } finally {
    await db.close();
  }
}
