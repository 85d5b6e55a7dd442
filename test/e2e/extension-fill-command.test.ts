/**
 * "Fill SecureJoin PIN", the user's own fallback (context menu on an editable field, keyboard
 * command), in real Chromium with the built extension. Headless Chromium shows no context menus
 * and delivers no extension keyboard shortcuts (tried: a shortcut assigned through
 * chrome://extensions/shortcuts and pressed with DevTools key events filled nothing), so the
 * tests call the background's real listeners in its service worker (`__securejoinFill`,
 * background/fillCommand.ts) with the arguments the browser passes; from
 * there on everything is the real path: the tab's join-page script, `fill:manual`, the router,
 * the fill decision, the guard watching the node's token requests.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'puppeteer-core';
import { noticeText, waitForNotice } from './support/extensionBrowser';
import { forFile, startExtensionStack } from './support/harness';

const PIN = '4455667';

const stack = forFile(() => startExtensionStack({ rooms: [{ alias: 'manual-room', hostPin: '8642', guestPin: '7531', allowGuests: true }] }));
beforeAll(async () => {
  for (const [url, pin] of [[`${stack.pages.url}/webapp3/m/unlabelled`, PIN], [`${stack.pages.url}/webapp3/m/framed-room`, PIN], [`${stack.node.url}/webapp3/m/manual-room`, '9999']] as const) {
    expect((await stack.ext.send({ type: 'meetings:add', input: { url, role: 'guest', pin } })).ok).toBe(true);
  }
});

/** The browser's id of the tab showing `page`. */
async function tabIdOf(page: Page): Promise<number> {
  const url = page.url();
  return (await (await stack.ext.worker()).evaluate(async (u) => (await (globalThis as any).chrome.tabs.query({ url: u }))[0]?.id, url)) as number;
}

/** Calls the background's listeners as Chromium would for the keyboard command or the context-menu item. */
async function trigger(page: Page, how: 'command' | 'menu'): Promise<void> {
  const tabId = await tabIdOf(page);
  await (await stack.ext.worker()).evaluate(
    async (h, id) => {
      const on = (globalThis as any).__securejoinFill;
      if (h === 'command') await on.onCommand('fill-pin', { id });
      else await on.onMenuClick({ menuItemId: 'securejoin-fill-pin', frameId: 0, editable: true }, { id });
    },
    how,
    tabId,
  );
}

const valueOf = (page: Pick<Page, '$eval'>, selector: string) => page.$eval(selector, (el) => (el as HTMLInputElement).value);

describe('Fill SecureJoin PIN on request', () => {
  it('fills a field nothing marks as a PIN field, from the command and from the context menu, and never presses Join', async () => {
    for (const how of ['command', 'menu'] as const) {
      const page = await stack.ext.browser.newPage();
      await page.goto(`${stack.pages.url}/webapp3/m/unlabelled?shape=unlabelled`);
      await page.waitForSelector('#entry-7');
      expect(await valueOf(page, '#entry-7')).toBe('');
      await page.focus('#entry-7');
      await trigger(page, how);
      await page.waitForFunction((pin) => (document.getElementById('entry-7') as HTMLInputElement).value === pin, { timeout: 10_000 }, PIN);
      await waitForNotice(page, 'SecureJoin filled your saved PIN: press Join.');
      expect(await page.evaluate(() => document.body.dataset.joined ?? null)).toBeNull();
      await page.close();
    }
  });

  it('fills nothing on a page of a room with no saved meeting, nor into a name field, and says why', async () => {
    const other = await stack.ext.browser.newPage();
    await other.goto(`${stack.pages.url}/webapp3/m/other-room?shape=unlabelled`);
    await other.waitForSelector('#entry-7');
    await other.focus('#entry-7');
    await trigger(other, 'command');
    await waitForNotice(other, 'SecureJoin has no saved meeting for this page.');
    expect(await valueOf(other, '#entry-7')).toBe('');

    const page = await stack.ext.browser.newPage();
    await page.goto(`${stack.pages.url}/webapp3/m/unlabelled?shape=unlabelled`);
    await page.waitForSelector('#entry-7');
    await page.focus('#display-name');
    await trigger(page, 'menu');
    await waitForNotice(page, 'Click into the PIN field first');
    expect(await page.evaluate(() => Array.from(document.querySelectorAll('input')).map((i) => i.value))).toEqual(['', '', '']);
    await Promise.all([other.close(), page.close()]);
  });

  it('fills in a frame of the page\'s own origin, never in a sandboxed frame or one of another origin', async () => {
    const page = await stack.ext.browser.newPage();
    await page.goto(`${stack.pages.url}/webapp3/m/framed-room?shape=framed`);
    const frameOf = async (id: string) => {
      const frame = await (await page.waitForSelector(`#${id}`))!.contentFrame();
      if (!frame) throw new Error(`#${id} has no frame`);
      await frame.waitForSelector('#entry-7', { timeout: 10_000 });
      return frame;
    };
    const [same, sandboxed, foreign] = [await frameOf('same'), await frameOf('sandboxed'), await frameOf('foreign')];
    // Each refusal uses up the user's request, so a late answer from a refused frame would make
    // the same-origin fill after it fail, never pass.
    for (const frame of [foreign, sandboxed]) {
      await frame.focus('#entry-7');
      await trigger(page, 'command');
    }
    await same.focus('#entry-7');
    await trigger(page, 'command');
    await same.waitForFunction((pin) => (document.getElementById('entry-7') as HTMLInputElement).value === pin, { timeout: 10_000 }, PIN);
    expect(await valueOf(sandboxed, '#entry-7')).toBe('');
    expect(await valueOf(foreign, '#entry-7')).toBe('');
    // The sandboxed frame (same process, so its closed notice is readable here) said why.
    expect(await noticeText(page)).toContain('SecureJoin fills only in the page itself or a frame of its own site.');
    await page.close();
  });

  it('is counted by the guard: the PIN it filled fails once, and it is not filled again', async () => {
    const page = await stack.ext.browser.newPage();
    await page.goto(stack.node.joinUrl('manual-room', { name: 'Manny Manual' }));
    await page.waitForFunction(() => document.getElementById('join')?.dataset.state === 'ready', { timeout: 10_000 });
    await page.click('#join-button');
    await page.waitForFunction(() => (document.getElementById('pin') as HTMLInputElement | null)?.value === '9999', { timeout: 10_000 });
    // The user clears what was filled, then asks for the fill themselves, and presses Join.
    await page.click('#pin', { count: 3 });
    await page.keyboard.press('Backspace');
    expect(await valueOf(page, '#pin')).toBe('');
    await trigger(page, 'command');
    await page.waitForFunction(() => (document.getElementById('pin') as HTMLInputElement).value === '9999', { timeout: 10_000 });
    await page.click('#join-button');
    await page.waitForFunction(() => document.getElementById('join')?.dataset.state === 'invalid-pin', { timeout: 10_000 });
    await waitForNotice(page, '4 of 5 attempts left');
    const list = await stack.ext.send({ type: 'meetings:list' });
    expect(list.meetings.find((m: any) => m.alias === 'manual-room')).toMatchObject({ attemptsUsed: 1, attemptsLeft: 4 });
    // Asked again: the failed PIN is refused, with the reason.
    await page.focus('#pin');
    await trigger(page, 'menu');
    await waitForNotice(page, 'The saved PIN failed in this room before');
    expect(await valueOf(page, '#pin')).toBe('');
    await page.close();
  });
});
