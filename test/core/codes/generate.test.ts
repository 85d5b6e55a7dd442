import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  CodeSpaceExhaustedError,
  DIGITS,
  generateAccessCode,
  generatePin,
  generatePinPair,
  isWeakCode,
} from '../../../core/codes';

describe('generateAccessCode', () => {
  it('defaults to 8 digits', () => {
    expect(generateAccessCode()).toMatch(/^[0-9]{8}$/);
  });

  it('respects length and alphabet, never weak, never excluded', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 6, max: 15 }),
        fc.constantFrom(DIGITS, 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789', 'ab'),
        fc.array(fc.stringMatching(/^[0-9]{6,9}$/), { maxLength: 20 }),
        (length, alphabet, exclude) => {
          const code = generateAccessCode({ length, alphabet, exclude });
          expect(code).toHaveLength(length);
          expect([...code].every((c) => alphabet.includes(c))).toBe(true);
          expect(isWeakCode(code)).toBe(false);
          expect(exclude).not.toContain(code);
        },
      ),
      { numRuns: 200 },
    );
  });

  it.each([5, 16, 6.5, Number.NaN])('rejects length %s', (length) => {
    expect(() => generateAccessCode({ length })).toThrow(/access code length must be an integer from 6 to 15/);
  });

  it.each([
    ['0', /2-64 characters/],
    ['0123456789'.repeat(7), /2-64 characters/],
    ['0120', /repeated character "0" at index 3/],
    ['01 2', /index 2 .* not visible ASCII/],
    ['01é', /index 2 .* not visible ASCII/],
  ])('rejects alphabet %j', (alphabet, message) => {
    expect(() => generateAccessCode({ alphabet })).toThrow(message);
  });

  it('rejects a string passed as exclude (a common slip for [code])', () => {
    expect(() => generateAccessCode({ exclude: '12345678' })).toThrow(/not a single string/);
  });

  it('gives back-to-back meetings different codes', () => {
    const first = generateAccessCode({ length: 6 });
    const second = generateAccessCode({ length: 6, exclude: new Set([first]) });
    expect(second).not.toBe(first);
  });
});

describe('generatePin', () => {
  it('defaults to 6 digits and honours 4-20', () => {
    expect(generatePin()).toMatch(/^[0-9]{6}$/);
    expect(generatePin({ length: 4 })).toMatch(/^[0-9]{4}$/);
    expect(generatePin({ length: 20 })).toMatch(/^[0-9]{20}$/);
    expect(() => generatePin({ length: 3 })).toThrow(/PIN length must be an integer from 4 to 20, got 3/);
    expect(() => generatePin({ length: 21 })).toThrow(RangeError);
  });

  it('treats an excluded PIN with a trailing # as the same code', () => {
    // Exclude every 4-digit PIN but one, written with '#': the only answer is the free one.
    const free = '5830';
    const exclude = [];
    for (let n = 0; n < 10_000; n++) {
      const pin = String(n).padStart(4, '0');
      if (pin !== free) exclude.push(`${pin}#`);
    }
    expect(generatePin({ length: 4, exclude })).toBe(free);
  });

  it('fails fast with a clear error when the whole space is excluded', () => {
    const all = Array.from({ length: 10_000 }, (_, n) => String(n).padStart(4, '0'));
    expect(() => generatePin({ length: 4, exclude: all })).toThrow(CodeSpaceExhaustedError);
    expect(() => generatePin({ length: 4, exclude: all })).toThrow(/cannot fit: only 10000 codes exist and 10000 are excluded/);
  });

  it('says so clearly when only weak codes are left', () => {
    const strong = Array.from({ length: 10_000 }, (_, n) => String(n).padStart(4, '0')).filter((p) => !isWeakCode(p));
    expect(() => generatePin({ length: 4, exclude: strong })).toThrow(/no fresh, non-weak PIN of length 4 over 10 characters is left: every one of the 10000 codes is weak or excluded/);
  });

  it('finds the few codes left in a nearly full space', () => {
    const strong = Array.from({ length: 10_000 }, (_, n) => String(n).padStart(4, '0')).filter((p) => !isWeakCode(p));
    const left = new Set(strong.slice(0, 50));
    const pin = generatePin({ length: 4, exclude: strong.slice(50) });
    expect(left.has(pin)).toBe(true);
  });
});

describe('generatePinPair', () => {
  it('returns two different, non-weak PINs of the requested lengths, neither a prefix of the other', () => {
    fc.assert(
      fc.property(fc.integer({ min: 4, max: 20 }), fc.integer({ min: 4, max: 20 }), (hostLength, guestLength) => {
        const { hostPin, guestPin } = generatePinPair({ hostLength, guestLength });
        expect(hostPin).toHaveLength(hostLength);
        expect(guestPin).toHaveLength(guestLength);
        expect(hostPin).not.toBe(guestPin);
        expect(hostPin.startsWith(guestPin) || guestPin.startsWith(hostPin)).toBe(false);
        expect(isWeakCode(hostPin) || isWeakCode(guestPin)).toBe(false);
      }),
      { numRuns: 200 },
    );
  });

  it('uses the last two free PINs of a nearly full space for host and guest', () => {
    const strong = Array.from({ length: 10_000 }, (_, n) => String(n).padStart(4, '0')).filter((p) => !isWeakCode(p));
    const exclude = strong.slice(2); // exactly two strong 4-digit PINs are free
    const pair = generatePinPair({ hostLength: 4, guestLength: 4, exclude });
    expect(new Set([pair.hostPin, pair.guestPin])).toEqual(new Set(strong.slice(0, 2)));
  });

  it('defaults to 6 + 6 digits', () => {
    const { hostPin, guestPin } = generatePinPair();
    expect(hostPin).toMatch(/^[0-9]{6}$/);
    expect(guestPin).toMatch(/^[0-9]{6}$/);
  });
});
