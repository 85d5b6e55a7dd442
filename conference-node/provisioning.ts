/**
 * SecureJoin's provisioning API (what the Outlook add-in calls), under `/api/securejoin/v1/`:
 *
 * - `PUT /rooms/<alias>`: create or replace a room from a RoomSpec (core/room `parseRoomSpec`);
 *   201 created / 200 replaced with the stored spec; 400 `{error:'invalid_room', errors:[{path,message}]}`.
 *   Replacing keeps participants, roster usage and attempt counts.
 * - `GET /rooms/<alias>`: the stored spec; `GET /rooms/<alias>/status`: who is in, roster usage,
 *   whether the room is blocked; `GET /rooms`: the aliases; `DELETE /rooms/<alias>`: 204, everyone disconnected.
 * - `GET|POST /clock` (only on nodes started with `testClock: true`): read, set (`{set: epochMs}`)
 *   or advance (`{advanceMs}`) the node's clock.
 *
 * Every route needs `Authorization: Bearer <token>` (401 otherwise). CORS is open to the
 * configured origins because the add-in runs on another origin; the bearer token, not cookies,
 * is the credential, so no `Access-Control-Allow-Credentials`.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { AttemptLedger } from '../core/attempts';
import { parseRoomSpec } from '../core/room';
import type { RoomSpec } from '../core/room';
import { hasBearerToken } from './http/auth';
import { readJsonBody, sendEmpty, sendJson } from './http/io';
import { deleteRoom } from './rooms';
import type { NodeContext } from './rooms';
import { roomKey } from './state';

/** Controls for the test clock; null on nodes without one. */
export interface TestClockControl {
  set(now: number): void;
  advance(ms: number): void;
}

/** Provisioning settings of a node. */
export interface ProvisioningOptions {
  bearerToken: string;
  /** Origins allowed to call from a browser; `'*'` for any (default). */
  corsOrigins: readonly string[] | '*';
  testClock: TestClockControl | null;
}

/** CORS headers for `origin`, or none when it is not allowed. */
function corsHeaders(opts: ProvisioningOptions, origin: string | undefined): Record<string, string> {
  if (!origin) return {};
  const allowed = opts.corsOrigins === '*' || opts.corsOrigins.includes(origin);
  if (!allowed) return {};
  return {
    'access-control-allow-origin': opts.corsOrigins === '*' ? '*' : origin,
    'access-control-allow-headers': 'authorization, content-type',
    'access-control-allow-methods': 'GET, PUT, POST, DELETE, OPTIONS',
    'access-control-max-age': '600',
    vary: 'Origin',
  };
}

/** The room's live state for `GET /rooms/<alias>/status`. */
function roomStatus(ctx: NodeContext, key: string): Record<string, unknown> | null {
  const room = ctx.state.rooms.get(key);
  if (!room) return null;
  const ledger = new AttemptLedger(ctx.limits, ctx.now, ctx.state.ledger);
  return {
    alias: room.spec.alias,
    roomBlocked: ledger.isRoomBlocked(room.spec.alias),
    rosterUsage: room.rosterUsage,
    participants: [...room.participants.values()].map((p) => ({
      uuid: p.uuid, displayName: p.displayName, role: p.role, serviceType: p.serviceType, credential: p.credential, joinedAt: p.joinedAt,
    })),
  };
}

/** Handles `/api/securejoin/v1/<rest...>`. */
export async function handleProvisioning(ctx: NodeContext, opts: ProvisioningOptions, req: IncomingMessage, res: ServerResponse, rest: string[]): Promise<void> {
  const cors = corsHeaders(opts, req.headers.origin);
  const method = req.method ?? 'GET';
  if (method === 'OPTIONS') return sendEmpty(res, 204, cors);
  const json = (status: number, body: unknown): void => sendJson(res, status, body, cors);
  if (!hasBearerToken(req, opts.bearerToken)) {
    return sendJson(res, 401, { error: 'unauthorized', message: 'send Authorization: Bearer <token>' }, { ...cors, 'www-authenticate': 'Bearer' });
  }

  const [first, alias, sub, ...extra] = rest;
  if (first === 'clock' && rest.length === 1 && opts.testClock) return clockRoute(ctx, opts.testClock, req, method, json);
  if (first !== 'rooms' || extra.length > 0) return json(404, { error: 'not_found' });
  if (alias === undefined || alias === '') {
    if (method !== 'GET') return json(405, { error: 'method_not_allowed' });
    return json(200, { rooms: [...ctx.state.rooms.values()].map((r) => r.spec.alias) });
  }
  const key = roomKey(alias);
  if (sub === 'status' && method === 'GET') {
    const status = roomStatus(ctx, key);
    return status ? json(200, status) : json(404, { error: 'not_found' });
  }
  if (sub !== undefined) return json(404, { error: 'not_found' });

  if (method === 'GET') {
    const room = ctx.state.rooms.get(key);
    return room ? json(200, room.spec) : json(404, { error: 'not_found' });
  }
  if (method === 'DELETE') return deleteRoom(ctx, key) ? sendEmpty(res, 204, cors) : json(404, { error: 'not_found' });
  if (method === 'PUT') {
    const body = await readJsonBody(req);
    if (!body.ok) return json(body.status, { error: 'bad_body', message: body.message });
    const parsed = parseRoomSpec(body.value, alias);
    if (!parsed.ok) return json(400, { error: 'invalid_room', errors: parsed.errors });
    const created = putRoom(ctx, key, parsed.value);
    return json(created ? 201 : 200, parsed.value);
  }
  return json(405, { error: 'method_not_allowed' });
}

/** Stores a room; true when it is new. A replaced room keeps its participants and usage. */
function putRoom(ctx: NodeContext, key: string, spec: RoomSpec): boolean {
  const existing = ctx.state.rooms.get(key);
  if (existing) {
    existing.spec = spec;
    return false;
  }
  ctx.state.rooms.set(key, { spec, participants: new Map(), rosterUsage: {} });
  return true;
}

async function clockRoute(ctx: NodeContext, clock: TestClockControl, req: IncomingMessage, method: string, json: (s: number, b: unknown) => void): Promise<void> {
  if (method === 'GET') return json(200, { now: ctx.now() });
  if (method !== 'POST') return json(405, { error: 'method_not_allowed' });
  const body = await readJsonBody(req, 1024);
  if (!body.ok) return json(body.status, { error: 'bad_body', message: body.message });
  const v = (body.value ?? {}) as Record<string, unknown>;
  const keys = Object.keys(v);
  if (keys.length === 1 && Number.isSafeInteger(v.set) && (v.set as number) >= 0) clock.set(v.set as number);
  else if (keys.length === 1 && Number.isSafeInteger(v.advanceMs) && (v.advanceMs as number) >= 0) clock.advance(v.advanceMs as number);
  else return json(400, { error: 'bad_body', message: 'send {"set": epochMs} or {"advanceMs": ms >= 0}' });
  return json(200, { now: ctx.now() });
}
