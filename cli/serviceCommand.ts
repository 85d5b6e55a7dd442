/**
 * `securejoin service`: runs the meeting service until SIGTERM/SIGINT, then stops gracefully
 * (in-flight requests finish, the database closes). Flags win over environment variables.
 */
import { join } from 'node:path';
import { startMeetingService } from '../service';
import type { MeetingServiceOptions } from '../service';
import { DEFAULT_DATA_DIR } from '../service/db/open';
import { DEFAULT_ADMIN_ROLE, DEFAULT_PORT, DEFAULT_SCOPE } from '../service/options';
import { DEFAULT_DRAFT_SWEEP_EVERY_MS, DEFAULT_DRAFT_TTL_MS, DRAFT_SWEEP_EVERY_RANGE, DRAFT_TTL_RANGE, formatDuration } from '../core/meeting/drafts';
import { DEFAULT_GUESS_LIMITS, GUESS_LIMIT_RANGE, GUESS_WINDOW_RANGE } from '../service/store/guesses';
import { durationOption, intOption, listOption, parseOptions } from './args';
import { loadPolicy } from './policyCommand';
import { EXIT, UsageError } from './errors';
import type { CliIo } from './io';
import { readText } from './io';
import { SERVE_FLAGS, SERVE_HELP, credentialPair, serveOptions } from './serveOptions';
import { attendanceCommand } from './attendanceCommand';
import { sweepDraftsCommand } from './sweepDraftsCommand';

export const SERVICE_HELP = `Usage: securejoin service [options]

Runs the meeting service: SecureJoin's server of record for meetings and their codes, for
signed-in organizers (API under /api/v1/meetings, /healthz, /readyz). Stops gracefully on
SIGTERM or Ctrl-C. Flags win over the environment variables named beside them.

  --port N               TCP port (PORT; default ${DEFAULT_PORT}; 0 picks a free one)
  --host H               interface (default 127.0.0.1)
  --database-url URL     PostgreSQL server (DATABASE_URL). Without it: embedded PGlite in
  --data-dir DIR         DIR/pgdata (SECUREJOIN_DATA_DIR; default ${DEFAULT_DATA_DIR})
  --codes-key KEY        32 random bytes, base64, sealing the codes at rest (SECUREJOIN_CODES_KEY;
                         prefer the variable: flags show in process lists). Required with a
                         database server; with PGlite one is created in DIR/codes.key.
Sign-in (tokens are checked with the issuer's keys: signature, iss, aud, exp, tid, scp):
  --issuer URL           token issuer, e.g. https://login.microsoftonline.com/<tenant>/v2.0 (SECUREJOIN_ISSUER)
  --audience A[,B]       audiences tokens may carry, any one suffices (SECUREJOIN_AUDIENCE): the
                         API's application id URI, and for classic Outlook's Office single sign-on
                         the add-in app's client id (v2 tokens) or api://<add-in host>/<client id> (v1)
  --jwks-url URL         the issuer's signing keys (SECUREJOIN_JWKS_URL); https (http only on loopback)
  --tenant ID            the tenant id tokens must carry as tid (SECUREJOIN_TENANT)
  --scope S[,S2]         scopes of which tokens must grant one (SECUREJOIN_SCOPE; default
                         ${DEFAULT_SCOPE}); add the one the add-in app exposes to Office, e.g. access_as_user
  --admin-role R         role that may list and revoke any meeting (default ${DEFAULT_ADMIN_ROLE})
  --allow-origin ORIGIN  browser origin allowed to call (the add-in's); repeatable
Admin policy (the same file the add-in reads; every meeting write is checked against it: locked
values, minimum PIN lengths, passcode mode, the longest activation window):
  --admin-policy FILE    the policy file (SECUREJOIN_ADMIN_POLICY); an invalid one stops the start
                         with its problems listed. Without it the built-in defaults apply.
Pexip Infinity External Policy API (GET /policy/v1/service/configuration and
/policy/v1/participant/properties, HTTP Basic; without both values the routes answer 404):
  --policy-username U    the policy profile's username (SECUREJOIN_POLICY_USERNAME)
  --policy-password P    its password (SECUREJOIN_POLICY_PASSWORD; prefer the variable)
  --guess-limit N        failed look-ups (unknown, closed or deleted alias) per caller address per
                         window that shut the address out for a window, a right alias included
                         (SECUREJOIN_GUESS_LIMIT; default ${DEFAULT_GUESS_LIMITS.limit}; ${GUESS_LIMIT_RANGE.min} to ${GUESS_LIMIT_RANGE.max})
  --guess-window D       the counting window and shut-out (SECUREJOIN_GUESS_WINDOW; default
                         ${formatDuration(DEFAULT_GUESS_LIMITS.windowMs)}; ${formatDuration(GUESS_WINDOW_RANGE.min)} to ${formatDuration(GUESS_WINDOW_RANGE.max)})
Pexip Infinity Event sink (POST /eventsink/v1, HTTP Basic; the attendance record; without both
values the route answers 404):
  --eventsink-username U the event sink's username in Infinity (SECUREJOIN_EVENTSINK_USERNAME)
  --eventsink-password P its password (SECUREJOIN_EVENTSINK_PASSWORD; prefer the variable)
Drafts (a meeting registered at insert and never sent opens nothing; abandoned ones are removed
with their aliases, an audit row each; "Name (n)" numbers go a day after their occurrence):
  --draft-ttl D          remove unsent drafts D after their last write (SECUREJOIN_DRAFT_TTL;
                         default ${formatDuration(DEFAULT_DRAFT_TTL_MS)}; ${formatDuration(DRAFT_TTL_RANGE.min)} to ${formatDuration(DRAFT_TTL_RANGE.max)}; D like 90m, 24h, 2d)
  --draft-sweep-every D  how often to look (SECUREJOIN_DRAFT_SWEEP_EVERY; default ${formatDuration(DEFAULT_DRAFT_SWEEP_EVERY_MS)};
                         ${formatDuration(DRAFT_SWEEP_EVERY_RANGE.min)} to ${formatDuration(DRAFT_SWEEP_EVERY_RANGE.max)}). Replicas may all sweep: each draft goes once.
Other:
  --tls-dir DIR          serve HTTPS with DIR/cert.pem and DIR/key.pem
  --log-level L          fatal, error, warn, info (default), debug, trace or silent
${SERVE_HELP}
  securejoin service sweep-drafts [--database-url URL | --data-dir DIR] [--draft-ttl D]
                         sweep once now and print each removed draft (id, organizer, last
                         write; never a code or alias), beside running services or not.
  securejoin service attendance MEETING_ID [--csv] [--database-url URL | --data-dir DIR]
                         print a meeting's attendance record (see its --help).
`;

const FLAGS = {
  port: { type: 'string' },
  host: { type: 'string' },
  'database-url': { type: 'string' },
  'data-dir': { type: 'string' },
  'codes-key': { type: 'string' },
  issuer: { type: 'string' },
  audience: { type: 'string' },
  'jwks-url': { type: 'string' },
  tenant: { type: 'string' },
  scope: { type: 'string' },
  'admin-role': { type: 'string' },
  'allow-origin': { type: 'string', multiple: true },
  'policy-username': { type: 'string' },
  'policy-password': { type: 'string' },
  'eventsink-username': { type: 'string' },
  'eventsink-password': { type: 'string' },
  'admin-policy': { type: 'string' },
  'guess-limit': { type: 'string' },
  'guess-window': { type: 'string' },
  'tls-dir': { type: 'string' },
  'log-level': { type: 'string' },
  'draft-ttl': { type: 'string' },
  'draft-sweep-every': { type: 'string' },
  help: { type: 'boolean', short: 'h' },
  ...SERVE_FLAGS,
} as const;

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;

/** Loopback hosts, where plain http cannot be read or changed on the way (tests, a laptop). */
function isLoopback(hostname: string): boolean {
  const host = hostname.replace(/^\[|\]$/g, '').toLowerCase();
  return host === 'localhost' || host === '::1' || /^127(?:\.[0-9]{1,3}){3}$/.test(host);
}

/**
 * An https URL, or http on loopback only: the signing keys decide who is an organizer, so they
 * must not travel where anyone on the way could swap them.
 */
function keysUrl(value: string, name: string): string {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new UsageError(`${name} must be a URL, got "${value}"`, 'service');
  }
  if (url.protocol === 'https:') return value;
  if (url.protocol === 'http:' && isLoopback(url.hostname)) return value;
  throw new UsageError(`${name} must be an https URL (plain http only to loopback, for development), got "${url.protocol}//${url.host}"`, 'service');
}

/** One entry as a string (as before lists were accepted), several as the list. */
const oneOrList = (entries: string[]): string | string[] => (entries.length === 1 ? (entries[0] as string) : entries);

/** The service's options from the command line and environment. @throws UsageError naming the flag. */
export function serviceOptions(args: string[], env: Record<string, string | undefined>, cwd = process.cwd()): MeetingServiceOptions | 'help' {
  const { values, positionals } = parseOptions(args, FLAGS, 'service');
  if (values.help) return 'help';
  if (positionals.length > 0) throw new UsageError(`unexpected argument "${positionals[0]}"`, 'service');
  const need = (flag: keyof typeof values, envName: string): string => {
    const value = (values[flag] as string | undefined) ?? env[envName];
    if (!value) throw new UsageError(`--${flag} (or ${envName}) is required`, 'service');
    return value;
  };
  const logLevel = values['log-level'] ?? 'info';
  if (!(LOG_LEVELS as readonly string[]).includes(logLevel)) throw new UsageError(`--log-level must be one of ${LOG_LEVELS.join(', ')}`, 'service');
  const port = intOption(values.port ?? env.PORT, '--port', 0, 65535, 'service') ?? DEFAULT_PORT;
  const databaseUrl = values['database-url'] ?? env.DATABASE_URL;
  const codesKey = values['codes-key'] ?? env.SECUREJOIN_CODES_KEY;
  const policyUsername = values['policy-username'] ?? env.SECUREJOIN_POLICY_USERNAME;
  const policyPassword = values['policy-password'] ?? env.SECUREJOIN_POLICY_PASSWORD;
  if (Boolean(policyUsername) !== Boolean(policyPassword)) {
    throw new UsageError('--policy-username and --policy-password (or SECUREJOIN_POLICY_USERNAME/PASSWORD) go together', 'service');
  }
  if (policyUsername?.includes(':')) throw new UsageError('--policy-username must not contain ":" (HTTP Basic separates it from the password with one)', 'service');
  const eventSink = credentialPair(values['eventsink-username'] ?? env.SECUREJOIN_EVENTSINK_USERNAME, values['eventsink-password'] ?? env.SECUREJOIN_EVENTSINK_PASSWORD, 'eventsink');
  const tlsDir = values['tls-dir'];
  const adminPolicyFile = values['admin-policy'] ?? env.SECUREJOIN_ADMIN_POLICY;
  const guessLimit = intOption(values['guess-limit'] ?? env.SECUREJOIN_GUESS_LIMIT, '--guess-limit', GUESS_LIMIT_RANGE.min, GUESS_LIMIT_RANGE.max, 'service');
  const guessWindow = values['guess-window'] ?? env.SECUREJOIN_GUESS_WINDOW;
  const draftTtl = values['draft-ttl'] ?? env.SECUREJOIN_DRAFT_TTL;
  const draftSweepEvery = values['draft-sweep-every'] ?? env.SECUREJOIN_DRAFT_SWEEP_EVERY;
  return {
    port,
    host: values.host ?? '127.0.0.1',
    ...(databaseUrl ? { databaseUrl } : { dataDir: values['data-dir'] ?? env.SECUREJOIN_DATA_DIR ?? DEFAULT_DATA_DIR }),
    ...(codesKey ? { codesKey } : {}),
    auth: {
      issuer: need('issuer', 'SECUREJOIN_ISSUER'),
      audience: oneOrList(listOption(need('audience', 'SECUREJOIN_AUDIENCE'), '--audience', 'service')),
      jwksUrl: keysUrl(need('jwks-url', 'SECUREJOIN_JWKS_URL'), '--jwks-url'),
      tenant: need('tenant', 'SECUREJOIN_TENANT'),
      scope: oneOrList(listOption(values.scope ?? env.SECUREJOIN_SCOPE ?? DEFAULT_SCOPE, '--scope', 'service')),
      adminRole: values['admin-role'] ?? DEFAULT_ADMIN_ROLE,
    },
    allowOrigins: values['allow-origin'] ?? [],
    ...(policyUsername && policyPassword ? { policy: { username: policyUsername, password: policyPassword } } : {}),
    ...(eventSink ? { eventSink } : {}),
    // Read and validated now: an invalid policy stops the start with every problem named.
    ...(adminPolicyFile ? { adminPolicy: loadPolicy({ out: () => undefined, err: () => undefined }, adminPolicyFile), adminPolicySource: adminPolicyFile } : {}),
    guessLimits: {
      ...(guessLimit !== undefined ? { limit: guessLimit } : {}),
      ...(guessWindow !== undefined ? { windowMs: durationOption(guessWindow, '--guess-window', GUESS_WINDOW_RANGE, 'service') } : {}),
    },
    ...(tlsDir ? { tls: { cert: readText(join(tlsDir, 'cert.pem'), 'certificate'), key: readText(join(tlsDir, 'key.pem'), 'key') } } : {}),
    logLevel: logLevel as MeetingServiceOptions['logLevel'],
    ...serveOptions(values, env, cwd),
    drafts: {
      ...(draftTtl !== undefined ? { ttlMs: durationOption(draftTtl, '--draft-ttl', DRAFT_TTL_RANGE, 'service') } : {}),
      ...(draftSweepEvery !== undefined ? { sweepEveryMs: durationOption(draftSweepEvery, '--draft-sweep-every', DRAFT_SWEEP_EVERY_RANGE, 'service') } : {}),
    },
  };
}

/**
 * Starts the service and returns at once (exit code 0 so far); the process then lives until a
 * signal. A failure to start is reported on stderr and sets the process's exit code to 1.
 */
export function serviceCommand(args: string[], io: CliIo, env: Record<string, string | undefined> = process.env): number {
  if (args[0] === 'sweep-drafts') return sweepDraftsCommand(args.slice(1), io, env);
  if (args[0] === 'attendance') return attendanceCommand(args.slice(1), io, env);
  const opts = serviceOptions(args, env, io.cwd);
  if (opts === 'help') {
    io.out(SERVICE_HELP);
    return EXIT.ok;
  }
  startMeetingService(opts).then(
    (service) => {
      const stop = (signal: string): void => {
        io.err(`meeting service: ${signal}, finishing requests in flight\n`);
        // A request that never ends must not keep the process forever.
        setTimeout(() => process.exit(EXIT.internal), 15_000).unref();
        service.close().then(
          () => io.err('meeting service stopped\n'),
          (error: unknown) => {
            io.err(`meeting service: stop failed: ${error instanceof Error ? error.message : String(error)}\n`);
            process.exitCode = EXIT.internal;
          },
        );
      };
      process.once('SIGTERM', () => stop('SIGTERM'));
      process.once('SIGINT', () => stop('SIGINT'));
      // Announced once a signal would stop it gracefully: a supervisor may signal at once.
      io.err(`meeting service listening on ${service.url} (${service.database === 'pglite' ? `embedded PGlite in ${opts.dataDir}` : 'PostgreSQL'})\n`);
    },
    (error: unknown) => {
      io.err(`securejoin service: cannot start: ${error instanceof Error ? error.message : String(error)}\n`);
      process.exitCode = EXIT.input;
    },
  );
  return EXIT.ok;
}
