/**
 * The meeting service as development and the tests run it on this machine: the local token
 * issuer (its own key pair; the add-in server serves its token endpoint to the playground), the
 * service on loopback with the embedded PGlite database (or in memory), validating tokens against
 * the issuer's JWKS exactly as it would Entra ID's, and answering Infinity's External Policy API
 * with credentials made fresh for each start (the local reference node asks it, as an Infinity
 * policy profile would), and taking the node's Event sink events (the attendance record), also
 * with fresh credentials. Plus the policy's `meetingService` entry that names it. Used by
 * `npm start` (scripts/start.ts), the add-in's tests and the e2e journeys. Like a real deployment
 * (`securejoin service --admin-policy`), the service checks every write against the admin policy
 * the add-in reads (by default examples/policy.json) and mints aliases at its lengths.
 */
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parsePolicyJson } from '../core/policy';
import type { Policy } from '../core/policy';
import { createDevIssuer, startMeetingService } from '../service';
import type { DevIssuer, MeetingService, MeetingServiceOptions } from '../service';
import type { MeetingServicePolicy } from '../core/policy';
import { LOCAL_AUDIENCES, LOCAL_AUTH, LOCAL_SCOPES } from '../service/auth/localAuth';

/** The local issuer's settings: an Entra-like tenant id, the service's audience and scope (service/auth/localAuth.ts). */
export { LOCAL_AUTH };

/** A fresh local issuer (new key pair each time). */
export function createLocalIssuer(): Promise<DevIssuer> {
  return createDevIssuer({ issuer: LOCAL_AUTH.issuer, audience: LOCAL_AUTH.audience, tenant: LOCAL_AUTH.tenant, scope: LOCAL_AUTH.scope });
}

/**
 * Serves `issuer`'s JWKS on plain http on loopback (port 0): for a service that cannot trust the
 * add-in server's development certificate (npm start), and for tests without an add-in server.
 */
export async function serveJwks(issuer: DevIssuer): Promise<{ url: string; close(): Promise<void> }> {
  const server = createServer((req, res) => {
    if (req.method === 'GET' && req.url === '/dev-issuer/jwks.json') {
      res.writeHead(200, { 'content-type': 'application/json' });
      return void res.end(JSON.stringify(issuer.jwks()));
    }
    res.writeHead(404).end();
  });
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/dev-issuer/jwks.json`,
    close: () => new Promise<void>((ok) => server.close(() => ok())),
  };
}

/** HTTP Basic credentials of the policy API (an Infinity policy profile's username and password). */
export interface PolicyCredentials {
  username: string;
  password: string;
}

/** Fresh policy API credentials: a fixed username and 32 random bytes (base64url) as password. */
export function generatePolicyCredentials(): PolicyCredentials {
  return { username: 'securejoin-node', password: randomBytes(32).toString('base64url') };
}

/** Options of {@link startLocalMeetingService}. */
export interface LocalMeetingServiceOptions {
  /** Where the service fetches the issuer's keys. */
  jwksUrl: string;
  /** Browser origins allowed to call it (the add-in server's). */
  allowOrigins: string[];
  /** The policy API's credentials; without them the policy routes are off (404). */
  policy?: PolicyCredentials;
  /** The Event sink's credentials (`POST /eventsink/v1`, the attendance record); without them it is off (404). */
  eventSink?: PolicyCredentials;
  /** PGlite's folder; null (default) keeps the database in memory. */
  dataDir?: string | null;
  /** A PostgreSQL server instead of PGlite (the e2e tests: a fresh database starts in a fraction of PGlite's time), with the key sealing its codes. */
  postgres?: { url: string; codesKey: string };
  /** The clock the service opens meetings by (tests); default the real one. */
  clock?: MeetingServiceOptions['clock'];
  /** Default 0 (any free port). */
  port?: number;
  tls?: { key: string; cert: string };
  /** Default 'silent'. */
  logLevel?: MeetingServiceOptions['logLevel'];
  /** The admin policy every write is checked against; default the example (examples/policy.json), which the add-in serves. */
  adminPolicy?: Policy;
}

/** The repository's example policy (what the add-in server serves when given none: dev/addin-server/server.ts). */
const EXAMPLE_POLICY_PATH = join(dirname(fileURLToPath(import.meta.url)), '..', 'examples', 'policy.json');

/** examples/policy.json, parsed with core's schema (the add-in server serves it unless told otherwise). */
export function examplePolicy(): Policy {
  const parsed = parsePolicyJson(readFileSync(EXAMPLE_POLICY_PATH, 'utf8'));
  if (!parsed.ok) throw new Error(`examples/policy.json is not a valid policy: ${parsed.errors.map((e) => `${e.path}: ${e.message}`).join('; ')}`);
  return parsed.value;
}

/** Starts the meeting service against the local issuer. */
export function startLocalMeetingService(opts: LocalMeetingServiceOptions): Promise<MeetingService> {
  return startMeetingService({
    port: opts.port ?? 0,
    host: '127.0.0.1',
    dataDir: opts.dataDir ?? null,
    ...(opts.postgres ? { databaseUrl: opts.postgres.url, codesKey: opts.postgres.codesKey } : {}),
    // NAA's tokens (the API's audience and scope) and Office SSO's (the add-in app's), as a deployment lists both.
    auth: { issuer: LOCAL_AUTH.issuer, audience: LOCAL_AUDIENCES, jwksUrl: opts.jwksUrl, tenant: LOCAL_AUTH.tenant, scope: LOCAL_SCOPES },
    allowOrigins: opts.allowOrigins,
    adminPolicy: opts.adminPolicy ?? examplePolicy(),
    adminPolicySource: opts.adminPolicy ? 'given' : EXAMPLE_POLICY_PATH,
    ...(opts.policy ? { policy: opts.policy } : {}),
    ...(opts.eventSink ? { eventSink: opts.eventSink } : {}),
    ...(opts.clock ? { clock: opts.clock } : {}),
    ...(opts.tls ? { tls: opts.tls } : {}),
    logLevel: opts.logLevel ?? 'silent',
  });
}

/** The policy's `meetingService` for a local service at `serviceUrl`, signed in through `addinUrl`'s issuer. */
export function localServicePolicy(serviceUrl: string, addinUrl: string): MeetingServicePolicy {
  return { url: serviceUrl, clientId: LOCAL_AUTH.clientId, authority: `${addinUrl}/dev-issuer`, scope: `${LOCAL_AUTH.audience}/${LOCAL_AUTH.scope}` };
}

/**
 * `policyText` (default: the example) with `node` as its only conference node and the local
 * meeting service, as JSON text for the add-in server.
 */
export function policyWithLocalService(policyText: string, nodeOrigin: string, service: MeetingServicePolicy, nodeName = 'Local reference node'): string {
  const policy = JSON.parse(policyText) as Record<string, unknown>;
  policy.nodes = [{ name: nodeName, origin: nodeOrigin, webAppPath: 'webapp3' }];
  policy.meetingService = service;
  return JSON.stringify(policy, null, 2);
}

/** What `npm start` runs beside the add-in server: the meeting service and what it needs. */
export interface LocalMeetingStack {
  service: MeetingService;
  /** The credentials the service's policy API takes (give them to the node). */
  policy: PolicyCredentials;
  /** The credentials its Event sink takes (give them to the node, with {@link eventSinkUrl}). */
  eventSink: PolicyCredentials;
  /** Where the node sends its events: the service's `/eventsink/v1`. */
  eventSinkUrl: string;
  /** The policy entry naming the service. */
  servicePolicy: MeetingServicePolicy;
  close(): Promise<void>;
}

/**
 * Starts the meeting service for `npm start` and the e2e tests: PGlite in `dataDir`, tokens from `issuer` (whose
 * token endpoint the add-in server at `addinUrl` serves), its policy API on with fresh credentials. The service
 * reads the issuer's keys from a loopback http server of its own, since it does not trust the
 * add-in server's development certificate.
 */
export async function startLocalMeetingStack(opts: {
  issuer: DevIssuer;
  addinUrl: string;
  /** PGlite's folder; null keeps the database in memory (tests). */
  dataDir: string | null;
  /** A PostgreSQL server instead of PGlite (see LocalMeetingServiceOptions). */
  postgres?: LocalMeetingServiceOptions['postgres'];
  /** The clock the service opens meetings by (tests); default the real one. */
  clock?: MeetingServiceOptions['clock'];
  /** 0 picks a free port. */
  port: number;
  tls?: { key: string; cert: string };
}): Promise<LocalMeetingStack> {
  const jwks = await serveJwks(opts.issuer);
  try {
    const policy = generatePolicyCredentials();
    const eventSink = { ...generatePolicyCredentials(), username: 'securejoin-events' };
    const service = await startLocalMeetingService({ jwksUrl: jwks.url, allowOrigins: [opts.addinUrl], policy, eventSink, ...(opts.clock ? { clock: opts.clock } : {}), ...(opts.postgres ? { postgres: opts.postgres } : {}), dataDir: opts.dataDir, port: opts.port, ...(opts.tls ? { tls: opts.tls } : {}) });
    return {
      service,
      policy,
      eventSink,
      eventSinkUrl: `${service.url}/eventsink/v1`,
      servicePolicy: localServicePolicy(service.url, opts.addinUrl),
      close: async () => {
        await service.close();
        await jwks.close();
      },
    };
  } catch (error) {
    await jwks.close();
    throw error;
  }
}
