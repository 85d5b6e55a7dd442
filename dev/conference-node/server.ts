/**
 * The reference conference node: a loopback-only HTTP (or, with `tls`, HTTPS) server that behaves like a Pexip
 * Infinity conference node for what SecureJoin touches (client API token phase, event stream,
 * join page), asking an External Policy API server (the meeting service) what each alias is, as
 * Infinity does, with its own local rooms (the demo room) as fallback. Decisions come from ./decisions (and core/roomSpec for the room's own rules).
 */
import { createServer as createHttpServer } from 'node:http';
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import { AttemptLedger } from '../../core/attempts';
import type { AttemptLimits } from '../../core/attempts';
import { parseRoomSpec } from '../../core/roomSpec';
import { policyConferenceKey } from './decisions';
import type { RoomSpec } from '../../core/roomSpec';
import type { Clock } from '../../core/types';
import { handleClientApi } from './clientApi';
import { startEventSink } from './eventSink';
import type { EventSink, EventSinkOptions } from './eventSink';
import { EventHub } from './events';
import { sendEmpty, sendJson, sendText } from './http/io';
import { handleJoinPage } from './joinPageRoutes';
import { buildJoinPageBundle } from './joinPage/build';
import { createPolicyClient } from './policyClient';
import type { PolicyClientOptions } from './policyClient';
import { handleTestClock } from './testClock';
import type { TestClockControl } from './testClock';
import { deleteRoom } from './rooms';
import type { NodeContext } from './rooms';
import { createNodeState, roomKey } from './state';

/** Loopback interfaces the node may listen on. */
export const LOOPBACK_HOSTS = ['127.0.0.1', 'localhost', '::1'] as const;
/** One of LOOPBACK_HOSTS. */
export type LoopbackHost = (typeof LOOPBACK_HOSTS)[number];

/** How to start a node. Every field is optional. */
export interface ConferenceNodeOptions {
  /** TCP port; 0 (default) picks a free one. */
  port?: number;
  /** Interface to listen on; loopback only. Default `127.0.0.1`. */
  host?: LoopbackHost;
  /**
   * The External Policy API server to ask for every alias (the meeting service), as an Infinity
   * policy profile: origin, Basic credentials, CA for https. Without it only local rooms exist.
   */
  policy?: PolicyClientOptions;
  /** The node's clock (UTC ms). Default `Date.now`. */
  clock?: Clock;
  /** Expose `POST /api/securejoin/v1/clock` to set/advance time (tests and demos only). Default false. */
  testClock?: boolean;
  /** Join page path: pages live at `/<webappPath>/m/<alias>`. Default `webapp3`. */
  webappPath?: string;
  /** PIN attempt limits (core/attempts); default Pexip's 5 web / 3 SIP / 20 per room in 10 minutes. */
  limits?: Partial<AttemptLimits>;
  /** Client API token lifetime in seconds. Default 120 (Pexip's). */
  tokenSeconds?: number;
  /** Local rooms (RoomSpec JSON), the node's own configuration. An invalid one makes start fail. */
  rooms?: readonly unknown[];
  /**
   * An Event sink to send every conference and participant event to, as Infinity's event sinks
   * do (URL, Basic credentials, CA for https): the meeting service's `/eventsink/v1`.
   */
  eventSink?: EventSinkOptions;
  /**
   * PEM key and certificate: serve HTTPS instead of HTTP (a real node is https-only, and admin
   * policies only name https nodes; see devcert's `ensureDevCertificate` for a loopback one).
   */
  tls?: { key: string; cert: string };
}

/** A running node. */
export interface ConferenceNode {
  /** `http://127.0.0.1:<port>` (or the host it listens on; `https://` with `tls`). */
  url: string;
  /** The same node as `http(s)://localhost:<port>`: a different origin for extension tests. */
  localhostUrl: string;
  port: number;
  /** Join page URL for `alias` on `origin` (default `url`), with webapp3 query parameters. */
  joinUrl(alias: string, params?: { name?: string; pin?: string; role?: 'host' | 'guest'; join?: boolean }, origin?: string): string;
  /** Creates or replaces a local room (the node's configuration; core/roomSpec validation). @throws Error listing the issues. */
  putRoom(spec: unknown): RoomSpec;
  /** Deletes a local room; false when there was none. */
  deleteRoom(alias: string): boolean;
  /**
   * Who is in the conference the policy server calls `name` (or the local room `name` when
   * `local`), and whether wrong PINs have blocked it: what an Infinity administrator sees in the
   * management console. For tests and demos in the same process; there is no HTTP route for it.
   */
  conferenceStatus(name: string, local?: boolean): ConferenceStatus;
  /** The node's current time (UTC ms). */
  now(): number;
  /** Test clock controls, when started with `testClock: true`; else null. */
  clock: TestClockControl | null;
  /** The node's Event sink queue, when configured (`idle()` waits until it has sent everything). */
  eventSink: Pick<EventSink, 'idle'> | null;
  /** Stops listening and ends every open connection. */
  close(): Promise<void>;
}

/** A conference's live state (see `ConferenceNode.conferenceStatus`). */
export interface ConferenceStatus {
  blocked: boolean;
  /** In join order. */
  participants: Array<{ displayName: string; role: 'host' | 'guest'; serviceType: 'conference' | 'waiting_room'; alias: string }>;
}

const PATH_SEGMENT = /^[A-Za-z0-9._-]{1,64}$/;

/**
 * Starts a conference node. Resolves once it listens.
 * @throws Error for a non-loopback host, a bad `webappPath` or an invalid initial room.
 */
export async function startConferenceNode(opts: ConferenceNodeOptions = {}): Promise<ConferenceNode> {
  const host = opts.host ?? '127.0.0.1';
  if (!(LOOPBACK_HOSTS as readonly string[]).includes(host)) {
    throw new Error(`conference node: host must be loopback (${LOOPBACK_HOSTS.join(', ')}), got ${String(host)}`);
  }
  const webappPath = opts.webappPath ?? 'webapp3';
  if (!PATH_SEGMENT.test(webappPath) || webappPath === 'api') {
    throw new Error(`conference node: webappPath must be one path segment of letters, digits, . _ - (not "api"), got ${webappPath}`);
  }
  const policy = opts.policy ? createPolicyClient(opts.policy) : null;
  const baseClock = opts.clock ?? Date.now;
  let offset = 0;
  const now: Clock = () => baseClock() + offset;
  const testClock: TestClockControl | null = opts.testClock
    ? { set: (t) => { offset = t - baseClock(); }, advance: (ms) => { offset += ms; } }
    : null;

  const ctx: NodeContext = {
    state: createNodeState(),
    hub: new EventHub(),
    now,
    limits: opts.limits,
    tokenSeconds: opts.tokenSeconds ?? 120,
    policy,
    sink: null,
    nodeAddress: opts.eventSink?.nodeAddress ?? '127.0.0.1',
  };
  const putRoom = (spec: unknown): RoomSpec => {
    const parsed = parseRoomSpec(spec);
    if (!parsed.ok) throw new Error(`invalid room: ${parsed.errors.map((e) => `${e.path}: ${e.message}`).join('; ')}`);
    const key = roomKey(parsed.value.alias);
    const existing = ctx.state.rooms.get(key);
    if (existing) existing.spec = parsed.value;
    else ctx.state.rooms.set(key, { spec: parsed.value, fromPolicy: false, participants: new Map(), rosterUsage: {} });
    return parsed.value;
  };
  for (const room of opts.rooms ?? []) putRoom(room);

  let port = opts.port ?? 0;

  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    // DNS-rebinding guard: a loopback node only answers to loopback host names.
    const hostHeader = req.headers.host ?? '';
    if (![`127.0.0.1:${port}`, `localhost:${port}`, `[::1]:${port}`].includes(hostHeader.toLowerCase())) {
      return sendJson(res, 421, { status: 'failed', result: 'Misdirected request' });
    }
    const url = new URL(req.url ?? '/', `http://${hostHeader}`);
    let segments: string[];
    try {
      segments = url.pathname.split('/').slice(1).map((s) => decodeURIComponent(s));
    } catch {
      return sendJson(res, 400, { status: 'failed', result: 'Malformed path' });
    }
    const [a, b, c, d, alias, ...rest] = segments;
    if (a === 'api' && b === 'client' && c === 'v2' && d === 'conferences' && alias) {
      return handleClientApi(ctx, req, res, url, alias, rest);
    }
    if (testClock && a === 'api' && b === 'securejoin' && c === 'v1' && d === 'clock' && segments.length === 4) {
      return handleTestClock(testClock, now, req, res);
    }
    if (req.method === 'GET' && a === webappPath && (await handleJoinPage(res, webappPath, segments.slice(1)))) return;
    if (req.method === 'GET' && url.pathname === '/favicon.ico') return sendEmpty(res, 204);
    if (req.method === 'GET' && url.pathname === '/') {
      return sendText(res, 200, 'text/plain; charset=utf-8', `SecureJoin reference conference node.\nJoin pages: /${webappPath}/m/<alias>\n`);
    }
    return sendJson(res, 404, { status: 'failed', result: '404 Not Found' });
  };

  const listener = (req: IncomingMessage, res: ServerResponse): void => {
    handle(req, res).catch((error: unknown) => {
      if (!res.headersSent) sendJson(res, 500, { status: 'failed', result: 'Internal error' });
      else res.destroy();
      console.error('conference node: request failed', error);
    });
  };
  const server: Server = opts.tls ? createHttpsServer(opts.tls, listener) : createHttpServer(listener);
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  port = (server.address() as AddressInfo).port;
  // Listening: from now on the node has events to tell (and `eventsink_started` is the first).
  if (opts.eventSink) ctx.sink = startEventSink(opts.eventSink, now);
  // Warm the join page bundle; a failure surfaces on the first page request.
  void buildJoinPageBundle().catch(() => undefined);

  const urlHost = host === '::1' ? '[::1]' : host;
  const scheme = opts.tls ? 'https' : 'http';
  const url = `${scheme}://${urlHost}:${port}`;
  return {
    url,
    localhostUrl: `${scheme}://localhost:${port}`,
    port,
    joinUrl(alias, params = {}, origin = url) {
      const q = new URLSearchParams();
      if (params.role) q.set('role', params.role);
      if (params.name !== undefined) q.set('name', params.name);
      if (params.pin !== undefined) q.set('pin', params.pin);
      if (params.join) q.set('join', '1');
      const query = q.toString();
      return `${origin}/${webappPath}/m/${encodeURIComponent(alias)}${query ? `?${query}` : ''}`;
    },
    putRoom,
    deleteRoom: (alias) => ctx.state.rooms.get(roomKey(alias))?.fromPolicy === false && deleteRoom(ctx, roomKey(alias)),
    conferenceStatus(name, local = false) {
      const key = local ? roomKey(name) : policyConferenceKey(name);
      const room = ctx.state.rooms.get(key);
      return {
        blocked: new AttemptLedger(ctx.limits, now, ctx.state.ledger).isRoomBlocked(local ? (room?.spec.alias ?? name) : key),
        participants: [...(room?.participants.values() ?? [])].map((p) => ({ displayName: p.displayName, role: p.role, serviceType: p.serviceType, alias: p.alias })),
      };
    },
    now,
    clock: testClock,
    eventSink: ctx.sink,
    close: () =>
      new Promise<void>((resolve, reject) => {
        ctx.sink?.close();
        ctx.hub.closeAll();
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      }),
  };
}
