/**
 * `npm run screenshots`: the README tour's pictures, taken in real Chromium with the real parts
 * (reference node, Outlook add-in playground, built extension) and written to docs/screenshots/:
 * - taskpane.png   the playground with the SecureJoin task pane after inserting the block;
 * - join-fill.png  the reference node's join page with the PIN filled by the extension;
 * - join-warning.png the join page after a wrong PIN: the extension's attempts warning;
 * - popup.png      the extension's popup with saved meetings.
 * Codes are generated fresh on every run, so the pictures change a little each time.
 */
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'puppeteer-core';
import { generatePinPair } from '../core/codes';
import { startConferenceNode } from '../dev/conference-node/server';
import { startAddinServer } from '../dev/addin-server/server';
import setupExtensionBuild, { EXTENSION_DIR } from '../test/e2e/support/globalSetup';
import { launchChromium } from '../test/e2e/support/chromium';
import { loadPlayground } from '../test/e2e/support/playground';
import { launchWithExtension, waitForNotice, waitForRegistration } from '../test/e2e/support/extensionBrowser';

const OUT_DIR = join(process.cwd(), 'docs', 'screenshots');

/** The example policy without its meeting service (the pictures need no network). */
function demoPolicy(): string {
  const policy = JSON.parse(readFileSync('examples/policy.json', 'utf8')) as Record<string, unknown>;
  delete policy.meetingService;
  return JSON.stringify(policy);
}

const waitForState = (page: Page, state: string) =>
  page.waitForFunction((s) => document.getElementById('join')?.dataset.state === s, { timeout: 10_000 }, state);

async function shoot(page: Page, name: string): Promise<void> {
  const path = join(OUT_DIR, name);
  await page.screenshot({ path, type: 'png' });
  console.log(`wrote ${path}`);
}

/** The playground: a meeting with two invitees, block inserted, task pane beside it. */
async function taskPane(): Promise<void> {
  const [server, browser] = await Promise.all([startAddinServer({ policyText: demoPolicy() }), launchChromium()]);
  try {
    const page = await browser.newPage();
    await page.setViewport({ width: 1280, height: 900 });
    const pane = await loadPlayground(page, `${server.playgroundUrl}?tz=Europe/London`);
    await page.type('#subject', 'Quarterly planning');
    for (const [name, email] of [['Ana Lima', 'ana@example.com'], ['Bo Berg', 'bo@example.com']] as const) {
      await page.type('#attendee-name', name);
      await page.type('#attendee-email', email);
      await page.click('#add-attendee');
    }
    await pane.waitForFunction(() => document.querySelectorAll('#roster li').length === 2, { timeout: 10_000 });
    await pane.click('#insert');
    await pane.waitForFunction(() => /block was (inserted|updated)/.test(document.getElementById('message')?.textContent ?? ''), { timeout: 10_000 });
    await shoot(page, 'taskpane.png');
  } finally {
    await browser.close();
    await server.close();
  }
}

/** The join page with the extension: filled PIN, then the warning after a wrong PIN; the popup. */
async function extension(): Promise<void> {
  setupExtensionBuild(); // the current sources, never a stale build
  const { hostPin, guestPin } = generatePinPair();
  const node = await startConferenceNode({
    rooms: [
      { alias: 'quarterly-planning', name: 'Quarterly planning', hostPin, guestPin, allowGuests: true },
      { alias: 'design-review', name: 'Design review', hostPin: '80417263', guestPin: '51836290', allowGuests: true },
    ],
  });
  const ext = await launchWithExtension(EXTENSION_DIR);
  try {
    await waitForRegistration(ext, 'http://127.0.0.1/*');
    const startsAt = Date.now() + 26 * 3_600_000;
    for (const input of [
      { url: `${node.url}/webapp3/m/quarterly-planning`, role: 'guest', pin: guestPin },
      { url: `${node.url}/webapp3/m/design-review`, role: 'guest', pin: '51836291', startsAt, endsAt: startsAt + 3_600_000 },
    ]) {
      const added = await ext.send({ type: 'meetings:add', input });
      if (!added?.ok) throw new Error(`could not save a demo meeting: ${JSON.stringify(added)}`);
    }

    const page = await ext.browser.newPage();
    await page.setViewport({ width: 1024, height: 640 });
    await page.goto(node.joinUrl('quarterly-planning', { name: 'Ana Lima' }));
    await waitForState(page, 'ready');
    await page.click('#join-button');
    await page.waitForFunction(() => (document.getElementById('pin') as HTMLInputElement | null)?.value !== '', { timeout: 10_000 });
    await shoot(page, 'join-fill.png');

    // A PIN typed wrong by hand: the extension counts it and warns before the limit.
    await page.goto(node.joinUrl('quarterly-planning', { name: 'Ana Lima' }));
    await waitForState(page, 'ready');
    await page.click('#join-button');
    // Wait for the extension's fill, then play the user overwriting it with a wrong PIN.
    await page.waitForFunction(() => (document.getElementById('pin') as HTMLInputElement | null)?.value !== '', { timeout: 10_000 });
    await page.click('#pin', { count: 3 });
    await page.keyboard.press('Backspace');
    await page.type('#pin', '00000000');
    await page.click('#join-button');
    await waitForState(page, 'invalid-pin');
    await waitForNotice(page, 'of 5 attempts left');
    await shoot(page, 'join-warning.png');
    await page.close();

    const popup = await ext.browser.newPage();
    await popup.setViewport({ width: 420, height: 600 });
    await popup.goto(`chrome-extension://${ext.extensionId}/popup.html`);
    await popup.waitForFunction(() => document.querySelectorAll('#meetings li').length >= 2, { timeout: 10_000 });
    await shoot(popup, 'popup.png');
  } finally {
    await ext.close();
    await node.close();
  }
}

mkdirSync(OUT_DIR, { recursive: true });
try {
  await taskPane();
  await extension();
} catch (error) {
  console.error(`screenshots: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
}
