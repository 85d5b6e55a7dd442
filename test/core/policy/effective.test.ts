import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DEFAULT_POLICY, effectiveSettings, parsePolicy, SETTING_PATHS } from '../../../core/policy';
import { cleanEffectiveSettings } from '../../../core/policy/merge';
import type { Policy } from '../../../core/policy';

const policy = (input: unknown): Policy => {
  const result = parsePolicy(input);
  if (!result.ok) throw new Error(JSON.stringify(result.errors));
  return result.value;
};

describe('effectiveSettings', () => {
  it('lists every { value, locked } setting of the schema', () => {
    expect(SETTING_PATHS).toEqual([
      'organizer.accessCode.required',
      'organizer.accessCode.length',
      'organizer.activation.leadMinutes',
      'organizer.activation.graceMinutes',
      'organizer.passcodes.mode',
      'organizer.passcodes.length',
      'organizer.pin.minLength',
      'attendee.autofill.mode',
      'attendee.autofill.warnAtRemaining',
      'attendee.savedPins.retentionDays',
    ]);
  });

  it('without preferences returns the policy values and the locked paths', () => {
    const result = effectiveSettings(DEFAULT_POLICY, undefined);
    expect(result.settings.organizer.accessCode).toEqual({ required: true, length: 8 });
    expect(result.settings.attendee.autofill.mode).toBe('fill');
    expect(result.locked).toEqual(['organizer.accessCode.required', 'organizer.pin.minLength']);
    expect(result.ignored).toEqual([]);
  });

  it('applies valid preferences for unlocked settings', () => {
    const result = effectiveSettings(DEFAULT_POLICY, { organizer: { accessCode: { length: 10 } }, attendee: { autofill: { mode: 'off' } } });
    expect(result.settings.organizer.accessCode.length).toBe(10);
    expect(result.settings.attendee.autofill.mode).toBe('off');
    expect(result.ignored).toEqual([]);
  });

  it('lets locked policy values win and reports the attempt', () => {
    const locked = policy({ version: 1, attendee: { autofill: { mode: { value: 'off', locked: true } } } });
    const result = effectiveSettings(locked, { attendee: { autofill: { mode: 'fill-and-join' } }, organizer: { accessCode: { required: false } } });
    expect(result.settings.attendee.autofill.mode).toBe('off');
    expect(result.settings.organizer.accessCode.required).toBe(true);
    expect(result.ignored.map((i) => i.path).sort()).toEqual(['attendee.autofill.mode', 'organizer.accessCode.required']);
    expect(result.ignored[0]?.message).toBe('locked by your administrator');
  });

  it('ignores and reports invalid and unknown entries, keeping the rest', () => {
    const result = effectiveSettings(DEFAULT_POLICY, {
      organizer: { accessCode: { length: 99 }, activation: { leadMinutes: 'soon', graceMinutes: 5 } },
      attendee: { savedPins: { retentionDays: 7 }, autofil: true },
    });
    expect(result.settings.organizer.accessCode.length).toBe(8);
    expect(result.settings.organizer.activation).toEqual({ leadMinutes: 15, graceMinutes: 5 });
    expect(result.settings.attendee.savedPins.retentionDays).toBe(7);
    expect(result.ignored).toEqual([
      { path: 'organizer.accessCode.length', message: 'must be at most 15, got the number 99' },
      { path: 'organizer.activation.leadMinutes', message: 'must be a number, got the text "soon"' },
      { path: 'attendee.autofil', message: 'unknown setting' },
    ]);
  });

  it('drops organizer preferences that together make codes too guessable', () => {
    const result = effectiveSettings(DEFAULT_POLICY, { organizer: { accessCode: { length: 6 }, activation: { leadMinutes: 180 } }, attendee: { autofill: { mode: 'off' } } });
    expect(result.settings.organizer.accessCode.length).toBe(8);
    expect(result.settings.organizer.activation.leadMinutes).toBe(15);
    expect(result.settings.attendee.autofill.mode).toBe('off');
    expect(result.ignored.map((i) => i.path)).toEqual(['organizer.accessCode.length', 'organizer.activation.leadMinutes']);
    expect(result.ignored[0]?.message).toMatch(/too easy to guess/);
  });

  it('says so when a group of settings is not an object', () => {
    expect(effectiveSettings(DEFAULT_POLICY, { organizer: { accessCode: 5 } }).ignored).toEqual([{ path: 'organizer.accessCode', message: 'must be an object of settings, got the number 5' }]);
  });

  it('reports preferences that are not an object', () => {
    expect(effectiveSettings(DEFAULT_POLICY, 'x').ignored).toEqual([{ path: '(root)', message: 'preferences must be an object, got the text "x"' }]);
  });

  it('never throws, never lets a locked value change, never returns an invalid setting', () => {
    const strict = policy({ version: 1, attendee: { autofill: { mode: { value: 'off', locked: true } } } });
    fc.assert(
      fc.property(fc.anything(), fc.record({ organizer: fc.anything(), attendee: fc.anything() }, { requiredKeys: [] }), (junk, prefs) => {
        for (const input of [junk, prefs]) {
          const { settings } = effectiveSettings(strict, input);
          expect(settings.attendee.autofill.mode).toBe('off');
          expect(settings.organizer.accessCode.required).toBe(true);
          const merged = parsePolicy({ version: 1, organizer: { accessCode: { length: { value: settings.organizer.accessCode.length } } } });
          expect(merged.ok).toBe(true);
        }
      }),
      { numRuns: 200 },
    );
  });
});

describe('cleanEffectiveSettings (the merge without the words, for the task pane)', () => {
  it('gives effectiveSettings\' answer when every preference applies, and null as soon as one would not', () => {
    const cases: Array<[typeof DEFAULT_POLICY, unknown]> = [
      [DEFAULT_POLICY, null],
      [DEFAULT_POLICY, {}],
      [DEFAULT_POLICY, { organizer: { passcodes: { mode: 'shared' } } }],
      [DEFAULT_POLICY, { organizer: { accessCode: { required: true } } }],
      [DEFAULT_POLICY, { organizer: { accessCode: { required: false } } }],
      [DEFAULT_POLICY, { organizer: { accessCode: { length: 99 } } }],
      [DEFAULT_POLICY, { attendee: { autofil: { mode: 'off' } } }],
      [DEFAULT_POLICY, { organizer: { accessCode: 5 } }],
      [DEFAULT_POLICY, 'x'],
      [DEFAULT_POLICY, { organizer: { accessCode: { length: 12 }, activation: { leadMinutes: 30 } } }],
      [DEFAULT_POLICY, { organizer: { accessCode: { length: 6 }, activation: { leadMinutes: 180 } }, attendee: { autofill: { mode: 'off' } } }],
    ];
    for (const [policy, prefs] of cases) {
      const full = effectiveSettings(policy, prefs);
      expect(cleanEffectiveSettings(policy, prefs), JSON.stringify(prefs)).toEqual(full.ignored.length === 0 ? full : null);
    }
  });
});
