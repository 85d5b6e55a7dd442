/**
 * Issue 13: a pasted invite of a recurring series is saved as a series, as a capture link's is:
 * the per-invitee block has no save link, so its series sentence ("For this recurring series
 * (weekly on Tuesday, ...)") is what tells the extension every occurrence. Later occurrences then
 * fill within their windows, and retention keeps the record after the first one is long past.
 * A block from before issue 13 (no rule in its words) still saves with its time unknown (the
 * extension asks first). The series personal message (capture link) saves a series too.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { renderInviteBlock } from '../../../core/invite/render';
import { upsertInviteBlock } from '../../../core/invite/upsert';
import { runRetention } from '../../../extension/background/retention';
import { handleMessage } from '../../../extension/background/router';
import { draftsFromInvite, draftToInput } from '../../../extension/popup/forms';
import { applySecurity, blockInput, createSecurity, personalMessages } from '../../../outlook-addin/logic';
import { meeting, POLICY, SETTINGS } from '../../outlook-addin/logic/fixtures';
import { contentSender, popupSender, report, T0, testContext } from '../support';
import type { TestContext } from '../support';

const DAY = 86_400_000;
const WEEK = 7 * DAY;
// Weekly from Tuesday 15 January 2030, 10:00 Berlin (09:00Z), one hour.
const start = T0 + DAY;
const series = { start, end: start + 3_600_000, timeZone: 'Europe/Berlin', rule: { frequency: 'weekly' as const } };
const appointment = meeting({ start, end: start + 3_600_000, recurrence: series });
const security = createSecurity(appointment, { accessCode: true, passcodeMode: 'per-invitee' }, SETTINGS, POLICY);
const meetingPage = `${security.nodeOrigin}/webapp3/m/${security.alias}`;
const lead = SETTINGS.leadMinutes * 60_000;

let ctx: TestContext;
beforeEach(() => {
  ctx = testContext({ policy: POLICY });
  ctx.clock.now = T0;
});

/** A host pastes the invite body in the popup and types the host PIN. */
async function pasteAsHost(body: string) {
  const [choice] = draftsFromInvite(body, ctx.clock.now);
  expect(choice?.draft.url).toBe(meetingPage);
  const added = await handleMessage({ type: 'meetings:add', input: draftToInput({ ...choice!, role: 'host', pin: security.hostPin }) }, popupSender, ctx);
  expect(added).toMatchObject({ ok: true });
  return choice!;
}

const fillAt = async (now: number, page = meetingPage) => {
  ctx.clock.now = now;
  ctx.tabs.set(7, page); // the page's tab (contentSender's) still shows it
  return handleMessage(report(page), contentSender(page), ctx);
};

describe('a pasted per-invitee series invite', () => {
  it('is saved as the series: the third occurrence fills in its window, not before, and retention keeps it', async () => {
    const body = applySecurity(appointment, security, SETTINGS).bodyHtml;
    expect(body).toContain('For this recurring series (weekly on Tuesday from Tue, 15 Jan 2030, 1 hour each, Europe/Berlin time)');
    const choice = await pasteAsHost(body);
    expect(choice.draft.recurrence).toEqual({ timeZone: 'Europe/Berlin', rule: { frequency: 'weekly', daysOfWeek: ['TU'] } });
    const [saved] = await ctx.db.meetings.toArray();
    expect(saved).toMatchObject({ startsAt: start, endsAt: start + 3_600_000, recurrence: { timeZone: 'Europe/Berlin' } });

    const third = start + 2 * WEEK;
    expect(await fillAt(third - lead - 60_000)).not.toMatchObject({ action: 'fill' });
    expect(await fillAt(third - lead + 60_000)).toMatchObject({ ok: true, action: 'fill', pin: security.hostPin });
    // 40 days after the first occurrence: a one-off meeting would be gone after 30; the series stays.
    ctx.clock.now = start + 40 * DAY;
    expect(await runRetention(ctx)).toBe(0);
    expect(await ctx.db.meetings.count()).toBe(1);
    const listed = await handleMessage({ type: 'meetings:list' }, popupSender, ctx);
    expect(listed).toMatchObject({ ok: true, meetings: [{ timeUnknown: false, opensAt: start + 6 * WEEK - lead }] });
  });

  it('a block from before issue 13 (no rule in its words) saves with its time unknown, so the extension asks', async () => {
    const { recurrence: _rule, ...old } = blockInput(appointment, security, SETTINGS);
    const body = upsertInviteBlock(appointment.bodyHtml, renderInviteBlock({ ...old, recurring: true }), 'html');
    expect(body).toContain('For this recurring series, the code is active 15 minutes before each occurrence.');
    const choice = await pasteAsHost(body);
    expect(choice.draft.startsAt).toBeUndefined();
    const listed = await handleMessage({ type: 'meetings:list' }, popupSender, ctx);
    expect(listed).toMatchObject({ ok: true, meetings: [{ timeUnknown: true, opensAt: null }] });
  });
});

describe('a pasted series personal message', () => {
  it('saves the passcode for every occurrence of the series on the personal alias', async () => {
    const ana = security.roster!.invitees.find((i) => i.email === 'ana@example.com')!;
    const message = personalMessages(appointment, security, SETTINGS).find((m) => m.email === 'ana@example.com')!;
    expect(message.text).toContain('For this recurring series (weekly on Tuesday from Tue, 15 Jan 2030, 1 hour each, Europe/Berlin time), the link and passcode work');
    const [choice] = draftsFromInvite(message.text, ctx.clock.now);
    expect(choice).toMatchObject({ role: 'guest', pin: ana.passcode, draft: { recurrence: { timeZone: 'Europe/Berlin', rule: { frequency: 'weekly' } } } });
    expect(await handleMessage({ type: 'meetings:add', input: draftToInput(choice!) }, popupSender, ctx)).toMatchObject({ ok: true });
    const personalPage = `${security.nodeOrigin}/webapp3/m/${ana.alias}`;
    expect(await fillAt(start + 5 * WEEK - lead + 60_000, personalPage)).toMatchObject({ ok: true, action: 'fill', pin: ana.passcode });
  });
});
