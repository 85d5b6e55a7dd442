/**
 * The service serving the built Outlook add-in (service/addin): the production build (made for a
 * placeholder origin) served for the service's public URL, the admin's policy.json beside it,
 * caching (hashed chunks immutable for a year, the rest revalidated with ETags), security headers
 * that let Outlook frame it and load office.js, nothing outside the build.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildAddin } from '../../../scripts/build/outlookAddin';
import type { MeetingService } from '../../../service';
import { ADDIN_PLACEHOLDER_URL, loadAddinFiles } from '../../../service/addin/files';
import { manifestProblems } from '../../../outlook-addin/manifest';
import { createTestDatabase, startIssuer, startService } from '../support';
import type { TestDatabase, TestIssuer } from '../support';

const PUBLIC_URL = 'https://securejoin.example.test';
const POLICY_TEXT = `${JSON.stringify({ version: 1, nodes: [{ origin: 'https://meet.example.test', name: 'Example node' }] }, null, 2)}\n`;

let dir: string;
let issuer: TestIssuer;
let db: TestDatabase;
let svc: MeetingService;
let files: string[];

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'sj-addin-'));
  const [built, i, d] = await Promise.all([buildAddin(dir, { hostUrl: ADDIN_PLACEHOLDER_URL }), startIssuer(), createTestDatabase()]);
  files = Object.keys(built.files);
  [issuer, db] = [i, d];
  svc = await startService(issuer, { databaseUrl: db.url, addin: { dir, publicUrl: PUBLIC_URL, policyText: POLICY_TEXT }, frameAncestors: ['https://mail.contoso.test'] });
}, 120_000);
afterAll(async () => {
  await svc?.close();
  await Promise.all([db?.drop(), issuer?.close()]);
  rmSync(dir, { recursive: true, force: true });
});

const get = (path: string, headers: Record<string, string> = {}) => fetch(`${svc.url}${path}`, { headers });

describe('the add-in at the service URL', () => {
  it('serves every file of the build, written for the public URL (no placeholder left anywhere)', async () => {
    for (const name of files) {
      const res = await get(`/${name}`);
      expect(res.status, name).toBe(200);
      expect(Buffer.from(await res.arrayBuffer()).toString('latin1'), name).not.toContain('securejoin-service-url.invalid');
    }
    const manifest = await (await get('/manifest.xml')).text();
    expect(manifest).toContain(`<SourceLocation DefaultValue="${PUBLIC_URL}/taskpane.html"/>`);
    expect(manifest).toContain(`${PUBLIC_URL}/commands.js`);
    // The event runtimes read the policy from the public URL.
    expect(await (await get('/commands.js')).text()).toContain(`${PUBLIC_URL}/policy.json`);
    expect(await (await get('/.well-known/microsoft-officeaddins-allowed.json')).json()).toEqual({ allowed: [`${PUBLIC_URL}/commands.js`] });
  });

  it("names the admin's app registration for Office SSO in the manifest, at the public host, or none when the admin's policy names no meeting service", async () => {
    // The build carried the example policy's client id, for the placeholder host; this policy names no service.
    expect(readFileSync(join(dir, 'manifest.xml'), 'utf8')).toContain('<WebApplicationInfo>');
    const served = await (await get('/manifest.xml')).text();
    expect(served).not.toContain('WebApplicationInfo');
    expect(manifestProblems(served)).toEqual([]);
    const clientId = '0a1b2c3d-4e5f-4061-8273-9485a6b7c8d9';
    const withService = JSON.stringify({ version: 1, meetingService: { url: PUBLIC_URL, clientId, authority: 'https://login.microsoftonline.com/organizations', scope: 'api://securejoin.example.test/Meetings.ReadWrite' } });
    const manifest = loadAddinFiles(dir, `${PUBLIC_URL}:8443`, withService).get('manifest.xml')?.body.toString('utf8') ?? '';
    expect(manifestProblems(manifest)).toEqual([]);
    expect(manifest.match(/<WebApplicationInfo>/g)).toHaveLength(1);
    expect(manifest).toContain(`<Id>${clientId}</Id>`);
    expect(manifest).toContain(`<Resource>api://securejoin.example.test:8443/${clientId}</Resource>`);
    expect(manifest).not.toContain('8c2b2f4e-1d3a-4b5c-9e6f-0a1b2c3d4e5f');
  });

  it('serves the task pane page and its scripts with their types', async () => {
    const pane = await get('/taskpane.html');
    expect(pane.headers.get('content-type')).toBe('text/html; charset=utf-8');
    const html = await pane.text();
    expect(html).toContain('<script src="https://appsforoffice.microsoft.com/lib/1/hosted/office.js"></script>');
    expect(html).toContain('<script type="module" src="taskpane.js"></script>');
    expect((await get('/taskpane.js')).headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect((await get('/assets/icon-80.png')).headers.get('content-type')).toBe('image/png');
    const head = await fetch(`${svc.url}/taskpane.html`, { method: 'HEAD' });
    expect(head.status).toBe(200);
  });

  it('serves the admin\'s policy.json, not the example the build carried', async () => {
    const res = await get('/policy.json');
    expect(res.headers.get('content-type')).toBe('application/json; charset=utf-8');
    expect(await res.text()).toBe(POLICY_TEXT);
    expect(res.headers.get('cache-control')).toBe('no-cache');
  });

  it('caches hashed chunks for a year; revalidates the rest by ETag (304 when unchanged)', async () => {
    const chunk = files.find((f) => f.startsWith('chunks/'));
    expect(chunk).toBeDefined();
    expect((await get(`/${chunk}`)).headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    const pane = await get('/taskpane.js');
    expect(pane.headers.get('cache-control')).toBe('no-cache');
    const etag = pane.headers.get('etag') as string;
    expect(etag).toMatch(/^"[A-Za-z0-9_-]{22}"$/);
    const again = await get('/taskpane.js', { 'if-none-match': etag });
    expect(again.status).toBe(304);
    expect(await again.text()).toBe('');
    expect((await get('/taskpane.js', { 'if-none-match': '"stale"' })).status).toBe(200);
  });

  it('sends headers that let Outlook frame the pane and load office.js, and nothing that breaks it', async () => {
    const res = await get('/taskpane.html');
    const csp = res.headers.get('content-security-policy') ?? '';
    const directive = (name: string) => csp.split(';').map((d) => d.trim()).find((d) => d.startsWith(`${name} `)) ?? '';
    expect(directive('script-src')).toBe("script-src 'self' https://appsforoffice.microsoft.com");
    expect(directive('frame-ancestors')).toContain('https://outlook.office.com');
    expect(directive('frame-ancestors')).toContain('https://outlook.office365.com');
    expect(directive('frame-ancestors')).toContain('https://mail.contoso.test');
    expect(directive('object-src')).toBe("object-src 'none'");
    expect(csp).not.toContain('upgrade-insecure-requests');
    // X-Frame-Options cannot name Outlook's several origins; frame-ancestors does it instead.
    expect(res.headers.get('x-frame-options')).toBeNull();
    expect(res.headers.get('cross-origin-opener-policy')).toBeNull();
    expect(res.headers.get('cross-origin-resource-policy')).toBe('cross-origin');
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('strict-transport-security')).toBe('max-age=31536000');
    expect(res.headers.get('referrer-policy')).toBe('no-referrer');
  });

  it('sends Strict-Transport-Security only for an https public URL, never without one', async () => {
    const plain = await startService(issuer, { databaseUrl: db.url });
    try {
      const res = await fetch(`${plain.url}/healthz`);
      expect(res.headers.get('strict-transport-security')).toBeNull();
      expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    } finally {
      await plain.close();
    }
  });

  it('answers 404 for anything outside the build (also through ..) and keeps the API and health routes', async () => {
    expect((await get('/package.json')).status).toBe(404);
    expect((await get('/..%2fpackage.json')).status).toBe(404);
    expect((await get('/chunks/../../package.json')).status).toBe(404);
    expect((await get('/')).status).toBe(404);
    expect(await (await get('/healthz')).json()).toEqual({ status: 'ok' });
    expect((await get('/api/v1/meetings')).status).toBe(401);
  });

  it('refuses to start on a folder that is not an add-in build, naming what is missing', () => {
    expect(() => loadAddinFiles(join(dir, 'assets'), PUBLIC_URL, POLICY_TEXT)).toThrow(/is not an add-in build: taskpane\.html, taskpane\.js, commands\.html, commands\.js, runtime\.js, manifest\.xml missing/);
    expect(() => loadAddinFiles(join(dir, 'nope'), PUBLIC_URL, POLICY_TEXT)).toThrow(/does not exist \(run npm run build/);
  });
});
