/**
 * Insert latency: the time from the organizer clicking "Insert" in the add-in's task pane to the
 * meeting body holding the SecureJoin block, in the playground in real Chromium (the real task
 * pane against the playground's fake office.js, whose calls answer asynchronously like Outlook's).
 *
 * Measured inside the playground page, on its own clock: the page listens (capture phase) for
 * the click in the task pane's frame (same origin) and notes `performance.now()`; a
 * MutationObserver on the page's rendered body text notes when the block's marker appears. The
 * path measured is the real one: task pane controller -> core render -> body.getAsync ->
 * upsert -> body.setAsync -> host item -> rendered body. Each sample starts with the block
 * removed (the policy's OnNewAppointmentOrganizer inserts one as the meeting opens).
 */
import { readFileSync } from 'node:fs';
import type { Frame, Page } from 'puppeteer-core';
import { startAddinServer } from '../dev/addin-server/server';
import { launchChromium } from '../test/e2e/support/chromium';
import { loadPlayground } from '../test/e2e/support/playground';

/** The marker line of the block as the playground shows the body's text. */
const MARKER = '-- SecureJoin secure access --';

/** Options of {@link measureInsertLatency}. */
export interface InsertLatencyOptions {
  /** Timed samples (default 20), after `warmup` untimed ones (default 2). */
  samples?: number;
  warmup?: number;
}

interface InsertRecord {
  clickedAt: number | null;
  bodyAt: number | null;
}

/** Runs in the playground page: arms the clock for one insert. */
function arm(marker: string): void {
  const w = window as unknown as { __sjInsert?: InsertRecord; __sjInsertObserver?: MutationObserver };
  const record: InsertRecord = { clickedAt: null, bodyAt: null };
  w.__sjInsert = record;
  const pane = (document.getElementById('taskpane') as HTMLIFrameElement).contentDocument;
  if (!pane) throw new Error('the task pane frame has no document');
  pane.addEventListener(
    'click',
    (e) => {
      if ((e.target as Element | null)?.closest?.('#insert') && record.clickedAt === null) record.clickedAt = performance.now();
    },
    { capture: true, once: true },
  );
  w.__sjInsertObserver?.disconnect();
  const text = document.getElementById('body-text') as HTMLElement;
  const observer = new MutationObserver(() => {
    if (record.clickedAt !== null && record.bodyAt === null && (text.textContent ?? '').includes(marker)) record.bodyAt = performance.now();
  });
  observer.observe(text, { childList: true, characterData: true, subtree: true });
  w.__sjInsertObserver = observer;
}

const hasBlock = (page: Page, present: boolean) =>
  page.waitForFunction((m: string, p: boolean) => (document.getElementById('body-text')?.textContent ?? '').includes(m) === p, { timeout: 10_000 }, MARKER, present);

/** One sample: remove the block (confirmed in the pane), arm, click Insert, wait for the block; returns the latency in ms. */
async function sample(page: Page, pane: Frame): Promise<number> {
  // Remove is unavailable (aria-disabled, a click does nothing) while the pane is busy after the
  // last insert; the question renders after the click: wait for each button before pressing it.
  await (await pane.waitForSelector('#remove:not([aria-disabled])', { visible: true, timeout: 10_000 }))!.click();
  await (await pane.waitForSelector('#confirm-remove-yes', { visible: true, timeout: 10_000 }))!.click();
  await hasBlock(page, false);
  await page.evaluate(arm, MARKER);
  await pane.click('#insert');
  const handle = await page.waitForFunction(
    () => {
      const r = (window as unknown as { __sjInsert?: InsertRecord }).__sjInsert;
      return r && r.clickedAt !== null && r.bodyAt !== null ? r.bodyAt - r.clickedAt : null;
    },
    { timeout: 10_000, polling: 50 },
  );
  return (await handle.jsonValue()) as number;
}

/**
 * Measures the insert latency `samples` times and returns each figure in milliseconds (in the
 * order measured). Starts and stops its own add-in server (example policy without its
 * provisioning endpoint: the figure is the add-in's, not a network's) and Chromium.
 * @throws Error when Chromium is missing or the block never appears.
 */
export async function measureInsertLatency(options: InsertLatencyOptions = {}): Promise<number[]> {
  const { samples = 20, warmup = 2 } = options;
  const server = await startAddinServer({ policyText: JSON.stringify(policyWithoutProvisioning()) });
  try {
    const browser = await launchChromium();
    try {
      const page = await browser.newPage();
      const pane = await loadPlayground(page, server.playgroundUrl);
      await hasBlock(page, true);
      const out: number[] = [];
      for (let i = 0; i < warmup + samples; i++) {
        const ms = await sample(page, pane);
        if (i >= warmup) out.push(ms);
      }
      return out;
    } finally {
      await browser.close();
    }
  } finally {
    await server.close();
  }
}

/** examples/policy.json without its meeting service (the figure is the body update, not the network). */
function policyWithoutProvisioning(): unknown {
  const policy = JSON.parse(readFileSync(new URL('../examples/policy.json', import.meta.url), 'utf8')) as Record<string, unknown>;
  delete policy.meetingService;
  return policy;
}
