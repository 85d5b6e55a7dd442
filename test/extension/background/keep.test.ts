/**
 * Retention and the policy's nodes apply to every way a PIN gets in (typed, pasted, captured,
 * edited, imported) and to filling; a managed policy that is present but invalid fails closed:
 * nothing filled, nothing saved, nothing deleted.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { handleMessage } from '../../../extension/background/router';
import { runRetention } from '../../../extension/background/retention';
import { policyStateFrom } from '../../../extension/policy/managedPolicy';
import { DEFAULT_POLICY, parsePolicy } from '../../../core/policy';
import { buildCaptureLink } from '../../../core/links';
import { exportVault, newSavedMeeting } from '../../../core/vault';
import { contentSender, NODE, popupSender, report, T0, testContext } from '../support';
import type { TestContext } from '../support';

const PAGE = `${NODE}/webapp3/m/board`;
let ctx: TestContext;

function zeroRetention(): void {
  const policy = parsePolicy({ version: 1, attendee: { savedPins: { retentionDays: { value: 0, locked: true } } } });
  if (!policy.ok) throw new Error('bad test policy');
  ctx.state.policy = { source: 'default', policy: policy.value, errors: [] };
}
function vaultFile(origin = NODE): string {
  const m = newSavedMeeting({ url: `${origin}/webapp3/m/imported`, role: 'guest', pin: '2468' }, T0, 'imp1');
  if (!m.ok) throw new Error('fixture');
  return exportVault([m.value], T0);
}

beforeEach(async () => {
  ctx = testContext();
  ctx.tabs.set(7, PAGE);
  // Saved without times, before any rule applied.
  expect((await handleMessage({ type: 'meetings:add', input: { url: PAGE, role: 'guest', pin: '1357' } }, popupSender, ctx)).ok).toBe(true);
});

describe('retention 0 ("never keep PINs") cannot be bypassed', () => {
  it('vault:import is refused, naming the records', async () => {
    zeroRetention();
    const answer = await handleMessage({ type: 'vault:import', text: vaultFile() }, popupSender, ctx);
    expect(answer).toMatchObject({ ok: false, errors: [{ path: 'meetings[0]', message: expect.stringMatching(/retention 0/) }] });
    expect(await ctx.db.meetings.count()).toBe(1);
  });
  it('typing, capturing and editing are refused', async () => {
    zeroRetention();
    expect(await handleMessage({ type: 'meetings:add', input: { url: `${NODE}/webapp3/m/x`, role: 'guest', pin: '1357' } }, popupSender, ctx)).toMatchObject({ ok: false });
    const link = buildCaptureLink({ origin: NODE, path: 'webapp3', alias: 'y', role: 'guest', pin: '1357' });
    expect(await handleMessage({ type: 'capture:save', url: link }, contentSender(`${NODE}/webapp3/m/y`), ctx)).toMatchObject({ ok: false });
    const id = (await ctx.db.meetings.toArray())[0]!.id;
    expect(await handleMessage({ type: 'meetings:update', id, changes: { label: 'renamed' } }, popupSender, ctx)).toMatchObject({ ok: false });
  });
  it('a record without times is neither filled nor kept', async () => {
    zeroRetention();
    expect(await handleMessage(report(PAGE), contentSender(PAGE), ctx)).toMatchObject({ action: 'none', reason: 'not-kept' });
    expect(await runRetention(ctx)).toBe(1);
    expect(await ctx.db.meetings.count()).toBe(0);
  });
});

describe('the policy\'s nodes apply to every way in', () => {
  it('vault:import of a record for a node the policy does not name is refused', async () => {
    const policy = parsePolicy({ version: 1, nodes: [{ origin: NODE }] });
    if (!policy.ok) throw new Error('bad test policy');
    ctx.state.policy = { source: 'managed', policy: policy.value, errors: [] };
    expect(await handleMessage({ type: 'vault:import', text: vaultFile('https://elsewhere.example.com') }, popupSender, ctx)).toMatchObject({ ok: false, errors: [{ path: 'meetings[0].origin' }] });
    expect(await handleMessage({ type: 'vault:import', text: vaultFile() }, popupSender, ctx)).toMatchObject({ ok: true, added: 1, expired: 0 });
  });
});

describe('a managed policy that is present but invalid fails closed', () => {
  it('is "invalid" with its errors, never the defaults', () => {
    for (const bad of [
      { version: 2 },
      { version: 1, surprise: true },
      { version: 1, organizer: { accessCode: { length: { value: 6, locked: true } } }, maxGuessProbability: 1e-9 },
    ]) {
      const state = policyStateFrom({ ok: true, value: bad }, false);
      expect(state.source).toBe('invalid');
      expect(state.errors.length).toBeGreaterThan(0);
    }
    expect(policyStateFrom({ ok: true, value: {} }, false)).toEqual({ source: 'default', policy: DEFAULT_POLICY, errors: [] });
  });
  it('fills nowhere, saves nothing, imports nothing, deletes nothing', async () => {
    ctx.state.policy = policyStateFrom({ ok: true, value: { version: 1, surprise: true } }, false);
    expect(await handleMessage(report(PAGE), contentSender(PAGE), ctx)).toMatchObject({ action: 'none' });
    expect(await handleMessage({ type: 'meetings:add', input: { url: `${NODE}/webapp3/m/x`, role: 'guest', pin: '1357' } }, popupSender, ctx)).toMatchObject({ ok: false, error: expect.stringMatching(/policy is broken/) });
    const link = buildCaptureLink({ origin: NODE, path: 'webapp3', alias: 'y', role: 'guest', pin: '1357' });
    expect(await handleMessage({ type: 'capture:save', url: link }, contentSender(`${NODE}/webapp3/m/y`), ctx)).toMatchObject({ ok: false });
    expect(await handleMessage({ type: 'vault:import', text: vaultFile() }, popupSender, ctx)).toMatchObject({ ok: false });
    ctx.state.prefs = { attendee: { savedPins: { retentionDays: 1 } } };
    ctx.clock.now += 400 * 86_400_000;
    expect(await runRetention(ctx)).toBe(0);
    expect(await ctx.db.meetings.count()).toBe(1);
    const settings = await handleMessage({ type: 'settings:get' }, popupSender, ctx);
    expect(settings).toMatchObject({ ok: true, policyState: { source: 'invalid', errors: [{ path: expect.any(String) }] } });
  });
});

describe('an admin-installed extension whose policy is empty or unreadable fails closed (issue 24)', () => {
  it('is "unreadable" when the admin installed it and managed storage is empty or throws; without admin install empty is no policy', () => {
    const empty = policyStateFrom({ ok: true, value: {} }, true);
    expect(empty.source).toBe('unreadable');
    expect(empty.errors[0]?.message).toMatch(/^Your administrator's SecureJoin policy could not be read: /);
    expect(policyStateFrom({ ok: true, value: undefined }, true).source).toBe('unreadable');
    expect(policyStateFrom({ ok: false, error: 'IO error' }, true).source).toBe('unreadable');
    // A read error is never "empty": also without admin install, except Firefox's own "no policy for this add-on".
    expect(policyStateFrom({ ok: false, error: 'IO error' }, false).source).toBe('unreadable');
    expect(policyStateFrom({ ok: false, error: 'Managed storage manifest not found' }, false).source).toBe('default');
    expect(policyStateFrom({ ok: false, error: 'Managed storage manifest not found' }, true).source).toBe('unreadable');
    expect(policyStateFrom({ ok: true, value: {} }, false).source).toBe('default');
  });
  it('fills nowhere and saves nothing', async () => {
    ctx.state.policy = policyStateFrom({ ok: true, value: {} }, true);
    expect(await handleMessage(report(PAGE), contentSender(PAGE), ctx)).toMatchObject({ action: 'none' });
    expect(await handleMessage({ type: 'meetings:add', input: { url: `${NODE}/webapp3/m/x`, role: 'guest', pin: '1357' } }, popupSender, ctx)).toMatchObject({ ok: false });
    const link = buildCaptureLink({ origin: NODE, path: 'webapp3', alias: 'y', role: 'guest', pin: '1357' });
    expect(await handleMessage({ type: 'capture:save', url: link }, contentSender(`${NODE}/webapp3/m/y`), ctx)).toMatchObject({ ok: false });
    expect(await handleMessage({ type: 'settings:get' }, popupSender, ctx)).toMatchObject({ ok: true, policyState: { source: 'unreadable' } });
  });
});
