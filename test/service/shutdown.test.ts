/**
 * `securejoin service` as a process: it starts from flags and environment, and on SIGTERM it
 * lets a request in flight finish (and commit) before it exits 0.
 */
import { request } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../cli/run';
import { startMeetingService } from '../../service';
import { spawnService } from './processes';
import { call, CODES_KEY, createTestDatabase, meetingBody, meetingId, serviceOptions, sql, startIssuer } from './support';
import type { TestDatabase, TestIssuer } from './support';

describe('securejoin service (process)', () => {
  let issuer: TestIssuer;
  let db: TestDatabase;

  beforeAll(async () => {
    [issuer, db] = await Promise.all([startIssuer(), createTestDatabase()]);
  });
  afterAll(async () => {
    await Promise.all([db?.drop(), issuer?.close()]);
  });

  it('finishes a request in flight on SIGTERM, then exits 0 and takes no new one', async () => {
    // Debug: the service logs each request's arrival (at info only its completion).
    const svc = await spawnService(issuer, db.url, ['--log-level', 'debug']);
    const token = await issuer.sign({ oid: 'ann-oid' });
    expect((await call(svc.url, 'GET', '/readyz')).status).toBe(200);

    const id = meetingId();
    const body = JSON.stringify(meetingBody());
    const half = Math.floor(body.length / 2);
    const answer = new Promise<{ status: number; text: string }>((resolve, reject) => {
      const req = request(`${svc.url}/api/v1/meetings/${id}`, {
        method: 'PUT',
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json', 'content-length': Buffer.byteLength(body), 'if-none-match': '*' },
      });
      req.on('response', (res) => {
        let text = '';
        res.on('data', (c: Buffer) => (text += c.toString()));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, text }));
      });
      req.on('error', reject);
      // Half the body now: the request is in flight when the signal arrives.
      req.write(body.slice(0, half));
      // The signal once the service logged the request's arrival (its line names the route and the
      // meeting id, never the URL); the rest of the body once it began to stop.
      let signalled = false;
      const step = (): void => {
        if (!signalled && svc.stdout().includes(`"meetingId":"${id}"`)) {
          signalled = true;
          svc.child.kill('SIGTERM');
        }
        if (signalled && svc.stderr().includes('finishing requests in flight')) return void req.end(body.slice(half));
        setTimeout(step, 10);
      };
      step();
    });
    const res = await answer;
    expect(res.status, res.text).toBe(201);
    expect(await svc.exited).toBe(0);
    expect(svc.stderr()).toContain('meeting service stopped');
    await expect(fetch(`${svc.url}/healthz`)).rejects.toThrow();
    expect(await sql(db.url, 'SELECT version FROM meetings WHERE id = $1', [id])).toEqual([{ version: 1 }]);
  }, 60_000);

  it('documents every flag and variable in --help', () => {
    const out: string[] = [];
    const io = { out: (t: string) => void out.push(t), err: () => undefined };
    expect(runCli(['--help'], io)).toBe(0);
    expect(out.join('')).toContain('securejoin service');
    expect(runCli(['service', '--help'], io)).toBe(0);
    const help = out.join('');
    for (const flag of ['--port', '--host', '--database-url', '--data-dir', '--codes-key', '--issuer', '--audience', '--jwks-url', '--tenant', '--scope', '--admin-role', '--allow-origin', '--policy-username', '--policy-password', '--admin-policy', '--guess-limit', '--guess-window', '--tls-dir']) {
      expect(help).toContain(flag);
    }
    for (const variable of ['PORT', 'DATABASE_URL', 'SECUREJOIN_DATA_DIR', 'SECUREJOIN_CODES_KEY', 'SECUREJOIN_POLICY_USERNAME', 'SECUREJOIN_POLICY_PASSWORD', 'SECUREJOIN_ADMIN_POLICY', 'SECUREJOIN_GUESS_LIMIT', 'SECUREJOIN_GUESS_WINDOW']) expect(help).toContain(variable);
  });

  it('refuses to start without what it needs, saying what to set', async () => {
    const err: string[] = [];
    const code = runCli(['service', '--issuer', 'x', '--audience', 'y', '--tenant', 't'], { out: () => undefined, err: (t) => void err.push(t) });
    expect([code, err.join('')]).toEqual([2, expect.stringContaining('--jwks-url (or SECUREJOIN_JWKS_URL) is required')]);
    const noKey = serviceOptions(issuer, { databaseUrl: db.url });
    delete noKey.codesKey;
    await expect(startMeetingService(noKey)).rejects.toThrow(/set SECUREJOIN_CODES_KEY/);
    await expect(startMeetingService({ ...noKey, codesKey: 'c2hvcnQ=' })).rejects.toThrow(/must be 32 bytes/);
    // This database's codes were sealed with CODES_KEY by the first test: another key is refused.
    await expect(startMeetingService({ ...noKey, codesKey: Buffer.alloc(32, 1).toString('base64') })).rejects.toThrow(/not the one this database was written with/);
    const right = await startMeetingService({ ...noKey, codesKey: CODES_KEY });
    await right.close();
  });
});
