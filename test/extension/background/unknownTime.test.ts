/**
 * A meeting saved from a pasted invite without a time: the background answers `fill:ask` with a
 * question and no PIN; only `confirmed` (the user's Fill on the page) or the user's own manual
 * fill gets the PIN, and never with Join. The popup's list says the time is unknown.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { handleMessage } from '../../../extension/background/router';
import { armManualFill } from '../../../extension/background/manualFill';
import { UNKNOWN_TIME_QUESTION } from '../../../extension/background/fill';
import { contentSender, NODE, popupSender, report, testContext } from '../support';
import type { TestContext } from '../support';

const PAGE = `${NODE}/webapp3/m/board`;
let ctx: TestContext;
const ask = (over: Record<string, unknown> = {}) => ({ ...report(PAGE), type: 'fill:ask', ...over });

beforeEach(async () => {
  ctx = testContext();
  ctx.tabs.set(7, PAGE);
  ctx.state.prefs = { attendee: { autofill: { mode: 'fill-and-join' } } };
  const added = await handleMessage({ type: 'meetings:add', input: { url: PAGE, role: 'guest', pin: '24681357', source: 'invite' } }, popupSender, ctx);
  expect(added.ok).toBe(true);
});

describe('a code whose start time is unknown', () => {
  it('is asked about, with no PIN in the answer', async () => {
    const answer = await handleMessage(ask(), contentSender(PAGE), ctx);
    expect(answer).toEqual({ ok: true, action: 'ask', notice: UNKNOWN_TIME_QUESTION });
    expect(JSON.stringify(answer)).not.toContain('24681357');
  });

  it('is filled, never joined, once the user said yes', async () => {
    expect(await handleMessage(ask({ confirmed: true }), contentSender(PAGE), ctx)).toEqual({ ok: true, action: 'fill', pin: '24681357', join: false, notice: null });
  });

  it('a manual fill is the user\'s yes', async () => {
    armManualFill(7, ctx.now());
    expect(await handleMessage({ ...report(PAGE), type: 'fill:manual' }, contentSender(PAGE), ctx)).toMatchObject({ action: 'fill', pin: '24681357', join: false });
  });

  it('`confirmed` must be true: any other value is refused as a malformed message', async () => {
    expect(await handleMessage(ask({ confirmed: 'yes' }), contentSender(PAGE), ctx)).toMatchObject({ ok: false });
  });

  it('the popup\'s list marks it', async () => {
    const list = (await handleMessage({ type: 'meetings:list' }, popupSender, ctx)) as { meetings: Array<{ timeUnknown: boolean; opensAt: number | null }> };
    expect(list.meetings).toEqual([expect.objectContaining({ timeUnknown: true, opensAt: null })]);
  });
});
