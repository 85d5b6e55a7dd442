/**
 * A real meeting service for the add-in's tests: the local issuer (JWKS on loopback), the service
 * on PGlite in memory (port 0) with its policy API on, optionally a real reference node asking
 * that policy API as Infinity would, and the example policy naming the service. Tokens come from the issuer as the playground's would.
 */
import type { ConferenceNode } from '../../../dev/conference-node/server';
import { devObjectId } from '../../../cli/devIssuerRoutes';
import { organizerSettings } from '../../../outlook-addin/logic';
import { loadPolicy } from '../../../outlook-addin/logic/policyFile';
import type { OrganizerSettings, ProvisionFetch, TokenSource } from '../../../outlook-addin/logic';
import { createLocalIssuer, generatePolicyCredentials, localServicePolicy, serveJwks, startLocalMeetingService } from '../../../scripts/localMeetingService';
import type { DevIssuer, MeetingService } from '../../../service';
import { startNode } from '../../dev/conference-node/support';
import { EXAMPLE_POLICY_TEXT } from '../logic/fixtures';

/** The organizer the tests act as. */
export const ORGANIZER = 'olga@example.com';

export interface TestStack {
  issuer: DevIssuer;
  service: MeetingService;
  node: ConferenceNode | null;
  /** The example policy naming this service, as text and as organizer settings. */
  policyText: string;
  settings: OrganizerSettings;
  /** A token source for `user` (default ORGANIZER), signing with the local issuer. */
  tokens(user?: string): TokenSource;
  /** The platform's fetch. */
  fetch: ProvisionFetch;
  /** The room the service stores for the meeting with web alias `alias` (organizer `user`'s list), or null. */
  storedRoom(alias: string, user?: string): Promise<Record<string, any> | null>;
  close(): Promise<void>;
}

/** Starts the issuer, the service (and a reference node asking its policy API, unless `node: false`). */
export async function startTestStack(opts: { node?: boolean; testClock?: boolean } = {}): Promise<TestStack> {
  const issuer = await createLocalIssuer();
  const jwks = await serveJwks(issuer);
  const credentials = generatePolicyCredentials();
  const service = await startLocalMeetingService({ jwksUrl: jwks.url, allowOrigins: [], policy: credentials });
  const node = opts.node === false ? null : await startNode({ testClock: opts.testClock ?? false, policy: { url: service.url, ...credentials } });
  const policy = JSON.parse(EXAMPLE_POLICY_TEXT) as Record<string, unknown>;
  policy.meetingService = localServicePolicy(service.url, 'http://127.0.0.1:1');
  const policyText = JSON.stringify(policy);
  const loaded = loadPolicy(policyText);
  if (loaded.errors.length) throw new Error(`test policy invalid: ${JSON.stringify(loaded.errors)}`);
  return {
    issuer,
    service,
    node,
    policyText,
    settings: organizerSettings(loaded.policy, null),
    tokens: (user = ORGANIZER) => ({ token: () => issuer.sign({ oid: devObjectId(user), preferred_username: user }) }),
    fetch: (url, init) => fetch(url, init),
    async storedRoom(alias, user = ORGANIZER) {
      const token = await issuer.sign({ oid: devObjectId(user), preferred_username: user });
      const res = await fetch(`${service.url}/api/v1/meetings`, { headers: { authorization: `Bearer ${token}` } });
      if (res.status !== 200) throw new Error(`listing meetings: HTTP ${res.status}`);
      const { meetings } = (await res.json()) as { meetings: Array<{ room: Record<string, any> }> };
      return meetings.find((m) => String(m.room.alias).toLowerCase() === alias.toLowerCase())?.room ?? null;
    },
    async close() {
      await service.close();
      await jwks.close();
      await node?.close();
    },
  };
}
