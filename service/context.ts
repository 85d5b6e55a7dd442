/** What every route needs: the database, the codes cipher, the node (when synced) and a logger. */
import type { Logger } from 'pino';
import type { Authenticate } from './auth/verifier';
import type { CodesCipher } from './codes';
import type { Database } from './db/database';
import type { NodeClient } from './node/nodeClient';

export interface ServiceContext {
  db: Database;
  cipher: CodesCipher;
  authenticate: Authenticate;
  node: NodeClient | null;
  log: Logger;
}
