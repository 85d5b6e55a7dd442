/**
 * One draft sweep outside a running service (`securejoin service sweep-drafts`): opens the
 * database as the service would (migrations, codes key check), sweeps to the end, closes it.
 * Safe beside running services on the same PostgreSQL database, as their own sweeps are.
 */
import { withServiceDatabase } from '../db/oneOff';
import type { DatabaseChoice } from '../db/open';
import { sweepDrafts } from './expireDrafts';
import type { SweepReport } from './expireDrafts';

export async function sweepDraftsOnce(opts: DatabaseChoice & { ttlMs: number }): Promise<SweepReport> {
  return withServiceDatabase(opts, (db, cipher) => sweepDrafts(db, cipher, { ttlMs: opts.ttlMs }));
}
