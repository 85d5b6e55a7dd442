/**
 * Issue 24, no planted PINs, in real Chromium with the built extension: a page on another site
 * that script-navigates to a capture link saves nothing until the user confirms in the popup
 * (which shows the room and role); a capture link opened directly (as from a mail client) still
 * saves; and a freshly saved PIN is filled but not submitted before the user presses Join, even
 * in fill-and-join mode.
 */
import { createServer } from 'node:http';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildCaptureLink } from '../../core/links';
import { waitForNotice } from './support/extensionBrowser';
import { forFile, startExtensionStack, waitForJoinState as waitForState } from './support/harness';

const stack = forFile(() =>
  startExtensionStack({
    rooms: [
      { alias: 'planted-room', hostPin: '86420975', guestPin: '13572468', allowGuests: true },
      { alias: 'direct-room', hostPin: '75319864', guestPin: '24681357', allowGuests: true },
    ],
  }),
);
let evil: Server;
/** The attacker's site: `localhost` is another site than the node's 127.0.0.1. */
let evilUrl: string;
let target = '';

beforeAll(async () => {
  evil = createServer((_req, res) => {
    res.setHeader('content-type', 'text/html');
    // A page that sends the tab to a capture link by script, with no referrer to tell on it.
    res.end(`<!doctype html><meta name="referrer" content="no-referrer"><p>Loading…</p><script>location.replace(${JSON.stringify(target)})</script>`);
  });
  await new Promise<void>((resolve) => evil.listen(0, '127.0.0.1', resolve));
  evilUrl = `http://localhost:${(evil.address() as AddressInfo).port}/`;
  expect(await stack.ext.send({ type: 'settings:set', prefs: { attendee: { autofill: { mode: 'fill-and-join' } } } })).toEqual({ ok: true, saved: true });
});
afterAll(async () => {
  // The browser still holds its connections here (the stack closes after this hook): end them.
  evil?.closeAllConnections();
  await new Promise<void>((resolve) => (evil ? evil.close(() => resolve()) : resolve()));
});

const savedAliases = async (): Promise<string[]> => JSON.parse((await stack.ext.send({ type: 'vault:export' })).text).meetings.map((m: { alias: string; role: string }) => `${m.alias}:${m.role}`);

describe('capture links a web page caused', () => {
  it('a page on another site that script-navigates to a capture link (host role, wrong PIN) saves nothing until the user confirms', async () => {
    target = buildCaptureLink({ origin: stack.node.url, path: 'webapp3', alias: 'planted-room', role: 'host', pin: '11112222' });
    const page = await stack.ext.browser.newPage();
    await page.goto(evilUrl);
    await page.waitForFunction((origin) => location.origin === origin, { timeout: 10_000 }, stack.node.url);
    await waitForNotice(page, 'Nothing was saved: it is waiting for your confirmation in the SecureJoin popup.');
    expect(await savedAliases()).toEqual([]);
    // Nothing saved means nothing filled: the user's Join spends no attempt on the planted PIN.
    await page.close();

    // The same script navigation to a guest link asks too.
    target = buildCaptureLink({ origin: stack.node.url, path: 'webapp3', alias: 'planted-room', role: 'guest', pin: '13572468' });
    const again = await stack.ext.browser.newPage();
    await again.goto(evilUrl);
    await waitForNotice(again, 'Nothing was saved');
    expect(await savedAliases()).toEqual([]);
    await again.close();

    // The popup shows the room and role; only the user's Confirm saves it.
    const popup = await stack.ext.browser.newPage();
    await popup.goto(`chrome-extension://${stack.ext.extensionId}/popup.html`);
    await popup.waitForSelector('#pending-changes .pending-change');
    const text = await popup.$eval('#pending-changes', (el) => el.textContent ?? '');
    expect(text).toContain('wants to save a PIN for planted-room (guest)');
    expect(text).not.toContain('13572468');
    await popup.click('.change-confirm');
    await popup.waitForFunction(() => document.getElementById('message')?.textContent === 'Saved for planted-room.', { timeout: 5_000 });
    await popup.close();
    expect(await savedAliases()).toEqual(['planted-room:guest']);
  });

  it('a capture link opened directly (as from a mail client) still saves; the fresh PIN is filled, not submitted, until the user presses Join', async () => {
    const link = buildCaptureLink({ origin: stack.node.url, path: 'webapp3', alias: 'direct-room', role: 'guest', pin: '24681357' });
    const capturePage = await stack.ext.browser.newPage();
    await capturePage.goto(link);
    await waitForNotice(capturePage, 'PIN saved for direct-room (guest).');
    await capturePage.close();
    expect(await savedAliases()).toContain('direct-room:guest');

    // A later visit in fill-and-join mode: the first fill of this PIN waits for the user's Join.
    const page = await stack.ext.browser.newPage();
    const sent: string[] = [];
    page.on('request', (req) => {
      const pin = req.headers().pin;
      if (req.url().endsWith('/request_token') && pin !== undefined) sent.push(pin);
    });
    await page.goto(stack.node.joinUrl('direct-room', { name: 'Fay Fresh' }));
    await waitForState(page, 'ready');
    await page.click('#join-button');
    await page.waitForFunction(() => (document.getElementById('pin') as HTMLInputElement).value === '24681357', { timeout: 10_000 });
    await waitForNotice(page, 'press Join');
    // Well past the time a fill-and-join takes: still waiting for the user, nothing sent.
    await new Promise((r) => setTimeout(r, 1_000));
    expect(await page.$eval('#join', (el) => (el as HTMLElement).dataset.state)).toBe('pin-required');
    expect(sent).toEqual([]);
    await page.click('#join-button');
    await waitForState(page, 'waiting');
    expect(sent).toEqual(['24681357']);
    await page.close();

    // Seen once: from now on the mode applies (fill and join).
    const next = await stack.ext.browser.newPage();
    await next.goto(stack.node.joinUrl('direct-room', { name: 'Fay Fresh' }));
    await waitForState(next, 'ready');
    await next.click('#join-button');
    await waitForState(next, 'waiting');
    await next.close();
  });
});
