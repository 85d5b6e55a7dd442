/**
 * Issue 24: an extension installed by the admin's policy (Chromium `ExtensionInstallForcelist`,
 * so `management.getSelf()` says installType "admin") must fail closed when its managed policy
 * fails the browser's schema: Chromium drops such values silently and `storage.managed` reads
 * `{}`, which for a user-installed extension means "no policy". Real Chromium, a real policy
 * folder (private mount namespace), the CRX served from 127.0.0.1.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exportPolicy } from '../../cli/export';
import { parsePolicyJson } from '../../core/policy';
import type { Policy } from '../../core/policy';
import { launchAdminInstalled } from './support/adminInstall';
import type { AdminInstalledBrowser } from './support/adminInstall';
import { EXTENSION_DIR } from './support/globalSetup';
import { startConferenceNode, ensureDevCertificate } from './support/devParts';
import type { ConferenceNode } from './support/devParts';

declare const chrome: any;

const example = parsePolicyJson(readFileSync('examples/policy.json', 'utf8'));
if (!example.ok) throw new Error('examples/policy.json must be valid');

let session: AdminInstalledBrowser;
let node: ConferenceNode;
let certDir: string;

beforeAll(async () => {
  certDir = mkdtempSync(join(tmpdir(), 'sj-node-cert-'));
  node = await startConferenceNode({
    tls: ensureDevCertificate(certDir),
    webappPath: 'meet',
    rooms: [{ alias: 'admin-room', hostPin: '864213', guestPin: '753142', allowGuests: true }],
  });
  // What an admin might deploy by mistake: the version as a string and the nodes as one string.
  // Chromium drops both (they fail the manifest's managed_schema): the extension reads {}.
  session = await launchAdminInstalled(EXTENSION_DIR, () => ({ version: '1', nodes: node.url }), { args: ['--ignore-certificate-errors'] });
});
afterAll(async () => {
  await session?.close();
  await node?.close();
  if (certDir) rmSync(certDir, { recursive: true, force: true });
});

interface StoredState {
  source: string;
  errors: Array<{ path: string; message: string }>;
  policy: Policy;
}

async function waitForState(predicate: (s: StoredState) => boolean, timeoutMs = 20_000): Promise<StoredState> {
  const ui = await session.ready();
  const deadline = Date.now() + timeoutMs;
  let last: StoredState | undefined;
  while (Date.now() < deadline) {
    last = (await ui.evaluate(async () => (await chrome.storage.local.get('policyState')).policyState)) as StoredState | undefined;
    if (last && predicate(last)) return last;
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`policy state never matched; last seen: ${JSON.stringify(last)}`);
}

async function waitForMatches(ok: (m: string[]) => boolean, what: string): Promise<void> {
  const deadline = Date.now() + 20_000;
  let last: string[] = [];
  while (Date.now() < deadline) {
    last = await session.registeredMatches();
    if (ok(last)) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`join-page script never registered for ${what}; registered: ${JSON.stringify(last)}`);
}

async function openExtensionPage(file: string): Promise<Page> {
  const page = await session.browser.newPage();
  await page.goto(`chrome-extension://${session.extensionId}/${file}`);
  return page;
}

describe('admin-installed extension (force-installed by policy) in real Chromium', () => {
  it('is installed by the admin, and with a policy that fails the schema acts on no node and says so', async () => {
    const ui = await session.ready();
    expect(await ui.evaluate(async () => (await chrome.management.getSelf()).installType)).toBe('admin');
    // The browser delivered nothing (the values failed the schema): not "no policy".
    expect(await ui.evaluate(() => chrome.storage.managed.get())).toEqual({});
    const state = await waitForState((s) => s.source !== 'default' && s.source !== undefined);
    expect(state.source).toBe('unreadable');
    expect(state.errors[0]?.message).toMatch(/^Your administrator's SecureJoin policy could not be read/);

    // Acts on no node: the join-page script runs nowhere (not even on the loopback hosts this
    // development build holds permissions for), and nothing can be saved.
    await waitForMatches((m) => m.length === 0, 'nothing');
    const refused = await session.send({ type: 'meetings:add', input: { url: `${node.url}/meet/m/admin-room`, role: 'guest', pin: '753142' } });
    expect(refused).toMatchObject({ ok: false, error: expect.stringMatching(/policy is broken/) });

    // Says so, in the popup and on the options page.
    const popup = await openExtensionPage('popup.html');
    await popup.waitForSelector('#policy-broken');
    expect(await popup.$eval('#policy-broken', (el) => el.textContent)).toContain("Your administrator's SecureJoin policy could not be read.");
    await popup.close();
    const options = await openExtensionPage('options.html');
    await options.waitForSelector('#policy-source');
    expect(await options.$eval('#policy-source', (el) => el.textContent)).toBe("Your administrator's SecureJoin policy could not be read: SecureJoin fills and saves nothing until it is fixed.");
    await options.close();
  });

  it('a valid policy (exported for this extension id) still works: saved, registered on the policy node only, filled', async () => {
    const policy: Policy = { ...example.value, nodes: [{ name: 'Loopback test node', origin: node.url, webAppPath: 'meet', dialIn: [] }] };
    session.writePolicyFile('securejoin.json', exportPolicy(policy, 'chromium-linux', session.extensionId).content);
    await waitForState((s) => s.source === 'managed' && s.policy.nodes[0]?.origin === node.url);
    await waitForMatches((m) => m.length === 1 && m[0] === `${node.url}/*`, `${node.url}/*`);
    const added = await session.send({ type: 'meetings:add', input: { url: `${node.url}/meet/m/admin-room`, role: 'guest', pin: '753142' } });
    expect(added.ok).toBe(true);
    const page = await session.browser.newPage();
    await page.goto(node.joinUrl('admin-room', { name: 'Ada Admin' }));
    await page.waitForFunction(() => document.getElementById('join')?.dataset.state === 'ready', { timeout: 10_000 });
    await page.click('#join-button');
    await page.waitForFunction(() => (document.getElementById('pin') as HTMLInputElement).value !== '', { timeout: 10_000 });
    expect(await page.$eval('#pin', (el) => (el as HTMLInputElement).value)).toBe('753142');
    await page.close();
  });
});
