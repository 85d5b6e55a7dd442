/**
 * Refuses to start with a codes key other than the one the database's codes were sealed with:
 * the first start seals a known value; every later start must be able to open it.
 */
import type { CodesCipher } from './codes';
import type { Queryable } from './db/database';

const CHECK_ID = 'codes-key-check';
const CHECK_VALUE = 'securejoin codes key';

/** @throws Error saying which key to set (never a key). */
export async function checkCodesKey(q: Queryable, cipher: CodesCipher): Promise<void> {
  await q.query('INSERT INTO codes_key_check (id, sealed) VALUES (1, $1) ON CONFLICT (id) DO NOTHING', [cipher.seal(CHECK_VALUE, CHECK_ID)]);
  const { rows } = await q.query<{ sealed: string }>('SELECT sealed FROM codes_key_check WHERE id = 1');
  let opened: unknown;
  try {
    opened = cipher.open(rows[0]?.sealed ?? '', CHECK_ID);
  } catch {
    opened = undefined;
  }
  if (opened !== CHECK_VALUE) {
    throw new Error('the codes key is not the one this database was written with: set SECUREJOIN_CODES_KEY (or --codes-key) to the original key');
  }
}
