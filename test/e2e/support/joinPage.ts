/**
 * Page object for a join page on a conference node (the reference node's, or Pexip's shape): open
 * it, press Join, wait for its state (`#join[data-state]`: ready, pin-required, joined-guest, ...),
 * and see every PIN the tab sent to the node (the `pin` header of `request_token`).
 */
import type { Browser, Page } from 'puppeteer-core';

/** A join page in a tab. */
export interface JoinPage {
  page: Page;
  /** Every PIN this tab sent to the node, in order ... */
  pinsSent: string[];
  /** ... and when (UTC ms), index for index. */
  sentAt: number[];
  waitForState(state: string, timeoutMs?: number): Promise<void>;
  /** Waits until the page is ready, then presses Join (after typing `name` when given). */
  join(name?: string): Promise<void>;
  /** The PIN field's value now. */
  pinValue(): Promise<string>;
  close(): Promise<void>;
}

/** Waits until the join page's `#join` has `data-state` = `state`. */
export async function waitForJoinState(page: Page, state: string, timeoutMs = 10_000): Promise<void> {
  await page.waitForFunction((s) => document.getElementById('join')?.dataset.state === s, { timeout: timeoutMs }, state);
}

/** Records every PIN `page` sends to the node from now on, and when. */
export function recordPinsSent(page: Page): { pinsSent: string[]; sentAt: number[] } {
  const pinsSent: string[] = [];
  const sentAt: number[] = [];
  page.on('request', (req) => {
    const pin = req.headers().pin;
    if (!req.url().endsWith('/request_token') || pin === undefined) return;
    pinsSent.push(pin);
    sentAt.push(Date.now());
  });
  return { pinsSent, sentAt };
}

/** Opens `url` (a join page) in a new tab of `browser`, recording the PINs it sends from the start. */
export async function openJoinPage(browser: Browser, url: string): Promise<JoinPage> {
  const page = await browser.newPage();
  const sent = recordPinsSent(page);
  await page.goto(url);
  const waitForState = (state: string, timeoutMs?: number) => waitForJoinState(page, state, timeoutMs);
  return {
    page,
    ...sent,
    waitForState,
    async join(name) {
      await waitForState('ready');
      if (name !== undefined) {
        await page.$eval('#display-name', (el) => ((el as HTMLInputElement).value = ''));
        await page.type('#display-name', name);
      }
      await page.click('#join-button');
    },
    pinValue: () => page.$eval('#pin', (el) => (el as HTMLInputElement).value),
    close: () => page.close(),
  };
}
