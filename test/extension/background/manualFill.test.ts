/**
 * "Fill SecureJoin PIN" (context menu, keyboard command): the background answers `fill:manual`
 * only for a tab the user just asked in, with every check of the automatic path, never joining.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { handleMessage } from '../../../extension/background/router';
import { armManualFill } from '../../../extension/background/manualFill';
import { contentSender, NODE, popupSender, report, testContext } from '../support';
import type { TestContext } from '../support';

const PAGE = `${NODE}/webapp3/m/board`;
let ctx: TestContext;
const manual = (url = PAGE, over: Record<string, unknown> = {}) => ({ ...report(url, over), type: 'fill:manual' });

beforeEach(async () => {
  ctx = testContext();
  ctx.tabs.set(7, PAGE);
  const added = await handleMessage({ type: 'meetings:add', input: { url: PAGE, role: 'guest', pin: '1357' } }, popupSender, ctx);
  expect(added.ok).toBe(true);
});

describe('fill:manual', () => {
  it('gives the PIN once, right after the user asked in that tab', async () => {
    armManualFill(7, ctx.now());
    expect(await handleMessage(manual(), contentSender(PAGE), ctx)).toEqual({ ok: true, action: 'fill', pin: '1357', join: false, notice: null });
    // The request is used up: a second message from the page's side gets nothing.
    expect(await handleMessage(manual(), contentSender(PAGE), ctx)).toMatchObject({ action: 'none', reason: 'not-allowed' });
  });

  it('refuses without a request of the user, after it expired, or from another tab', async () => {
    expect(await handleMessage(manual(), contentSender(PAGE), ctx)).toMatchObject({ action: 'none', reason: 'not-allowed' });
    armManualFill(7, ctx.now());
    ctx.clock.now += 6_000;
    expect(await handleMessage(manual(), contentSender(PAGE), ctx)).toMatchObject({ action: 'none', reason: 'not-allowed' });
    armManualFill(8, ctx.now());
    expect(await handleMessage(manual(), contentSender(PAGE), ctx)).toMatchObject({ action: 'none', reason: 'not-allowed' });
  });

  it('never joins, even in fill-and-join mode', async () => {
    ctx.state.prefs = { attendee: { autofill: { mode: 'fill-and-join' } } };
    armManualFill(7, ctx.now());
    expect(await handleMessage(manual(), contentSender(PAGE), ctx)).toMatchObject({ action: 'fill', join: false });
  });

  it.each([
    ['another origin', 'https://evil.example.com/webapp3/m/board', /no saved meeting/],
    ['another room on the node', `${NODE}/webapp3/m/other`, /no saved meeting/],
  ])('refuses on %s and says why', async (_what, url, notice) => {
    ctx.tabs.set(7, url);
    armManualFill(7, ctx.now());
    const answer = await handleMessage(manual(url), contentSender(url), ctx);
    expect(answer).toMatchObject({ ok: true, action: 'none' });
    expect((answer as { notice: string }).notice).toMatch(notice);
    expect(JSON.stringify(answer)).not.toContain('1357');
  });

  it('fills in a non-sandboxed frame of the page\'s own origin, matching the page\'s address', async () => {
    const frameUrl = `${NODE}/embedded/pin-entry`;
    armManualFill(7, ctx.now());
    const answer = await handleMessage(manual(frameUrl, { frame: { isTop: false, sandboxed: false, frameOrigin: NODE } }), contentSender(frameUrl, { frameId: 3, tab: { id: 7, url: PAGE } }), ctx);
    expect(answer).toEqual({ ok: true, action: 'fill', pin: '1357', join: false, notice: null });
  });

  it('refuses a frame of another origin, a sandboxed frame, and a frame other than the one clicked in', async () => {
    const foreign = 'https://evil.example.com/webapp3/m/board';
    armManualFill(7, ctx.now());
    const a = await handleMessage(manual(foreign, { frame: { isTop: false, sandboxed: false, frameOrigin: 'https://evil.example.com' } }), contentSender(foreign, { frameId: 3, tab: { id: 7, url: PAGE } }), ctx);
    expect(a).toMatchObject({ action: 'none', reason: 'not-top-frame', notice: expect.stringMatching(/frame of its own site/) });
    armManualFill(7, ctx.now());
    const b = await handleMessage(manual(PAGE, { frame: { isTop: false, sandboxed: true, frameOrigin: NODE } }), contentSender(PAGE, { frameId: 3 }), ctx);
    expect(b).toMatchObject({ action: 'none', reason: 'not-top-frame' });
    armManualFill(7, ctx.now(), 0);
    const c = await handleMessage(manual(PAGE, { frame: { isTop: false, sandboxed: false, frameOrigin: NODE } }), contentSender(PAGE, { frameId: 3 }), ctx);
    expect(c).toMatchObject({ action: 'none', reason: 'not-allowed' });
    for (const answer of [a, b, c]) expect(JSON.stringify(answer)).not.toContain('1357');
  });

  it('never overwrites what the user typed', async () => {
    armManualFill(7, ctx.now());
    expect(await handleMessage(manual(PAGE, { field: { present: true, hasValue: true } }), contentSender(PAGE), ctx)).toMatchObject({ action: 'none', reason: 'field-has-value' });
  });
});
