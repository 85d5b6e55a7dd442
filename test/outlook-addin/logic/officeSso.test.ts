/**
 * Office SSO's documented error numbers (Microsoft's "Troubleshoot error messages for single
 * sign-on") as token problems with plain words; the silent options of the event runtime; only the
 * meeting service's own scope.
 */
import { describe, expect, it } from 'vitest';
import { officeSsoOutcome, officeSsoScopeRefusal, SILENT_SSO_OPTIONS } from '../../../outlook-addin/logic/officeSso';

const officeError = (code: number | string, message = 'x') => Object.assign(new Error(message), { name: 'Error', code });

describe('officeSsoOutcome', () => {
  it('13001 (not signed in to Office) and 13002 (cancelled or no consent) need a sign-in (the caller names the pane\'s button, so the words do not)', () => {
    for (const code of [13001, 13002]) {
      const outcome = officeSsoOutcome(officeError(code));
      expect(outcome.problem).toBe('sign-in-needed');
      expect(outcome.message).not.toMatch(/Open SecureJoin/);
    }
    expect(officeSsoOutcome(officeError(13001)).message).toMatch(/^You are not signed in to Office/);
  });

  it('13000, 13003, 13012 and 50001 (no SSO in this Office, account type, platform, too old) are unsupported', () => {
    expect([13000, 13003, 13012, 50001].map((code) => officeSsoOutcome(officeError(code)).problem)).toEqual(['unsupported', 'unsupported', 'unsupported', 'unsupported']);
    expect(officeSsoOutcome(officeError(13003)).message).toMatch(/on-premises account, or modern authentication is switched off/);
  });

  it('set-up faults (13004, 13005, 13007) fail and send the organizer to the administrator; passing ones (13006, 13008, 13010, 13013) say what to do', () => {
    for (const code of [13004, 13005, 13007]) expect(officeSsoOutcome(officeError(code))).toMatchObject({ problem: 'failed', message: expect.stringMatching(/administrator/) });
    expect(officeSsoOutcome(officeError(13006)).message).toMatch(/Sign out of Office, restart it/);
    expect(officeSsoOutcome(officeError(13008)).message).toMatch(/Try again in a moment/);
    expect(officeSsoOutcome(officeError(13010)).problem).toBe('failed');
    expect(officeSsoOutcome(officeError(13013)).message).toMatch(/Try again in a few minutes/);
  });

  it('reads a code given as digits; an unknown code or error fails with its code and shortened text, never the whole text', () => {
    expect(officeSsoOutcome(officeError('13001')).problem).toBe('sign-in-needed');
    expect(officeSsoOutcome(officeError(12345, 'Internal Error'))).toEqual({ problem: 'failed', message: 'Signing in to the SecureJoin meeting service through Office failed (code 12345: Internal Error).' });
    expect(officeSsoOutcome(new Error('y'.repeat(500))).message).toHaveLength('Signing in to the SecureJoin meeting service through Office failed ().'.length + 160);
    expect(officeSsoOutcome(null)).toEqual({ problem: 'failed', message: 'Signing in to the SecureJoin meeting service through Office failed.' });
    expect(officeSsoOutcome({ code: '13001; drop' }).problem).toBe('failed');
  });
});

describe('the event runtime asks silently, for the meeting service only', () => {
  it('never lets Office show a window or ask for Graph', () => {
    expect(SILENT_SSO_OPTIONS).toEqual({ allowSignInPrompt: false, allowConsentPrompt: false, forMSGraphAccess: false });
  });

  it("refuses another scope (Graph's Mail.Send) with words pointing to the pane", () => {
    expect(officeSsoScopeRefusal('api://sj/Meetings.ReadWrite', 'api://sj/Meetings.ReadWrite')).toBeNull();
    expect(officeSsoScopeRefusal('https://graph.microsoft.com/Mail.Send', 'api://sj/Meetings.ReadWrite')).toEqual({
      problem: 'unsupported',
      message: 'Here SecureJoin can sign in to its meeting service only; https://graph.microsoft.com/Mail.Send needs the SecureJoin pane.',
    });
  });
});
