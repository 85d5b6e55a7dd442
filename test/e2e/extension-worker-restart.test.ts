/**
 * The attempt guard survives its service worker being stopped (MV3 stops it whenever it likes):
 * a wrong PIN is counted, the worker is stopped through the DevTools protocol, and the next
 * wrong PIN (typed by the user; the extension never refills a failed PIN) wakes it and is
 * counted on top of the first: 2 of 5 used, nothing lost.
 */
import { describe, expect, it } from 'vitest';
import type { Page } from 'puppeteer-core';
import { stopServiceWorker, waitForNotice } from './support/extensionBrowser';
import { forFile, startExtensionStack, waitForJoinState as waitForState } from './support/harness';

const stack = forFile(() => startExtensionStack({ rooms: [{ alias: 'restart-room', hostPin: '8642', guestPin: '7531', allowGuests: true }] }));


async function openPrompt(): Promise<Page> {
  const page = await stack.ext.browser.newPage();
  await page.goto(stack.node.joinUrl('restart-room', { name: 'Rita Restart' }));
  await waitForState(page, 'ready');
  await page.click('#join-button');
  await waitForState(page, 'pin-required');
  return page;
}

const attemptsUsed = async (): Promise<number> =>
  ((await stack.ext.send({ type: 'meetings:list' })).meetings as Array<{ alias: string; attemptsUsed: number }>).find((m) => m.alias === 'restart-room')!.attemptsUsed;

describe('service worker stopped mid-way', () => {
  it('keeps the count across a stopped worker and counts the next outcome on top', async () => {
    expect((await stack.ext.send({ type: 'meetings:add', input: { url: `${stack.node.url}/webapp3/m/restart-room`, role: 'guest', pin: '9999' } })).ok).toBe(true);
    const page = await openPrompt();
    await page.waitForFunction(() => (document.getElementById('pin') as HTMLInputElement).value === '9999', { timeout: 5_000 });
    await page.click('#join-button');
    await waitForState(page, 'invalid-pin');
    await waitForNotice(page, '4 of 5 attempts left');

    const stopped = await stopServiceWorker(stack.ext, page);
    expect(stopped.scriptUrl).toContain(stack.ext.extensionId);

    // The user types another wrong PIN; the token request wakes the stopped worker.
    await page.type('#pin', '1111');
    await page.click('#join-button');
    await waitForState(page, 'invalid-pin');
    await stopped.restarted();
    await waitForNotice(page, '3 of 5 attempts left');
    await stopped.close();
    expect(await attemptsUsed()).toBe(2);
    await page.close();
  });
});
