/**
 * "Join when the window opens" in fill-and-join mode: the attendee opens the join page before a
 * one-time access code is active; the extension says when it opens, spends no attempt, and fills
 * and joins by itself once the window opens. The meeting opens a few seconds after the test
 * starts, so the content script's real timer is exercised (no fake clock anywhere).
 */
import { describe, expect, it } from 'vitest';
import type { Page } from 'puppeteer-core';
import { ACTIVATION_SAFETY_MARGIN_MS } from '../../core/time/activation';
import { noticeText, waitForNotice, waitForRegistration } from './support/extensionBrowser';
import { forFile, startConferenceNode, startExtensionStack, waitForJoinState as waitForState } from './support/harness';

const CODE = '482139576';
/** How long after the test starts the code opens: long enough to see the wait, short for CI. */
const OPENS_IN_MS = 4_000;

const stack = forFile(() => startExtensionStack());


/**
 * Opens a join page, presses Join and waits until the extension holds off ("opens at"). Returns the
 * page and every PIN it sends to the node from then on, with when it was sent.
 */
async function openHeldPage(alias: string, name: string): Promise<{ page: Page; pinsSent: Array<{ pin: string; at: number }> }> {
  const page = await stack.ext.browser.newPage();
  const pinsSent: Array<{ pin: string; at: number }> = [];
  page.on('request', (req) => {
    const pin = req.headers().pin;
    if (req.url().endsWith('/request_token') && pin !== undefined) pinsSent.push({ pin, at: Date.now() });
  });
  await page.goto(stack.node.joinUrl(alias, { name }));
  await waitForState(page, 'ready');
  await page.click('#join-button');
  await waitForState(page, 'pin-required');
  await waitForNotice(page, 'opens at');
  return { page, pinsSent };
}

describe('join when the window opens', () => {
  it('holds off before the access code is active, then fills and joins as soon as it opens', async () => {
    // The room is made here, not when the node starts: a slow browser launch must not eat the wait.
    const opensAt = Date.now() + OPENS_IN_MS;
    stack.node.putRoom({ alias: 'window-room', hostPin: '86420975', allowGuests: true, accessCode: { code: CODE, role: 'host' }, window: { opensAt, closesAt: opensAt + 3_600_000 } });
    const added = await stack.ext.send({
      type: 'meetings:add',
      input: { url: `${stack.node.url}/webapp3/m/window-room`, role: 'host', pin: CODE, startsAt: opensAt, endsAt: opensAt + 3_600_000, leadMinutes: 0 },
    });
    expect(added.ok).toBe(true);
    expect(await stack.ext.send({ type: 'settings:set', prefs: { attendee: { autofill: { mode: 'fill-and-join' } } } })).toEqual({ ok: true, saved: true });

    const { page, pinsSent } = await openHeldPage('window-room', 'Wanda Window');
    expect(Date.now()).toBeLessThan(opensAt);
    expect(await page.$eval('#pin', (el) => (el as HTMLInputElement).value)).toBe('');
    expect(await noticeText(page)).not.toContain(CODE);

    await waitForState(page, 'joined-host', OPENS_IN_MS + ACTIVATION_SAFETY_MARGIN_MS + 10_000);
    // Not one attempt was spent early: one PIN was sent, the right one, after the window opened.
    expect(pinsSent).toHaveLength(1);
    expect(pinsSent[0]!.pin).toBe(CODE);
    expect(pinsSent[0]!.at).toBeGreaterThanOrEqual(opensAt);
    await page.close();
  });

  it('a daily series saved yesterday is not expired: it waits for today\'s occurrence and joins when it opens', async () => {
    // The first occurrence was yesterday (a single meeting would be over); today's opens in a few seconds.
    const todayOpens = Date.now() + OPENS_IN_MS;
    const first = { start: todayOpens - 86_400_000, end: todayOpens - 86_400_000 + 3_600_000 };
    const recurrence = { timeZone: 'UTC', rule: { frequency: 'daily' } };
    stack.node.putRoom({ alias: 'series-room', hostPin: '86420975', allowGuests: true, accessCode: { code: CODE, role: 'host' }, meeting: first, leadMinutes: 0, recurrence });
    const added = await stack.ext.send({
      type: 'meetings:add',
      input: { url: `${stack.node.url}/webapp3/m/series-room`, role: 'host', pin: CODE, startsAt: first.start, endsAt: first.end, leadMinutes: 0, recurrence },
    });
    expect(added.ok).toBe(true);
    expect(await stack.ext.send({ type: 'settings:set', prefs: { attendee: { autofill: { mode: 'fill-and-join' } } } })).toEqual({ ok: true, saved: true });

    const { page, pinsSent } = await openHeldPage('series-room', 'Sam Series');
    expect(Date.now()).toBeLessThan(todayOpens);
    await waitForState(page, 'joined-host', OPENS_IN_MS + ACTIVATION_SAFETY_MARGIN_MS + 10_000);
    expect(pinsSent).toHaveLength(1);
    expect(pinsSent[0]!.at).toBeGreaterThanOrEqual(todayOpens);
    await page.close();
  });

  it('a laptop clock 250 ms ahead of the node: holds the safety margin past the opening, then joins with the one PIN it sends', async () => {
    // A second node whose clock is 250 ms behind this machine's (the laptop is ahead).
    const AHEAD_MS = 250;
    const skewed = await startConferenceNode({ clock: () => Date.now() - AHEAD_MS });
    try {
      const nodeOpens = skewed.now() + OPENS_IN_MS;
      skewed.putRoom({ alias: 'skew-room', hostPin: '86420975', allowGuests: true, accessCode: { code: CODE, role: 'host' }, window: { opensAt: nodeOpens, closesAt: nodeOpens + 3_600_000 } });
      // The attendee's record says the same opening (the organizer's times, in UTC).
      const added = await stack.ext.send({
        type: 'meetings:add',
        input: { url: `${skewed.url}/webapp3/m/skew-room`, role: 'host', pin: CODE, startsAt: nodeOpens, endsAt: nodeOpens + 3_600_000, leadMinutes: 0 },
      });
      expect(added.ok).toBe(true);
      expect(await stack.ext.send({ type: 'settings:set', prefs: { attendee: { autofill: { mode: 'fill-and-join' } } } })).toEqual({ ok: true, saved: true });
      await waitForRegistration(stack.ext, 'http://127.0.0.1/*');

      const page = await stack.ext.browser.newPage();
      const sentAtNode: number[] = [];
      page.on('request', (req) => {
        if (req.url().endsWith('/request_token') && req.headers().pin !== undefined) sentAtNode.push(skewed.now());
      });
      await page.goto(skewed.joinUrl('skew-room', { name: 'Sky Skew' }));
      await waitForState(page, 'ready');
      await page.click('#join-button');
      await waitForState(page, 'pin-required');
      await waitForNotice(page, 'opens at');
      await waitForState(page, 'joined-host', OPENS_IN_MS + ACTIVATION_SAFETY_MARGIN_MS + 10_000);
      // One attempt, accepted; sent by the node's clock seconds after its opening, not at it.
      expect(sentAtNode).toHaveLength(1);
      expect(sentAtNode[0]!).toBeGreaterThanOrEqual(nodeOpens + ACTIVATION_SAFETY_MARGIN_MS - AHEAD_MS);
      const list = await stack.ext.send({ type: 'meetings:list' });
      expect(list.meetings.find((m: any) => m.alias === 'skew-room')).toMatchObject({ attemptsUsed: 0 });
      await page.close();
    } finally {
      await skewed.close();
    }
  });
});
