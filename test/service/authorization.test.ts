/**
 * Who may call: every route refuses missing, malformed, expired, wrongly signed, unsigned,
 * wrong-issuer, wrong-audience, other-tenant and scope-less tokens (401, nothing written), and
 * another organizer's meeting (403). On PostgreSQL and PGlite. Also CORS for the add-in's origin.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MeetingService } from '../../service';
import { createDevIssuer } from '../../service/auth/devIssuer';
import { AUDIENCE, BACKENDS, call, carryBack, GUEST_PIN, HOST_PIN, ISSUER, meetingBody, meetingId, SCOPE, startIssuer, startService, TENANT } from './support';
import type { BackendDb, TestIssuer } from './support';

const ADDIN_ORIGIN = 'https://localhost:3000';

function unsigned(claims: Record<string, unknown>): string {
  const b64 = (v: unknown): string => Buffer.from(JSON.stringify(v)).toString('base64url');
  return `${b64({ alg: 'none', typ: 'JWT' })}.${b64(claims)}.`;
}

describe.each(BACKENDS)('authorization on $name', (backend) => {
  let issuer: TestIssuer;
  let db: BackendDb;
  let svc: MeetingService;
  let ann: string;
  const annsMeeting = meetingId();
  /** Ann's meeting as created (its minted aliases are what a replace carries back). */
  let annsView: { subject: string; room: Record<string, unknown> };

  beforeAll(async () => {
    [issuer, db] = await Promise.all([startIssuer(), backend.open()]);
    svc = await startService(issuer, { ...db.options, allowOrigins: [ADDIN_ORIGIN] });
    ann = await issuer.sign({ oid: 'ann-oid' });
    const created = await call(svc.url, 'PUT', `/api/v1/meetings/${annsMeeting}`, { token: ann, body: meetingBody(), headers: { 'if-none-match': '*' } });
    expect(created.status).toBe(201);
    annsView = created.body;
  }, 60_000);

  afterAll(async () => {
    await svc?.close();
    await Promise.all([db?.close(), issuer?.close()]);
  });

  /** Every route, as a request that would succeed with Ann's token. */
  const routes = (): Array<[string, string, { body?: unknown; headers?: Record<string, string> }]> => [
    ['GET', '/api/v1/meetings', {}],
    ['GET', '/api/v1/meetings?all=1', {}],
    ['GET', `/api/v1/meetings/${annsMeeting}`, {}],
    ['PUT', `/api/v1/meetings/${annsMeeting}`, { body: carryBack(annsView, { guestPin: '1029384756' }), headers: { 'if-match': '"1"' } }],
    ['PUT', `/api/v1/meetings/${meetingId()}`, { body: meetingBody(), headers: { 'if-none-match': '*' } }],
    ['DELETE', `/api/v1/meetings/${annsMeeting}`, { headers: { 'if-match': '"1"' } }],
  ];

  it('refuses every route without a valid token, with 401 and nothing written', async () => {
    const stranger = await createDevIssuer({ issuer: ISSUER, audience: AUDIENCE, tenant: TENANT, scope: SCOPE });
    const [payload] = [ann.split('.')[1] as string];
    const tampered = ann.replace(payload, Buffer.from(JSON.stringify({ ...JSON.parse(Buffer.from(payload, 'base64url').toString()), oid: 'mallory' })).toString('base64url'));
    const now = Math.floor(Date.now() / 1000);
    const bad: Array<[string, string | undefined]> = [
      ['missing', undefined],
      ['not a JWT', 'abc'],
      ['expired', await issuer.sign({ oid: 'ann-oid', ttlSeconds: -60 })],
      ['not yet valid', await issuer.sign({ oid: 'ann-oid', nbf: now + 600 })],
      ['signed by another key', await stranger.sign({ oid: 'ann-oid' })],
      ['tampered after signing', tampered],
      ['unsigned (alg none)', unsigned({ iss: ISSUER, aud: AUDIENCE, tid: TENANT, scp: SCOPE, oid: 'ann-oid', exp: now + 600 })],
      ['wrong issuer', await issuer.sign({ oid: 'ann-oid', iss: 'https://login.example.test/other/v2.0' })],
      ['wrong audience', await issuer.sign({ oid: 'ann-oid', aud: 'api://someone-else' })],
      ['other tenant', await issuer.sign({ oid: 'ann-oid', tid: 'tenant-b' })],
      ['missing scope', await issuer.sign({ oid: 'ann-oid', scp: 'User.Read' })],
    ];
    for (const [what, token] of bad) {
      for (const [method, path, opts] of routes()) {
        const res = await call(svc.url, method, path, { ...opts, ...(token ? { token } : {}) });
        expect([what, method, path, res.status]).toEqual([what, method, path, 401]);
        expect(res.headers.get('www-authenticate')).toBe('Bearer');
        expect(res.body.error).toBe('unauthorized');
        if (token) expect(JSON.stringify(res.body)).not.toContain(token);
      }
    }
    const audit = await db.raw('SELECT action FROM meeting_audit');
    expect(audit).toHaveLength(1);
    const stored = await call(svc.url, 'GET', `/api/v1/meetings/${annsMeeting}`, { token: ann });
    expect([stored.body.version, stored.body.room.guestPin]).toEqual([1, GUEST_PIN]);
  });

  it("refuses another organizer's meeting with 403 on every route, and lists only the caller's", async () => {
    const bob = await issuer.sign({ oid: 'bob-oid' });
    const cases: Array<[string, { body?: unknown; headers?: Record<string, string> }]> = [
      ['GET', {}],
      ['PUT', { body: meetingBody({ guestPin: '1029384756' }), headers: { 'if-match': '"1"' } }],
      ['PUT', { body: meetingBody(), headers: { 'if-none-match': '*' } }],
      ['DELETE', { headers: { 'if-match': '"1"' } }],
    ];
    for (const [method, opts] of cases) {
      const res = await call(svc.url, method, `/api/v1/meetings/${annsMeeting}`, { ...opts, token: bob });
      expect([method, res.status]).toEqual([method, 403]);
      expect(JSON.stringify(res.body)).not.toContain(HOST_PIN);
    }
    expect((await call(svc.url, 'GET', '/api/v1/meetings', { token: bob })).body).toEqual({ meetings: [] });
    expect((await call(svc.url, 'GET', '/api/v1/meetings?all=1', { token: bob })).status).toBe(403);
    expect((await call(svc.url, 'GET', `/api/v1/meetings/${annsMeeting}`, { token: ann })).body.version).toBe(1);
  });

  it("lets the add-in's origin call from the browser (CORS), and no other origin", async () => {
    const preflight = await fetch(`${svc.url}/api/v1/meetings/${annsMeeting}`, {
      method: 'OPTIONS',
      headers: { origin: ADDIN_ORIGIN, 'access-control-request-method': 'PUT', 'access-control-request-headers': 'authorization, content-type, if-match' },
    });
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get('access-control-allow-origin')).toBe(ADDIN_ORIGIN);
    expect(preflight.headers.get('access-control-allow-methods')).toContain('PUT');
    expect(preflight.headers.get('access-control-allow-headers')?.toLowerCase()).toContain('if-match');
    const read = await fetch(`${svc.url}/api/v1/meetings/${annsMeeting}`, { headers: { origin: ADDIN_ORIGIN, authorization: `Bearer ${ann}` } });
    expect(read.headers.get('access-control-expose-headers')).toBe('ETag');
    const foreign = await fetch(`${svc.url}/api/v1/meetings/${annsMeeting}`, { headers: { origin: 'https://evil.example', authorization: `Bearer ${ann}` } });
    expect(foreign.headers.get('access-control-allow-origin')).toBeNull();
  });
});
