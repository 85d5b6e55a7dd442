/**
 * The Pexip client REST API subset the join page and the SDKs use:
 * `request_token`, `refresh_token`, `release_token`, `participants`, `events`, `theme/`.
 * Parsing and writing only; admission is decided by core/room `decideTokenRequest`.
 * Media endpoints (`calls`, `ack`, ...) are not implemented: clients join control-only.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { clientKeyOf, decideTokenRequest, hostsPresent, invalidTokenBody, notFoundBody, tokenBody } from '../core/room';
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
  const key = roomKey(alias);
  const endpoint = rest.filter((s) => s !== '').join('/');
  const method = req.method ?? 'GET';
  if (endpoint === 'request_token' && method === 'POST') return requestToken(ctx, req, res, key);

  // Everything else needs a valid token for this room.
  const auth = authenticate(ctx, req, url, key);
  if (!auth) return sendJson(res, 403, invalidTokenBody());
  const { room, participant } = auth;

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

async function requestToken(ctx: NodeContext, req: IncomingMessage, res: ServerResponse, key: string): Promise<void> {
  const body = await readJsonBody(req);
  if (!body.ok) return sendJson(res, body.status, failed(body.message));
  const value = (body.value ?? {}) as Record<string, unknown>;
  const displayName = typeof value.display_name === 'string' ? value.display_name.trim() : '';
  if (!displayName || displayName.length > MAX_DISPLAY_NAME) {
    return sendJson(res, 400, failed(`display_name must be 1-${MAX_DISPLAY_NAME} characters`));
  }
  const clientId = typeof value.client_id === 'string' ? value.client_id : null;
  const room = ctx.state.rooms.get(key) ?? null;
  const decision = decideTokenRequest({
    room: room?.spec ?? null,
    presence: { hostsPresent: room ? hostsPresent([...room.participants.values()]) : 0 },
    rosterUsage: room?.rosterUsage ?? {},
    request: {
      pin: singleHeader(req, 'pin'),
      displayName,
      clientKey: clientKeyOf(req.socket.remoteAddress ?? 'unknown', clientId, displayName),
    },
    now: ctx.now(),
    ledger: ctx.state.ledger,
    limits: ctx.limits,
  });
  ctx.state.ledger = decision.ledger;
  if (decision.kind === 'reject' || !room) {
    if (decision.kind !== 'reject') return sendJson(res, 404, notFoundBody());
    // Pexip's body only says "exceeded"; Retry-After tells the join page when to try again.
    const retry: Record<string, string> = decision.retryAt === undefined ? {} : { 'retry-after': String(Math.max(1, Math.ceil((decision.retryAt - ctx.now()) / 1000))) };
    return sendJson(res, decision.status, decision.body, retry);
  }
  const { participant, token } = admitParticipant(ctx, key, room, decision);
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
function authenticate(ctx: NodeContext, req: IncomingMessage, url: URL, key: string): { room: RoomRecord; participant: Participant } | null {
  const token = singleHeader(req, 'token') ?? url.searchParams.get('token');
  if (!token) return null;
  const rec = ctx.state.tokens.get(token);
  if (!rec || rec.roomKey !== key || rec.expiresAt <= ctx.now()) return null;
  const room = ctx.state.rooms.get(key);
  const participant = room?.participants.get(rec.participantUuid);
  return room && participant ? { room, participant } : null;
}
