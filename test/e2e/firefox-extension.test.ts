/**
 * The extension in Firefox ESR (the Firefox MV3 build, installed through WebDriver BiDi) on the
 * reference node, for the journey that matters: save from a capture link, fill on the node's
 * join page, refuse another origin and another room, count a wrong PIN and warn before the
 * attempt limit. Everything is driven as a user would, through web pages (see support/firefox.ts).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'puppeteer-core';
import { buildCaptureLink } from '../../core/links';
import { buildFirefoxExtension, firefoxNoticeText, launchFirefoxWithExtension, waitForFirefoxNotice } from './support/firefox';
import { startConferenceNode } from './support/devParts';
import type { ConferenceNode } from './support/devParts';

let node: ConferenceNode;
let browser: Browser;

beforeAll(async () => {
  node = await startConferenceNode({
    rooms: [
      { alias: 'sj-room', hostPin: '2468', guestPin: '1357', allowGuests: true },
      { alias: 'guard-room', hostPin: '8642', guestPin: '7531', allowGuests: true },
    ],
  });
  browser = await launchFirefoxWithExtension(buildFirefoxExtension());
});
afterAll(async () => {
  await browser?.close();
  await node?.close();
});

const pinValue = (page: Page) => page.$eval('#pin', (el) => (el as HTMLInputElement).value);
const waitForState = (page: Page, state: string) => page.waitForFunction((s) => document.getElementById('join')?.dataset.state === s, { timeout: 10_000 }, state);
const capture = (alias: string, pin: string) => buildCaptureLink({ origin: node.url, path: 'webapp3', alias, role: 'guest', pin, name: 'Gus Guest' });

/** Opens a join page (the name comes from the URL), presses Join and waits for the PIN prompt. */
async function openPrompt(url: string): Promise<Page> {
  const page = await browser.newPage();
  await page.goto(url);
  await waitForState(page, 'ready');
  await page.click('#join-button');
  await waitForState(page, 'pin-required');
  return page;
}

/** Opens a capture link and waits until the extension says it saved the PIN. */
async function save(alias: string, pin: string): Promise<void> {
  const page = await browser.newPage();
  await page.goto(capture(alias, pin));
  await page.waitForFunction(() => !location.hash.includes('sj='), { timeout: 10_000 });
  await waitForFirefoxNotice(browser, page, `PIN saved for ${alias} (guest)`);
  await page.close();
}

describe('browser extension in Firefox ESR on the reference node', () => {
  it('saves a PIN from a capture link (the fragment leaves the address bar) and fills it on the right origin and room', async () => {
    await save('sj-room', '1357');
    const page = await openPrompt(node.joinUrl('sj-room', { name: 'Gus Guest' }));
    await page.waitForFunction(() => (document.getElementById('pin') as HTMLInputElement).value === '1357', { timeout: 5_000 });
    await waitForFirefoxNotice(browser, page, 'SecureJoin filled your saved PIN: press Join.');
    // The page itself cannot read the notice: a closed shadow root.
    expect(await page.$eval('securejoin-notice', (el) => el.shadowRoot === null && el.textContent === '')).toBe(true);
    await page.click('#join-button');
    await waitForState(page, 'waiting');
    await page.close();
  });

  it('fills nothing on the same node under another origin (localhost) or in another room', async () => {
    const other = await openPrompt(node.joinUrl('sj-room', { name: 'Gus Guest' }, node.localhostUrl));
    const unrelated = await openPrompt(node.joinUrl('guard-room', { name: 'Gus Guest' }));
    // Nothing observable happens when nothing is filled: give the content script well over the
    // time a fill takes on the right origin before checking.
    await new Promise((r) => setTimeout(r, 1_500));
    expect(await pinValue(other)).toBe('');
    expect(await pinValue(unrelated)).toBe('');
    expect(await firefoxNoticeText(browser, other)).not.toContain('1357');
    await other.close();
    await unrelated.close();
  });

  it('counts a wrong PIN, never refills it, and warns before the attempt limit', async () => {
    await save('guard-room', '9999');
    const page = await openPrompt(node.joinUrl('guard-room', { name: 'Wendy Wrong' }));
    await page.waitForFunction(() => (document.getElementById('pin') as HTMLInputElement).value === '9999', { timeout: 5_000 });
    await page.click('#join-button');
    await waitForState(page, 'invalid-pin');
    const first = await waitForFirefoxNotice(browser, page, '4 of 5 attempts left');
    expect(first).toContain('1 wrong PIN');
    expect(await pinValue(page)).toBe('');
    await page.close();

    // Two more wrong PINs typed by hand: the warning (default threshold 2 left) says how many remain.
    let last: Page | null = null;
    for (const wrong of ['1111', '2222']) {
      await last?.close();
      last = await openPrompt(node.joinUrl('guard-room', { name: 'Wendy Wrong' }));
      // The failed PIN is never filled again.
      expect(await pinValue(last)).toBe('');
      await last.type('#pin', wrong);
      await last.click('#join-button');
      await waitForState(last, 'invalid-pin');
    }
    await waitForFirefoxNotice(browser, last!, '2 of 5 attempts left');
    await last!.close();
  });
});
