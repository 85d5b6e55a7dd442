/**
 * A service that accepts two kinds of token: Nested App Authentication's (the API's audience and
 * scope) and Office single sign-on's from classic Outlook's event runtime (the add-in app's
 * audience, its client id or `api://<add-in host>/<client id>`, and scope `access_as_user`). Any
 * one listed audience and any one listed scope suffice; everything else is refused as before
 * (401, nothing written), also a token whose audience or scope is merely close to a listed one.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MeetingService } from '../../service';
import { AUDIENCE, call, meetingBody, meetingId, SCOPE, startIssuer, startService } from './support';
import type { TestIssuer } from './support';

const CLIENT_ID = '8c2b2f4e-1d3a-4b5c-9e6f-0a1b2c3d4e5f';
const V1_AUDIENCE = `api://addins.example.com/${CLIENT_ID}`;
const SSO_SCOPE = 'access_as_user';

describe('a service with several audiences and scopes', () => {
  let issuer: TestIssuer;
  let svc: MeetingService;
  beforeAll(async () => {
    issuer = await startIssuer();
    svc = await startService(issuer, { auth: { issuer: issuer.issuer, audience: [AUDIENCE, CLIENT_ID, V1_AUDIENCE], jwksUrl: issuer.jwksUrl, tenant: issuer.tenant, scope: [SCOPE, SSO_SCOPE] } });
  }, 60_000);
  afterAll(async () => {
    await svc?.close();
    await issuer?.close();
  });

  const create = (token: string) => call(svc.url, 'PUT', `/api/v1/meetings/${meetingId()}`, { token, body: meetingBody(), headers: { 'if-none-match': '*' } });

  it("accepts NAA's token and Office SSO's (v2: client id, v1: api://host/client id), each as the same organizer", async () => {
    const naa = await issuer.sign({ oid: 'ann-oid' });
    const ssoV2 = await issuer.sign({ oid: 'ann-oid', aud: CLIENT_ID, scp: SSO_SCOPE });
    const ssoV1 = await issuer.sign({ oid: 'ann-oid', aud: V1_AUDIENCE, scp: `openid profile ${SSO_SCOPE}` });
    for (const token of [naa, ssoV2, ssoV1]) expect((await create(token)).status).toBe(201);
    const listed = await call(svc.url, 'GET', '/api/v1/meetings', { token: ssoV2 });
    expect(listed.body.meetings).toHaveLength(3);
  });

  it('refuses, as an attacker would try: an audience or scope not in the lists, one crossed from the other token kind, none at all', async () => {
    const before = (await call(svc.url, 'GET', '/api/v1/meetings', { token: await issuer.sign({ oid: 'ann-oid' }) })).body.meetings.length;
    const bad: Array<[string, string]> = [
      ['another app', await issuer.sign({ oid: 'ann-oid', aud: '11111111-2222-4333-8444-555555555555', scp: SSO_SCOPE })],
      ['an audience one character off', await issuer.sign({ oid: 'ann-oid', aud: `${CLIENT_ID}x`, scp: SSO_SCOPE })],
      ['another host for the v1 audience', await issuer.sign({ oid: 'ann-oid', aud: `api://evil.example.com/${CLIENT_ID}`, scp: SSO_SCOPE })],
      ['an unlisted scope', await issuer.sign({ oid: 'ann-oid', aud: CLIENT_ID, scp: 'User.Read Mail.Send' })],
      ['a scope that contains a listed one', await issuer.sign({ oid: 'ann-oid', aud: CLIENT_ID, scp: 'access_as_user_admin' })],
      ['no scope', await issuer.sign({ oid: 'ann-oid', aud: CLIENT_ID, scp: '' })],
      ['an audience list none of which is listed', await issuer.sign({ oid: 'ann-oid', aud: ['api://other', 'api://another'], scp: SSO_SCOPE })],
      ['other tenant with the SSO audience', await issuer.sign({ oid: 'ann-oid', aud: CLIENT_ID, scp: SSO_SCOPE, tid: 'tenant-b' })],
      ['expired SSO token', await issuer.sign({ oid: 'ann-oid', aud: CLIENT_ID, scp: SSO_SCOPE, ttlSeconds: -60 })],
    ];
    for (const [what, token] of bad) {
      const res = await create(token);
      expect([what, res.status, res.body.error]).toEqual([what, 401, 'unauthorized']);
      expect(res.headers.get('www-authenticate')).toBe('Bearer');
    }
    const after = (await call(svc.url, 'GET', '/api/v1/meetings', { token: await issuer.sign({ oid: 'ann-oid' }) })).body.meetings.length;
    expect(after).toBe(before);
  });
});
