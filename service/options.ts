/** How to start the meeting service (the CLI fills this from flags and environment). */
import type { Level } from 'pino';
import type { Database } from './db/database';
import type { DraftExpirySettings } from './jobs/expireDrafts';
import type { Clock } from '../core/types';
import type { Policy } from '../core/policy';
import type { GuessLimits } from './store/guesses';

export interface MeetingServiceOptions {
  /** TCP port; 0 picks a free one. Default 8444. */
  port?: number;
  /** Interface. Default 127.0.0.1. */
  host?: string;
  /** PostgreSQL server; without it an embedded PGlite database in `dataDir`. */
  databaseUrl?: string;
  /**
   * A database opened by the caller (tests, embedding): used instead of `databaseUrl`/`dataDir`
   * and left open by `close()`; the caller closes it.
   */
  database?: Database;
  /** PGlite's folder (default `.data/service`); null keeps it in memory (tests). */
  dataDir?: string | null;
  /**
   * 32-byte key (base64) sealing the codes at rest. Required with `databaseUrl`; with PGlite one
   * is created beside the data (`codes.key`, mode 0600) when absent.
   */
  codesKey?: string;
  auth: {
    issuer: string;
    /** One audience, or several of which a token's `aud` must name one (the API's and the add-in's for Office SSO). */
    audience: string | readonly string[];
    jwksUrl: string;
    tenant: string;
    /** One scope, or several of which a token must grant one; default `Meetings.ReadWrite`. */
    scope?: string | readonly string[];
    /** Default `SecureJoin.Admin`. */
    adminRole?: string;
  };
  /** Browser origins allowed to call (the add-in's). */
  allowOrigins?: readonly string[];
  /**
   * Credentials Pexip Infinity's policy profile sends (HTTP Basic) to `/policy/v1/...`. Without
   * them the policy routes do not exist (404).
   */
  policy?: { username: string; password: string };
  /**
   * Credentials Pexip Infinity's Event sink sends (HTTP Basic) to `POST /eventsink/v1`: the
   * attendance record (issue 23). Without them the route does not exist (404).
   */
  eventSink?: { username: string; password: string };
  /** The clock the policy decides windows by (tests drive it); default Date.now. */
  clock?: Clock;
  /** Serve HTTPS with this PEM key and certificate. */
  tls?: { key: string; cert: string };
  /** Log level (default `info`); `silent` for none. Logs go to stdout as JSON lines. */
  logLevel?: Level | 'silent';
  /** A stream for the log lines instead of stdout (tests read it). */
  logStream?: { write(line: string): void };
  /**
   * The draft-expiry job (service/jobs/expireDrafts.ts): unsent drafts are removed `ttlMs` after
   * their last write (default 24 h), swept every `sweepEveryMs` (default 15 min).
   */
  drafts?: DraftExpirySettings;
  /**
   * The admin policy (the same file the add-in reads, parsed by core/policy): every meeting write
   * is checked against it. Without it the built-in defaults apply (and the start says so).
   */
  adminPolicy?: Policy;
  /** Where `adminPolicy` came from, for the start's log line. */
  adminPolicySource?: string;
  /** Guessing limits for the policy API (service/store/guesses.ts); defaults: 10 failures per address per 10 minutes. */
  guessLimits?: Partial<GuessLimits>;
  /** Pool size for PostgreSQL. Default 20. */
  poolSize?: number;
  /**
   * Serve the built Outlook add-in (service/addin) at the root: `dir` is the production build
   * (`dist/addin`), `publicUrl` the https origin Outlook reaches this service at (written into
   * the manifest and scripts), `policyText` the admin's policy.json served beside it.
   */
  addin?: { dir: string; publicUrl: string; policyText: string };
  /** Origins allowed to frame the add-in besides Outlook's own (an on-premises Outlook on the web). */
  frameAncestors?: readonly string[];
  /** HTTP Basic credentials of `GET /metrics` (Prometheus); without them the route is 404. */
  metrics?: { username: string; password: string };
}

/** Request bodies above this are refused with 413 (a meeting with 2000 invitees fits). */
export const BODY_LIMIT_BYTES = 256 * 1024;
export const DEFAULT_PORT = 8444;
export const DEFAULT_SCOPE = 'Meetings.ReadWrite';
export const DEFAULT_ADMIN_ROLE = 'SecureJoin.Admin';
