/**
 * Where an administrator's one-off subcommand (`service sweep-drafts`, `service attendance`)
 * finds the service's database: the same flags and environment variables as `securejoin service`
 * (PostgreSQL by URL, else the embedded PGlite folder) and the codes key that opens sealed rooms.
 */
import { DEFAULT_DATA_DIR } from '../service/db/open';

/** The flags, for a subcommand's `parseOptions` table. */
export const STORE_FLAGS = {
  'database-url': { type: 'string' },
  'data-dir': { type: 'string' },
  'codes-key': { type: 'string' },
} as const;

/** What the flags say (flags win over the environment). */
export type StoreTarget = ({ databaseUrl: string; poolSize: number } | { dataDir: string }) & { codesKey?: string };

/** The database and codes key named by `values` (flags) and `env`; a small pool: one command, a few statements. */
export function storeTarget(values: { 'database-url'?: string; 'data-dir'?: string; 'codes-key'?: string }, env: Record<string, string | undefined>): StoreTarget {
  const databaseUrl = values['database-url'] ?? env.DATABASE_URL;
  const codesKey = values['codes-key'] ?? env.SECUREJOIN_CODES_KEY;
  return {
    ...(databaseUrl ? { databaseUrl, poolSize: 2 } : { dataDir: values['data-dir'] ?? env.SECUREJOIN_DATA_DIR ?? DEFAULT_DATA_DIR }),
    ...(codesKey ? { codesKey } : {}),
  };
}
