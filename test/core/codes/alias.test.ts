import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { generateDialAlias, generateInviteePasscodes, generateWebAlias, isWeakCode, pinPromptLength, WEB_ALIAS_LENGTH } from '../../../core/codes';
import { ALIAS_PATTERN } from '../../../core/roomSpec';

describe('generateWebAlias', () => {
  it('draws 20 lower-case letters and digits with at least one letter, a valid room alias', () => {
    for (let i = 0; i < 200; i++) {
      const alias = generateWebAlias();
      expect(alias).toMatch(/^[a-z0-9]{20}$/);
      expect(alias).toMatch(/[a-z]/);
      expect(alias).toMatch(ALIAS_PATTERN);
    }
    expect(WEB_ALIAS_LENGTH).toBe(20);
  });

  it('uses every character of its alphabet, about evenly (no modulo bias)', () => {
    const counts = new Map<string, number>();
    for (let i = 0; i < 2000; i++) for (const ch of generateWebAlias()) counts.set(ch, (counts.get(ch) ?? 0) + 1);
    expect(counts.size).toBe(36);
    const expected = (2000 * 20) / 36;
    // Letters are favoured a hair by the "at least one letter" redraw (p ≈ 1e-11 per alias): invisible here.
    for (const n of counts.values()) expect(Math.abs(n - expected) / expected).toBeLessThan(0.15);
  });

  it('never returns an excluded alias, compared case-insensitively', () => {
    const taken = generateWebAlias();
    const exclude = [taken.toUpperCase()];
    for (let i = 0; i < 50; i++) expect(generateWebAlias({ exclude })).not.toBe(taken);
  });
});

describe('generateDialAlias', () => {
  it('draws non-weak digits of the access code length rules', () => {
    fc.assert(
      fc.property(fc.integer({ min: 6, max: 15 }), (length) => {
        const alias = generateDialAlias({ length });
        expect(alias).toMatch(new RegExp(`^[0-9]{${length}}$`));
        expect(isWeakCode(alias)).toBe(false);
      }),
    );
    expect(generateDialAlias()).toMatch(/^[0-9]{8}$/);
  });

  it('refuses lengths outside 6-15, naming the value', () => {
    expect(() => generateDialAlias({ length: 5 })).toThrow(/dial alias length must be an integer from 6 to 15, got 5/);
    expect(() => generateDialAlias({ length: 16 })).toThrow(/got 16/);
  });

  it('avoids excluded codes', () => {
    const exclude = Array.from({ length: 50 }, () => generateDialAlias({ length: 6 }));
    for (let i = 0; i < 100; i++) expect(exclude).not.toContain(generateDialAlias({ length: 6, exclude }));
  });
});

describe('pinPromptLength: one length at the PIN prompt (Infinity refuses host and guest PINs of different lengths)', () => {
  it('is the larger of the minimum PIN length and the passcode length, for every policy the schema allows', () => {
    for (let pin = 4; pin <= 20; pin++) {
      for (let passcode = 6; passcode <= 15; passcode++) {
        const length = pinPromptLength({ pinMinLength: pin, passcodeLength: passcode });
        expect(length).toBe(Math.max(pin, passcode));
        // Passcodes of that length can be drawn (up to Pexip's 20 PIN digits).
        const [one] = generateInviteePasscodes(['ana@example.com'], { length });
        expect(one?.passcode).toHaveLength(length);
      }
    }
  });

  it('refuses lengths Pexip does not allow', () => {
    expect(() => pinPromptLength({ pinMinLength: 21, passcodeLength: 8 })).toThrow(/minimum PIN length must be an integer from 4 to 20, got 21/);
    expect(() => pinPromptLength({ pinMinLength: 9, passcodeLength: 3 })).toThrow(/passcode length/);
  });
});
