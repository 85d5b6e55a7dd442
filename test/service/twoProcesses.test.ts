/**
 * Two service processes on one PostgreSQL database (started together, so their migrations race
 * too): 50 concurrent conflicting updates to one meeting lose nothing: in each round, exactly
 * one wins its version and 49 get 412 with the winner as the current version.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MIGRATIONS } from '../../service/db/migrations';
import { spawnService } from './processes';
import type { ServiceProcess } from './processes';
import { aliasesOf, call, carryBack, createTestDatabase, meetingBody, meetingId, sql, startIssuer } from './support';
import type { TestDatabase, TestIssuer } from './support';

const CLIENTS = 50;
const ROUNDS = 3;

describe('two service processes on one database', () => {
  let issuer: TestIssuer;
  let db: TestDatabase;
  let services: ServiceProcess[] = [];
  let token: string;
  const id = meetingId();
  /** The meeting as created: every writer carries its minted aliases back. */
  let created: { subject: string; room: Record<string, unknown> };

  beforeAll(async () => {
    [issuer, db] = await Promise.all([startIssuer(), createTestDatabase()]);
    services = await Promise.all([spawnService(issuer, db.url), spawnService(issuer, db.url)]);
    token = await issuer.sign({ oid: 'ann-oid' });
  }, 60_000);

  afterAll(async () => {
    await Promise.all(services.map((s) => s.stop()));
    await Promise.all([db?.drop(), issuer?.close()]);
  });

  const put = (i: number, version: number) =>
    call(services[i % 2]!.url, 'PUT', `/api/v1/meetings/${id}`, {
      token,
      body: { ...carryBack(created), subject: `client ${i}` },
      headers: { 'if-match': `"${version}"` },
    });

  it('applied the migrations once', async () => {
    expect(await sql(db.url, 'SELECT version FROM schema_migrations ORDER BY version')).toEqual(MIGRATIONS.map((m) => ({ version: m.version })));
  });

  it('gives each version exactly one winner among 50 concurrent writers; the rest get 412 with the winner', async () => {
    const first = await call(services[0]!.url, 'PUT', `/api/v1/meetings/${id}`, { token, body: meetingBody(), headers: { 'if-none-match': '*' } });
    expect(first.status).toBe(201);
    created = first.body;
    // Rounds: all 50 clients (half on each process) write on top of the same version at once.
    for (let version = 1; version <= ROUNDS; version++) {
      const answers = await Promise.all(Array.from({ length: CLIENTS }, (_, i) => put(i, version)));
      const winners = answers.filter((a) => a.status === 200);
      expect(winners.map((w) => w.body.version)).toEqual([version + 1]);
      const losers = answers.filter((a) => a.status === 412);
      const others = answers.filter((a) => a.status !== 200 && a.status !== 412).map((a) => [a.status, a.body]);
      expect(losers, JSON.stringify(others)).toHaveLength(CLIENTS - 1);
      for (const l of losers) expect([l.body.current.version, l.body.current.subject, l.headers.get('etag')]).toEqual([version + 1, winners[0]!.body.subject, `"${version + 1}"`]);
    }
    const audit = await sql<{ version: number; n: string }>(db.url, 'SELECT version, count(*) AS n FROM meeting_audit WHERE meeting_id = $1 GROUP BY version ORDER BY version', [id]);
    expect(audit.map((a) => [a.version, Number(a.n)])).toEqual(Array.from({ length: ROUNDS + 1 }, (_, i) => [i + 1, 1]));
    const final = await call(services[1]!.url, 'GET', `/api/v1/meetings/${id}`, { token });
    expect(final.body.version).toBe(ROUNDS + 1);
    // Every winner carried the minted aliases back: they are the meeting's still, and held once.
    expect(aliasesOf(final.body).all).toEqual(aliasesOf(first.body).all);
    expect(await sql(db.url, 'SELECT count(*)::int AS n FROM meeting_aliases WHERE meeting_id = $1', [id])).toEqual([{ n: 4 }]);
  }, 60_000);
});
