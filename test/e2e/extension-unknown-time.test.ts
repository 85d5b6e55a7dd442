/**
 * A code whose start time SecureJoin does not know (an invite pasted without one: the popup says
 * "Code opens: no time set") is never filled by itself: the join page asks first, in the
 * extension's own notice, and only the user's real click on Fill fills it (and never presses
 * Join); "Not now" leaves the field to the user. No attempt is spent before the user says so.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'puppeteer-core';
import { noticeText, waitForNotice } from './support/extensionBrowser';
import { clickNoticeButton, noticeButtons } from './support/noticeButtons';
import { forFile, startExtensionStack, waitForJoinState as waitForState } from './support/harness';

const GUEST_PIN = '13571357';
const QUESTION = 'SecureJoin does not know when this code starts working. Fill it anyway?';

const stack = forFile(() => startExtensionStack({ rooms: [{ alias: 'untimed-room', hostPin: '24682468', guestPin: GUEST_PIN, allowGuests: true }] }));
beforeAll(async () => {
  // Fill and join: even so, a code of unknown time is neither filled nor joined by itself.
  expect(await stack.ext.send({ type: 'settings:set', prefs: { attendee: { autofill: { mode: 'fill-and-join' } } } })).toEqual({ ok: true, saved: true });
});

const pinValue = (page: Page) => page.$eval('#pin', (el) => (el as HTMLInputElement).value);

/** Opens the join page and presses Join; records every PIN sent to the stack.node. */
async function openAndJoin(): Promise<{ page: Page; pinsSent: string[] }> {
  const page = await stack.ext.browser.newPage();
  const pinsSent: string[] = [];
  page.on('request', (req) => {
    const pin = req.headers().pin;
    if (req.url().endsWith('/request_token') && pin !== undefined) pinsSent.push(pin);
  });
  await page.goto(stack.node.joinUrl('untimed-room', { name: 'Una Known' }));
  await waitForState(page, 'ready');
  await page.click('#join-button');
  return { page, pinsSent };
}

/** {@link openAndJoin}, then waits for the PIN prompt. */
async function openPrompt(): Promise<{ page: Page; pinsSent: string[] }> {
  const opened = await openAndJoin();
  await waitForState(opened.page, 'pin-required');
  return opened;
}

describe('a code whose start time is unknown', () => {
  it('saved from a pasted invite without a time, the popup says so and the join page asks before filling', async () => {
    const { page: popup, pasteInvite } = await stack.openPopup();
    await pasteInvite([`Join the meeting: ${stack.node.url}/webapp3/m/untimed-room`, 'Access code: 1357 1357'].join('\n'));
    await popup.waitForSelector('.draft-save');
    expect(await popup.$eval('.draft-when', (el) => el.textContent)).toMatch(/no time set.*ask/);
    await popup.click('.draft-save');
    await popup.waitForFunction(() => document.querySelector('#meetings li .opens')?.textContent?.includes('Code opens: no time set'), { timeout: 5_000 });
    await popup.close();

    // Asked, not filled: nothing in the field, nothing sent, no Join pressed.
    const first = await openPrompt();
    await waitForNotice(first.page, QUESTION);
    expect(await noticeButtons(first.page)).toEqual(['Fill', 'Not now']);
    expect(await pinValue(first.page)).toBe('');
    expect(await noticeText(first.page)).not.toContain(GUEST_PIN);
    // "Not now": the question goes, the field stays the user's, still nothing sent.
    await clickNoticeButton(first.page, 'Not now');
    await first.page.waitForFunction(() => document.querySelector('securejoin-notice') === null, { timeout: 5_000 });
    await new Promise((r) => setTimeout(r, 500));
    expect(await pinValue(first.page)).toBe('');
    expect(first.pinsSent).toEqual([]);
    await first.page.close();

    // "Fill": the PIN is filled, Join is still the user's.
    const second = await openPrompt();
    await waitForNotice(second.page, QUESTION);
    expect(second.pinsSent).toEqual([]);
    await clickNoticeButton(second.page, 'Fill');
    await second.page.waitForFunction((p) => (document.getElementById('pin') as HTMLInputElement).value === p, { timeout: 5_000 }, GUEST_PIN);
    await waitForNotice(second.page, 'press Join');
    expect(await second.page.$eval('#join', (el) => (el as HTMLElement).dataset.state)).toBe('pin-required');
    expect(second.pinsSent).toEqual([]);
    await second.page.click('#join-button');
    await waitForState(second.page, 'waiting');
    expect(second.pinsSent).toEqual([GUEST_PIN]);
    await second.page.close();
  });

  it('a PIN typed by hand without a start is filled as before (the user chose no time)', async () => {
    expect((await stack.ext.send({ type: 'meetings:add', input: { url: `${stack.node.url}/webapp3/m/untimed-room`, role: 'host', pin: '24682468' } })).ok).toBe(true);
    // The prompt lasts only a moment here (filled and joined at once): wait for the end state.
    const { page, pinsSent } = await openAndJoin();
    await waitForState(page, 'joined-host');
    expect(pinsSent).toEqual(['24682468']);
    await page.close();
  });
});
