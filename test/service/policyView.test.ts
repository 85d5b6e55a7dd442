/**
 * The policy view (issue 19) on two `securejoin service` processes sharing one PostgreSQL
 * database: a meeting deleted, moved or ended on replica A is refused by replica B within 100 ms
 * of A's answer; a replica whose listening connection is dropped answers from the database (a
 * change it cannot be notified of is still refused) and says so on /readyz, then reloads and is
 * current again; an unknown alias and a closed one are refused with the same bytes.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawnService } from './processes';
import type { ServiceProcess } from './processes';
import { aliasesOf, call, carryBack, createTestDatabase, liveMeetingBody, meetingId, sql, startIssuer } from './support';
import type { MintedAliases, TestDatabase, TestIssuer } from './support';
import { POLICY_PASSWORD, POLICY_USER, basic, policyGet, webJoinQuery } from './infinityRequests';

const MIN = 60_000;
const WITHIN_MS = 100;

describe('policy view on two service processes', () => {
  let issuer: TestIssuer;
  let db: TestDatabase;
  let a: ServiceProcess;
  let b: ServiceProcess;
  let token: string;
  const flags = ['--policy-username', POLICY_USER, '--policy-password', POLICY_PASSWORD];

  beforeAll(async () => {
    [issuer, db] = await Promise.all([startIssuer(), createTestDatabase()]);
    [a, b] = await Promise.all([spawnService(issuer, db.url, flags), spawnService(issuer, db.url, flags)]);
    token = await issuer.sign({ oid: 'ann-oid' });
  }, 60_000);

  afterAll(async () => {
    await Promise.all([a?.stop(), b?.stop()]);
    await sql(db.url.replace(/\/[^/]+$/, '/postgres'), `ALTER DATABASE ${db.name} WITH ALLOW_CONNECTIONS true`).catch(() => undefined);
    await Promise.all([db?.drop(), issuer?.close()]);
  });

  const create = async (body: unknown = liveMeetingBody()): Promise<{ id: string; meeting: { subject: string; room: Record<string, unknown> }; aliases: MintedAliases }> => {
    const id = meetingId();
    const res = await call(a.url, 'PUT', `/api/v1/meetings/${id}`, { token, body, headers: { 'if-none-match': '*' } });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    return { id, meeting: res.body, aliases: aliasesOf(res.body) };
  };
  const action = async (s: ServiceProcess, alias: string): Promise<string> => (await policyGet(s.url, 'service/configuration', webJoinQuery(alias))).body.action;
  /**
   * Ms from now until `s` answers `want` for `alias`, polled back to back: the time the first
   * such answer's request was SENT (a refusal's own failure count is not the view's delay).
   */
  const until = async (s: ServiceProcess, alias: string, want: string, limitMs = 5_000): Promise<number> => {
    const t0 = performance.now();
    for (;;) {
      const sent = performance.now() - t0;
      if ((await action(s, alias)) === want) return sent;
      if (sent > limitMs) throw new Error(`${alias} never answered ${want}`);
    }
  };
  const viewState = async (s: ServiceProcess): Promise<{ state: string; loads: number }> => (await call(s.url, 'GET', '/readyz')).body.view;

  it('is current on both replicas, and says so on /readyz', async () => {
    for (const s of [a, b]) expect(await call(s.url, 'GET', '/readyz')).toMatchObject({ status: 200, body: { status: 'ready', view: { state: 'current' } } });
  });

  it('refuses on replica B within 100 ms of replica A answering a delete, a move, or an end', async () => {
    const deleted = await create();
    const moved = await create();
    const ended = await create();
    for (const m of [deleted, moved, ended]) expect([await action(b, m.aliases.invitees[0]!.web), await action(b, m.aliases.web)]).toEqual(['continue', 'continue']);
    const writes: Array<[string, typeof deleted, () => Promise<number>]> = [
      ['delete', deleted, async () => (await call(a.url, 'DELETE', `/api/v1/meetings/${deleted.id}`, { token, headers: { 'if-match': '"1"' } })).status],
      // Moved to tomorrow: its window is no longer open.
      ['move', moved, async () => (await call(a.url, 'PUT', `/api/v1/meetings/${moved.id}`, { token, body: carryBack(moved.meeting, { meeting: { start: Date.now() + 24 * 60 * MIN, end: Date.now() + 25 * 60 * MIN } }), headers: { 'if-match': '"1"' } })).status],
      // Ended an hour ago: its window has closed.
      ['end', ended, async () => (await call(a.url, 'PUT', `/api/v1/meetings/${ended.id}`, { token, body: carryBack(ended.meeting, { meeting: { start: Date.now() - 120 * MIN, end: Date.now() - 60 * MIN } }), headers: { 'if-match': '"1"' } })).status],
    ];
    for (const [what, m, write] of writes) {
      expect([what, await write()]).toEqual([what, what === 'delete' ? 204 : 200]);
      const ms = await until(b, m.aliases.invitees[0]!.web, 'reject');
      expect([what, ms]).toEqual([what, expect.any(Number)]);
      expect(ms, `${what} refused on B after ${ms.toFixed(1)} ms`).toBeLessThan(WITHIN_MS);
      // Every alias of it, on both replicas (A refreshed its own view before answering the write).
      for (const alias of m.aliases.all) expect([alias, await action(a, alias), await action(b, alias)]).toEqual([alias, 'reject', 'reject']);
    }
  }, 30_000);

  it('refuses an unknown alias and a closed one with the same bytes', async () => {
    const closed = await create(liveMeetingBody({ start: Date.now() + 24 * 60 * MIN }));
    const raw = async (alias: string) => {
      const res = await fetch(`${b.url}/policy/v1/service/configuration?${new URLSearchParams(webJoinQuery(alias, { remote_address: '192.0.2.9' }))}`, { headers: { authorization: basic() } });
      const headers = [...res.headers].filter(([name]) => name !== 'date');
      return { status: res.status, headers, body: Buffer.from(await res.arrayBuffer()).toString('hex') };
    };
    const [unknown, tomorrow] = [await raw('qz7k2m9x4v8w1n5p3r6t'), await raw(closed.aliases.invitees[0]!.web)];
    expect(tomorrow).toEqual(unknown);
    expect(JSON.parse(Buffer.from(unknown.body, 'hex').toString())).toEqual({ status: 'success', action: 'reject' });
  });

  it('answers from the database while its listening connection is down, then reloads and is current again', async () => {
    const kept = await create();
    const gone = await create();
    // A meeting removed past the service, straight in the database: its own transaction notifies.
    const raw = await create();
    await sql(db.url, 'DELETE FROM meetings WHERE id = $1', [raw.id]);
    expect(await until(b, raw.aliases.web, 'reject')).toBeLessThan(WITHIN_MS);
    // Both replicas' pools hold connections (just used); new ones are refused, so the dropped listeners cannot come back.
    await Promise.all([action(a, 'warm-a-pool-0000'), action(b, 'warm-b-pool-0000'), action(b, 'warm-b-pool-0001')]);
    const admin = db.url.replace(/\/[^/]+$/, '/postgres');
    const loadsBefore = (await viewState(b)).loads;
    await sql(admin, `ALTER DATABASE ${db.name} WITH ALLOW_CONNECTIONS false`);
    try {
      await sql(admin, `SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1 AND application_name = 'securejoin-policy-view'`, [db.name]);
      await expect.poll(async () => (await viewState(b)).state, { timeout: 5000, interval: 20 }).not.toBe('current');
      // A change B cannot be notified of (its listener is gone): B must answer it from the database.
      expect((await call(a.url, 'DELETE', `/api/v1/meetings/${gone.id}`, { token, headers: { 'if-match': '"1"' } })).status).toBe(204);
      expect(await action(b, gone.aliases.invitees[0]!.web)).toBe('reject');
      expect(await action(b, kept.aliases.invitees[0]!.web)).toBe('continue');
      expect((await viewState(b)).state).not.toBe('current');
    } finally {
      await sql(admin, `ALTER DATABASE ${db.name} WITH ALLOW_CONNECTIONS true`);
    }
    await expect.poll(async () => viewState(b), { timeout: 10_000, interval: 50 }).toMatchObject({ state: 'current', loads: loadsBefore + 1 });
    expect([await action(b, kept.aliases.invitees[0]!.web), await action(b, gone.aliases.invitees[0]!.web)]).toEqual(['continue', 'reject']);
    // Notifications flow again: a delete on A is refused on B within the bound.
    expect((await call(a.url, 'DELETE', `/api/v1/meetings/${kept.id}`, { token, headers: { 'if-match': '"1"' } })).status).toBe(204);
    expect(await until(b, kept.aliases.invitees[0]!.web, 'reject')).toBeLessThan(WITHIN_MS);
  }, 30_000);
});
