import { describe, expect, it } from 'vitest';
import { DEFAULT_POLICY, parsePolicy, policyGuessRisk } from '../../../core/policy';

describe('policyGuessRisk', () => {
  it('uses lead + assumed meeting + grace as exposure and the policy limits', () => {
    const risk = policyGuessRisk(DEFAULT_POLICY);
    expect(risk).toMatchObject({ exposureMinutes: 75, roomFailureLimit: 20, roomWindowMinutes: 10, maxGuessProbability: 1e-4, ok: true });
    const access = risk.codes.find((c) => c.kind === 'accessCode');
    // ceil(75 / 10) * 20 = 160 guesses over 10^8 codes.
    expect(access?.probability).toBeCloseTo(160 / 1e8, 12);
    const passcode = risk.codes.find((c) => c.kind === 'passcode');
    expect(passcode).toMatchObject({ validCodes: 25, enforced: true, ok: true });
    const pin = risk.codes.find((c) => c.kind === 'pin');
    expect(pin).toMatchObject({ length: 6, validCodes: 2, enforced: false, ok: true });
    expect(pin?.probability).toBeGreaterThan(1e-4); // shown, but the locked access code guards the room
  });

  it('skips passcodes locked off, and counts one valid code for shared passcodes', () => {
    const none = parsePolicy({ version: 1, organizer: { passcodes: { mode: { value: 'none', locked: true } } } });
    expect(none.ok && policyGuessRisk(none.value).codes.find((c) => c.kind === 'passcode')?.enforced).toBe(false);
    const shared = parsePolicy({ version: 1, organizer: { passcodes: { mode: { value: 'shared', locked: true } } } });
    expect(shared.ok && policyGuessRisk(shared.value).codes.find((c) => c.kind === 'passcode')?.validCodes).toBe(1);
  });

  it('grows with the exposure and the failure limit', () => {
    const accessRisk = (input: object): number => {
      const result = parsePolicy({ version: 1, ...input });
      if (!result.ok) throw new Error(JSON.stringify(result.errors));
      return policyGuessRisk(result.value).codes[0]?.probability ?? NaN;
    };
    const base = accessRisk({});
    expect(accessRisk({ assumedMeetingMinutes: 120 })).toBeGreaterThan(base);
    expect(accessRisk({ attempts: { roomFailures: 40 } })).toBeCloseTo(2 * base, 12);
  });
});
