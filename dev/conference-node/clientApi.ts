/**
 * The Pexip client REST API subset the join page and the SDKs use:
 * `request_token`, `refresh_token`, `release_token`, `participants`, `events`, `theme/`.
 * Parsing and writing only; admission is decided by ./decisions `decideTokenRequest`, with the
 * conference the policy server answered for the alias (as Infinity asks its policy profile), else
 * the node's local room of that alias.
 * Media endpoints (`calls`, `ack`, ...) are not implemented: clients join control-only.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { randomUUID } from 'node:crypto';
import { clientKeyOf, decideTokenRequest, hostsPresent, invalidTokenBody, NODE_VERSION, notFoundBody, participantPropertiesQuery, policyConferenceKey, roomSpecOfPolicyConference, serviceConfigurationQuery, tokenBody } from './decisions';
import type { RoomSpec } from '../../core/roomSpec';
import type { PolicyConference, WebJoinCaller } from './decisions';
import { participantJson } from './events';
import { readJsonBody, sendEmpty, sendJson, singleHeader } from './http/io';
import { admitParticipant, conferenceState, issueToken, removeParticipant, sweepExpired } from './rooms';
import type { NodeContext } from './rooms';
import { roomKey } from './state';
import type { Participant, RoomRecord } from './state';

/** Longest display name accepted (Pexip truncates long names; we refuse them). */
const MAX_DISPLAY_NAME = 100;

const failed = (result: string) => ({ status: 'failed', result });

/**
 * Handles `/api/client/v2/conferences/<alias>/<rest...>`.
 * @param alias percent-decoded alias from the path.
 * @param rest remaining path segments, e.g. `['request_token']`.
 */
export async function handleClientApi(ctx: NodeContext, req: IncomingMessage, res: ServerResponse, url: URL, alias: string, rest: string[]): Promise<void> {
  sweepExpired(ctx);
  const endpoint = rest.filter((s) => s !== '').join('/');
  const method = req.method ?? 'GET';
  if (endpoint === 'request_token' && method === 'POST') return requestToken(ctx, req, res, alias);

  // Everything else needs a valid token issued on this alias.
  const auth = authenticate(ctx, req, url, roomKey(alias));
  if (!auth) return sendJson(res, 403, invalidTokenBody());
  const { room, participant, key } = auth;

  if (endpoint === 'refresh_token' && method === 'POST') {
    const token = issueToken(ctx, key, participant);
    return sendJson(res, 200, {
      status: 'success',
      result: { token, expires: String(ctx.tokenSeconds), role: participant.role === 'host' ? 'HOST' : 'GUEST' },
    });
  }
  if (endpoint === 'release_token' && method === 'POST') {
    await readJsonBody(req); // the reason is informative only
    removeParticipant(ctx, key, participant.uuid);
    return sendJson(res, 200, { status: 'success', result: true });
  }
  if (endpoint === 'participants' && method === 'GET') {
    return sendJson(res, 200, { status: 'success', result: [...room.participants.values()].map(participantJson) });
  }
  if (endpoint === 'conference_status' && method === 'GET') {
    return sendJson(res, 200, { status: 'success', result: conferenceState(room) });
  }
  if (endpoint === 'events' && method === 'GET') {
    ctx.hub.open(key, participant.uuid, res, [...room.participants.values()], conferenceState(room));
    return;
  }
  if (endpoint === 'theme' && method === 'GET') return sendEmpty(res, 204);
  return sendJson(res, 404, failed('404 Not Found'));
}

/** Where a request_token lands: the policy server's conference, else a local room, else nowhere. */
interface Target {
  key: string;
  spec: RoomSpec;
  conference: PolicyConference | null;
}

/** Asks the policy server for `caller.alias`; its conference, else the local room, else null (404). */
async function resolveTarget(ctx: NodeContext, caller: WebJoinCaller): Promise<Target | null> {
  if (ctx.policy) {
    const answer = await ctx.policy.serviceConfiguration(serviceConfigurationQuery(caller));
    if (answer.kind === 'conference') {
      const conference = answer.conference;
      return { key: policyConferenceKey(conference.name), spec: roomSpecOfPolicyConference(conference), conference };
    }
  }
  const key = roomKey(caller.alias);
  const local = ctx.state.rooms.get(key);
  return local && !local.fromPolicy ? { key, spec: local.spec, conference: null } : null;
}

async function requestToken(ctx: NodeContext, req: IncomingMessage, res: ServerResponse, alias: string): Promise<void> {
  const body = await readJsonBody(req);
  if (!body.ok) return sendJson(res, body.status, failed(body.message));
  const value = (body.value ?? {}) as Record<string, unknown>;
  const displayName = typeof value.display_name === 'string' ? value.display_name.trim() : '';
  if (!displayName || displayName.length > MAX_DISPLAY_NAME) {
    return sendJson(res, 400, failed(`display_name must be 1-${MAX_DISPLAY_NAME} characters`));
  }
  const clientId = typeof value.client_id === 'string' ? value.client_id : null;
  const caller: WebJoinCaller = {
    alias,
    displayName,
    remoteAddress: req.socket.remoteAddress ?? 'unknown',
    remotePort: req.socket.remotePort ?? 0,
    nodeIp: req.socket.localAddress ?? '127.0.0.1',
    location: 'SecureJoin reference node',
    versionId: NODE_VERSION.version_id,
  };
  const target = await resolveTarget(ctx, caller);
  if (!target) return sendJson(res, 404, notFoundBody());
  // Decide and record synchronously from here on (the ledger may have changed while we asked).
  const decide = () => {
    const room = ctx.state.rooms.get(target.key) ?? null;
    const decision = decideTokenRequest({
      room: target.spec,
      presence: { hostsPresent: room ? hostsPresent([...room.participants.values()]) : 0 },
      rosterUsage: room?.rosterUsage ?? {},
      request: { pin: singleHeader(req, 'pin'), displayName, clientKey: clientKeyOf(caller.remoteAddress, clientId, displayName) },
      now: ctx.now(),
      ledger: ctx.state.ledger,
      limits: ctx.limits,
      ledgerKey: target.conference ? target.key : undefined,
    });
    ctx.state.ledger = decision.ledger;
    return decision;
  };
  const decision = decide();
  if (decision.kind === 'reject') {
    // Pexip's body only says "exceeded"; Retry-After tells the join page when to try again.
    const retry: Record<string, string> = decision.retryAt === undefined ? {} : { 'retry-after': String(Math.max(1, Math.ceil((decision.retryAt - ctx.now()) / 1000))) };
    return sendJson(res, decision.status, decision.body, retry);
  }

  const uuid = randomUUID();
  let name = decision.displayName;
  if (target.conference && ctx.policy) {
    // Infinity asks participant properties per participant; the answer's name is the one others see.
    const props = await ctx.policy.participantProperties(participantPropertiesQuery(caller, target.conference, { participantUuid: uuid, callUuid: uuid }));
    if (props.kind === 'reject') return sendJson(res, 403, failed('Participant rejected by policy'));
    if (props.kind === 'name') name = props.displayName;
  }
  let room = ctx.state.rooms.get(target.key);
  if (!room) {
    if (!target.conference) return sendJson(res, 404, notFoundBody()); // the local room went away meanwhile
    room = { spec: target.spec, fromPolicy: true, participants: new Map(), rosterUsage: {} };
    ctx.state.rooms.set(target.key, room);
  }
  const { participant, token } = admitParticipant(ctx, target.key, room, { ...decision, displayName: name }, alias, uuid);
  return sendJson(res, 200, tokenBody({
    token,
    expiresSeconds: ctx.tokenSeconds,
    participantUuid: participant.uuid,
    displayName: participant.displayName,
    role: participant.role,
    serviceType: participant.serviceType,
    conferenceName: room.spec.name,
  }));
}

/** The room and participant behind the request's token (`token` header, else `?token=`), or null. */
function authenticate(ctx: NodeContext, req: IncomingMessage, url: URL, aliasKey: string): { room: RoomRecord; participant: Participant; key: string } | null {
  const token = singleHeader(req, 'token') ?? url.searchParams.get('token');
  if (!token) return null;
  const rec = ctx.state.tokens.get(token);
  if (!rec || rec.aliasKey !== aliasKey || rec.expiresAt <= ctx.now()) return null;
  const room = ctx.state.rooms.get(rec.roomKey);
  const participant = room?.participants.get(rec.participantUuid);
  return room && participant ? { room, participant, key: rec.roomKey } : null;
}
