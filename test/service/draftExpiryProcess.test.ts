/**
 * The draft-expiry job around the process, on real PostgreSQL: a sweep while the database
 * refuses connections is logged and retried at the next tick; `securejoin service` takes and
 * checks its draft flags and exits on SIGTERM at once (the job's timer keeps nothing alive);
 * `securejoin service sweep-drafts` sweeps once and prints what it removed, never a code.
 */
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../cli/run';
import { serviceOptions as cliServiceOptions } from '../../cli/serviceCommand';
import type { MeetingService } from '../../service';
import { spawnService } from './processes';
import { CODES_KEY, GUEST_PIN, HOST_PIN, PASSCODE, POSTGRES_ADMIN_URL, aliasesOf, call, createTestDatabase, meetingBody, meetingId, sql, startIssuer, startService } from './support';
import type { TestDatabase, TestIssuer } from './support';

const ROOT = join(import.meta.dirname, '..', '..');

async function eventually(fn: () => Promise<boolean> | boolean, ms = 15_000): Promise<void> {
  const until = Date.now() + ms;
  while (!(await fn())) {
    if (Date.now() > until) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 25));
  }
}

/** Runs the CLI as a process; resolves with its exit code and output. */
function runProcess(args: string[], env: Record<string, string>): Promise<{ code: number | null; out: string; err: string }> {
  const child = spawn(process.execPath, ['--import', 'tsx', join(ROOT, 'cli', 'main.ts'), ...args], { cwd: ROOT, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  let err = '';
  child.stdout.on('data', (c: Buffer) => void (out += c.toString()));
  child.stderr.on('data', (c: Buffer) => void (err += c.toString()));
  return new Promise((resolve) => child.once('close', (code) => resolve({ code, out, err })));
}

describe('draft expiry around the process (PostgreSQL)', () => {
  let issuer: TestIssuer;
  let db: TestDatabase;
  let token: string;

  beforeAll(async () => {
    [issuer, db] = await Promise.all([startIssuer(), createTestDatabase()]);
    token = await issuer.sign({ oid: 'ann-oid', preferred_username: 'ann@example.com' });
  });
  afterAll(async () => {
    await sql(POSTGRES_ADMIN_URL, `ALTER DATABASE ${db.name} WITH ALLOW_CONNECTIONS true`).catch(() => undefined);
    await Promise.all([db?.drop(), issuer?.close()]);
  });

  /** Every alias the service minted for this suite's drafts. */
  const minted: string[] = [];
  const createDraft = async (svc: MeetingService): Promise<string> => {
    const id = meetingId();
    const res = await call(svc.url, 'PUT', `/api/v1/meetings/${id}`, { token, body: meetingBody({ sent: false }), headers: { 'if-none-match': '*' } });
    expect(res.status).toBe(201);
    minted.push(...aliasesOf(res.body).all);
    return id;
  };
  const age = (id: string) => sql(db.url, `UPDATE meetings SET updated_at = now() - interval '25 hours' WHERE id = $1`, [id]);

  it('logs a sweep that fails while the database refuses connections, and sweeps at the next tick once it is back', async () => {
    const lines: Array<Record<string, any>> = [];
    const svc = await startService(issuer, { databaseUrl: db.url, drafts: { sweepEveryMs: 40 }, logLevel: 'info', logStream: { write: (t) => void lines.push(JSON.parse(t)) } });
    try {
      const id = await createDraft(svc);
      await sql(POSTGRES_ADMIN_URL, `ALTER DATABASE ${db.name} WITH ALLOW_CONNECTIONS false`);
      await sql(POSTGRES_ADMIN_URL, 'SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid()', [db.name]);
      await eventually(() => lines.some((l) => l.msg === 'draft sweep failed; the next one retries'));
      const failed = lines.find((l) => l.msg === 'draft sweep failed; the next one retries');
      expect(failed).toMatchObject({ level: 40, job: 'draft-expiry', err: { message: expect.any(String) } });
      expect((await call(svc.url, 'GET', '/healthz')).status).toBe(200);
      await sql(POSTGRES_ADMIN_URL, `ALTER DATABASE ${db.name} WITH ALLOW_CONNECTIONS true`);
      await age(id);
      await eventually(() => lines.some((l) => l.msg === 'draft sweep' && l.expiredDrafts === 1));
      expect(await sql(db.url, 'SELECT id FROM meetings WHERE id = $1', [id])).toEqual([]);
    } finally {
      await svc.close();
    }
  }, 60_000);

  it('reads --draft-ttl and --draft-sweep-every (or their variables), refuses values out of range, documents both', () => {
    const base = ['--issuer', 'https://i.example', '--audience', 'a', '--jwks-url', 'https://i.example/k', '--tenant', 't'];
    const opts = cliServiceOptions([...base, '--draft-ttl', '36h'], { SECUREJOIN_DRAFT_SWEEP_EVERY: '1m' });
    expect(opts !== 'help' && opts.drafts).toEqual({ ttlMs: 36 * 3_600_000, sweepEveryMs: 60_000 });
    const defaults = cliServiceOptions(base, {});
    expect(defaults !== 'help' && defaults.drafts).toEqual({});
    const refused = (args: string[]): string => {
      const err: string[] = [];
      expect(runCli(['service', ...base, ...args], { out: () => undefined, err: (t) => void err.push(t) })).toBe(2);
      return err.join('');
    };
    expect(refused(['--draft-ttl', '5m'])).toContain('--draft-ttl must be a duration from 1h to 90d like 30s, 15m, 24h or 2d, got "5m"');
    expect(refused(['--draft-ttl', 'a day'])).toContain('--draft-ttl must be a duration');
    expect(refused(['--draft-sweep-every', '2d'])).toContain('--draft-sweep-every must be a duration from 10s to 24h');
    const out: string[] = [];
    expect(runCli(['service', '--help'], { out: (t) => void out.push(t), err: () => undefined })).toBe(0);
    for (const text of ['--draft-ttl', '--draft-sweep-every', 'SECUREJOIN_DRAFT_TTL', 'SECUREJOIN_DRAFT_SWEEP_EVERY', 'default 24h', 'default 15m', 'sweep-drafts']) expect(out.join('')).toContain(text);
  });

  it('exits on SIGTERM at once although the next sweep is minutes away', async () => {
    const svc = await spawnService(issuer, db.url, ['--draft-sweep-every', '10m', '--draft-ttl', '2h']);
    const started = Date.now();
    expect(await svc.stop()).toBe(0);
    expect(Date.now() - started).toBeLessThan(10_000);
  }, 60_000);

  it('service sweep-drafts sweeps once and prints each removed draft without a code or an alias', async () => {
    const svc = await startService(issuer, { databaseUrl: db.url });
    let old: string;
    let young: string;
    try {
      old = await createDraft(svc);
      young = await createDraft(svc);
    } finally {
      await svc.close();
    }
    await age(old);
    const res = await runProcess(['service', 'sweep-drafts', '--database-url', db.url], { SECUREJOIN_CODES_KEY: CODES_KEY });
    expect(res.code, res.err).toBe(0);
    expect(res.out).toMatch(new RegExp(`^removed ${old} \\(organizer ann-oid, version 1, last written \\d{4}-\\d\\d-\\d\\dT[^)]+\\)$`, 'm'));
    expect(res.out).toContain('1 draft(s) older than 24h removed; 0 participant name(s) pruned');
    expect(res.out).not.toContain(young);
    const printed = (res.out + res.err).toLowerCase();
    expect(minted.length).toBeGreaterThanOrEqual(8);
    for (const secret of [HOST_PIN, GUEST_PIN, PASSCODE, ...minted]) expect(printed).not.toContain(secret.toLowerCase());
    expect(await sql(db.url, `SELECT meeting_id, actor_id FROM meeting_audit WHERE action = 'expire' AND meeting_id = ANY($1::text[])`, [[old, young]])).toEqual([{ meeting_id: old, actor_id: 'securejoin:draft-expiry' }]);

    const wrongKey = await runProcess(['service', 'sweep-drafts', '--database-url', db.url], { SECUREJOIN_CODES_KEY: Buffer.alloc(32, 7).toString('base64') });
    expect([wrongKey.code, wrongKey.err]).toEqual([1, expect.stringContaining('the codes key is not the one this database was written with')]);
  }, 60_000);
});
