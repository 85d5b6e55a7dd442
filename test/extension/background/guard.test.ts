/**
 * The guard's platform side with real Dexie: webRequest details in, outcomes counted per room,
 * persisted across a restarted service worker, warnings and badge before the limit.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { badgeFor, noteTokenRequest, pinHeaderOf, settleTokenRequest, dropTokenRequest } from '../../../extension/background/guard';
import { handleMessage } from '../../../extension/background/router';
import { NODE, popupSender, testContext } from '../support';
import type { TestContext } from '../support';

const TOKEN_URL = `${NODE}/api/client/v2/conferences/board/request_token`;
let ctx: TestContext;
let seq = 0;

async function attempt(c: TestContext, pin: string | null, status: number, url = TOKEN_URL) {
  const requestId = `r${++seq}`;
  const requestHeaders = pin === null ? [] : [{ name: 'PIN', value: pin }];
  const tracked = await noteTokenRequest({ requestId, url, method: 'POST', tabId: 7, requestHeaders }, c);
  return { tracked, update: await settleTokenRequest({ requestId, statusCode: status }, c) };
}

beforeEach(async () => {
  ctx = testContext();
  await handleMessage({ type: 'meetings:add', input: { url: `${NODE}/webapp3/m/board`, role: 'guest', pin: '1357' } }, popupSender, ctx);
});

describe('attempt guard from webRequest', () => {
  it('reads the pin header case-insensitively', () => {
    expect(pinHeaderOf([{ name: 'Pin', value: '1234' }])).toBe('1234');
    expect(pinHeaderOf(undefined)).toBeNull();
  });

  it('counts wrong PINs, ignores the PIN prompt, and warns before the limit', async () => {
    expect((await attempt(ctx, null, 403)).update?.status.attemptsUsed).toBe(0);
    const first = await attempt(ctx, '0000', 403);
    expect(first.update).toMatchObject({ outcome: 'wrong-pin', tabId: 7, status: { attemptsUsed: 1, attemptsLeft: 4 } });
    expect(first.update?.warning).toContain('4 of 5 attempts left');
    await attempt(ctx, '0001', 403);
    const third = await attempt(ctx, '0002', 403);
    expect(third.update?.status.level).toBe('warn');
    expect(badgeFor(third.update!.status)).toMatchObject({ text: '2' });
    const fourth = await attempt(ctx, '0003', 403);
    expect(fourth.update?.status.level).toBe('last');
    expect(badgeFor(fourth.update!.status).text).toBe('!!');
  });

  it('keeps counts when the service worker stops between request and response', async () => {
    await attempt(ctx, '0000', 403);
    await noteTokenRequest({ requestId: 'pending-1', url: TOKEN_URL, method: 'POST', tabId: 7, requestHeaders: [{ name: 'pin', value: '0001' }] }, ctx);
    ctx.db.close();
    const restarted = testContext({ factory: ctx.factory });
    const update = await settleTokenRequest({ requestId: 'pending-1', statusCode: 403 }, restarted);
    expect(update?.status.attemptsUsed).toBe(2);
  });

  it('counts the attempt when the response arrives before the request note is written', async () => {
    // webRequest fires onCompleted without waiting for onSendHeaders' async handler.
    const noted = noteTokenRequest({ requestId: 'fast-1', url: TOKEN_URL, method: 'POST', tabId: 7, requestHeaders: [{ name: 'pin', value: '0000' }] }, ctx);
    const update = await settleTokenRequest({ requestId: 'fast-1', statusCode: 403 }, ctx);
    expect(await noted).toBe(true);
    expect(update).toMatchObject({ outcome: 'wrong-pin', status: { attemptsUsed: 1 } });
  });

  it('does not track unknown nodes, other endpoints, or failed requests', async () => {
    expect((await attempt(ctx, '0000', 403, 'https://other.example.com/api/client/v2/conferences/board/request_token')).tracked).toBe(false);
    expect((await attempt(ctx, '0000', 403, `${NODE}/api/client/v2/conferences/board/participants`)).tracked).toBe(false);
    await noteTokenRequest({ requestId: 'x', url: TOKEN_URL, method: 'POST', tabId: 7, requestHeaders: [{ name: 'pin', value: '0000' }] }, ctx);
    await dropTokenRequest('x', ctx);
    expect(await settleTokenRequest({ requestId: 'x', statusCode: 403 }, ctx)).toBeNull();
  });

  it('never fills a PIN that failed, and shows the attempts in the popup', async () => {
    await attempt(ctx, '1357', 403);
    const page = `${NODE}/webapp3/m/board`;
    ctx.tabs.set(7, page);
    const sender = { id: ctx.runtimeId, url: page, origin: NODE, frameId: 0, tab: { id: 7 } };
    const answer = await handleMessage({ type: 'fill:ask', report: { pageUrl: page, frame: { isTop: true, sandboxed: false, frameOrigin: NODE }, field: { present: true, hasValue: false } } }, sender, ctx);
    expect(answer).toMatchObject({ action: 'none', reason: 'pin-failed-before' });
    expect((answer as { notice: string }).notice).toContain('4 of 5 attempts left');
    expect(await handleMessage({ type: 'meetings:list' }, popupSender, ctx)).toMatchObject({ meetings: [{ attemptsUsed: 1, attemptsLeft: 4 }] });
  });
});
