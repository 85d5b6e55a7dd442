/**
 * The message router with real Dexie (fake-indexeddb) and core decisions: a PIN leaves the
 * background only for our content script, in the top frame, on the meeting's exact origin and
 * join page, in a tab that still shows it.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { handleMessage } from '../../../extension/background/router';
import { DEFAULT_POLICY, parsePolicy } from '../../../core/policy';
import { buildCaptureLink } from '../../../core/links';
import { ACTIVATION_SAFETY_MARGIN_MS } from '../../../core/time/activation';
import { contentSender, NODE, popupSender, report, testContext } from '../support';
import type { TestContext } from '../support';

const PAGE = `${NODE}/webapp3/m/board`;
let ctx: TestContext;

async function addGuest(c: TestContext, pin = '1357', extra: Record<string, unknown> = {}): Promise<void> {
  const answer = await handleMessage({ type: 'meetings:add', input: { url: PAGE, role: 'guest', pin, ...extra } }, popupSender, c);
  expect(answer.ok).toBe(true);
}

beforeEach(async () => {
  ctx = testContext();
  ctx.tabs.set(7, PAGE);
  await addGuest(ctx);
});

describe('fill:ask', () => {
  it('returns the PIN to our content script in the top frame of the meeting page', async () => {
    expect(await handleMessage(report(PAGE), contentSender(PAGE), ctx)).toEqual({ ok: true, action: 'fill', pin: '1357', join: false, notice: null });
  });

  it('joins too in fill-and-join mode', async () => {
    ctx.state.prefs = { attendee: { autofill: { mode: 'fill-and-join' } } };
    expect(await handleMessage(report(PAGE), contentSender(PAGE), ctx)).toMatchObject({ action: 'fill', join: true });
  });

  it.each([
    ['another port', 'https://meet.example.com:8443/webapp3/m/board'],
    ['http instead of https', 'http://meet.example.com/webapp3/m/board'],
    ['a subdomain', 'https://eu.meet.example.com/webapp3/m/board'],
    ['another room', `${NODE}/webapp3/m/other`],
    ['a page that is not a join page', `${NODE}/admin/`],
  ])('never returns a PIN on %s', async (_name, url) => {
    ctx.tabs.set(7, url);
    const answer = await handleMessage(report(url), contentSender(url), ctx);
    expect(answer).toMatchObject({ ok: true, action: 'none' });
    expect(JSON.stringify(answer)).not.toContain('1357');
  });

  it('never returns a PIN to a sub-frame, a sandboxed frame, a filled field, or another extension', async () => {
    const none = async (msg: unknown, sender = contentSender(PAGE)) => JSON.stringify(await handleMessage(msg, sender, ctx));
    expect(await none(report(PAGE), contentSender(PAGE, { frameId: 3 }))).toContain('"not-top-frame"');
    expect(await none(report(PAGE, { frame: { isTop: true, sandboxed: true, frameOrigin: NODE } }))).toContain('"sandboxed"');
    expect(await none(report(PAGE, { field: { present: true, hasValue: true } }))).toContain('"field-has-value"');
    expect(await none(report(PAGE), contentSender(PAGE, { id: 'another-extension' }))).toContain('unknown sender');
  });

  it('re-checks the tab just before answering: a tab that navigated away gets nothing', async () => {
    ctx.tabs.set(7, 'https://elsewhere.example/');
    expect(await handleMessage(report(PAGE), contentSender(PAGE), ctx)).toEqual({ ok: true, action: 'none', reason: 'tab-changed', notice: null });
    ctx.tabs.delete(7);
    expect(await handleMessage(report(PAGE), contentSender(PAGE), ctx)).toMatchObject({ action: 'none', reason: 'tab-changed' });
  });

  it('refuses malformed messages with a path-named error and no PIN', async () => {
    const answer = await handleMessage({ type: 'fill:ask', report: { pageUrl: PAGE } }, contentSender(PAGE), ctx);
    expect(answer).toMatchObject({ ok: false });
    expect((answer as { error: string }).error).toMatch(/report\.frame/);
    expect(await handleMessage({ type: 'meetings:list' }, contentSender(PAGE), ctx)).toMatchObject({ ok: false });
  });

  it('waits before the code is active and says when it opens', async () => {
    const startsAt = ctx.clock.now + 3_600_000;
    await handleMessage({ type: 'meetings:delete', id: (await ctx.db.meetings.toArray())[0]!.id }, popupSender, ctx);
    await addGuest(ctx, '1357', { startsAt, endsAt: startsAt + 3_600_000 });
    const answer = await handleMessage(report(PAGE), contentSender(PAGE), ctx);
    expect(answer).toMatchObject({ ok: true, action: 'wait', until: startsAt - 15 * 60_000 + ACTIVATION_SAFETY_MARGIN_MS });
    expect((answer as { notice: string }).notice).toMatch(/opens at Mon 14 Jan, 10:45/);
  });

  it('does nothing on nodes outside a managed policy, and fills on the policy\'s nodes', async () => {
    const policy = parsePolicy({ version: 1, nodes: [{ origin: 'https://other.example.com' }] });
    if (!policy.ok) throw new Error('bad test policy');
    ctx.state.policy = { source: 'managed', policy: policy.value, errors: [] };
    expect(await handleMessage(report(PAGE), contentSender(PAGE), ctx)).toMatchObject({ action: 'none', reason: 'not-allowed' });
    ctx.state.policy = { source: 'managed', policy: { ...DEFAULT_POLICY, nodes: [{ ...policy.value.nodes[0]!, origin: NODE }] }, errors: [] };
    expect(await handleMessage(report(PAGE), contentSender(PAGE), ctx)).toMatchObject({ action: 'fill' });
  });
});

describe('capture:save', () => {
  const link = buildCaptureLink({ origin: NODE, path: 'webapp3', alias: 'Town-Hall', role: 'host', pin: '24680' });

  it('saves a capture link sent from its own node page, once (a host PIN after the user confirmed it)', async () => {
    const first = await handleMessage({ type: 'capture:save', url: link }, contentSender(`${NODE}/webapp3/m/Town-Hall`), ctx);
    expect(first).toEqual({ ok: true, outcome: 'pending', why: 'host', alias: 'Town-Hall', role: 'host' });
    const list = (await handleMessage({ type: 'changes:list' }, popupSender, ctx)) as { changes: Array<{ id: string }> };
    expect(await handleMessage({ type: 'changes:confirm', id: list.changes[0]!.id }, popupSender, ctx)).toMatchObject({ ok: true, confirmed: 'added' });
    const again = await handleMessage({ type: 'capture:save', url: link }, contentSender(`${NODE}/webapp3/m/Town-Hall`), ctx);
    expect(again).toMatchObject({ ok: true, outcome: 'unchanged' });
    expect(await ctx.db.meetings.count()).toBe(2);
  });

  it('refuses a capture link for another node than the sending page', async () => {
    const answer = await handleMessage({ type: 'capture:save', url: link }, contentSender('https://evil.example/webapp3/m/Town-Hall'), ctx);
    expect(answer).toMatchObject({ ok: false });
    expect(await ctx.db.meetings.count()).toBe(1);
  });

  it('saves nothing when the policy keeps PINs 0 days', async () => {
    const policy = parsePolicy({ version: 1, attendee: { savedPins: { retentionDays: { value: 0, locked: true } } } });
    if (!policy.ok) throw new Error('bad test policy');
    ctx.state.policy = { source: 'default', policy: policy.value, errors: [] };
    expect(await handleMessage({ type: 'capture:save', url: link }, contentSender(`${NODE}/webapp3/m/Town-Hall`), ctx)).toMatchObject({ ok: false });
  });
});

describe('popup and options requests', () => {
  it('lists meetings without PINs, adds with field-named errors, deletes', async () => {
    const list = await handleMessage({ type: 'meetings:list' }, popupSender, ctx);
    expect(list).toMatchObject({ ok: true, meetings: [{ alias: 'board', role: 'guest', origin: NODE, attemptsUsed: 0, limit: 5 }] });
    expect(JSON.stringify(list)).not.toContain('1357');
    const bad = await handleMessage({ type: 'meetings:add', input: { url: PAGE, role: 'guest', pin: '12' } }, popupSender, ctx);
    expect(bad).toMatchObject({ ok: false, errors: [{ path: 'pin' }] });
    const id = (list as { meetings: Array<{ id: string }> }).meetings[0]!.id;
    expect(await handleMessage({ type: 'meetings:delete', id }, popupSender, ctx)).toEqual({ ok: true, deleted: true });
    expect(await ctx.db.meetings.count()).toBe(0);
  });

  it('refuses preferences the policy locks, and stores allowed ones', async () => {
    const policy = parsePolicy({ version: 1, attendee: { autofill: { mode: { value: 'fill', locked: true } } } });
    if (!policy.ok) throw new Error('bad test policy');
    ctx.state.policy = { source: 'managed', policy: policy.value, errors: [] };
    const refused = await handleMessage({ type: 'settings:set', prefs: { attendee: { autofill: { mode: 'fill-and-join' } } } }, popupSender, ctx);
    expect(refused).toMatchObject({ ok: false, errors: [{ path: 'attendee.autofill.mode', message: 'locked by your administrator' }] });
    expect(ctx.state.prefs).toBeUndefined();
    expect(await handleMessage({ type: 'settings:set', prefs: { attendee: { autofill: { warnAtRemaining: 3 } } } }, popupSender, ctx)).toEqual({ ok: true, saved: true });
  });

  it('exports and re-imports the vault without losing anything; a bad file changes nothing', async () => {
    const exported = (await handleMessage({ type: 'vault:export' }, popupSender, ctx)) as { ok: true; text: string };
    const other = testContext();
    await addGuest(other, '2468', { url: `${NODE}/webapp3/m/other` });
    expect(await handleMessage({ type: 'vault:import', text: exported.text }, popupSender, other)).toMatchObject({ ok: true, added: 1 });
    expect(await other.db.meetings.count()).toBe(2);
    const broken = await handleMessage({ type: 'vault:import', text: '{"format":"securejoin-vault",' }, popupSender, other);
    expect(broken).toMatchObject({ ok: false });
    expect(await other.db.meetings.count()).toBe(2);
  });
});
