/**
 * Helpers for the meeting service tests: a local token issuer with its JWKS on a tiny HTTP
 * server, a throw-away PostgreSQL database, a started service and a fetch wrapper.
 */
import { randomBytes } from 'node:crypto';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import pg from 'pg';
import { createDevIssuer } from '../../service/auth/devIssuer';
import type { DevIssuer } from '../../service/auth/devIssuer';
import { openPglite, startMeetingService } from '../../service';
import type { MeetingService, MeetingServiceOptions } from '../../service';

export const ISSUER = 'https://login.example.test/tenant-a/v2.0';
export const AUDIENCE = 'api://securejoin-test';
export const TENANT = 'tenant-a';
export const SCOPE = 'Meetings.ReadWrite';
export const ADMIN_ROLE = 'SecureJoin.Admin';
export const POSTGRES_ADMIN_URL = 'postgres://postgres@127.0.0.1:5432/postgres';

/** A dev issuer whose JWKS is served over HTTP on 127.0.0.1. */
export interface TestIssuer extends DevIssuer {
  jwksUrl: string;
  close(): Promise<void>;
}

export async function startIssuer(overrides: Partial<{ issuer: string; audience: string; tenant: string; scope: string }> = {}): Promise<TestIssuer> {
  const issuer = await createDevIssuer({ issuer: ISSUER, audience: AUDIENCE, tenant: TENANT, scope: SCOPE, ...overrides });
  const server = createServer((_req, res) => {
    res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(issuer.jwks()));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    ...issuer,
    jwksUrl: `http://127.0.0.1:${port}/jwks.json`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

/** A fresh PostgreSQL database; `drop()` removes it (ending its connections first). */
export interface TestDatabase {
  url: string;
  name: string;
  drop(): Promise<void>;
}

export async function createTestDatabase(): Promise<TestDatabase> {
  const name = `sj_test_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: POSTGRES_ADMIN_URL });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE ${name}`);
  } finally {
    await admin.end();
  }
  return {
    name,
    url: `postgres://postgres@127.0.0.1:5432/${name}`,
    async drop() {
      const c = new pg.Client({ connectionString: POSTGRES_ADMIN_URL });
      await c.connect();
      try {
        await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      } finally {
        await c.end();
      }
    },
  };
}

/** Runs one SQL statement on a database URL (tests read raw tables with it). */
export async function sql<R = Record<string, unknown>>(url: string, text: string, params: unknown[] = []): Promise<R[]> {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    return (await c.query(text, params)).rows as R[];
  } finally {
    await c.end();
  }
}

export const CODES_KEY = randomBytes(32).toString('base64');

/** Service options for `issuer` on a database (PGlite in memory when `databaseUrl` is absent). */
export function serviceOptions(issuer: TestIssuer, extra: Partial<MeetingServiceOptions> = {}): MeetingServiceOptions {
  return {
    port: 0,
    dataDir: null,
    codesKey: CODES_KEY,
    logLevel: 'silent',
    // Suites about other things look up many wrong aliases from the same address; guessing has its own suite.
    guessLimits: { limit: 10_000 },
    auth: { issuer: issuer.issuer, audience: issuer.audience, jwksUrl: issuer.jwksUrl, tenant: issuer.tenant, scope: SCOPE, adminRole: ADMIN_ROLE },
    ...extra,
  };
}

export function startService(issuer: TestIssuer, extra: Partial<MeetingServiceOptions> = {}): Promise<MeetingService> {
  return startMeetingService(serviceOptions(issuer, extra));
}

/** An HTTP answer with its JSON body (null when empty). */
export interface Answer {
  status: number;
  headers: Headers;
  body: any;
}

/** One API call. `body` is sent as JSON unless it is a string (sent as is). */
export async function call(
  baseUrl: string,
  method: string,
  path: string,
  opts: { token?: string; body?: unknown; headers?: Record<string, string> } = {},
): Promise<Answer> {
  const headers: Record<string, string> = { ...(opts.token ? { authorization: `Bearer ${opts.token}` } : {}), ...opts.headers };
  let body: string | undefined;
  if (opts.body !== undefined) {
    body = typeof opts.body === 'string' ? opts.body : JSON.stringify(opts.body);
    headers['content-type'] ??= 'application/json';
  }
  const res = await fetch(`${baseUrl}${path}`, { method, headers, ...(body !== undefined ? { body } : {}) });
  const text = await res.text();
  let parsed: unknown = null;
  try {
    parsed = text ? JSON.parse(text) : null;
  } catch {
    parsed = text;
  }
  return { status: res.status, headers: res.headers, body: parsed };
}

/** Codes that keep the built-in policy (PINs of at least 9 digits, locked) and core/roomSpec's rules. */
export const HOST_PIN = '4802139157';
export const GUEST_PIN = '7305148823';
export const PASSCODE = '5510293847';

/**
 * A valid meeting write body: codes that pass core/roomSpec's rules and the built-in admin policy, a
 * window an hour from `start`, and NO aliases: the service mints them (read them from the answer
 * with {@link aliasesOf}).
 */
export function meetingBody(over: Record<string, unknown> = {}, start = Date.UTC(2030, 0, 7, 9)): Record<string, unknown> {
  return {
    subject: 'Quarterly review',
    room: {
      hostPin: HOST_PIN,
      guestPin: GUEST_PIN,
      allowGuests: true,
      accessCode: { role: 'guest' },
      invitees: [{ email: 'ann@example.com', name: 'Ann', passcode: PASSCODE }],
      meeting: { start, end: start + 3_600_000 },
      ...over,
    },
  };
}

/**
 * The policy and attendance tests' meeting: unique mode, two invitees (Ana Lima, Bo Chen),
 * 09:00-10:00 UTC on 7 January 2030, lead 15 minutes, sent; nine-digit codes. The service mints
 * its aliases. `over` replaces room fields (e.g. `graceMinutes`, `invitees`).
 */
export const TWO_INVITEES = { start: Date.UTC(2030, 0, 7, 9), hostPin: '480213779', anaPasscode: '551029384', boPasscode: '662038475' } as const;

/** The write body of {@link TWO_INVITEES}' meeting. */
export function twoInviteeBody(over: Record<string, unknown> = {}): { subject: string; room: Record<string, unknown> } {
  const { start, hostPin, anaPasscode, boPasscode } = TWO_INVITEES;
  return {
    subject: 'Quarterly review',
    room: {
      hostPin,
      allowGuests: true,
      accessCode: { role: 'guest' },
      invitees: [
        { email: 'ana@example.com', name: 'Ana Lima', passcode: anaPasscode },
        { email: 'bo@example.com', name: 'Bo Chen', passcode: boPasscode },
      ],
      meeting: { start, end: start + 3_600_000 },
      leadMinutes: 15,
      sent: true,
      ...over,
    },
  };
}

/**
 * A unique-mode meeting (one invitee, Ana) open now: its window runs from 15 minutes before a
 * start 5 minutes ahead (or from `start`); a draft unless `sent`. The service mints its aliases.
 */
export function liveMeetingBody(opts: { sent?: boolean; start?: number } = {}): Record<string, unknown> {
  const start = opts.start ?? Date.now() + 5 * 60_000;
  return {
    subject: 'Live review',
    room: {
      hostPin: HOST_PIN,
      allowGuests: true,
      accessCode: {},
      invitees: [{ email: 'ana@example.com', name: 'Ana Lima', passcode: PASSCODE }],
      meeting: { start, end: start + 60 * 60_000 },
      sent: opts.sent ?? true,
    },
  };
}

/** The aliases the service minted for a meeting (the room of an answer). */
export interface MintedAliases {
  web: string;
  dial: string | null;
  invitees: Array<{ web: string; dial: string }>;
  /** Every alias, for "is it anywhere at rest / in the log" checks. */
  all: string[];
}

export function aliasesOf(meeting: { room: { alias: string; accessCode: { code: string } | null; invitees: Array<{ alias: string; dialAlias: string }> } }): MintedAliases {
  const { room } = meeting;
  const invitees = room.invitees.map((i) => ({ web: i.alias, dial: i.dialAlias }));
  const dial = room.accessCode?.code ?? null;
  return { web: room.alias, dial, invitees, all: [room.alias, ...(dial ? [dial] : []), ...invitees.flatMap((i) => [i.web, i.dial])] };
}

/** A write body that carries back `meeting`'s aliases (what a client may do), with `over` applied to the room. */
export function carryBack(meeting: { subject: string; room: Record<string, unknown> }, over: Record<string, unknown> = {}): Record<string, unknown> {
  const { window: _w, recurrence: _r, name: _n, ...room } = meeting.room;
  return { subject: meeting.subject, room: { ...room, meeting: { start: Date.UTC(2030, 0, 7, 9), end: Date.UTC(2030, 0, 7, 10) }, ...over } };
}

/** A random meeting id as the add-in makes one. */
export function meetingId(): string {
  return randomBytes(12).toString('base64url');
}

/** A fresh database of one kind, for the suite that runs on both. */
export interface BackendDb {
  /** What to pass to the service. */
  options: Partial<MeetingServiceOptions>;
  /** Reads raw rows, past the service (to check what is at rest). */
  raw<R = Record<string, unknown>>(text: string, params?: unknown[]): Promise<R[]>;
  close(): Promise<void>;
}

/** The two databases the service runs on. */
export const BACKENDS: ReadonlyArray<{ name: 'postgres' | 'pglite'; open(): Promise<BackendDb> }> = [
  {
    name: 'postgres',
    async open() {
      const db = await createTestDatabase();
      return { options: { databaseUrl: db.url }, raw: (text, params) => sql(db.url, text, params), close: () => db.drop() };
    },
  },
  {
    name: 'pglite',
    async open() {
      const db = await openPglite(null);
      return { options: { database: db }, raw: async (text, params) => (await db.query(text, params)).rows as never[], close: () => db.close() };
    },
  },
];
