/**
 * Attempts across tabs: the background reserves an attempt per room before a PIN leaves it, so
 * tabs asking at once together stay within "never the last attempt automatically"; and a wrong
 * PIN right at the code's opening is counted but does not mark the code as failed.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { noteTokenRequest, settleTokenRequest } from '../../../extension/background/guard';
import { handleMessage } from '../../../extension/background/router';
import { ACTIVATION_SAFETY_MARGIN_MS } from '../../../core/time/activation';
import { RESERVATION_TTL_MS } from '../../../core/guard';
import { contentSender, NODE, popupSender, report, testContext } from '../support';
import type { TestContext } from '../support';

const PAGE = `${NODE}/webapp3/m/board`;
const TOKEN_URL = `${NODE}/api/client/v2/conferences/board/request_token`;
let ctx: TestContext;
const TABS = [11, 12, 13, 14, 15];
const ask = (tab: number) => handleMessage(report(PAGE), contentSender(PAGE, { tab: { id: tab, url: PAGE } }), ctx);

beforeEach(async () => {
  ctx = testContext();
  for (const tab of TABS) ctx.tabs.set(tab, PAGE);
  ctx.state.prefs = { attendee: { autofill: { mode: 'fill-and-join' } } };
  expect((await handleMessage({ type: 'meetings:add', input: { url: PAGE, role: 'guest', pin: '1357' } }, popupSender, ctx)).ok).toBe(true);
});

describe('attempts reserved across tabs', () => {
  it('five tabs asking at once get the PIN at most as often as one tab could spend automatically', async () => {
    const answers = await Promise.all(TABS.map(ask));
    const filled = answers.filter((a) => (a as { action: string }).action === 'fill');
    // 5 attempts, warning at 2 left: 3 automatic attempts at most, never the last ones.
    expect(filled).toHaveLength(3);
    expect(answers.filter((a) => (a as { reason?: string }).reason === 'attempts-reserved')).toHaveLength(2);
  });

  it('an answered request frees its tab\'s reservation; an unsent fill frees it after the TTL', async () => {
    await Promise.all(TABS.slice(0, 3).map(ask));
    expect(await ask(14)).toMatchObject({ reason: 'attempts-reserved' });
    // Tab 11 joins with the right PIN: its reservation goes, the room's count stays at 0.
    await noteTokenRequest({ requestId: 'ok-1', url: TOKEN_URL, method: 'POST', tabId: 11, requestHeaders: [{ name: 'pin', value: '1357' }] }, ctx);
    await settleTokenRequest({ requestId: 'ok-1', statusCode: 200 }, ctx);
    expect(await ask(14)).toMatchObject({ action: 'fill' });
    ctx.clock.now += RESERVATION_TTL_MS;
    expect(await ask(15)).toMatchObject({ action: 'fill' });
  });

  it('the reservations survive a restarted service worker', async () => {
    await Promise.all(TABS.slice(0, 3).map(ask));
    ctx.db.close();
    const restarted = testContext({ factory: ctx.factory });
    for (const tab of TABS) restarted.tabs.set(tab, PAGE);
    restarted.state.prefs = ctx.state.prefs;
    restarted.clock.now = ctx.clock.now;
    const answer = await handleMessage(report(PAGE), contentSender(PAGE, { tab: { id: 14, url: PAGE } }), restarted);
    expect(answer).toMatchObject({ reason: 'attempts-reserved' });
  });
});

describe('a wrong PIN at the code\'s opening', () => {
  it('counts the attempt but does not mark the PIN failed for the day', async () => {
    const opensAt = ctx.clock.now;
    await handleMessage({ type: 'meetings:delete', id: (await ctx.db.meetings.toArray())[0]!.id }, popupSender, ctx);
    expect((await handleMessage({ type: 'meetings:add', input: { url: PAGE, role: 'guest', pin: '1357', startsAt: opensAt, endsAt: opensAt + 3_600_000, leadMinutes: 0 } }, popupSender, ctx)).ok).toBe(true);
    // The user typed the PIN at the opening; the node, its clock 250 ms behind, still refused it.
    ctx.clock.now = opensAt + 250;
    await noteTokenRequest({ requestId: 'early', url: TOKEN_URL, method: 'POST', tabId: 11, requestHeaders: [{ name: 'pin', value: '1357' }] }, ctx);
    const update = await settleTokenRequest({ requestId: 'early', statusCode: 403 }, ctx);
    expect(update?.status).toMatchObject({ attemptsUsed: 1, failedPins: [] });
    // Once the window is safely open, the PIN is filled again.
    ctx.clock.now = opensAt + ACTIVATION_SAFETY_MARGIN_MS;
    expect(await ask(12)).toMatchObject({ action: 'fill', pin: '1357' });
    // Later, a wrong answer is a verdict: that PIN is not filled again.
    await noteTokenRequest({ requestId: 'late', url: TOKEN_URL, method: 'POST', tabId: 12, requestHeaders: [{ name: 'pin', value: '1357' }] }, ctx);
    await settleTokenRequest({ requestId: 'late', statusCode: 403 }, ctx);
    expect(await ask(13)).toMatchObject({ action: 'none', reason: 'pin-failed-before' });
  });
});
