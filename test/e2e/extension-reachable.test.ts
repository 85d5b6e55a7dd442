/**
 * Issue 24 in real Chromium with the built extension: a PIN field nobody can see or reach (zero
 * size, off the page, clipped away) is never filled; and the extension's notice on a join page
 * stays visible whatever the page's CSS says, comes back when the page's script closes or
 * removes it, and goes to the toolbar badge when the page keeps removing it.
 */
import type { Page } from 'puppeteer-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildCaptureLink } from '../../core/links';
import { noticeText, waitForNotice } from './support/extensionBrowser';
import { forFile, startExtensionStack } from './support/harness';

declare const chrome: any;

const PIN = '60482913';

const stack = forFile(() => startExtensionStack({ rooms: [{ alias: 'notice-room', hostPin: '86420975', guestPin: '24681357', allowGuests: true }] }));
beforeAll(async () => {
  for (const shape of ['offscreen-zero', 'clipped-decoy']) {
    expect((await stack.ext.send({ type: 'meetings:add', input: { url: `${stack.pages.url}/webapp3/m/${shape}`, role: 'guest', pin: PIN } })).ok).toBe(true);
  }
  expect(await stack.ext.send({ type: 'settings:set', prefs: { attendee: { autofill: { mode: 'fill-and-join' } } } })).toEqual({ ok: true, saved: true });
});

describe('only fields a person can see and reach', () => {
  it('an offscreen zero-size PIN field is not filled (and nothing is joined)', async () => {
    const page = await stack.ext.browser.newPage();
    await page.goto(`${stack.pages.url}/webapp3/m/offscreen-zero?shape=offscreen-zero`);
    await page.waitForSelector('#ghost');
    // Well past the time a fill and join take (a few ms, see the bench).
    await new Promise((r) => setTimeout(r, 1_500));
    expect(await page.$eval('#ghost', (el) => (el as HTMLInputElement).value)).toBe('');
    expect(await page.evaluate(() => document.body.dataset.joined ?? null)).toBeNull();
    await page.close();
  });

  it('a clipped-away PIN field earlier in the page is passed over for the visible one', async () => {
    const page = await stack.ext.browser.newPage();
    await page.goto(`${stack.pages.url}/webapp3/m/clipped-decoy?shape=clipped-decoy`);
    await page.waitForFunction(() => document.body.dataset.joined !== undefined, { timeout: 10_000 });
    expect(await page.evaluate(() => document.body.dataset.joined)).toBe(`${PIN}|`);
    await page.close();
  });
});

/** The notice's host as the page sees it: connected, rendered, with a size. */
const hostShown = (page: Page) =>
  page.evaluate(() => {
    const host = document.querySelector('securejoin-notice') as HTMLElement | null;
    if (!host) return false;
    const r = host.getBoundingClientRect();
    return host.isConnected && host.checkVisibility({ opacityProperty: true, visibilityProperty: true }) && r.width > 0 && r.height > 0;
  });

describe('the notice the page cannot hide', () => {
  it('page CSS does not hide it; a script that restyles, closes or removes it is undone; one that keeps removing it sends it to the toolbar badge', async () => {
    const page = await stack.ext.browser.newPage();
    // The page's own stylesheet, there before the notice: every way to hide the host element.
    await page.evaluateOnNewDocument(() => {
      document.addEventListener('DOMContentLoaded', () => {
        const style = document.createElement('style');
        style.textContent =
          'securejoin-notice,html>:last-child,[popover]{display:none!important;visibility:hidden!important;opacity:0!important;transform:scale(0)!important;clip-path:inset(50%)!important;width:0!important;height:0!important;position:absolute!important;left:-9999px!important}';
        document.head.append(style);
      });
    });
    await page.goto(buildCaptureLink({ origin: stack.node.url, path: 'webapp3', alias: 'notice-room', role: 'guest', pin: '24681357' }));
    await waitForNotice(page, 'PIN saved for notice-room (guest).');
    await page.waitForFunction(() => document.querySelector('style') !== null);
    expect(await hostShown(page)).toBe(true);

    // The page's script restyles it and closes it: undone at once.
    await page.evaluate(() => {
      const host = document.querySelector('securejoin-notice') as HTMLElement;
      host.style.setProperty('display', 'none', 'important');
      host.hidePopover();
    });
    await page.waitForFunction(() => {
      const host = document.querySelector('securejoin-notice') as HTMLElement | null;
      return host !== null && host.checkVisibility() && host.matches(':popover-open');
    }, { timeout: 5_000 });
    expect(await hostShown(page)).toBe(true);

    // Removed once: it comes back, with its text.
    await page.evaluate(() => document.querySelector('securejoin-notice')?.remove());
    await page.waitForFunction(() => document.querySelector('securejoin-notice') !== null, { timeout: 5_000 });
    expect(await hostShown(page)).toBe(true);
    expect(await noticeText(page)).toContain('PIN saved for notice-room (guest).');

    // Removed again and again: the toolbar button of this tab says it instead.
    await page.evaluate(() => {
      new MutationObserver(() => document.querySelector('securejoin-notice')?.remove()).observe(document.documentElement, { childList: true });
      document.querySelector('securejoin-notice')?.remove();
    });
    const url = page.url();
    const deadline = Date.now() + 10_000;
    let badge = { text: '', title: '' };
    while (Date.now() < deadline) {
      badge = await stack.ext.inExtensionPage(async () => {
        const tabs = await chrome.tabs.query({});
        // The join page is the only tab on the node (the earlier tests closed theirs).
        const tab = tabs.find((t: { url?: string }) => (t.url ?? '').startsWith('http://127.0.0.1'));
        return { text: await chrome.action.getBadgeText({ tabId: tab.id }), title: await chrome.action.getTitle({ tabId: tab.id }) };
      });
      // Both: the title and the text are two calls, and the page may be read between them.
      if (badge.text === '!' && badge.title !== 'SecureJoin') break;
      await new Promise((r) => setTimeout(r, 200));
    }
    expect(url.startsWith(stack.node.url)).toBe(true);
    expect(badge).toEqual({ text: '!', title: 'SecureJoin: PIN saved for notice-room (guest).' });
    await page.close();
  });
});
