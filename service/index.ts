/**
 * The meeting service: SecureJoin's own server of record for meetings and their codes.
 * `startMeetingService(options)` opens the database (PostgreSQL, or embedded PGlite), applies
 * the migrations, listens and sweeps abandoned drafts (service/jobs/expireDrafts.ts); `close()`
 * stops taking requests, lets in-flight ones (and a sweep's batch) finish and closes the database.
 */
import type { AddressInfo } from 'node:net';
import { buildApp } from './app';
import { createAuthenticator } from './auth/verifier';
import { openDatabase, resolveCodesKey } from './db/open';
import { DEFAULT_POLICY } from '../core/policy/valid';
import { aliasHasher } from './aliasHash';
import { codesCipher } from './codes';
import { rehashAliases } from './db/rehashAliases';
import { backfillOpenings } from './db/backfillOpenings';
import { PolicyView } from './view/policyView';
import { DEFAULT_GUESS_LIMITS } from './store/guesses';
import { migrate } from './db/migrate';
import { attendanceRetentionMs, resolveDraftSettings, startDraftExpiry } from './jobs/expireDrafts';
import { checkCodesKey } from './keyCheck';
import { createLogger } from './logger';
import { DEFAULT_ADMIN_ROLE, DEFAULT_PORT, DEFAULT_SCOPE } from './options';
import type { MeetingServiceOptions } from './options';

export type { MeetingServiceOptions } from './options';
export { createDevIssuer } from './auth/devIssuer';
export { openPglite } from './db/pglite';
export { openPostgres } from './db/postgres';
export type { Database } from './db/database';
export type { DevIssuer, DevIssuerOptions, DevTokenClaims } from './auth/devIssuer';

/** A running service. */
export interface MeetingService {
  /** `http(s)://<host>:<port>` */
  url: string;
  port: number;
  /** Which database it uses. */
  database: 'postgres' | 'pglite';
  /** Graceful stop: no new requests or sweeps, in-flight ones finish, the database closes. */
  close(): Promise<void>;
}

export async function startMeetingService(opts: MeetingServiceOptions): Promise<MeetingService> {
  const log = createLogger(opts);
  const draftSettings = resolveDraftSettings(opts.drafts);
  const key = resolveCodesKey(opts);
  const db = opts.database ?? (await openDatabase(opts, log));
  const closeDb = (): Promise<void> => (opts.database ? Promise.resolve() : db.close());
  let closeView = (): Promise<void> => Promise.resolve();
  try {
    const applied = await migrate(db);
    if (applied.length > 0) log.info({ applied }, 'database migrations applied');
    const cipher = codesCipher(key);
    await checkCodesKey(db, cipher);
    const hash = aliasHasher(key);
    const rehashed = await rehashAliases(db, cipher, hash);
    if (rehashed > 0) log.info({ meetings: rehashed }, 'aliases stored in clear converted to keyed hashes');
    const filled = await backfillOpenings(db, cipher);
    if (filled > 0) log.info({ meetings: filled }, 'meeting openings filled in for the policy view');
    const policy = opts.adminPolicy ?? DEFAULT_POLICY;
    if (opts.adminPolicy) log.info({ adminPolicy: opts.adminPolicySource ?? 'given' }, 'meeting writes are checked against the admin policy');
    else log.warn('no admin policy given (--admin-policy): meeting writes are checked against the built-in defaults');
    const guessLimits = { ...DEFAULT_GUESS_LIMITS, ...opts.guessLimits };
    const authenticate = createAuthenticator({
      ...opts.auth,
      scope: opts.auth.scope ?? DEFAULT_SCOPE,
      adminRole: opts.auth.adminRole ?? DEFAULT_ADMIN_ROLE,
    });
    // The policy view only serves the policy routes: without their credentials there is none.
    const view = opts.policy ? new PolicyView(db, cipher, opts.clock ?? Date.now, log) : null;
    await view?.start();
    closeView = () => view?.close() ?? Promise.resolve();
    const app = await buildApp(opts, log, (l) => ({ db, cipher, hash, policy, guessLimits, authenticate, log: l, view }));
    await app.listen({ port: opts.port ?? DEFAULT_PORT, host: opts.host ?? '127.0.0.1' });
    const drafts = startDraftExpiry(db, cipher, log, draftSettings, guessLimits, attendanceRetentionMs(policy));
    const { port } = app.server.address() as AddressInfo;
    const host = (opts.host ?? '127.0.0.1').includes(':') ? `[${opts.host}]` : (opts.host ?? '127.0.0.1');
    const url = `${opts.tls ? 'https' : 'http'}://${host}:${port}`;
    let closing: Promise<void> | null = null;
    return {
      url,
      port,
      database: db.kind,
      close() {
        closing ??= (async () => {
          // A sweep in progress finishes its batch while requests in flight finish.
          await Promise.all([app.close(), drafts.stop()]);
          await closeView();
          await closeDb();
        })();
        return closing;
      },
    };
  } catch (error) {
    await closeView().catch(() => undefined);
    await closeDb().catch(() => undefined);
    throw error;
  }
}
