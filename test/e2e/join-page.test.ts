/**
 * The join page in real Chromium, driven by Pexip's real `@pexip/infinity` SDK against the
 * reference node: PIN prompt, guest waits in the lobby, host joins and the guest is admitted.
 */
import { describe, expect, it } from 'vitest';
import type { Page } from 'puppeteer-core';
import { forFile, startNodeStack } from './support/harness';

const stack = forFile(() => startNodeStack({ rooms: [{ alias: 'e2e-room', hostPin: '2468', guestPin: '1357', allowGuests: true }] }));

const status = (page: Page) => page.$eval('#status', (el) => el.textContent);
const waitForStatus = (page: Page, text: string) =>
  page.waitForFunction((t) => document.getElementById('status')?.textContent === t, { timeout: 10_000 }, text);

describe('join page with @pexip/infinity', () => {
  it('asks for a PIN, rejects a wrong one, lets a guest wait, and admits the guest when the host joins', async () => {
    const guest = await stack.browser.newPage();
    await guest.goto(stack.node.joinUrl('e2e-room', { name: 'Gus Guest' }));
    // Join parameters are read, then stripped from the address bar.
    expect(new URL(guest.url()).search).toBe('');
    expect(await guest.$eval('#display-name', (el) => (el as HTMLInputElement).value)).toBe('Gus Guest');

    await guest.click('#join-button');
    await guest.waitForSelector('#pin', { visible: true });
    expect(await status(guest)).toBe('Enter the PIN');
    expect(await guest.$eval('#pin', (el) => [el.getAttribute('type'), el.getAttribute('autocomplete'), el.getAttribute('name'), (el as HTMLInputElement).labels?.[0]?.textContent])).toEqual([
      'password', 'off', 'pin', 'PIN',
    ]);

    await guest.type('#pin', '0000');
    await guest.click('#join-button');
    await waitForStatus(guest, 'Invalid PIN');

    await guest.type('#pin', '1357');
    await guest.click('#join-button');
    await waitForStatus(guest, 'Waiting for the host');

    const host = await stack.browser.newPage();
    await host.goto(stack.node.joinUrl('e2e-room', { role: 'host', name: 'Hana Host', pin: '2468', join: true }));
    expect(new URL(host.url()).search).toBe('');
    await waitForStatus(host, 'Joined as host');
    await waitForStatus(guest, 'Joined as guest');
    await host.waitForFunction(() => document.getElementById('participants')?.textContent === 'Gus Guest (guest)Hana Host (host)', { timeout: 10_000 });
  });

  it('after too many wrong PINs says when to try again (the node\'s Retry-After)', async () => {
    const page = await stack.browser.newPage();
    await page.goto(stack.node.joinUrl('e2e-room', { name: 'Wendy Wrong' }));
    await page.click('#join-button');
    await page.waitForSelector('#pin', { visible: true });
    const state = () => page.$eval('#join', (el) => (el as HTMLElement).dataset.state);
    for (let i = 0; i < 6; i++) {
      await page.type('#pin', '9090');
      await page.click('#join-button');
      await page.waitForFunction(() => document.getElementById('join')?.dataset.state !== 'joining', { timeout: 10_000 });
      expect(await state()).toBe(i < 5 ? 'invalid-pin' : 'exhausted');
    }
    expect(await status(page)).toMatch(/^Too many wrong PINs\. Try again at \d{1,2}:\d{2}.* \(in 10 minutes\)\.$/);
  });

  it('shows "Room not found" for an unknown alias (also on the localhost origin)', async () => {
    const page = await stack.browser.newPage();
    await page.goto(stack.node.joinUrl('no-such-room', { name: 'Nobody', join: true }, stack.node.localhostUrl));
    await waitForStatus(page, 'Room not found');
  });
});
