/**
 * What every route needs: the database, the codes cipher and alias hasher, the authenticator,
 * the admin policy every write is checked against, the guessing limits, a logger and the policy view.
 */
import type { Logger } from 'pino';
import type { Policy } from '../core/policy';
import type { AliasHasher } from './aliasHash';
import type { Authenticate } from './auth/verifier';
import type { CodesCipher } from './codes';
import type { Database } from './db/database';
import type { GuessLimits } from './store/guesses';
import type { PolicyView } from './view/policyView';

export interface ServiceContext {
  db: Database;
  cipher: CodesCipher;
  hash: AliasHasher;
  policy: Policy;
  guessLimits: GuessLimits;
  authenticate: Authenticate;
  log: Logger;
  /** The in-memory view of open aliases (service/view/), when the policy routes are on. */
  view: PolicyView | null;
}
