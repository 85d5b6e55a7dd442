/** logic/status.ts (issue 22): one status at a time, and what a sent invite means for the pane. */
import { describe, expect, it } from 'vitest';
import { applySecurity, createSecurity, meetingBody, paneTruth } from '../../../outlook-addin/logic';
import { UNSENT_HEADLINE } from '../../../outlook-addin/logic/drift';
import { meetingWasSent, sentInviteOf } from '../../../outlook-addin/logic/sentInvite';
import { choicesDiffer, currentMessage, statusKey } from '../../../outlook-addin/logic/status';
import { meeting, POLICY, SETTINGS } from './fixtures';

const m = meeting();
const { bodyHtml, security } = applySecurity(m, createSecurity(m, SETTINGS.choices, SETTINGS, POLICY), SETTINGS);
const item = { ...m, bodyHtml };
const registered = meetingBody(item, security, SETTINGS);
const truth = (sentInvite: string | null, body = bodyHtml) => paneTruth({ meeting: { ...item, bodyHtml: body }, security, settings: SETTINGS, written: true, registration: { state: 'ok', text: '', registered }, sentInvite });

describe('the sent invite', () => {
  it('up to date while the block says what went out; "send the update" once it says something else', () => {
    const sent = sentInviteOf(bodyHtml) as string;
    expect(truth(sent).state).toBe('current');
    // New codes written after the send: the block is right for the meeting, but attendees hold the old one.
    const fresh = applySecurity(item, createSecurity(item, SETTINGS.choices, SETTINGS, POLICY), SETTINGS);
    const later = paneTruth({ meeting: { ...item, bodyHtml: fresh.bodyHtml }, security: fresh.security, settings: SETTINGS, written: true, registration: { state: 'ok', text: '', registered: meetingBody({ ...item, bodyHtml: fresh.bodyHtml }, fresh.security, SETTINGS) }, sentInvite: sent });
    expect(later).toEqual({ state: 'unsent', headline: UNSENT_HEADLINE, drifts: [], action: null });
    // Only the subject line differs from what went out: nothing attendees rely on changed.
    expect(sentInviteOf(bodyHtml.replace('Quarterly review', 'Quarterly review (moved room)'))).toBe(sent);
    expect(sentInviteOf('<p>no block</p>')).toBeNull();
  });
  it('a meeting counts as sent once the send check let it go, or this item registered it as sent', () => {
    expect(meetingWasSent(null, registered)).toBe(false);
    expect(meetingWasSent('x', null)).toBe(true);
    expect(meetingWasSent(null, meetingBody(item, security, SETTINGS, true))).toBe(true);
  });
  it('the choices differ from the codes when the mode or the access code switched', () => {
    expect(choicesDiffer(security, { accessCode: true, passcodeMode: security.passcodeMode })).toBe(false);
    expect(choicesDiffer(security, { accessCode: true, passcodeMode: 'shared' })).toBe(true);
    expect(choicesDiffer(security, { accessCode: false, passcodeMode: security.passcodeMode })).toBe(true);
    expect(choicesDiffer(null, { accessCode: true, passcodeMode: 'shared' })).toBe(false);
  });
});

describe('a confirmation belongs to the state it was said in', () => {
  it('stays while the state stays, and is gone when the top line or what was sent changes', () => {
    const now = truth(null);
    const said = { kind: 'info' as const, text: 'New codes generated and the invite updated.', key: statusKey(now, null) };
    expect(currentMessage(said, statusKey(truth(null), null))).toBe(said);
    const renamed = truth(null, bodyHtml.replace('Quarterly review', 'Budget'));
    expect(renamed.state).toBe('stale');
    expect(currentMessage(said, statusKey(renamed, null))).toBeNull();
    expect(currentMessage(said, statusKey(now, sentInviteOf(bodyHtml)))).toBeNull();
  });
});
