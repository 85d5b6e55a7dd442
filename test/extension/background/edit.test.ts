/** Editing a saved meeting through the router: validated like a new record, bound fields kept, no duplicates. */
import { beforeEach, describe, expect, it } from 'vitest';
import { handleMessage } from '../../../extension/background/router';
import { allMeetings } from '../../../extension/storage/meetings';
import { contentSender, NODE, popupSender, report, T0, testContext } from '../support';
import type { TestContext } from '../support';

const PAGE = `${NODE}/webapp3/m/board`;
let ctx: TestContext;
let id: string;

beforeEach(async () => {
  ctx = testContext();
  ctx.tabs.set(7, PAGE);
  const added = (await handleMessage({ type: 'meetings:add', input: { url: PAGE, role: 'guest', pin: '1357', label: 'Board' } }, popupSender, ctx)) as { ok: true; id: string };
  id = added.id;
});
const update = (changes: Record<string, unknown>, who = popupSender) => handleMessage({ type: 'meetings:update', id, changes }, who, ctx);

describe('meetings:update', () => {
  it('changes label, role, PIN and times; keeps origin, alias, id and createdAt; the new PIN is what fills', async () => {
    const [before] = await allMeetings(ctx.db);
    ctx.clock.now = T0 + 60_000;
    expect(await update({ label: 'Board (host)', role: 'host', pin: '2468 0000', startsAt: T0 + 3_600_000, endsAt: T0 + 7_200_000 })).toEqual({ ok: true, updated: true, id });
    const [after] = await allMeetings(ctx.db);
    expect(after).toMatchObject({ id, origin: NODE, path: 'webapp3', alias: 'board', role: 'host', pin: '24680000', label: 'Board (host)', startsAt: T0 + 3_600_000, createdAt: before!.createdAt, updatedAt: T0 + 60_000 });
    expect(ctx.state.changes).toBeGreaterThan(1);
  });

  it('keeps the PIN when none is sent, and clears label and times with null', async () => {
    await update({ startsAt: T0, endsAt: T0 + 3_600_000 });
    expect(await update({ label: null, startsAt: null, endsAt: null })).toMatchObject({ ok: true });
    const [after] = await allMeetings(ctx.db);
    expect(after).toMatchObject({ pin: '1357', role: 'guest' });
    expect(after).not.toHaveProperty('label');
    expect(after).not.toHaveProperty('startsAt');
    const fill = await handleMessage(report(PAGE), contentSender(PAGE), ctx);
    expect(fill).toMatchObject({ action: 'fill', pin: '1357' });
  });

  it('refuses a bad PIN or times with field-named errors and changes nothing', async () => {
    const [before] = await allMeetings(ctx.db);
    expect(await update({ pin: '12' })).toMatchObject({ ok: false, errors: [{ path: 'pin' }] });
    expect(await update({ startsAt: T0 + 7_200_000, endsAt: T0 })).toMatchObject({ ok: false });
    expect(await allMeetings(ctx.db)).toEqual([before]);
  });

  it('refuses a role already saved for the same room, an unknown id, and a content script sender', async () => {
    await handleMessage({ type: 'meetings:add', input: { url: PAGE, role: 'host', pin: '2468' } }, popupSender, ctx);
    expect(await update({ role: 'host' })).toMatchObject({ ok: false, errors: [{ path: 'role' }] });
    expect(await handleMessage({ type: 'meetings:update', id: 'nope', changes: {} }, popupSender, ctx)).toMatchObject({ ok: false, error: 'This meeting is no longer saved.' });
    expect(await update({ pin: '9999' }, contentSender(PAGE))).toMatchObject({ ok: false });
    expect((await allMeetings(ctx.db)).find((m) => m.id === id)).toMatchObject({ pin: '1357', role: 'guest' });
  });
});

describe('a saved series', () => {
  const DAY = 86_400_000;
  // A daily series whose first occurrence was yesterday at 10:00 UTC (T0 is 09:00 UTC).
  const first = T0 - DAY + 3_600_000;
  const series = { url: `${NODE}/webapp3/m/daily`, role: 'guest', pin: '8642', startsAt: first, endsAt: first + 1_800_000, recurrence: { timeZone: 'UTC', rule: { frequency: 'daily' } } };

  it('lists when its next occurrence opens, not the first one', async () => {
    const added = (await handleMessage({ type: 'meetings:add', input: series }, popupSender, ctx)) as { ok: boolean };
    expect(added.ok).toBe(true);
    const list = (await handleMessage({ type: 'meetings:list' }, popupSender, ctx)) as { meetings: Array<{ alias: string; opensAt: number | null }> };
    expect(list.meetings.find((m) => m.alias === 'daily')?.opensAt).toBe(first + DAY - 15 * 60_000);
  });

  it('stays a series when edited', async () => {
    const added = (await handleMessage({ type: 'meetings:add', input: series }, popupSender, ctx)) as { ok: true; id: string };
    expect(await handleMessage({ type: 'meetings:update', id: added.id, changes: { label: 'Daily stand-up' } }, popupSender, ctx)).toMatchObject({ ok: true });
    const saved = (await allMeetings(ctx.db)).find((m) => m.id === added.id);
    expect(saved).toMatchObject({ label: 'Daily stand-up', recurrence: series.recurrence, startsAt: first });
  });
});
