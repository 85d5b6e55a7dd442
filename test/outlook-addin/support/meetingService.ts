/**
 * A real meeting service for the add-in's tests: the local issuer (JWKS on loopback), the service
 * on PGlite in memory (port 0), optionally syncing rooms to a real reference node, and the
 * example policy naming the service. Tokens come from the issuer as the playground's would.
 */
import type { ConferenceNode } from '../../../conference-node/server';
import { devObjectId } from '../../../outlook-addin/devIssuerRoutes';
import { loadPolicy, organizerSettings } from '../../../outlook-addin/logic';
import type { OrganizerSettings, ProvisionFetch, TokenSource } from '../../../outlook-addin/logic';
import { createLocalIssuer, localServicePolicy, serveJwks, startLocalMeetingService } from '../../../scripts/localMeetingService';
import type { DevIssuer, MeetingService } from '../../../service';
import { startNode, TOKEN } from '../../conference-node/support';
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
  close(): Promise<void>;
}

/** Starts the issuer, the service (and a reference node it syncs to, unless `node: false`). */
export async function startTestStack(opts: { node?: boolean; testClock?: boolean } = {}): Promise<TestStack> {
  const issuer = await createLocalIssuer();
  const jwks = await serveJwks(issuer);
  const node = opts.node === false ? null : await startNode({ testClock: opts.testClock ?? false });
  const service = await startLocalMeetingService({ jwksUrl: jwks.url, allowOrigins: [] });
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
    async close() {
      await service.close();
      await jwks.close();
      await node?.close();
    },
  };
}
