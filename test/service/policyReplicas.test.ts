/**
 * The policy API on two service processes sharing one PostgreSQL database: "Name (n)" is counted
 * atomically across replicas, killed connections never yield a conference that should not open,
 * the service recovers within seconds with nothing provisioned lost, and an unreachable database
 * is answered non-200 at once (Infinity then falls back to its own database: fail closed).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawnService } from './processes';
import type { ServiceProcess } from './processes';
import { PASSCODE, aliasesOf, liveMeetingBody, call, createTestDatabase, meetingId, sql, startIssuer } from './support';
import type { MintedAliases } from './support';
import type { TestDatabase, TestIssuer } from './support';
import { POLICY_PASSWORD, POLICY_USER, participantQuery, policyGet, sipDialInQuery, webJoinQuery } from './infinityRequests';

const PARTICIPANTS = 20;

describe('policy API on two service processes', () => {
  let issuer: TestIssuer;
  let db: TestDatabase;
  let services: ServiceProcess[] = [];
  let token: string;
  const flags = ['--policy-username', POLICY_USER, '--policy-password', POLICY_PASSWORD];

  beforeAll(async () => {
    [issuer, db] = await Promise.all([startIssuer(), createTestDatabase()]);
    services = await Promise.all([spawnService(issuer, db.url, flags), spawnService(issuer, db.url, flags)]);
    token = await issuer.sign({ oid: 'ann-oid' });
  }, 60_000);

  afterAll(async () => {
    await Promise.all(services.map((s) => s.stop()));
    await sql(db.url.replace(/\/[^/]+$/, '/postgres'), `ALTER DATABASE ${db.name} WITH ALLOW_CONNECTIONS true`).catch(() => undefined);
    await Promise.all([db?.drop(), issuer?.close()]);
  });

  /** Creates a meeting on the first replica; its id and the aliases the service minted. */
  const create = async (body: unknown): Promise<{ id: string; aliases: MintedAliases }> => {
    const id = meetingId();
    const res = await call(services[0]!.url, 'PUT', `/api/v1/meetings/${id}`, { token, body, headers: { 'if-none-match': '*' } });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    return { id, aliases: aliasesOf(res.body) };
  };

  it('gives 20 participants joining one invitee alias at once 20 distinct names, each stable on repeat', async () => {
    const { id, aliases } = await create(liveMeetingBody());
    const ana = aliases.invitees[0]!.web;
    const conf = `securejoin-${id}`;
    const ask = (i: number) => policyGet(services[i % 2]!.url, 'participant/properties', participantQuery(ana, conf, `participant-${i}`));
    const first = await Promise.all(Array.from({ length: PARTICIPANTS }, (_, i) => ask(i)));
    expect(first.map((a) => a.status)).toEqual(Array(PARTICIPANTS).fill(200));
    const names = first.map((a) => a.body.result.remote_display_name as string);
    expect(new Set(names)).toEqual(new Set(['Ana Lima', ...Array.from({ length: PARTICIPANTS - 1 }, (_, i) => `Ana Lima (${i + 2})`)]));
    // Each asks again (Infinity repeats requests), on the other replica: same name.
    const again = await Promise.all(Array.from({ length: PARTICIPANTS }, (_, i) => ask(i + 1).then(() => policyGet(services[(i + 1) % 2]!.url, 'participant/properties', participantQuery(ana, conf, `participant-${i}`)))));
    expect(again.map((a) => a.body.result.remote_display_name)).toEqual(names);
  }, 30_000);

  it('never answers a conference it should not while connections are killed, recovers within seconds, and loses nothing', async () => {
    const { id: live, aliases: open } = await create(liveMeetingBody());
    const { aliases: draft } = await create(liveMeetingBody({ sent: false }));
    const [anaOpen, webOpen] = [open.invitees[0]!.web, open.web];
    // The open meeting's personal and room aliases continue; the unsent draft's and an alias never minted are rejected.
    const expected: Record<string, 'continue' | 'reject'> = { [anaOpen]: 'continue', [webOpen]: 'continue', [draft.invitees[0]!.web]: 'reject', [draft.web]: 'reject', nobody3203: 'reject' };
    const answers: Array<{ alias: string; status: number; action?: string; guestPin?: string }> = [];
    let running = true;
    const load = async (s: ServiceProcess): Promise<void> => {
      for (let i = 0; running; i++) {
        const alias = Object.keys(expected)[i % 5]!;
        const res = await policyGet(s.url, 'service/configuration', webJoinQuery(alias)).catch(() => ({ status: 0, body: null }));
        answers.push({ alias, status: res.status, action: res.body?.action, guestPin: res.body?.result?.guest_pin });
      }
    };
    const loaders = services.flatMap((s) => [load(s), load(s)]);
    for (let round = 0; round < 5; round++) {
      await new Promise((resolve) => setTimeout(resolve, 150));
      await sql(db.url, 'SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid()', [db.name]);
    }
    const killedAt = Date.now();
    // Recovery: both replicas answer correctly again.
    for (const s of services) {
      await expect.poll(async () => (await policyGet(s.url, 'service/configuration', webJoinQuery(anaOpen))).body?.result?.guest_pin, { timeout: 5000, interval: 50 }).toBe(PASSCODE);
    }
    expect(Date.now() - killedAt).toBeLessThan(5000);
    running = false;
    await Promise.all(loaders);
    expect(answers.length).toBeGreaterThan(50);
    for (const a of answers.filter((x) => x.status === 200)) {
      expect([a.alias, a.action]).toEqual([a.alias, expected[a.alias]]);
      if (a.alias === anaOpen) expect(a.guestPin).toBe(PASSCODE);
      if (a.alias === webOpen) expect(a.guestPin).toBeUndefined();
    }
    // Nothing provisioned lost: the meeting and every alias are still there.
    expect((await call(services[1]!.url, 'GET', `/api/v1/meetings/${live}`, { token })).status).toBe(200);
    expect(await sql(db.url, 'SELECT count(*)::int AS n FROM meeting_aliases WHERE meeting_id = $1', [live])).toEqual([{ n: 4 }]);
    expect((await policyGet(services[1]!.url, 'service/configuration', sipDialInQuery(open.invitees[0]!.dial))).body.result.guest_pin).toBe(PASSCODE);
  }, 30_000);

  it('answers non-200 at once while the database refuses connections, and recovers', async () => {
    const { aliases } = await create(liveMeetingBody());
    const ana = aliases.invitees[0]!.web;
    const admin = db.url.replace(/\/[^/]+$/, '/postgres');
    await sql(admin, `ALTER DATABASE ${db.name} WITH ALLOW_CONNECTIONS false`);
    await sql(admin, 'SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1', [db.name]);
    try {
      for (const s of services) {
        const started = Date.now();
        const res = await policyGet(s.url, 'service/configuration', webJoinQuery(ana));
        expect(res.status).toBe(503);
        expect(Date.now() - started).toBeLessThan(2500);
      }
    } finally {
      await sql(admin, `ALTER DATABASE ${db.name} WITH ALLOW_CONNECTIONS true`);
    }
    for (const s of services) {
      await expect.poll(async () => (await policyGet(s.url, 'service/configuration', webJoinQuery(ana))).body?.action, { timeout: 5000, interval: 50 }).toBe('continue');
    }
  }, 30_000);
});
