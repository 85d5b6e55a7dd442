/**
 * The Outlook add-in playground in a real browser page: load it and wait until both the playground
 * (the fake Outlook host) and the real task pane in its frame say they are ready.
 */
import type { Frame, Page } from 'puppeteer-core';

/** Opens `url` (the playground, with any query) in `page`; resolves with the ready task pane frame. */
export async function loadPlayground(page: Page, url: string): Promise<Frame> {
  await page.goto(url);
  await page.waitForSelector('body[data-ready="true"]', { timeout: 15_000 });
  const pane = await page.waitForFrame((f) => f.url().includes('/playground/addin/') && f.url().includes('taskpane'), { timeout: 10_000 });
  await pane.waitForSelector('body[data-ready="true"]', { timeout: 10_000 });
  return pane;
}
