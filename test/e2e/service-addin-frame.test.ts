/**
 * The add-in as the production service serves it, in real Chromium, framed the way Outlook on the
 * web frames it: from an origin its CSP lists (`frame-ancestors`), the task pane's page loads,
 * office.js is fetched from Microsoft's CDN origin (answered here by the test: the machine is
 * offline) and the pane's own module script runs; from an origin the CSP does not list, Chromium
 * refuses to show the pane at all.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:http';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Frame, Page } from 'puppeteer-core';
import type { MeetingService } from '../../service';
import { ADDIN_PLACEHOLDER_URL } from '../../service/addin/files';
import { OFFICE_JS_ORIGIN } from '../../service/http/securityHeaders';
import { createTestDatabase, startIssuer, startService } from '../service/support';
import type { TestDatabase, TestIssuer } from '../service/support';
import { launchChromium } from './support/chromium';
import { buildAddin } from './support/devParts';

let dir: string;
let issuer: TestIssuer;
let db: TestDatabase;
let svc: MeetingService;
let outlook: Server;
let outlookPort: number;
let browser: Browser;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'sj-frame-'));
  [, issuer, db] = await Promise.all([buildAddin(dir, { hostUrl: ADDIN_PLACEHOLDER_URL }), startIssuer(), createTestDatabase()]);
  // A stand-in for Outlook on the web: a page that frames the task pane, on 127.0.0.1 (listed
  // below) and on localhost (not listed): same server, two origins.
  outlook = createServer((req, res) => {
    const pane = new URL(req.url ?? '/', 'http://x').searchParams.get('pane') ?? '';
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(`<!doctype html><title>Outlook</title><iframe id="pane" src="${pane.replace(/"/g, '')}" width="400" height="600"></iframe>`);
  });
  await new Promise<void>((r) => outlook.listen(0, '127.0.0.1', r));
  outlookPort = (outlook.address() as AddressInfo).port;
  svc = await startService(issuer, {
    databaseUrl: db.url,
    addin: { dir, publicUrl: 'http://127.0.0.1', policyText: '{"version":1}' },
    frameAncestors: [`http://127.0.0.1:${outlookPort}`],
  });
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
  await svc?.close();
  await new Promise((r) => outlook?.close(r));
  await Promise.all([db?.drop(), issuer?.close()]);
  if (dir) rmSync(dir, { recursive: true, force: true });
});

/** Opens the stand-in Outlook at `origin`, framing the served task pane; office.js requests are answered with a marker script. */
async function openOutlook(origin: string): Promise<{ page: Page; console: string[]; officeJsRequests: string[] }> {
  const page = await browser.newPage();
  const console: string[] = [];
  const officeJsRequests: string[] = [];
  page.on('console', (m) => console.push(m.text()));
  await page.setRequestInterception(true);
  page.on('request', (req) => {
    if (req.url().startsWith(`${OFFICE_JS_ORIGIN}/`)) {
      officeJsRequests.push(req.url());
      void req.respond({ status: 200, contentType: 'text/javascript', body: 'window.__officeJsLoaded = true;' });
    } else void req.continue();
  });
  await page.goto(`${origin}/?pane=${encodeURIComponent(`${svc.url}/taskpane.html`)}`);
  return { page, console, officeJsRequests };
}

const paneFrame = (page: Page): Frame | undefined => page.frames().find((f) => f.url() === `${svc.url}/taskpane.html`);

describe('the served task pane inside a frame', () => {
  it('runs when framed by an origin the CSP lists: office.js from its CDN and the pane\'s own module script both load', async () => {
    const { page, console, officeJsRequests } = await openOutlook(`http://127.0.0.1:${outlookPort}`);
    const deadline = Date.now() + 10_000;
    let frame = paneFrame(page);
    while (!frame && Date.now() < deadline) {
      await new Promise((r) => setTimeout(r, 100));
      frame = paneFrame(page);
    }
    if (!frame) throw new Error(`the task pane frame never loaded; console: ${console.join(' | ')}`);
    // Without a real Office host the pane says so: proof that taskpane.js ran under the CSP.
    await frame.waitForFunction(() => document.getElementById('app')?.textContent?.includes('SecureJoin runs inside Outlook') === true, { timeout: 10_000 });
    expect(await frame.evaluate(() => (window as unknown as { __officeJsLoaded?: boolean }).__officeJsLoaded)).toBe(true);
    expect(officeJsRequests).toEqual([`${OFFICE_JS_ORIGIN}/lib/1/hosted/office.js`]);
    expect(console.filter((m) => m.includes('Content Security Policy'))).toEqual([]);
    await page.close();
  });

  it('is refused when framed by an origin the CSP does not list', async () => {
    const { page, console } = await openOutlook(`http://localhost:${outlookPort}`);
    const deadline = Date.now() + 10_000;
    while (!console.some((m) => m.includes('frame-ancestors')) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
    expect(console.join('\n')).toMatch(/violates the following Content Security Policy directive: "frame-ancestors /);
    const frame = paneFrame(page);
    // Chromium shows its error page in place of the pane: nothing of the pane ran.
    const ran = frame ? await frame.evaluate(() => document.getElementById('app') !== null).catch(() => false) : false;
    expect(ran).toBe(false);
    await page.close();
  });
});
