/**
 * Helpers for the whole-journey test (journey.test.ts): talking to the HTTPS reference node from
 * the test (its dev certificate is trusted for these calls only), driving the join page, capture
 * links and the popup as a person does, and moving the extension's clock.
 */
import type { Browser, Page } from 'puppeteer-core';
import { waitForNotice } from './extensionBrowser';
import type { ExtensionBrowser } from './extensionBrowser';
import { openJoinPage as openJoinTab, recordPinsSent, waitForJoinState } from './joinPage';
import { openPopup } from './popup';

/** Waits until the join page's `#join` has `data-state` = `state`. */
export const waitForState = waitForJoinState;

/** The join page's participant list as shown ("Ana Lima (guest)", ...). */
export const participantsShown = (page: Page) => page.$$eval('#participants li', (els) => els.map((e) => e.textContent ?? ''));

/** On a join page that is ready: types `name`, presses Join and waits for the PIN prompt. */
export async function joinAs(page: Page, name: string): Promise<void> {
  await waitForState(page, 'ready');
  await page.$eval('#display-name', (el) => ((el as HTMLInputElement).value = ''));
  await page.type('#display-name', name);
  await page.click('#join-button');
  await waitForState(page, 'pin-required');
}

/**
 * Opens `url` (a join page) in a new tab of `browser`, types `name`, presses Join and waits for
 * the PIN prompt. Records every PIN the tab sends to the node in `pinsSent`.
 */
export async function openJoinPage(browser: Browser, url: string, name: string): Promise<{ page: Page; pinsSent: string[] }> {
  const tab = await openJoinTab(browser, url);
  await tab.join(name);
  await tab.waitForState('pin-required');
  return tab;
}

/**
 * Opens a capture link (as an invitee clicks it in their personal message) in a new tab of the
 * extension's browser and waits until the extension took the `#sj=` fragment out of the address
 * bar and said it saved the PIN. The tab stays on the room's join page; every PIN it sends is
 * recorded in `pinsSent`.
 */
export async function openCaptureLink(ext: ExtensionBrowser, url: string, alias: string): Promise<{ page: Page; pinsSent: string[] }> {
  const page = await ext.browser.newPage();
  const { pinsSent } = recordPinsSent(page);
  await page.goto(url);
  await page.waitForFunction(() => !location.hash.includes('sj='), { timeout: 10_000 });
  await waitForNotice(page, `PIN saved for ${alias} (guest)`);
  return { page, pinsSent };
}

/** Types `pin` into the join page's empty PIN field and presses Join. */
export async function enterPin(page: Page, pin: string): Promise<void> {
  await page.type('#pin', pin);
  await page.click('#join-button');
}

/**
 * Moves the extension's clock by `deltaMs` (back when negative), as if the computer's clock were off. The
 * background decides activation windows and attempt windows with `Date.now()` (its context's
 * `now`), and the extension has no test clock of its own, so the test shifts `Date.now` in the
 * service worker through the DevTools protocol. The DevTools session that does it keeps the
 * worker alive, so the shift holds for the rest of the test. Returns the worker's new time.
 */
export async function advanceExtensionClock(ext: ExtensionBrowser, deltaMs: number): Promise<number> {
  // A message wakes a worker Chromium stopped while idle (30 s without events, sooner than a busy
  // machine gets here after launch): waiting for its target alone would wait for nothing.
  await ext.send({ type: 'meetings:list' });
  const worker = await ext.worker();
  return worker.evaluate((delta) => {
    const g = globalThis as unknown as { __securejoinRealNow?: () => number; __securejoinOffset?: number };
    g.__securejoinRealNow ??= Date.now.bind(Date);
    g.__securejoinOffset = (g.__securejoinOffset ?? 0) + delta;
    const real = g.__securejoinRealNow;
    Date.now = () => real() + (g.__securejoinOffset ?? 0);
    return Date.now();
  }, deltaMs);
}

/**
 * Saves the invitee's PIN from the personal message the organizer sent them, pasted into the
 * popup as received: the draft (role guest, the PIN and the meeting's window from the message's
 * capture link) confirmed with Save, then listed as `listedAs` (the invite's subject). No times are
 * typed: they come from the link.
 */
export async function savePersonalMessage(ext: ExtensionBrowser, message: string, listedAs: string): Promise<void> {
  const popup = await openPopup(ext.browser, ext.extensionId);
  await popup.pasteInvite(message);
  await popup.waitForText('#message', 'Found 1');
  if ((await popup.page.$eval('.draft-role', (el) => (el as HTMLSelectElement).value)) !== 'guest') throw new Error('the personal message should give a guest draft');
  const when = await popup.page.$eval('.draft-when', (el) => el.textContent ?? '');
  if (/No meeting time saved|no time set/.test(when)) throw new Error(`the personal message's draft should show when the code opens, got ${JSON.stringify(when)}`);
  await popup.page.click('.draft-save');
  await popup.waitForText('#meetings li', `${listedAs} (guest)`);
  await popup.close();
}
