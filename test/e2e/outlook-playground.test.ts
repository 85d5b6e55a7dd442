/**
 * The Outlook add-in in the playground, in real Chromium: the real task pane and event runtime
 * against the playground's fake office.js. Compose, insert, move the meeting, add an attendee in
 * unique mode, Smart Alerts on a stale or missing block, an invalid policy, and markup in names
 * and subjects staying text.
 */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Frame, Page } from 'puppeteer-core';
import { startAddinServer } from '../../outlook-addin/server';
import type { AddinServer } from '../../outlook-addin/server';
import { launchChromium } from './support/chromium';

// The example policy without its provisioning endpoint: these tests stay off the network.
const example = JSON.parse(readFileSync('examples/policy.json', 'utf8')) as { nodes: Array<Record<string, unknown>> };
example.nodes.forEach((n) => delete n.provisioningUrl);
const POLICY = JSON.stringify(example);
const SUBJECT = '<img src=x onerror="window.pwned=1">Budget & plans';
const NAME = '<b>Ana</b> "Lima"';

let server: AddinServer;
let browser: Browser;

beforeAll(async () => {
  [server, browser] = await Promise.all([startAddinServer({ policyText: POLICY }), launchChromium()]);
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

/** Opens the playground and waits for it and its task pane to be ready. */
async function openPlayground(query = ''): Promise<{ page: Page; pane: Frame }> {
  const page = await browser.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  await page.goto(`${server.playgroundUrl}${query}`);
  await page.waitForSelector('body[data-ready="true"]', { timeout: 15_000 });
  const pane = await page.waitForFrame((f) => f.url().includes('/playground/addin/') && f.url().includes('taskpane'), { timeout: 10_000 });
  await pane.waitForSelector('body[data-ready="true"]', { timeout: 10_000 });
  expect(errors).toEqual([]);
  return { page, pane };
}

const bodyText = (page: Page) => page.$eval('#body-text', (el) => el.textContent ?? '');
const waitForBody = (page: Page, re: RegExp) =>
  page.waitForFunction((source: string) => new RegExp(source).test(document.getElementById('body-text')?.textContent ?? ''), { timeout: 10_000 }, re.source);
const waitForText = (frame: Frame | Page, selector: string, re: RegExp) =>
  frame.waitForFunction((sel: string, source: string) => new RegExp(source).test(document.querySelector(sel)?.textContent ?? ''), { timeout: 10_000 }, selector, re.source);
async function setStart(page: Page, hourMinute: string): Promise<void> {
  await page.$eval('#start', (el, hm) => {
    const input = el as HTMLInputElement;
    input.value = `${input.value.slice(0, 10)}T${hm}`;
    input.dispatchEvent(new Event('change'));
  }, hourMinute);
}
/** Clicks Send and returns the Smart Alert's message, or null when the meeting was sent. */
async function send(page: Page): Promise<string | null> {
  await page.click('#send');
  await page.waitForFunction(() => (document.getElementById('smart-alert') as HTMLDialogElement).open || document.getElementById('host-status')?.textContent === 'Meeting sent.', { timeout: 10_000 });
  if (!(await page.$eval('#smart-alert', (d) => (d as HTMLDialogElement).open))) return null;
  const message = await page.$eval('#smart-alert-message', (el) => el.textContent ?? '');
  await page.click('#smart-alert-dont-send');
  await waitForText(page, '#host-status', /^Not sent\.$/);
  return message;
}
const blockCount = (text: string) => text.split('-- SecureJoin secure access --').length - 1;

describe('Outlook add-in in the playground', () => {
  it('inserts the block, keeps it right when the meeting moves and attendees change, and enforces it at send', async () => {
    const { page, pane } = await openPlayground();
    // The admin requires an access code: OnNewAppointmentOrganizer already put the block in.
    expect(blockCount(await bodyText(page))).toBe(1);

    await page.type('#subject', SUBJECT);
    await page.type('#attendee-name', NAME);
    await page.type('#attendee-email', 'ana@example.com');
    await page.click('#add-attendee');
    await pane.waitForFunction(() => document.querySelectorAll('#roster li').length === 1, { timeout: 10_000 });

    await pane.click('#insert');
    await waitForText(pane, '#message', /block was (inserted|updated)/);
    await waitForBody(page, /Meeting: <img src=x/);
    const body = await bodyText(page);
    expect(blockCount(body)).toBe(1);
    expect(body).toContain(`Meeting: ${SUBJECT}`);
    expect(body).toMatch(/works from 9:45|works from 09:45/);
    expect(await pane.$eval('#activation', (el) => el.textContent)).toMatch(/9:45/);

    // Move the meeting: the block's activation time follows (task pane + OnAppointmentTimeChanged).
    await setStart(page, '14:00');
    await waitForBody(page, /works from (1:45 PM|13:45)/);
    expect(blockCount(await bodyText(page))).toBe(1);
    await waitForText(pane, '#block-status', /up to date/);

    // Unique mode: a new attendee gets a new passcode, the first keeps theirs.
    const first = await pane.$eval('#roster li[data-email="ana@example.com"] .passcode', (el) => el.textContent);
    await page.type('#attendee-name', 'Bo');
    await page.type('#attendee-email', 'bo@example.com');
    await page.click('#add-attendee');
    await pane.waitForFunction(() => document.querySelectorAll('#roster li').length === 2, { timeout: 10_000 });
    const codes = await pane.$$eval('#roster .passcode', (els) => els.map((e) => e.textContent));
    expect(codes[0]).toBe(first);
    expect(new Set(codes).size).toBe(2);

    // Markup stays text everywhere: form, task pane, body.
    const markup = (root: string, tag: string, text: string) => (frame: Frame | Page) =>
      frame.$eval(root, (el, t, x) => [el.querySelector(t) === null, (el.textContent ?? '').includes(x)], tag, text);
    expect(await markup('#attendees', 'b', NAME)(page)).toEqual([true, true]);
    expect(await markup('#roster', 'b', NAME)(pane)).toEqual([true, true]);
    expect(await markup('#preview', 'img', SUBJECT)(pane)).toEqual([true, true]);
    expect(await page.evaluate(() => (window as unknown as { pwned?: number }).pwned)).toBeUndefined();

    // Stale: the organizer types the old time back into the block.
    await page.click('#compose details > summary');
    await page.$eval('#body-html', (el) => {
      const t = el as HTMLTextAreaElement;
      t.value = t.value.replace(/1:45 PM|13:45/, '9:45 AM');
    });
    await page.click('#apply-body');
    expect(await send(page)).toMatch(/^SecureJoin: .*(time|start|moved|stale|activation)/i);

    // Missing: remove the block, try to send.
    await pane.click('#remove');
    await waitForText(pane, '#message', /removed/);
    expect(blockCount(await bodyText(page))).toBe(0);
    expect(await send(page)).toMatch(/requires a one-time access code/);

    // Fixed: insert again and the meeting goes out.
    await pane.click('#insert');
    await waitForText(pane, '#message', /inserted/);
    expect(await send(page)).toBeNull();
    expect(await page.$eval('#sent-body', (el) => el.textContent)).toContain('-- SecureJoin secure access --');
  });

  it('shows every policy error and applies the secure defaults when policy.json is invalid', async () => {
    server.setPolicyText('{"version": 1, "organizer": {"accessCode": {"required": {"value": false, "lockd": true}}}}');
    try {
      const { pane } = await openPlayground();
      await waitForText(pane, '#policy-errors', /organizer\.accessCode\.required/);
      expect(await pane.$eval('#policy-fallback', (el) => el.textContent)).toMatch(/secure defaults apply/);
      expect(await pane.$eval('#access-code', (el) => [(el as HTMLInputElement).checked, (el as HTMLInputElement).disabled])).toEqual([true, true]);
    } finally {
      server.setPolicyText(POLICY);
    }
  });

  it('still works on an older Outlook (Mailbox 1.5): no launch events, the task pane inserts the block', async () => {
    const { page, pane } = await openPlayground('?mailbox=1.5');
    expect(await page.$eval('#event-log', (el) => el.textContent)).toContain('OnNewAppointmentOrganizer: skipped (needs Mailbox 1.10)');
    expect(blockCount(await bodyText(page))).toBe(0);
    await pane.click('#insert');
    await waitForText(pane, '#message', /block was inserted/);
    expect(blockCount(await bodyText(page))).toBe(1);
  });
});
