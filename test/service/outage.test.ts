/**
 * Database outages on real PostgreSQL: the service reaches it through a TCP relay the test can
 * cut (the port then refuses connections, live ones drop), and through pg_terminate_backend.
 * Meeting routes answer 503 quickly, /readyz goes red, /healthz stays green, the service
 * recovers by itself, and nothing acknowledged is lost.
 */
import { createConnection, createServer } from 'node:net';
import type { AddressInfo, Server, Socket } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MeetingService } from '../../service';
import { GUEST_PIN, HOST_PIN, aliasesOf, call, carryBack, createTestDatabase, meetingBody, meetingId, sql, startIssuer, startService } from './support';
import type { TestDatabase, TestIssuer } from './support';

/** A TCP relay to PostgreSQL on 127.0.0.1:5432 that can be cut and restored on the same port. */
class Relay {
  private server: Server | null = null;
  private readonly sockets = new Set<Socket>();
  private frozen = false;
  port = 0;

  async open(): Promise<void> {
    const server = createServer((client) => {
      const upstream = createConnection(5432, '127.0.0.1');
      for (const s of [client, upstream]) {
        this.sockets.add(s);
        s.on('close', () => this.sockets.delete(s));
        s.on('error', () => undefined);
      }
      if (this.frozen) return;
      client.pipe(upstream).pipe(client);
    });
    await new Promise<void>((resolve) => server.listen(this.port, '127.0.0.1', resolve));
    this.port = (server.address() as AddressInfo).port;
    this.server = server;
  }

  /** The database stops answering: bytes stop flowing, new connections are accepted and left hanging. */
  freeze(): void {
    this.frozen = true;
    for (const s of this.sockets) s.unpipe();
  }

  /** Stops listening (connections are refused) and drops every live connection. */
  async cut(): Promise<void> {
    const server = this.server;
    this.server = null;
    this.frozen = false;
    for (const s of this.sockets) s.destroy();
    await new Promise<void>((resolve) => server?.close(() => resolve()) ?? resolve());
  }
}

/** Calls `fn` until it returns true, at most `ms`. */
async function eventually(fn: () => Promise<boolean>, ms: number): Promise<void> {
  const until = Date.now() + ms;
  while (!(await fn())) {
    if (Date.now() > until) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 50));
  }
}

async function timed<T>(fn: () => Promise<T>): Promise<[T, number]> {
  const t = performance.now();
  const value = await fn();
  return [value, performance.now() - t];
}

describe('database outage', () => {
  let issuer: TestIssuer;
  let db: TestDatabase;
  let svc: MeetingService;
  let token: string;
  const relay = new Relay();

  beforeAll(async () => {
    [issuer, db] = await Promise.all([startIssuer(), createTestDatabase(), relay.open()]);
    svc = await startService(issuer, { databaseUrl: `postgres://postgres@127.0.0.1:${relay.port}/${db.name}` });
    token = await issuer.sign({ oid: 'ann-oid' });
  });

  afterAll(async () => {
    await svc?.close();
    await relay.cut();
    await Promise.all([db?.drop(), issuer?.close()]);
  });

  it('answers 503 fast while the database port is closed, then recovers by itself with nothing acknowledged lost', async () => {
    const acked = meetingId();
    const created = await call(svc.url, 'PUT', `/api/v1/meetings/${acked}`, { token, body: meetingBody(), headers: { 'if-none-match': '*' } });
    expect(created.status).toBe(201);

    await relay.cut();
    const [put, putMs] = await timed(() => call(svc.url, 'PUT', `/api/v1/meetings/${meetingId()}`, { token, body: meetingBody(), headers: { 'if-none-match': '*' } }));
    expect([put.status, put.body.error]).toEqual([503, 'unavailable']);
    const [get, getMs] = await timed(() => call(svc.url, 'GET', `/api/v1/meetings/${acked}`, { token }));
    expect(get.status).toBe(503);
    const [ready, readyMs] = await timed(() => call(svc.url, 'GET', '/readyz'));
    expect(ready.status).toBe(503);
    // The service gives up after 2 s at most; the margin is for a loaded 2-core machine.
    for (const ms of [putMs, getMs, readyMs]) expect(ms).toBeLessThan(3000);
    expect((await call(svc.url, 'GET', '/healthz')).status).toBe(200);

    await relay.open();
    await eventually(async () => (await call(svc.url, 'GET', '/readyz')).status === 200, 10_000);
    const back = await call(svc.url, 'GET', `/api/v1/meetings/${acked}`, { token });
    expect([back.status, back.body.room.hostPin]).toEqual([200, HOST_PIN]);
    expect(aliasesOf(back.body).all).toEqual(aliasesOf(created.body).all);
    expect((await call(svc.url, 'PUT', `/api/v1/meetings/${acked}`, { token, body: carryBack(created.body, { guestPin: '1230984567' }), headers: { 'if-match': '"1"' } })).status).toBe(200);
    expect(await sql(db.url, "SELECT count(*)::int AS n FROM meetings WHERE subject = 'Quarterly review'")).toEqual([{ n: 1 }]);
  }, 30_000);

  it('answers 503 within the timeouts when the database stops answering (no hang), and recovers', async () => {
    const id = meetingId();
    const created = await call(svc.url, 'PUT', `/api/v1/meetings/${id}`, { token, body: meetingBody(), headers: { 'if-none-match': '*' } });
    expect(created.status).toBe(201);
    relay.freeze();
    const [answers, ms] = await timed(() =>
      Promise.all([
        call(svc.url, 'GET', `/api/v1/meetings/${id}`, { token }),
        call(svc.url, 'PUT', `/api/v1/meetings/${id}`, { token, body: carryBack(created.body, { guestPin: '6767676767' }), headers: { 'if-match': '"1"' } }),
        call(svc.url, 'GET', '/readyz'),
      ]),
    );
    expect(answers.map((a) => a.status)).toEqual([503, 503, 503]);
    expect(ms).toBeLessThan(4000);
    await relay.cut();
    await relay.open();
    await eventually(async () => (await call(svc.url, 'GET', '/readyz')).status === 200, 10_000);
    const back = await call(svc.url, 'GET', `/api/v1/meetings/${id}`, { token });
    expect([back.status, back.body.version, back.body.room.guestPin]).toEqual([200, 1, GUEST_PIN]);
  }, 30_000);

  it('answers 503 (never 500 or a hang) when its connections are terminated, and recovers at once', async () => {
    const id = meetingId();
    expect((await call(svc.url, 'PUT', `/api/v1/meetings/${id}`, { token, body: meetingBody(), headers: { 'if-none-match': '*' } })).status).toBe(201);
    // Keep a few pool connections busy and open, then kill every backend of the database.
    await Promise.all(Array.from({ length: 5 }, () => call(svc.url, 'GET', `/api/v1/meetings/${id}`, { token })));
    const killed = await sql<{ n: number }>(db.url, 'SELECT count(pg_terminate_backend(pid))::int AS n FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid()', [db.name]);
    expect(killed[0]!.n).toBeGreaterThan(0);
    const statuses = await Promise.all(Array.from({ length: 10 }, () => call(svc.url, 'GET', `/api/v1/meetings/${id}`, { token }).then((r) => r.status)));
    expect(statuses.every((s) => s === 200 || s === 503), String(statuses)).toBe(true);
    await eventually(async () => (await call(svc.url, 'GET', `/api/v1/meetings/${id}`, { token })).status === 200, 5_000);
    expect((await call(svc.url, 'GET', '/readyz')).status).toBe(200);
  });

  it("answers 503 (not 401) while the token issuer's keys cannot be fetched", async () => {
    const gone = await startIssuer();
    await gone.close();
    const blind = await startService(gone, { databaseUrl: db.url });
    try {
      const res = await call(blind.url, 'GET', '/api/v1/meetings', { token: await issuer.sign({ oid: 'ann-oid' }) });
      expect([res.status, res.body.error]).toEqual([503, 'unavailable']);
    } finally {
      await blind.close();
    }
  });
});
