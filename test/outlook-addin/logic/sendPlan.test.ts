import { describe, expect, it } from 'vitest';
import { findInviteBlock } from '../../../core/invite/upsert';
import { applySecurity, createSecurity, organizerSettings, prefsFromChoices } from '../../../outlook-addin/logic';
import type { MeetingSecurity, MeetingSnapshot, OrganizerSettings } from '../../../outlook-addin/logic';
import { planSend, subjectNotUpdatedText } from '../../../outlook-addin/logic/sendPlan';
import { meeting, POLICY, SETTINGS } from './fixtures';

/** A meeting whose block was written when its subject was `then`, now titled `now`. */
function renamed(then: string, now: string, settings: OrganizerSettings = SETTINGS): { m: MeetingSnapshot; security: MeetingSecurity } {
  const at = meeting({ subject: then });
  const applied = applySecurity(at, createSecurity(at, settings.choices, settings, POLICY), settings);
  return { m: { ...at, subject: now, bodyHtml: applied.bodyHtml }, security: applied.security };
}

const fields = (html: string) => findInviteBlock(html, 'html')?.fields;
const UPDATE = 'Open SecureJoin and press "Update block", then send again.';

describe('planSend: only a stale subject line is brought up to date at send', () => {
  it('allows a block that names the current subject, without rewriting', () => {
    const { m, security } = renamed('Quarterly review', 'Quarterly review');
    expect(planSend(m, security, POLICY, SETTINGS)).toEqual({ action: 'allow' });
  });

  it('rewrites the "Meeting:" line of a block put in before the subject was typed, and nothing else', () => {
    const { m, security } = renamed('', 'Quarterly review');
    expect(fields(m.bodyHtml)?.subject).toBeUndefined();
    const plan = planSend(m, security, POLICY, SETTINGS);
    if (plan.action !== 'rewrite-subject') throw new Error(`expected a rewrite, got ${JSON.stringify(plan)}`);
    const { subject, ...rest } = fields(plan.bodyHtml)!;
    expect(subject).toBe('Quarterly review');
    const { subject: _old, ...before } = fields(m.bodyHtml)!;
    expect(rest).toEqual(before);
    expect(plan.bodyHtml.startsWith('<html><body><p class=MsoNormal>Agenda: numbers.</p>')).toBe(true);
    // Written back, the item is ready to go.
    expect(planSend({ ...m, bodyHtml: plan.bodyHtml }, security, POLICY, SETTINGS)).toEqual({ action: 'allow' });
  });

  it('rewrites a renamed meeting, a cleared subject, and also when sessionData was lost', () => {
    const { m, security } = renamed('Budget', 'Budget & <b>plans</b>');
    const plan = planSend(m, security, POLICY, SETTINGS);
    expect(plan.action === 'rewrite-subject' && fields(plan.bodyHtml)?.subject).toBe('Budget & <b>plans</b>');
    const lost = planSend(m, null, POLICY, SETTINGS);
    expect(lost.action === 'rewrite-subject' && fields(lost.bodyHtml)?.subject).toBe('Budget & <b>plans</b>');
    const cleared = renamed('Budget', '   ');
    const none = planSend(cleared.m, cleared.security, POLICY, SETTINGS);
    expect(none.action).toBe('rewrite-subject');
    expect(none.action === 'rewrite-subject' && fields(none.bodyHtml)).toMatchObject({ accessCode: cleared.security.accessCode });
    expect(none.action === 'rewrite-subject' && fields(none.bodyHtml)?.subject).toBeUndefined();
  });

  it('rewrites in shared- and per-invitee-passcode mode', () => {
    for (const passcodeMode of ['shared', 'per-invitee'] as const) {
      const settings = organizerSettings(POLICY, prefsFromChoices({ ...SETTINGS.choices, passcodeMode }, []));
      const { m, security } = renamed('', 'Review', settings);
      expect(security.passcodeMode).toBe(passcodeMode);
      const plan = planSend(m, security, POLICY, settings);
      expect(plan.action === 'rewrite-subject' && fields(plan.bodyHtml)?.subject).toBe('Review');
    }
  });

  it('refuses a new subject plus a changed access-code digit with the check\'s own message, rewriting nothing', () => {
    const { m, security } = renamed('Budget', 'Budget and plans');
    const code = security.accessCode as string;
    const changed = `${code.slice(0, -1)}${code.endsWith('1') ? '2' : '1'}`;
    const plan = planSend({ ...m, bodyHtml: m.bodyHtml.replace(code, changed) }, security, POLICY, SETTINGS);
    expect(plan).toEqual({ action: 'refuse', message: `SecureJoin: The access code in the invite differs from the one set for this meeting. ${UPDATE}` });
  });

  it('refuses a new subject plus a moved meeting (stale time) with the check\'s message', () => {
    const { m, security } = renamed('Budget', 'Budget and plans');
    const plan = planSend({ ...m, start: m.start + 3_600_000, end: m.end + 3_600_000 }, security, POLICY, SETTINGS);
    expect(plan.action === 'refuse' && plan.message).toMatch(/no longer matches the meeting time/);
  });

  it('says in plain words what to press when the subject cannot be written', () => {
    expect(subjectNotUpdatedText()).toBe(`SecureJoin: The meeting's subject changed after the SecureJoin block was put in, and SecureJoin could not write the new subject into the block. ${UPDATE}`);
  });
});
