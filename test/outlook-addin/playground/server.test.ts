/** outlook-addin/server.ts over real HTTP on 127.0.0.1 (builds the add-in and the playground once). */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:http';
import { createServer as createHttpsServer, request as httpsRequest } from 'node:https';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ensureDevCertificate } from '../../../devcert';
import type { AddressInfo } from 'node:net';
import { startAddinServer } from '../../../outlook-addin/server';
import type { AddinServer } from '../../../outlook-addin/server';

let server: AddinServer;
let node: ReturnType<typeof createServer>;
let nodeUrl: string;

beforeAll(async () => {
  node = createServer((req, res) => {
    res.writeHead(201, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ method: req.method, url: req.url, auth: req.headers.authorization ?? null }));
  });
  await new Promise<void>((ok) => node.listen(0, '127.0.0.1', ok));
  nodeUrl = `http://127.0.0.1:${(node.address() as AddressInfo).port}`;
  server = await startAddinServer({ policyText: '{"version":1}', nodeUrl });
}, 30_000);
afterAll(async () => {
  await server?.close();
  await new Promise((ok) => node?.close(ok));
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

  it('passes /node/... through to the conference node, body and authorization included', async () => {
    const res = await get('/node/api/securejoin/v1/rooms/a', { method: 'PUT', headers: { authorization: 'Bearer t', 'content-type': 'application/json' }, body: '{}' });
    expect(res.status).toBe(201);
    expect(await res.json()).toEqual({ method: 'PUT', url: '/api/securejoin/v1/rooms/a', auth: 'Bearer t' });
    expect(server.provisioningUrl).toBe(`${server.url}/node/api/securejoin/v1`);
  });

  it('over https to an https node: adds the node token for its own pages only, never for other sites', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'securejoin-cert-'));
    const tls = ensureDevCertificate(dir);
    const httpsNode = createHttpsServer(tls, (req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ auth: req.headers.authorization ?? null }));
    });
    await new Promise<void>((ok) => httpsNode.listen(0, '127.0.0.1', ok));
    const secure = await startAddinServer({ policyText: '{"version":1}', https: tls, nodeUrl: `https://127.0.0.1:${(httpsNode.address() as AddressInfo).port}`, nodeToken: 'sekret', nodeCa: tls.cert });
    try {
      const call = (path: string, method = 'GET', headers: Record<string, string> = {}) =>
        new Promise<string>((ok, fail) => {
          const req = httpsRequest(`${secure.url}${path}`, { method, headers, ca: tls.cert }, (res) => {
            let text = '';
            res.setEncoding('utf8').on('data', (c: string) => (text += c)).on('end', () => ok(text));
          });
          req.on('error', fail).end(method === 'PUT' ? '{}' : undefined);
        });
      const auth = async (headers: Record<string, string>) => JSON.parse(await call('/node/api/securejoin/v1/rooms/a', 'PUT', headers)) as { auth: string | null };
      expect(secure.url).toMatch(/^https:\/\/127\.0\.0\.1:/);
      expect(await auth({ origin: secure.url })).toEqual({ auth: 'Bearer sekret' });
      expect(await auth({ origin: 'https://evil.example' })).toEqual({ auth: null });
      expect(await auth({})).toEqual({ auth: null });
      expect(await auth({ origin: secure.url, authorization: 'Bearer mine' })).toEqual({ auth: 'Bearer mine' });
      // The token is in no file the server hands out.
      for (const path of ['/taskpane.js', '/runtime.js', '/commands.js', '/policy.json', '/playground/addin/taskpane.html']) {
        const text = await call(path);
        expect(text.length, path).toBeGreaterThan(10);
        expect(text, path).not.toContain('sekret');
      }
    } finally {
      await secure.close();
      await new Promise((ok) => httpsNode.close(ok));
      rmSync(dir, { recursive: true, force: true });
    }
  }, 30_000);
});
