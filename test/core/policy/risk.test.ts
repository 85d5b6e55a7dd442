import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { DEFAULT_POLICY, parsePolicy, policyCodeLengths, policyGuessRisk, PolicySchema, raisedLengthNote } from '../../../core/policy';
import type { CodeRisk } from '../../../core/policy';
import { organizerSettings } from '../../../outlook-addin/logic/policyFile';

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
                // Made with 8 digits, the default passcode length (./codeLengths), and judged so.
        message: expect.stringMatching(/^a PIN of 8 digits \(set to 6, raised to the passcode length: PINs and passcodes share one length\) can be guessed with probability 8\.6e-4 over 43200 minutes .*raise organizer\.pin\.minLength\.value to at least 9, .*assumedRoomDays = 30/),
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

describe('one rule for the lengths codes are made with (core/policy/codeLengths)', () => {
  it('judges passcodes and PINs at the longer of their two lengths, as the pane makes them, and says why', () => {
    const example = parsePolicy(JSON.parse(readFileSync('examples/policy.json', 'utf8')));
    if (!example.ok) throw new Error(JSON.stringify(example.errors));
    // examples/policy.json: PINs at least 10, passcodes 8: every code at the PIN prompt has 10 digits.
    const byKind = Object.fromEntries(policyGuessRisk(example.value).codes.map((c) => [c.kind, c]));
    expect(byKind.passcode).toMatchObject({ length: 10, settingLength: 8 });
    expect(byKind.pin).toMatchObject({ length: 10, settingLength: 10 });
    expect(byKind.accessCode).toMatchObject({ length: 9, settingLength: 9 });
    // ceil(85 / 10) * 20 = 180 guesses, 25 personal passcodes over 10^10 (not 10^8).
    expect(byKind.passcode?.probability).toBeCloseTo(-Math.expm1(25 * Math.log1p(-180 / 1e10)), 12);
    expect(raisedLengthNote(byKind.passcode as CodeRisk)).toBe(' (set to 8, raised to the minimum PIN length: PINs and passcodes share one length)');
    expect(raisedLengthNote(byKind.pin as CodeRisk)).toBe('');
  });

  it('a passcode too short alone passes when the PIN length it is made with is enough', () => {
    // 6-digit passcodes, 25 of them, would be refused; made with 10 digits (the PIN length) they are fine.
    const shortAlone = parsePolicy({ version: 1, organizer: { passcodes: { length: { value: 6 } }, pin: { minLength: { value: 6, locked: false } } } });
    expect(shortAlone.ok ? [] : shortAlone.errors.map((e) => e.path)).toContain('organizer.passcodes.length.value');
    expect(parsePolicy({ version: 1, organizer: { passcodes: { length: { value: 6 } }, pin: { minLength: { value: 10 } } } }).ok).toBe(true);
  });

  it('the Outlook pane makes codes at exactly the lengths policy check judges, for any policy (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 6, max: 15 }), fc.integer({ min: 6, max: 15 }), fc.integer({ min: 4, max: 20 }), (access, passcode, pin) => {
        const policy = PolicySchema.parse({ version: 1, organizer: { accessCode: { length: { value: access } }, passcodes: { length: { value: passcode } }, pin: { minLength: { value: pin } } } });
        const settings = organizerSettings(policy, null);
        const judged = Object.fromEntries(policyGuessRisk(policy).codes.map((c) => [c.kind, c.length]));
        expect(judged).toEqual({ accessCode: settings.accessCodeLength, passcode: settings.passcodeLength, pin: settings.pinLength });
        expect(judged).toEqual(policyCodeLengths(policy.organizer));
      }),
      { numRuns: 200 },
    );
  });
});
