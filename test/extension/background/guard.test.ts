/**
 * The guard's platform side with real Dexie: webRequest details in, outcomes counted per room,
 * persisted across a restarted service worker, warnings and badge before the limit.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { badgeFor, noteTokenRequest, pinHeaderOf, settleTokenRequest, dropTokenRequest, sweepPendingRequests } from '../../../extension/background/guard';
import { PENDING_REQUEST_TTL_MS, pendingRowKey, RESERVATION_TTL_MS } from '../../../core/guard';
import { PENDING_CHANGE_TTL_MS } from '../../../core/vault';
import { sweepExpired } from '../../../extension/background/sweep';
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

  describe('pending rows (a request seen, its answer not yet)', () => {
    const note = (c: TestContext, requestId: string, pin: string | null, url = TOKEN_URL) =>
      noteTokenRequest({ requestId, url, method: 'POST', tabId: 7, requestHeaders: pin === null ? [] : [{ name: 'pin', value: pin }] }, c);

    it('never hold the PIN in clear, only its room fingerprint', async () => {
      await note(ctx, 'clear-1', '48213957');
      const rows = await ctx.db.pending.toArray();
      expect(rows).toHaveLength(1);
      expect(JSON.stringify(rows)).not.toContain('48213957');
      expect(rows[0]!.pinFingerprint).toMatch(/^fp1:[0-9a-f]{8}$/);
    });

    it('a row left by a browser that died never matches a request of the next browser session with the same id', async () => {
      await note(ctx, '101', '0000');
      ctx.db.close();
      // The browser restarts: a new session, and request ids start over.
      const next = testContext({ factory: ctx.factory });
      next.browserSession.id = 'session-2';
      // Request 101 of the new session goes to a node the guard does not watch (so it is not noted)...
      expect(await settleTokenRequest({ requestId: '101', statusCode: 403 }, next)).toBeNull();
      // ...and the old row did not count as a wrong PIN for the board room.
      expect(await handleMessage({ type: 'meetings:list' }, popupSender, next)).toMatchObject({ meetings: [{ attemptsUsed: 0 }] });
    });

    it('expire: an answer after the TTL is not matched to the old row', async () => {
      await note(ctx, 'slow-1', '0000');
      ctx.clock.now += PENDING_REQUEST_TTL_MS;
      expect(await settleTokenRequest({ requestId: 'slow-1', statusCode: 403 }, ctx)).toBeNull();
      expect(await ctx.db.pending.count()).toBe(0);
    });

    it('are swept at start: other sessions\' and expired rows go, live ones stay', async () => {
      await note(ctx, 'old-session', '0000');
      ctx.browserSession.id = 'session-2';
      await note(ctx, 'expired', '0001');
      ctx.clock.now += PENDING_REQUEST_TTL_MS - 1_000;
      await note(ctx, 'live', '0002');
      ctx.clock.now += 1_000;
      expect(await sweepPendingRequests(ctx)).toBe(2);
      expect((await ctx.db.pending.toArray()).map((r) => r.requestId)).toEqual([pendingRowKey('session-2', 'live')]);
    });
  });
});

describe('the start-up and daily sweep', () => {
  it('deletes stale pending rows, expired reservations and unconfirmed captures past their TTL, and nothing live', async () => {
    const now = ctx.clock.now;
    await ctx.db.pending.put({ requestId: pendingRowKey('old-session', '5'), session: 'old-session', url: TOKEN_URL, pinFingerprint: 'fp1:00000000', tabId: 1, seenAt: now });
    await ctx.db.reservations.bulkPut([
      { id: 'a|1', key: 'a', tabId: 1, at: now - RESERVATION_TTL_MS },
      { id: 'a|2', key: 'a', tabId: 2, at: now },
    ]);
    const record = (await ctx.db.meetings.toArray())[0]!; // saved in beforeEach
    await ctx.db.changes.bulkPut([
      { id: 'c-old', roomKey: 'k', record, at: now - PENDING_CHANGE_TTL_MS },
      { id: 'c-new', roomKey: 'k2', record, at: now },
    ]);
    expect(await sweepExpired(ctx)).toEqual({ pending: 1, reservations: 1, changes: 1 });
    expect((await ctx.db.reservations.toArray()).map((r) => r.id)).toEqual(['a|2']);
    expect((await ctx.db.changes.toArray()).map((r) => r.id)).toEqual(['c-new']);
  });
});
