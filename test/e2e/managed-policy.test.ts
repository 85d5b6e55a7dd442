/**
 * The admin's path end to end: `securejoin policy export --target chromium-linux` writes the file
 * an admin deploys; real Chromium reads it as managed storage against the manifest's
 * managed_schema (derived from core's zod schema; an invalid schema would stop the extension
 * from loading); the extension turns it back into a Policy, live, and fails closed when a policy
 * is deployed but unacceptable (fills nowhere, saves nothing, says where the policy is wrong).
 *
 * A policy only names https nodes, so the reference node serves HTTPS here with a self-signed
 * loopback certificate (devcert) that this Chromium is told to accept.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exportPolicy } from '../../cli/export';
import { DEFAULT_POLICY, parsePolicyJson } from '../../core/policy';
import type { AutofillMode, Policy } from '../../core/policy';
import { DEV_EXTENSION_ID } from '../../core/extensionIdentity';
import { EXTENSION_DIR } from './support/globalSetup';
import { launchWithManagedPolicy, type ManagedPolicyBrowser } from './support/managedPolicyBrowser';
import { startConferenceNode, ensureDevCertificate } from './support/devParts';
import type { ConferenceNode } from './support/devParts';

interface PolicyState {
  source: 'managed' | 'default' | 'invalid';
  policy: Policy;
  errors: Array<{ path: string; message: string }>;
}

const example = parsePolicyJson(readFileSync('examples/policy.json', 'utf8'));
if (!example.ok) throw new Error('examples/policy.json must be valid');
const examplePolicy: Policy = example.value;

let session: ManagedPolicyBrowser;
let node: ConferenceNode;
let certDir: string;

async function waitForState(predicate: (s: PolicyState) => boolean, timeoutMs = 20_000): Promise<PolicyState> {
  const deadline = Date.now() + timeoutMs;
  let last: PolicyState | undefined;
  while (Date.now() < deadline) {
    last = await session.worker.evaluate(
      () => new Promise((resolve) => chrome.storage.local.get('policyState', (v) => resolve(v.policyState))),
    ) as PolicyState | undefined;
    if (last && predicate(last)) return last;
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`policy state never matched; last seen: ${JSON.stringify(last)}`);
}

declare const chrome: { storage: { local: { get(key: string, cb: (v: Record<string, unknown>) => void): void } } };

beforeAll(async () => {
  certDir = mkdtempSync(join(tmpdir(), 'sj-node-cert-'));
  node = await startConferenceNode({
    tls: ensureDevCertificate(certDir),
    // An admin-defined web app path: join pages live at /meet/m/<alias>.
    webappPath: 'meet',
    rooms: [
      { alias: 'tls-room', hostPin: '246813', guestPin: '135724', allowGuests: true },
      { alias: 'policy-room', hostPin: '864213', guestPin: '753142', allowGuests: true },
    ],
  });
  session = await launchWithManagedPolicy(EXTENSION_DIR, { args: ['--ignore-certificate-errors'] });
});
afterAll(async () => {
  await session?.close();
  await node?.close();
  if (certDir) rmSync(certDir, { recursive: true, force: true });
});

const joinState = (page: Page) => page.$eval('#join', (el) => (el as HTMLElement).dataset.state);
const pinValue = (page: Page) => page.$eval('#pin', (el) => (el as HTMLInputElement).value);
const waitForJoinState = (page: Page, state: string) =>
  page.waitForFunction((s) => document.getElementById('join')?.dataset.state === s, { timeout: 10_000 }, state);

/** Opens a join page on the https node and presses Join (the first request asks without a PIN). */
async function openAndJoin(alias: string): Promise<Page> {
  const page = await session.browser.newPage();
  await page.goto(node.joinUrl(alias, { name: 'Pat Policy' }));
  await waitForJoinState(page, 'ready');
  await page.click('#join-button');
  return page;
}

/** Waits until the field holds a value; returns it with the page's state at that moment. */
async function waitForFill(page: Page): Promise<{ pin: string; state: string | undefined }> {
  await page.waitForFunction(() => (document.getElementById('pin') as HTMLInputElement).value !== '', { timeout: 10_000 });
  // Read both in one go: in fill-and-join mode the extension presses Join in the same task as it fills.
  return page.evaluate(() => ({ pin: (document.getElementById('pin') as HTMLInputElement).value, state: document.getElementById('join')?.dataset.state }));
}

/** Waits until the join-page script's match patterns satisfy `ok` (registration follows a policy change asynchronously). */
async function waitForMatches(ok: (matches: string[]) => boolean, what: string, timeoutMs = 20_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let last: string[] = [];
  while (Date.now() < deadline) {
    last = await session.registeredMatches();
    if (ok(last)) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`join-page script never registered for ${what}; registered: ${JSON.stringify(last)}`);
}

/** The example policy restricted to the https test node (web app at /meet), with the autofill mode locked to `mode`. */
function policyFor(mode: AutofillMode): Policy {
  const base = examplePolicy;
  return {
    ...base,
    attendee: { ...base.attendee, autofill: { ...base.attendee.autofill, mode: { value: mode, locked: true } } },
    nodes: [{ name: 'Loopback test node', origin: node.url, webAppPath: 'meet', dialIn: [] }],
  };
}

describe('managed policy in real Chromium', () => {
  it('loads the extension with the derived managed_schema under its fixed development id', async () => {
    expect(session.extensionId).toBe(DEV_EXTENSION_ID);
    const state = await waitForState(() => true);
    expect(state.source).toBe('default');
    expect(state.policy).toEqual(DEFAULT_POLICY);
  });

  it('fills over https on a loopback node with no policy deployed (the dev build holds https loopback host permissions)', async () => {
    await waitForMatches((m) => m.includes('https://127.0.0.1/*'), 'https://127.0.0.1/*');
    const added = await session.send({ type: 'meetings:add', input: { url: `${node.url}/meet/m/tls-room`, role: 'guest', pin: '135724' } });
    expect(added.ok).toBe(true);
    const page = await openAndJoin('tls-room');
    expect(await waitForFill(page)).toEqual({ pin: '135724', state: 'pin-required' });
    await page.close();
  });

  it('applies a policy file written by `securejoin policy export`, live, and fails closed when it is deployed but invalid', async () => {
    const exported = exportPolicy(example.value, 'chromium-linux');
    session.writePolicyFile('securejoin.json', exported.content);
    const applied = await waitForState((s) => s.source === 'managed');
    expect(applied.errors).toEqual([]);
    expect(applied.policy).toEqual(example.value);

    // A cross-field error: 6-digit access codes with a far stricter risk ceiling. Falling back to
    // the defaults would drop the admin's node list and locks: the extension fails closed instead.
    const weak = JSON.parse(exported.content) as { '3rdparty': { extensions: Record<string, Record<string, any>> } };
    const managed = weak['3rdparty'].extensions[DEV_EXTENSION_ID]!;
    managed.organizer.accessCode.length = { value: 6, locked: true };
    managed.maxGuessProbability = 1e-9;
    session.writePolicyFile('securejoin.json', JSON.stringify(weak));
    const rejected = await waitForState((s) => s.errors.length > 0);
    expect(rejected.source).toBe('invalid');
    expect(rejected.errors.map((e) => e.message).join(' ')).toMatch(/guess/i);
    const firstError = `${rejected.errors[0]!.path}: ${rejected.errors[0]!.message}`;

    // Fill nowhere: the join-page script is unregistered everywhere, so the meeting saved above is not filled.
    await waitForMatches((m) => m.length === 0, 'nothing');
    const page = await openAndJoin('tls-room');
    await waitForJoinState(page, 'pin-required');
    // Nothing observable happens when nothing is filled: give a content script well over the time a fill takes.
    await new Promise((r) => setTimeout(r, 1_000));
    expect(await pinValue(page)).toBe('');
    await page.close();
    // Save nothing.
    const refused = await session.send({ type: 'meetings:add', input: { url: `${node.url}/meet/m/policy-room`, role: 'guest', pin: '753142' } });
    expect(refused).toMatchObject({ ok: false, error: expect.stringMatching(/policy is broken/) });

    // The options page and the popup say the admin's policy is broken, and where.
    const options = await session.browser.newPage();
    await options.goto(`chrome-extension://${session.extensionId}/options.html`);
    await options.waitForSelector('#policy-broken');
    expect(await options.$eval('#policy-source', (el) => el.textContent)).toMatch(/policy is broken/);
    expect(await options.$eval('#policy-broken-errors', (el) => el.textContent)).toContain(firstError);
    await options.close();
    const popup = await session.browser.newPage();
    await popup.goto(`chrome-extension://${session.extensionId}/popup.html`);
    await popup.waitForSelector('#policy-broken');
    expect(await popup.$eval('#policy-broken', (el) => el.textContent)).toMatch(/administrator's policy for SecureJoin is broken/);
    expect(await popup.$eval('#policy-broken-errors', (el) => el.textContent)).toContain(firstError);
    await popup.close();

    // A newer policy version than this build reads fails closed the same way.
    managed.organizer.accessCode.length = example.value.organizer.accessCode.length;
    managed.maxGuessProbability = example.value.maxGuessProbability;
    managed.version = 2;
    session.writePolicyFile('securejoin.json', JSON.stringify(weak));
    const newer = await waitForState((s) => s.source === 'invalid' && s.errors.some((e) => e.path === 'version'));
    expect(newer.errors.length).toBeGreaterThan(0);
  });

  it('a policy file naming the https node (admin-defined web app path) switches the mode live: fill only, then fill and join, then off', async () => {
    // Saved from a link with Pexip's default path; the node serves /meet/: only the policy's
    // webAppPath makes its page a join page of this meeting.
    const deploy = async (mode: AutofillMode): Promise<void> => {
      session.writePolicyFile('securejoin.json', exportPolicy(policyFor(mode), 'chromium-linux').content);
      await waitForState((s) => s.source === 'managed' && s.policy.attendee.autofill.mode.value === mode && s.policy.nodes[0]?.origin === node.url);
    };

    await deploy('fill');
    // Saved once a valid policy is back (under the broken one above nothing could be saved).
    const added = await session.send({ type: 'meetings:add', input: { url: `${node.url}/webapp3/m/policy-room`, role: 'guest', pin: '753142' } });
    expect(added.ok).toBe(true);
    // Under a policy the script runs on the policy's nodes only: the exact https origin (without
    // a policy it also ran there, for the saved meeting, and on every loopback host).
    await waitForMatches((m) => m.length === 1 && m[0] === `${node.url}/*`, `${node.url}/* alone`);
    // What an admin checks on a user's machine: the options page shows the policy in force.
    const options = await session.browser.newPage();
    await options.goto(`chrome-extension://${session.extensionId}/options.html`);
    await options.waitForSelector('#policy-source');
    expect(await options.$eval('#policy-source', (el) => el.textContent)).toBe("Your administrator's policy is in force.");
    expect(await options.$eval('#mode', (el) => ({ value: (el as HTMLSelectElement).value, disabled: (el as HTMLSelectElement).disabled }))).toEqual({ value: 'fill', disabled: true });
    expect(await options.$eval('main', (el) => el.textContent)).toContain(`Conference nodes: ${node.url}`);
    await options.close();
    // The popup names the node as the policy does, not by its address.
    const popup = await session.browser.newPage();
    await popup.goto(`chrome-extension://${session.extensionId}/popup.html`);
    await popup.waitForFunction(() => document.querySelector('#meetings li .node')?.textContent === 'On Loopback test node', { timeout: 5_000 });
    expect(await popup.$eval('#meetings', (el) => el.textContent)).not.toContain(node.url);
    await popup.close();
    const filled = await openAndJoin('policy-room');
    expect(await waitForFill(filled)).toEqual({ pin: '753142', state: 'pin-required' });
    // The user presses Join: the filled PIN is the right one.
    await filled.click('#join-button');
    await waitForJoinState(filled, 'waiting');
    await filled.close();

    await deploy('fill-and-join');
    const joined = await openAndJoin('policy-room');
    // The extension fills and presses Join itself; the guest then waits for the host.
    await waitForJoinState(joined, 'waiting');
    await joined.close();

    await deploy('off');
    const off = await openAndJoin('policy-room');
    await waitForJoinState(off, 'pin-required');
    // Nothing observable happens when nothing is filled: give the content script well over the
    // time a fill takes (a few ms, see the bench) before checking.
    await new Promise((r) => setTimeout(r, 1_000));
    expect(await pinValue(off)).toBe('');
    expect(await joinState(off)).toBe('pin-required');
    await off.close();
  });
});
