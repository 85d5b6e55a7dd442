/**
 * A hostile capture link in real Chromium: a mail links to the real node with
 * `#sj=<attacker's PIN>` for a meeting the user saved. Nothing is replaced and no attempt is
 * spent: the page says the change waits for confirmation, the saved PIN is the one filled, and
 * the popup shows the change (PINs masked) with Confirm/Discard. A capture link for a room with
 * nothing saved is saved, but that page load never presses Join by itself.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'puppeteer-core';
import { buildCaptureLink } from '../../core/links';
import { waitForNotice } from './support/extensionBrowser';
import { forFile, startExtensionStack, waitForJoinState as waitForState } from './support/harness';

const GUEST_PIN = '13572468';
const ATTACKER_PIN = '99990000';

const stack = forFile(() => startExtensionStack({
    rooms: [
      { alias: 'cap-room', hostPin: '86420975', guestPin: GUEST_PIN, allowGuests: true },
      { alias: 'new-room', hostPin: '75319864', guestPin: '24681357', allowGuests: true },
    ],
  }));
beforeAll(async () => {
  expect((await stack.ext.send({ type: 'meetings:add', input: { url: `${stack.node.url}/webapp3/m/cap-room`, role: 'guest', pin: GUEST_PIN } })).ok).toBe(true);
  expect(await stack.ext.send({ type: 'settings:set', prefs: { attendee: { autofill: { mode: 'fill-and-join' } } } })).toEqual({ ok: true, saved: true });
});

const link = (alias: string, pin: string) => buildCaptureLink({ origin: stack.node.url, path: 'webapp3', alias, role: 'guest', pin, name: 'Vic Victim' });

/** Opens a capture link, presses Join at the prompt; returns the page and the PINs it sent. */
async function openCapture(url: string, notice: string): Promise<{ page: Page; sent: string[] }> {
  const page = await stack.ext.browser.newPage();
  const sent: string[] = [];
  page.on('request', (req) => {
    const pin = req.headers().pin;
    if (req.url().endsWith('/request_token') && pin !== undefined) sent.push(pin);
  });
  await page.goto(url);
  await waitForNotice(page, notice);
  await waitForState(page, 'ready');
  // The capture link carries no ?name= (the join page's own parameter): the user types it.
  await page.type('#display-name', 'Vic Victim');
  await page.click('#join-button');
  await waitForState(page, 'pin-required');
  return { page, sent };
}

async function openPopup(): Promise<Page> {
  const popup = await stack.ext.browser.newPage();
  await popup.goto(`chrome-extension://${stack.ext.extensionId}/popup.html`);
  return popup;
}

describe('capture links that would change a saved meeting', () => {
  it('the attacker\'s PIN waits for confirmation; the saved PIN is filled, nothing is sent by itself', async () => {
    const { page, sent } = await openCapture(link('cap-room', ATTACKER_PIN), 'waiting for your confirmation');
    // The saved PIN is filled (not the link's) and, in a page that captured, Join is the user's.
    await page.waitForFunction((p) => (document.getElementById('pin') as HTMLInputElement).value === p, { timeout: 5_000 }, GUEST_PIN);
    await waitForNotice(page, 'press Join');
    expect(await page.$eval('#join', (el) => (el as HTMLElement).dataset.state)).toBe('pin-required');
    expect(sent).toEqual([]);
    await page.close();

    const popup = await openPopup();
    await popup.waitForSelector('#pending-changes .pending-change');
    const text = await popup.$eval('#pending-changes', (el) => el.textContent ?? '');
    expect(text).toContain('cap-room');
    expect(text).toMatch(/PIN: …68 \(8 characters\) → …00 \(8 characters\)/);
    expect(text).not.toContain(ATTACKER_PIN);
    expect(text).not.toContain(GUEST_PIN);
    await popup.click('.change-discard');
    await popup.waitForFunction(() => document.getElementById('pending-changes') === null, { timeout: 5_000 });
    // The card took the focus with it: it goes to the meetings' heading, not the page body.
    await popup.waitForFunction(() => document.activeElement?.id === 'meetings-heading', { timeout: 5_000 });
    await popup.close();

    // Still the saved PIN: a normal visit fills it and joins.
    const normal = await stack.ext.browser.newPage();
    await normal.goto(stack.node.joinUrl('cap-room', { name: 'Vic Victim' }));
    await waitForState(normal, 'ready');
    await normal.click('#join-button');
    await waitForState(normal, 'waiting');
    await normal.close();
  });

  it('confirmed in the popup, the new PIN replaces the saved one', async () => {
    const NEW_PIN = '24680135';
    const { page } = await openCapture(link('cap-room', NEW_PIN), 'waiting for your confirmation');
    await page.close();
    const popup = await openPopup();
    await popup.waitForSelector('#pending-changes .change-confirm');
    await popup.click('.change-confirm');
    await popup.waitForFunction(() => document.getElementById('message')?.textContent === 'Replaced the saved PIN for cap-room.', { timeout: 5_000 });
    await popup.close();
    const exported = await stack.ext.send({ type: 'vault:export' });
    const saved = JSON.parse(exported.text).meetings.filter((m: any) => m.alias === 'cap-room');
    expect(saved.map((m: any) => m.pin)).toEqual([NEW_PIN]);
  });

  it('a link for a room with nothing saved is saved, and that page load fills but never presses Join', async () => {
    const { page, sent } = await openCapture(link('new-room', '24681357'), 'PIN saved for new-room (guest)');
    await page.waitForFunction(() => (document.getElementById('pin') as HTMLInputElement).value === '24681357', { timeout: 5_000 });
    await waitForNotice(page, 'press Join');
    expect(await page.$eval('#join', (el) => (el as HTMLElement).dataset.state)).toBe('pin-required');
    expect(sent).toEqual([]);
    await page.close();
  });
});
