/**
 * Page object for the extension's popup, opened as a tab at `chrome-extension://<id>/popup.html`
 * (what the toolbar button shows): paste an invite and read the drafts, wait for its messages.
 */
import type { Browser, Page } from 'puppeteer-core';
import { waitForText } from './waitForText';

/** The popup in a tab. */
export interface Popup {
  page: Page;
  /** Pastes `text` into the invite box as typing does (an `input` event) and presses "Find meetings". */
  pasteInvite(text: string): Promise<void>;
  /** Waits until some element matching `selector` contains (string) or matches (RegExp) `expected`. */
  waitForText(selector: string, expected: string | RegExp, timeoutMs?: number): Promise<void>;
  close(): Promise<void>;
}

/** Sets an input's value and fires `input`, as typing does (Preact listens to `input`). */
export async function setValue(page: Page, selector: string, value: string): Promise<void> {
  await page.$eval(selector, (el, v) => {
    (el as HTMLInputElement).value = v;
    el.dispatchEvent(new Event('input', { bubbles: true }));
  }, value);
}

/** Opens the popup of extension `extensionId` in a new tab of `browser` and waits for its form. */
export async function openPopup(browser: Browser, extensionId: string, opts: { viewport?: { width: number; height: number } } = {}): Promise<Popup> {
  const page = await browser.newPage();
  if (opts.viewport) await page.setViewport(opts.viewport);
  await page.goto(`chrome-extension://${extensionId}/popup.html`);
  await page.waitForSelector('#invite');
  return {
    page,
    async pasteInvite(text) {
      await setValue(page, '#invite', text);
      await page.click('#parse-invite');
    },
    waitForText: (selector, expected, timeoutMs) => waitForText(page, selector, expected, timeoutMs),
    close: () => page.close(),
  };
}
