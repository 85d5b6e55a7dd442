/** What every route needs: the database, the codes cipher, the authenticator and a logger. */
import type { Logger } from 'pino';
import type { Authenticate } from './auth/verifier';
import type { CodesCipher } from './codes';
import type { Database } from './db/database';

export interface ServiceContext {
  db: Database;
  cipher: CodesCipher;
  authenticate: Authenticate;
  log: Logger;
}
