/**
 * Which database and which codes key, from the options: PostgreSQL with `databaseUrl` (then the
 * key must be given), else PGlite in the data folder (a key is created beside it if none is given).
 */
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Logger } from 'pino';
import { newCodesKey, parseCodesKey } from '../codes';
import type { MeetingServiceOptions } from '../options';
import type { Database } from './database';
import { lockDataDir } from './dataDirLock';
import { openPglite } from './pglite';
import { openPostgres } from './postgres';

/** Default data folder (PGlite's files in `pgdata/`, the development codes key in `codes.key`), relative to the working directory. */
export const DEFAULT_DATA_DIR = '.data/service';

/** The options that choose the database and the key (the service's, or `service sweep-drafts`'). */
export type DatabaseChoice = Pick<MeetingServiceOptions, 'databaseUrl' | 'dataDir' | 'codesKey' | 'poolSize'>;

function dataDirOf(opts: DatabaseChoice): string | null {
  return opts.dataDir === undefined ? DEFAULT_DATA_DIR : opts.dataDir;
}

/** The 32-byte key. @throws Error saying what to set (never the key). */
export function resolveCodesKey(opts: DatabaseChoice): Buffer {
  if (opts.codesKey !== undefined) return parseCodesKey(opts.codesKey);
  if (opts.databaseUrl) {
    throw new Error('a codes key is required with a database server: set SECUREJOIN_CODES_KEY (or --codes-key) to 32 random bytes in base64');
  }
  const dir = dataDirOf(opts);
  if (dir === null) return parseCodesKey(newCodesKey());
  const file = join(dir, 'codes.key');
  if (!existsSync(file)) {
    mkdirSync(dir, { recursive: true, mode: 0o700 });
    writeFileSync(file, `${newCodesKey()}\n`, { mode: 0o600, flag: 'wx' });
  }
  return parseCodesKey(readFileSync(file, 'utf8'));
}

export async function openDatabase(opts: DatabaseChoice, log: Logger): Promise<Database> {
  if (opts.databaseUrl) return openPostgres({ url: opts.databaseUrl, max: opts.poolSize ?? 20 }, log);
  const dir = dataDirOf(opts);
  if (dir === null) return openPglite(null);
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  // The folder holds the database and the development codes key: owner-only, whoever made it.
  chmodSync(dir, 0o700);
  const release = lockDataDir(dir);
  try {
    // The database files in their own folder, beside the development codes key and the lock.
    const db = await openPglite(join(dir, 'pgdata'));
    return { ...db, close: () => db.close().finally(release) };
  } catch (error) {
    release();
    throw error;
  }
}
