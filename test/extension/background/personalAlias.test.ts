/**
 * Issue 10: an invitee's personal message (made by the add-in) leads to their personal alias.
 * Its capture link, opened or pasted, saves a record for that alias (not the meeting's) with the
 * passcode as the PIN, and the extension fills it on exactly that alias's page of the node.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { handleMessage } from '../../../extension/background/router';
import { draftsFromInvite, draftToInput } from '../../../extension/popup/forms';
import { createSecurity, personalMessages } from '../../../outlook-addin/logic';
import { meeting, POLICY, SETTINGS } from '../../outlook-addin/logic/fixtures';
import { contentSender, popupSender, report, T0, testContext } from '../support';
import type { TestContext } from '../support';

const DAY = 86_400_000;
const appointment = meeting({ start: T0 + DAY, end: T0 + DAY + 3_600_000 });
const security = createSecurity(appointment, { accessCode: true, passcodeMode: 'per-invitee' }, SETTINGS, POLICY);
const ana = security.roster!.invitees.find((i) => i.email === 'ana@example.com')!;
const message = personalMessages(appointment, security, SETTINGS).find((m) => m.email === 'ana@example.com')!;
const captureUrl = /Personal join link: (\S+)/.exec(message.text)![1]!;
const personalPage = `${security.nodeOrigin}/webapp3/m/${ana.alias}`;
const meetingPage = `${security.nodeOrigin}/webapp3/m/${security.alias}`;

let ctx: TestContext;
beforeEach(() => {
  ctx = testContext({ policy: POLICY });
});

const saved = async () => (await ctx.db.meetings.toArray()).map((m) => ({ alias: m.alias, role: m.role, pin: m.pin, startsAt: m.startsAt }));

describe('a personal message with a personal alias', () => {
  it('carries the personal link, passcode and the phone steps for the personal numeric alias', () => {
    expect(captureUrl.split('#')[0]).toBe(personalPage);
    expect(message.text).toContain(`your personal passcode for "Quarterly review" is ${ana.passcode}`);
    expect(message.text).toContain('The link in the invitation admits hosts only.');
    expect(message.text).toContain(`Without the extension: open ${personalPage} and type your passcode when asked for a PIN.`);
    expect(message.text).toContain(`call +44 20 7946 0000, enter conference ID ${ana.dialAlias} followed by #, then your passcode ${ana.passcode} followed by #.`);
    expect(message.text).not.toContain(security.hostPin);
  });

  it('opening its capture link saves the passcode as the PIN for the personal alias, filled only on that alias', async () => {
    ctx.tabs.set(7, personalPage);
    // Opened from the mail client: the browser reported no site behind the navigation.
    ctx.navigations.set(7, { url: captureUrl, site: 'none' });
    expect(await handleMessage({ type: 'capture:save', url: captureUrl }, contentSender(captureUrl), ctx)).toMatchObject({ ok: true, alias: ana.alias, role: 'guest' });
    expect(await saved()).toEqual([{ alias: ana.alias, role: 'guest', pin: ana.passcode, startsAt: T0 + DAY }]);
    ctx.clock.now = T0 + DAY - 60_000; // inside the window
    expect(await handleMessage(report(personalPage), contentSender(personalPage), ctx)).toMatchObject({ ok: true, action: 'fill', pin: ana.passcode });
    // The meeting's own link (hosts only in this mode) gets nothing.
    ctx.tabs.set(7, meetingPage);
    expect(await handleMessage(report(meetingPage), contentSender(meetingPage), ctx)).not.toMatchObject({ action: 'fill' });
  });

  it('pasting the whole message finds the personal alias with the passcode as a guest PIN', async () => {
    const drafts = draftsFromInvite(message.text);
    expect(drafts).toHaveLength(1);
    expect(drafts[0]).toMatchObject({ role: 'guest', pin: ana.passcode, draft: { alias: ana.alias, url: personalPage } });
    const added = await handleMessage({ type: 'meetings:add', input: draftToInput(drafts[0]!) }, popupSender, ctx);
    expect(added).toMatchObject({ ok: true });
    expect(await saved()).toEqual([{ alias: ana.alias, role: 'guest', pin: ana.passcode, startsAt: T0 + DAY }]);
  });
});
