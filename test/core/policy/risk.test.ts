import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { DEFAULT_POLICY, parsePolicy, policyGuessRisk } from '../../../core/policy';

describe('policyGuessRisk', () => {
  it('uses lead + assumed meeting + grace as exposure of meeting codes and the policy limits', () => {
    const risk = policyGuessRisk(DEFAULT_POLICY);
    expect(risk).toMatchObject({ exposureMinutes: 75, roomExposureMinutes: 30 * 1440, roomFailureLimit: 20, roomWindowMinutes: 10, maxGuessProbability: 1e-4, ok: true });
    const access = risk.codes.find((c) => c.kind === 'accessCode');
    // ceil(75 / 10) * 20 = 160 guesses over 10^8 codes.
    expect(access).toMatchObject({ exposureMinutes: 75 });
    expect(access?.probability).toBeCloseTo(160 / 1e8, 12);
    const passcode = risk.codes.find((c) => c.kind === 'passcode');
    expect(passcode).toMatchObject({ validCodes: 25, exposureMinutes: 75, enforced: true, ok: true });
  });

  it('counts the host PIN although access codes are required: it opens the room at any time, for assumedRoomDays', () => {
    const pin = policyGuessRisk(DEFAULT_POLICY).codes.find((c) => c.kind === 'pin');
    // Access code locked on: no guest PIN, the host PIN alone; 30 days = 4320 windows * 20 guesses over 10^9 PINs.
    expect(pin).toMatchObject({ length: 9, validCodes: 1, exposureMinutes: 43_200, enforced: true, ok: true });
    expect(pin?.probability).toBeCloseTo(86_400 / 1e9, 12);
    // Where the access code can be off, a static guest PIN opens the room as well: two codes.
    const unlocked = parsePolicy({ version: 1, organizer: { accessCode: { required: { value: true, locked: false } }, pin: { minLength: { value: 10 } } } });
    if (!unlocked.ok) throw new Error(JSON.stringify(unlocked.errors));
    expect(policyGuessRisk(unlocked.value).codes.find((c) => c.kind === 'pin')).toMatchObject({ validCodes: 2, enforced: true, ok: true });
  });

  it('refuses a policy it accepted before: a 6-digit PIN behind required, locked access codes', () => {
    const before = { version: 1, organizer: { accessCode: { required: { value: true, locked: true } }, pin: { minLength: { value: 6, locked: true } } } };
    const result = parsePolicy(before);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors).toEqual([
      {
        path: 'organizer.pin.minLength.value',
        message: expect.stringMatching(/^a PIN of 6 digits can be guessed with probability 8\.6e-2 over 43200 minutes .*raise organizer\.pin\.minLength\.value to at least 9, .*assumedRoomDays = 30/),
      },
    ]);
    // Rooms removed sooner, or a longer PIN, and it passes; the example policy stays accepted.
    expect(parsePolicy({ ...before, organizer: { ...before.organizer, pin: { minLength: { value: 9, locked: true } } } }).ok).toBe(true);
    expect(parsePolicy({ ...before, organizer: { ...before.organizer, pin: { minLength: { value: 8, locked: true } } }, assumedRoomDays: 3 }).ok).toBe(true);
    expect(parsePolicy({ ...before, organizer: { ...before.organizer, pin: { minLength: { value: 9, locked: true } } }, assumedRoomDays: 365 }).ok).toBe(false);
    const example = parsePolicy(JSON.parse(readFileSync('examples/policy.json', 'utf8')));
    expect(example.ok && policyGuessRisk(example.value).ok).toBe(true);
  });

  it('skips passcodes locked off, and counts one valid code for shared passcodes', () => {
    const none = parsePolicy({ version: 1, organizer: { passcodes: { mode: { value: 'none', locked: true } } } });
    expect(none.ok && policyGuessRisk(none.value).codes.find((c) => c.kind === 'passcode')?.enforced).toBe(false);
    const shared = parsePolicy({ version: 1, organizer: { passcodes: { mode: { value: 'shared', locked: true } } } });
    expect(shared.ok && policyGuessRisk(shared.value).codes.find((c) => c.kind === 'passcode')?.validCodes).toBe(1);
  });

  it('grows with the exposure and the failure limit', () => {
    const accessRisk = (input: object): number => {
      // A 10-digit PIN, so a doubled failure limit still leaves the PIN within the limit.
      const result = parsePolicy({ version: 1, organizer: { pin: { minLength: { value: 10 } } }, ...input });
      if (!result.ok) throw new Error(JSON.stringify(result.errors));
      return policyGuessRisk(result.value).codes[0]?.probability ?? NaN;
    };
    const base = accessRisk({});
    expect(accessRisk({ assumedMeetingMinutes: 120 })).toBeGreaterThan(base);
    expect(accessRisk({ attempts: { roomFailures: 40 } })).toBeCloseTo(2 * base, 12);
  });
});
