/**
 * A capture link never silently changes what is saved for a room: a different PIN, role or time
 * waits for the user's confirmation (PINs masked in what the popup shows); a capture of a
 * meeting already over is refused, so retention never deletes the saved record because of it.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { handleMessage } from '../../../extension/background/router';
import { runRetention } from '../../../extension/background/retention';
import { buildCaptureLink } from '../../../core/links';
import { contentSender, NODE, popupSender, report, T0, testContext } from '../support';
import type { TestContext } from '../support';

const PAGE = `${NODE}/webapp3/m/board`;
const DAY = 86_400_000;
let ctx: TestContext;
const capture = (over: Record<string, unknown> = {}) =>
  handleMessage({ type: 'capture:save', url: buildCaptureLink({ origin: NODE, path: 'webapp3', alias: 'board', role: 'guest', pin: '1357', ...over }) }, contentSender(PAGE), ctx);
const saved = async () => (await ctx.db.meetings.toArray()).map((m) => ({ role: m.role, pin: m.pin, endsAt: m.endsAt }));

beforeEach(async () => {
  ctx = testContext();
  ctx.tabs.set(7, PAGE);
  const added = await handleMessage(
    { type: 'meetings:add', input: { url: PAGE, role: 'guest', pin: '1357', startsAt: T0 + DAY, endsAt: T0 + DAY + 3_600_000 } },
    popupSender,
    ctx,
  );
  expect(added.ok).toBe(true);
});

describe('capture of a room with a saved PIN', () => {
  it('an attacker\'s PIN for the real node waits for confirmation; the saved PIN is still the one filled', async () => {
    expect(await capture({ pin: '99999999' })).toEqual({ ok: true, outcome: 'pending', why: 'replaces', alias: 'board', role: 'guest' });
    expect(await saved()).toEqual([{ role: 'guest', pin: '1357', endsAt: T0 + DAY + 3_600_000 }]);
    const list = await handleMessage({ type: 'changes:list' }, popupSender, ctx);
    // What changes, PINs masked: the PIN, and the times the link does not carry would be deleted.
    expect(list).toMatchObject({
      ok: true,
      changes: [
        {
          alias: 'board',
          role: 'guest',
          replaces: true,
          changes: [
            { field: 'pin', before: '…57 (4 characters)', after: '…99 (8 characters)' },
            { field: 'startsAt', before: T0 + DAY, after: null },
            { field: 'endsAt', before: T0 + DAY + 3_600_000, after: null },
          ],
        },
      ],
    });
    expect(JSON.stringify(list)).not.toMatch(/1357|99999999/);
    // A page cannot confirm: only our own pages may send these.
    const id = (list as { changes: Array<{ id: string }> }).changes[0]!.id;
    expect(await handleMessage({ type: 'changes:confirm', id }, contentSender(PAGE), ctx)).toMatchObject({ ok: false });
    expect(await handleMessage({ type: 'changes:discard', id }, popupSender, ctx)).toEqual({ ok: true, discarded: true });
    expect(await saved()).toEqual([{ role: 'guest', pin: '1357', endsAt: T0 + DAY + 3_600_000 }]);
  });

  it('the user confirms: the record is replaced in place (same id), and a newer capture replaces an unconfirmed one', async () => {
    const [before] = await ctx.db.meetings.toArray();
    await capture({ pin: '2468' });
    await capture({ pin: '8642' });
    const list = (await handleMessage({ type: 'changes:list' }, popupSender, ctx)) as { changes: Array<{ id: string }> };
    expect(list.changes).toHaveLength(1);
    expect(await handleMessage({ type: 'changes:confirm', id: list.changes[0]!.id }, popupSender, ctx)).toEqual({ ok: true, confirmed: 'replaced', alias: 'board' });
    const after = await ctx.db.meetings.toArray();
    expect(after).toHaveLength(1);
    expect(after[0]).toMatchObject({ id: before!.id, pin: '8642' });
    expect(await ctx.db.changes.count()).toBe(0);
  });

  it('adding a host PIN to a room with a guest PIN (host PINs are filled first) also waits for confirmation', async () => {
    expect(await capture({ role: 'host', pin: '24680' })).toMatchObject({ outcome: 'pending', role: 'host' });
    expect(await ctx.db.meetings.count()).toBe(1);
    const list = await handleMessage({ type: 'changes:list' }, popupSender, ctx);
    expect(list).toMatchObject({ changes: [{ replaces: false, changes: expect.arrayContaining([{ field: 'role', before: 'guest', after: 'host' }]) }] });
  });

  it('the same link again changes nothing; a room with nothing saved is saved at once when the user opened the link from outside the browser', async () => {
    expect(await capture({ startsAt: T0 + DAY, endsAt: T0 + DAY + 3_600_000 })).toMatchObject({ outcome: 'unchanged' });
    const url = buildCaptureLink({ origin: NODE, path: 'webapp3', alias: 'other', role: 'guest', pin: '1357' });
    ctx.navigations.set(7, { url, site: 'none' });
    const other = await handleMessage({ type: 'capture:save', url }, contentSender(`${NODE}/webapp3/m/other`), ctx);
    expect(other).toMatchObject({ ok: true, outcome: 'added' });
  });

  it('a capture whose meeting is long over is refused, and retention keeps the saved record', async () => {
    const answer = await capture({ pin: '1357', startsAt: T0 - 40 * DAY, endsAt: T0 - 40 * DAY + 3_600_000 });
    expect(answer).toMatchObject({ ok: false, errors: [{ path: 'endsAt' }] });
    // Even confirmed blindly, nothing could shorten the record's life: it is not waiting anywhere.
    expect(await ctx.db.changes.count()).toBe(0);
    expect(await runRetention(ctx)).toBe(0);
    expect(await saved()).toEqual([{ role: 'guest', pin: '1357', endsAt: T0 + DAY + 3_600_000 }]);
  });

  it('pending changes expire after three days', async () => {
    await capture({ pin: '2468' });
    ctx.clock.now += 3 * DAY;
    expect(await handleMessage({ type: 'changes:list' }, popupSender, ctx)).toEqual({ ok: true, changes: [] });
    expect(await ctx.db.changes.count()).toBe(0);
  });
});

describe('no planted PINs (issue 24)', () => {
  const OTHER = `${NODE}/webapp3/m/other`;
  const link = (over: Record<string, unknown> = {}) => buildCaptureLink({ origin: NODE, path: 'webapp3', alias: 'other', role: 'guest', pin: '2468', ...over });
  const save = (url: string) => handleMessage({ type: 'capture:save', url }, contentSender(OTHER), ctx);

  it('a capture a web page caused (script navigation, redirect, link from another site) waits for the user, showing room and role', async () => {
    for (const site of ['cross-site', 'same-site', 'same-origin', null]) {
      ctx.navigations.set(7, { url: link(), site });
      expect(await save(link()), String(site)).toEqual({ ok: true, outcome: 'pending', why: 'page', alias: 'other', role: 'guest' });
    }
    // Unknown (the worker forgot the navigation) asks too.
    ctx.navigations.clear();
    expect(await save(link())).toMatchObject({ outcome: 'pending', why: 'page' });
    // Opened from outside, but the page's script changed only the fragment since (no request): asks.
    ctx.navigations.set(7, { url: OTHER, site: 'none' });
    expect(await save(link())).toMatchObject({ outcome: 'pending', why: 'page' });
    expect(await ctx.db.meetings.count()).toBe(1);
    const list = await handleMessage({ type: 'changes:list' }, popupSender, ctx);
    expect(list).toMatchObject({ ok: true, changes: [{ alias: 'other', role: 'guest', isNew: true, replaces: false }] });
    expect(JSON.stringify(list)).not.toContain('2468');
  });

  it('a host-role capture always asks, also opened from outside the browser', async () => {
    const host = link({ role: 'host', pin: '86420' });
    ctx.navigations.set(7, { url: host, site: 'none' });
    expect(await save(host)).toEqual({ ok: true, outcome: 'pending', why: 'host', alias: 'other', role: 'host' });
    expect(await ctx.db.meetings.count()).toBe(1);
  });

  it('a freshly saved PIN (from outside, or confirmed) is filled without pressing Join the first time, then as the mode says', async () => {
    expect(await handleMessage({ type: 'settings:set', prefs: { attendee: { autofill: { mode: 'fill-and-join' } } } }, popupSender, ctx)).toMatchObject({ ok: true });
    ctx.tabs.set(7, OTHER);
    ctx.navigations.set(7, { url: link(), site: 'none' });
    expect(await save(link())).toMatchObject({ outcome: 'added' });
    const ask = () => handleMessage(report(OTHER), contentSender(OTHER), ctx);
    expect(await ask()).toMatchObject({ action: 'fill', pin: '2468', join: false });
    expect(await ask()).toMatchObject({ action: 'fill', pin: '2468', join: true });

    // Confirmed from the popup: the same.
    const third = buildCaptureLink({ origin: NODE, path: 'webapp3', alias: 'third', role: 'guest', pin: '97531' });
    const THIRD = `${NODE}/webapp3/m/third`;
    ctx.navigations.set(7, { url: third, site: 'cross-site' });
    expect(await handleMessage({ type: 'capture:save', url: third }, contentSender(THIRD), ctx)).toMatchObject({ outcome: 'pending', why: 'page' });
    const list = (await handleMessage({ type: 'changes:list' }, popupSender, ctx)) as { changes: Array<{ id: string }> };
    expect(await handleMessage({ type: 'changes:confirm', id: list.changes[0]!.id }, popupSender, ctx)).toEqual({ ok: true, confirmed: 'added', alias: 'third' });
    ctx.tabs.set(7, THIRD);
    const askThird = () => handleMessage(report(THIRD), contentSender(THIRD), ctx);
    expect(await askThird()).toMatchObject({ action: 'fill', pin: '97531', join: false });
    expect(await askThird()).toMatchObject({ action: 'fill', pin: '97531', join: true });
  });
});
