/**
 * GET /metrics on a real service (PostgreSQL, so the pool is real): protected by its own HTTP
 * Basic credentials (404 without them configured), the Prometheus text format, latency per route
 * PATTERN, policy decisions and writes by outcome, drafts swept, pool use and process metrics;
 * no meeting id, alias or code anywhere in it. The registry is one per process, so counts are
 * compared before and after.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MeetingService } from '../../../service';
import { basic, policyGet, webJoinQuery } from '../infinityRequests';
import { GUEST_PIN, HOST_PIN, PASSCODE, aliasesOf, call, carryBack, createTestDatabase, meetingBody, meetingId, startIssuer, startService } from '../support';
import type { TestDatabase, TestIssuer } from '../support';
import { families, labelValues, sample } from './scrape';

const START = Date.UTC(2030, 0, 7, 9);
const POLICY = { username: 'infinity-policy', password: 'correct horse battery staple 7' };
const METRICS = { username: 'prometheus', password: 'scrape me 42 times' };

let issuer: TestIssuer;
let db: TestDatabase;
let svc: MeetingService;
let token: string;

beforeAll(async () => {
  [issuer, db] = await Promise.all([startIssuer(), createTestDatabase()]);
  token = await issuer.sign({ oid: 'ann-oid', preferred_username: 'ann@example.com' });
  svc = await startService(issuer, { databaseUrl: db.url, policy: POLICY, metrics: METRICS, clock: () => START, drafts: { ttlMs: 1, sweepEveryMs: 50 } });
}, 60_000);
afterAll(async () => {
  await svc?.close();
  await Promise.all([db?.drop(), issuer?.close()]);
});

const scrape = async (authorization: string | null = basic(METRICS.username, METRICS.password)): Promise<Response> =>
  fetch(`${svc.url}/metrics`, { headers: authorization ? { authorization } : {} });
const text = async (): Promise<string> => {
  const res = await scrape();
  expect(res.status).toBe(200);
  return res.text();
};

describe('/metrics', () => {
  it('answers only with its own credentials: not the policy profile\'s, not none', async () => {
    expect((await scrape(null)).status).toBe(401);
    expect((await scrape(null)).headers.get('www-authenticate')).toContain('securejoin-metrics');
    expect((await scrape(basic(POLICY.username, POLICY.password))).status).toBe(401);
    expect((await scrape(basic(METRICS.username, 'wrong'))).status).toBe(401);
    const ok = await scrape();
    expect(ok.headers.get('content-type')).toMatch(/^text\/plain; version=0\.0\.4/);
  });

  it('after a journey: latency per route pattern, writes and policy decisions by outcome, pool and process metrics, no id, alias or code', async () => {
    const before = await text();
    const id = meetingId();
    const created = await call(svc.url, 'PUT', `/api/v1/meetings/${id}?probe=1`, { token, body: meetingBody({ sent: true }, START), headers: { 'if-none-match': '*' } });
    expect(created.status).toBe(201);
    const alias = aliasesOf(created.body).web;
    // Later writes carry the minted aliases back, as the add-in does.
    const body = carryBack(created.body, { meeting: { start: START, end: START + 3_600_000 } });
    const version = created.headers.get('etag') as string;
    expect((await call(svc.url, 'PUT', `/api/v1/meetings/${id}`, { token, body, headers: { 'if-match': version } })).status).toBe(200);
    expect((await call(svc.url, 'PUT', `/api/v1/meetings/${id}`, { token, body, headers: { 'if-match': version } })).status).toBe(412);
    expect((await call(svc.url, 'PUT', `/api/v1/meetings/${id}`, { token, body: { subject: 1 }, headers: { 'if-match': '"2"' } })).status).toBe(400);
    expect((await policyGet(svc.url, 'service/configuration', webJoinQuery(alias), basic(POLICY.username, POLICY.password))).body.action).toBe('continue');
    expect((await policyGet(svc.url, 'service/configuration', webJoinQuery('nosuchroom'), basic(POLICY.username, POLICY.password))).body.action).toBe('reject');

    const after = await text();
    const delta = (name: string, labels: Record<string, string>): number => sample(after, name, labels) - (sample(before, name, labels) || 0);
    expect(delta('securejoin_meeting_writes_total', { outcome: 'created' })).toBe(1);
    expect(delta('securejoin_meeting_writes_total', { outcome: 'replaced' })).toBe(1);
    expect(delta('securejoin_meeting_writes_total', { outcome: 'conflict' })).toBe(1);
    expect(delta('securejoin_meeting_writes_total', { outcome: 'refused' })).toBe(1);
    expect(delta('securejoin_policy_decisions_total', { outcome: 'continue' })).toBe(1);
    expect(delta('securejoin_policy_decisions_total', { outcome: 'reject' })).toBe(1);
    expect(sample(after, 'securejoin_policy_decisions_total', { outcome: 'blocked' })).toBeGreaterThanOrEqual(0);
    // The route pattern, never the URL with the meeting id or the query.
    expect(delta('securejoin_http_request_duration_seconds_count', { route: '/api/v1/meetings/:id', method: 'PUT', status_code: '201' })).toBe(1);
    expect(delta('securejoin_http_request_duration_seconds_count', { route: '/policy/v1/service/configuration', method: 'GET', status_code: '200' })).toBe(2);
    expect(after).not.toContain('probe=1');
    for (const family of ['securejoin_drafts_swept_total', 'securejoin_db_pool_connections', 'securejoin_db_pool_waiting', 'securejoin_db_pool_max', 'process_cpu_seconds_total', 'process_resident_memory_bytes', 'nodejs_eventloop_lag_seconds']) {
      expect(families(after)).toContain(family);
    }
    // The pool that served the journey: at least one connection open, the configured limit.
    expect(sample(after, 'securejoin_db_pool_connections', { state: 'idle' }) + sample(after, 'securejoin_db_pool_connections', { state: 'in_use' })).toBeGreaterThanOrEqual(1);
    expect(sample(after, 'securejoin_db_pool_max')).toBeGreaterThanOrEqual(20);
    for (const secret of [id, HOST_PIN, GUEST_PIN, PASSCODE, ...aliasesOf(created.body).all]) {
      expect(after).not.toContain(secret);
    }
    expect(labelValues(after).every((v) => v.length < 64)).toBe(true);
  });

  it('counts the drafts the expiry job removes', async () => {
    const before = sample(await text(), 'securejoin_drafts_swept_total');
    const id = meetingId();
    expect((await call(svc.url, 'PUT', `/api/v1/meetings/${id}`, { token, body: meetingBody({ sent: false }, START), headers: { 'if-none-match': '*' } })).status).toBe(201);
    const until = Date.now() + 10_000;
    while (sample(await text(), 'securejoin_drafts_swept_total') < before + 1) {
      if (Date.now() > until) throw new Error('the draft was never swept');
      await new Promise((r) => setTimeout(r, 50));
    }
    expect((await call(svc.url, 'GET', `/api/v1/meetings/${id}`, { token })).status).toBe(404);
  });

  it('is not there (404) when no metrics credentials are configured', async () => {
    const plain = await startService(issuer, { databaseUrl: db.url });
    try {
      expect((await fetch(`${plain.url}/metrics`, { headers: { authorization: basic(METRICS.username, METRICS.password) } })).status).toBe(404);
    } finally {
      await plain.close();
    }
  });
});
