/** dev/addin-server/server.ts over real HTTP on 127.0.0.1 (builds the add-in and the playground once). */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { devObjectId } from '../../../cli/devIssuerRoutes';
import { startAddinServer } from '../../../dev/addin-server/server';
import type { AddinServer } from '../../../dev/addin-server/server';
import { createLocalIssuer, startLocalMeetingService } from '../../../scripts/localMeetingService';

let server: AddinServer;

beforeAll(async () => {
  server = await startAddinServer({ policyText: '{"version":1}', devIssuer: await createLocalIssuer() });
}, 30_000);
afterAll(async () => {
  await server?.close();
});

const get = (path: string, init?: RequestInit) => fetch(`${server.url}${path}`, { redirect: 'manual', ...init });

describe('add-in server', () => {
  it('serves the built add-in, its manifest for this host, and policy.json', async () => {
    const manifest = await (await get('/manifest.xml')).text();
    expect(manifest).toContain(`${server.url}/taskpane.html`);
    const pane = await (await get('/taskpane.html')).text();
    expect(pane).toContain('https://appsforoffice.microsoft.com/lib/1/hosted/office.js');
    expect((await get('/taskpane.js')).status).toBe(200);
    expect(await (await get('/policy.json')).text()).toBe('{"version":1}');
  });

  it('serves the playground, with the add-in pages pointed at the fake office.js', async () => {
    expect((await get('/')).headers.get('location')).toBe('/playground/');
    const page = await get('/playground/');
    expect(page.headers.get('content-security-policy')).toContain("script-src 'self'");
    expect(await page.text()).toContain('id="taskpane"');
    const pane = await (await get('/playground/addin/taskpane.html')).text();
    expect(pane).toContain('<script src="/playground/office.js"></script>');
    expect(pane).not.toContain('appsforoffice');
    expect(await (await get('/playground/addin/commands.html')).text()).toContain('/playground/office.js');
    expect((await get('/playground/office.js')).headers.get('content-type')).toMatch(/javascript/);
    expect(await (await get('/playground/addin/policy.json')).text()).toBe('{"version":1}');
  });

  it('changes or withdraws policy.json on demand (404 = unreachable)', async () => {
    server.setPolicyText(null);
    expect((await get('/policy.json')).status).toBe(404);
    server.setPolicyText('{}');
    expect(await (await get('/playground/addin/policy.json')).text()).toBe('{}');
    server.setPolicyText('{"version":1}');
  });

  it('refuses paths outside the build and other methods', async () => {
    expect((await get('/..%2f..%2fpackage.json')).status).toBe(404);
    expect((await get('/playground/..%2F..%2Fpackage.json')).status).toBe(404);
    expect((await get('/nope.html')).status).toBe(404);
    expect((await get('/taskpane.html', { method: 'POST' })).status).toBe(405);
  });

  it('forwards nothing to anyone: there is no /node/ pass-through', async () => {
    expect((await get('/node/api/securejoin/v1/rooms')).status).toBe(404);
    expect((await get('/node/api/securejoin/v1/rooms/a', { method: 'PUT', headers: { 'content-type': 'application/json', origin: server.url }, body: '{}' })).status).toBe(405);
  });

  it('serves the local issuer: its JWKS, and tokens the meeting service accepts (validated against that JWKS)', async () => {
    const jwks = (await (await get('/dev-issuer/jwks.json')).json()) as { keys: Array<{ kty: string; d?: string }> };
    expect(jwks.keys).toHaveLength(1);
    expect(jwks.keys[0]?.kty).toBe('EC');
    expect(jwks.keys[0]?.d).toBeUndefined(); // the public key only
    const issued = await get('/dev-issuer/token', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'olga@example.com', name: 'Olga' }) });
    expect(issued.status).toBe(200);
    const { access_token: token, token_type: type } = (await issued.json()) as { access_token: string; token_type: string };
    expect(type).toBe('Bearer');
    const claims = JSON.parse(Buffer.from(token.split('.')[1]!, 'base64url').toString()) as Record<string, unknown>;
    expect(claims).toMatchObject({ oid: devObjectId('olga@example.com'), preferred_username: 'olga@example.com', scp: 'Meetings.ReadWrite' });
    const service = await startLocalMeetingService({ jwksUrl: server.devIssuerJwksUrl!, allowOrigins: [server.url] });
    try {
      const list = await fetch(`${service.url}/api/v1/meetings`, { headers: { authorization: `Bearer ${token}` } });
      expect(list.status).toBe(200);
      expect(await list.json()).toEqual({ meetings: [] });
      expect((await fetch(`${service.url}/api/v1/meetings`, { headers: { authorization: `Bearer ${token.slice(0, -4)}AAAA` } })).status).toBe(401);
    } finally {
      await service.close();
    }
  }, 60_000);

  it('refuses token requests that are not JSON, name no email address, or use another method', async () => {
    const post = (body: string, type = 'application/json') => get('/dev-issuer/token', { method: 'POST', headers: { 'content-type': type }, body });
    expect((await post('username=olga@example.com', 'application/x-www-form-urlencoded')).status).toBe(415);
    expect((await post('{')).status).toBe(400);
    const bad = await post(JSON.stringify({ username: 'olga' }));
    expect(bad.status).toBe(400);
    expect(await bad.json()).toEqual({ error: 'invalid', message: 'username: must be an email address like olga@example.com' });
    expect((await post(JSON.stringify({ username: 'x@example.com', pad: 'x'.repeat(5000) }))).status).toBe(413);
    expect((await get('/dev-issuer/token')).status).toBe(405);
  });

  it('serves no issuer unless given one (development only)', async () => {
    const plain = await startAddinServer({ policyText: '{"version":1}' });
    try {
      expect(plain.devIssuerJwksUrl).toBeNull();
      expect((await fetch(`${plain.url}/dev-issuer/jwks.json`)).status).toBe(404);
    } finally {
      await plain.close();
    }
  }, 30_000);
});
