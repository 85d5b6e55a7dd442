/**
 * A database opened for one administrator command outside a running service (`securejoin service
 * sweep-drafts`, `securejoin service attendance`): as the service opens it (migrations, codes key
 * check), handed to `work`, closed afterwards whatever happens.
 */
import type { CodesCipher } from '../codes';
import { codesCipher } from '../codes';
import { checkCodesKey } from '../keyCheck';
import { createLogger } from '../logger';
import type { Database } from './database';
import { migrate } from './migrate';
import { openDatabase, resolveCodesKey } from './open';
import type { DatabaseChoice } from './open';

export async function withServiceDatabase<T>(opts: DatabaseChoice, work: (db: Database, cipher: CodesCipher) => Promise<T>): Promise<T> {
  const key = resolveCodesKey(opts);
  const db = await openDatabase(opts, createLogger({ logLevel: 'warn', logStream: process.stderr }));
  try {
    await migrate(db);
    const cipher = codesCipher(key);
    await checkCodesKey(db, cipher);
    return await work(db, cipher);
  } finally {
    await db.close();
  }
}
