import { describe, expect, it } from 'vitest';
import { findInviteBlock, htmlToText } from '../../../core/invite';
import { parseCaptureLink } from '../../../core/links';
import { applySecurity, blockInput, checkBeforeSend, createSecurity, removeSecurity } from '../../../outlook-addin/logic';
import { meeting, POLICY, SETTINGS, START } from './fixtures';

const count = (body: string, s: string): number => body.split(s).length - 1;

describe('applySecurity', () => {
  it('inserts one block with the codes, leaving the rest of the body as it was', () => {
    const m = meeting();
    const security = createSecurity(m, SETTINGS.choices, SETTINGS, POLICY);
    const { bodyHtml } = applySecurity(m, security, SETTINGS);
    expect(bodyHtml.startsWith('<html><body><p class=MsoNormal>Agenda: numbers.</p>')).toBe(true);
    expect(bodyHtml.endsWith('</body></html>')).toBe(true);
    const found = findInviteBlock(bodyHtml, 'html');
    expect(found?.count).toBe(1);
    expect(found?.fields.accessCode).toBe(security.accessCode);
    expect(found?.fields.personalPasscodes).toBe(true);
    expect(found?.fields.joinUrl).toBe(`https://meet.example.com/webapp3/m/${security.alias}`);
    expect(found?.fields.activationSentence).toBe('The code works from Tue 10 Mar, 08:45 (Europe/Berlin), 15 minutes before the start.');
  });

  it('is idempotent: applying again does not duplicate or change the block', () => {
    const m = meeting();
    const security = createSecurity(m, SETTINGS.choices, SETTINGS, POLICY);
    const once = applySecurity(m, security, SETTINGS);
    const twice = applySecurity({ ...m, bodyHtml: once.bodyHtml }, once.security, SETTINGS);
    expect(twice.bodyHtml).toBe(once.bodyHtml);
    expect(count(twice.bodyHtml, '-- SecureJoin secure access --')).toBe(1);
  });

  it('updates the activation sentence when the meeting moves, keeping the codes', () => {
    const m = meeting();
    const security = createSecurity(m, SETTINGS.choices, SETTINGS, POLICY);
    const first = applySecurity(m, security, SETTINGS);
    const moved = { ...m, start: START + 2 * 3_600_000, end: START + 3 * 3_600_000, bodyHtml: first.bodyHtml };
    const { bodyHtml } = applySecurity(moved, first.security, SETTINGS);
    const fields = findInviteBlock(bodyHtml, 'html')?.fields;
    expect(fields?.activationSentence).toBe('The code works from Tue 10 Mar, 10:45 (Europe/Berlin), 15 minutes before the start.');
    expect(fields?.accessCode).toBe(security.accessCode);
    expect(count(bodyHtml, '-- SecureJoin secure access --')).toBe(1);
  });

  it('says "before each occurrence" for a recurring series, with its rule in words', () => {
    const m = meeting({ recurrence: { start: START, end: START + 3_600_000, timeZone: 'Europe/Berlin', rule: { frequency: 'weekly' } } });
    const security = createSecurity(m, SETTINGS.choices, SETTINGS, POLICY);
    const { bodyHtml } = applySecurity(m, security, SETTINGS);
    expect(findInviteBlock(bodyHtml, 'html')?.fields.recurringSentence).toBe(
      'For this recurring series (weekly on Tuesday from Tue, 10 Mar 2026, 1 hour each, Europe/Berlin time), the code is active 15 minutes before each occurrence until 10 minutes after its end.',
    );
  });

  it('leaves a Teams block untouched and finds its own block after Outlook rewrote the HTML', () => {
    const teams = '<div><p>Microsoft Teams meeting</p><p><a href="https://teams.microsoft.com/l/meetup-join/x">Join</a></p></div>';
    const m = meeting({ bodyHtml: `<html><body>${teams}</body></html>` });
    const security = createSecurity(m, SETTINGS.choices, SETTINGS, POLICY);
    const { bodyHtml } = applySecurity(m, security, SETTINGS);
    expect(bodyHtml).toContain(teams);
    // What Outlook does on save: divs become MsoNormal paragraphs, styles are dropped.
    const rewritten = bodyHtml.replace(/<div[^>]*>/g, '').replace(/<\/div>/g, '').replace(/<p>/g, '<p class=MsoNormal>');
    const again = applySecurity({ ...m, bodyHtml: rewritten }, security, SETTINGS);
    expect(count(again.bodyHtml, '-- SecureJoin secure access --')).toBe(1);
    expect(again.bodyHtml).toContain('Microsoft Teams meeting');
  });

  it('keeps markup in the subject as text', () => {
    const m = meeting({ subject: '<img src=x onerror=alert(1)> & "plans"' });
    const security = createSecurity(m, SETTINGS.choices, SETTINGS, POLICY);
    const { bodyHtml } = applySecurity(m, security, SETTINGS);
    expect(bodyHtml).not.toContain('<img');
    expect(bodyHtml).toContain('&lt;img src=x onerror=alert(1)&gt; &amp; &quot;plans&quot;');
    expect(htmlToText(bodyHtml)).toContain('Meeting: <img src=x onerror=alert(1)> & "plans"');
  });

  it('shows the guest PIN as the code when the access code is off', () => {
    const m = meeting();
    const settings = { ...SETTINGS, choices: { accessCode: false, passcodeMode: 'none' as const } };
    const unlocked = { ...POLICY, organizer: { ...POLICY.organizer, accessCode: { ...POLICY.organizer.accessCode, required: { value: true, locked: false } } } };
    const security = createSecurity(m, settings.choices, settings, unlocked);
    expect(security.accessCode).toBeNull();
    expect(blockInput(m, security, settings).accessCode).toBe(security.guestPin);
  });

  it('carries a "Save in SecureJoin" link for the PIN every reader types on the meeting link, never in per-invitee mode', () => {
    const m = meeting();
    // The example policy locks the access code on; unlocked here so the guest-PIN case can be made.
    const unlocked = { ...POLICY, organizer: { ...POLICY.organizer, accessCode: { ...POLICY.organizer.accessCode, required: { value: true, locked: false } } } };
    for (const choices of [{ accessCode: true, passcodeMode: 'shared' }, { accessCode: false, passcodeMode: 'none' }] as const) {
      const security = createSecurity(m, choices, SETTINGS, unlocked);
      expect(security.accessCode === null).toBe(!choices.accessCode);
      const { bodyHtml } = applySecurity(m, security, SETTINGS);
      const url = findInviteBlock(bodyHtml, 'html')?.fields.captureUrl ?? '';
      const captured = parseCaptureLink(url);
      // The shared passcode (the access code is the dial-in alias, not a PIN), or the guest PIN in place of the access code.
      expect(captured.ok && captured.value).toMatchObject({
        alias: security.alias,
        role: 'guest',
        pin: security.sharedPasscode ?? security.guestPin,
        startsAt: START,
        endsAt: START + 3_600_000,
        leadMinutes: SETTINGS.leadMinutes,
        graceMinutes: SETTINGS.graceMinutes,
      });
      expect(checkBeforeSend({ ...m, bodyHtml }, security, POLICY, SETTINGS)).toEqual({ allow: true });
    }
    // No passcode: guests enter the meeting link with no PIN and wait in the lobby; nothing to save.
    const open = createSecurity(m, { accessCode: true, passcodeMode: 'none' }, SETTINGS, POLICY);
    expect(applySecurity(m, open, SETTINGS).bodyHtml).not.toContain('#sj=');
    // Per-invitee: the shared body has no save link (each personal message has one with the invitee's own passcode).
    const perInvitee = createSecurity(m, { accessCode: true, passcodeMode: 'per-invitee' }, SETTINGS, POLICY);
    const { bodyHtml } = applySecurity(m, perInvitee, SETTINGS);
    expect(bodyHtml).not.toContain('#sj=');
    expect(blockInput(m, perInvitee, SETTINGS).saveLink).toBeUndefined();
    for (const inv of perInvitee.roster?.invitees ?? []) expect(bodyHtml).not.toContain(inv.passcode);
  });

  it('falls back to UTC and en-GB when Outlook gives an unknown zone or locale', () => {
    const m = meeting({ timeZone: 'W. Europe Standard Time', locale: '??' });
    const security = createSecurity(m, SETTINGS.choices, SETTINGS, POLICY);
    const input = blockInput(m, security, SETTINGS);
    expect([input.timeZone, input.locale]).toEqual(['UTC', 'en-GB']);
  });

  it('throws a clear error instead of writing a block for an impossible meeting', () => {
    const m = meeting();
    const security = createSecurity(m, SETTINGS.choices, SETTINGS, POLICY);
    expect(() => applySecurity({ ...m, end: m.start - 1 }, security, SETTINGS)).toThrow(/end/);
  });
});

describe('removeSecurity', () => {
  it('removes the block and nothing else', () => {
    const m = meeting();
    const security = createSecurity(m, SETTINGS.choices, SETTINGS, POLICY);
    const { bodyHtml } = applySecurity(m, security, SETTINGS);
    expect(removeSecurity(bodyHtml)).toBe(m.bodyHtml);
    expect(removeSecurity(m.bodyHtml)).toBe(m.bodyHtml);
  });
});
