import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { guessProbability, maxGuesses } from '../../../core/codes';

/** C(n, k) as an exact BigInt. */
function choose(n: number, k: number): bigint {
  if (k < 0 || k > n) return 0n;
  let r = 1n;
  for (let i = 0; i < k; i++) r = (r * BigInt(n - i)) / BigInt(i + 1);
  return r;
}

/** Brute force: enumerate every set of G guesses out of N and count those hitting one of k codes. */
function bruteForce(n: number, k: number, g: number): number {
  let hits = 0;
  let total = 0;
  const walk = (start: number, left: number, hit: boolean): void => {
    if (left === 0) {
      total++;
      if (hit) hits++;
      return;
    }
    for (let c = start; c < n; c++) walk(c + 1, left - 1, hit || c < k); // codes 0..k-1 are valid
  };
  walk(0, g, false);
  return hits / total;
}

describe('guessProbability', () => {
  it('matches brute-force enumeration on a small space exactly', () => {
    // 2-character alphabet, length 4: N = 16; 3 valid codes; limit 2 per 10 min over 25 min -> G = 6.
    const p = guessProbability({ length: 4, alphabetSize: 2, validCodes: 3, roomFailureLimit: 2, exposureMinutes: 25 });
    expect(maxGuesses(25, 10, 2)).toBe(6);
    expect(p).toBeCloseTo(bruteForce(16, 3, 6), 12);
    expect(p).toBeCloseTo(1 - Number(choose(13, 6)) / Number(choose(16, 6)), 12);
  });

  it('matches the exact combinatorial formula for medium spaces', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 5 }), fc.integer({ min: 1, max: 40 }), fc.integer({ min: 0, max: 300 }), (length, k, exposure) => {
        const n = 4 ** length;
        fc.pre(k <= n);
        const g = maxGuesses(exposure, 10, 3);
        const exact = g > n - k ? 1 : 1 - Number((choose(n - k, g) * 10n ** 15n) / choose(n, g)) / 1e15;
        const p = guessProbability({ length, alphabetSize: 4, validCodes: k, roomFailureLimit: 3, exposureMinutes: exposure });
        expect(Math.abs(p - exact)).toBeLessThan(1e-12);
      }),
    );
  });

  it('gives the textbook number for a 4-digit PIN in one window: 20/10,000', () => {
    expect(guessProbability({ length: 4, exposureMinutes: 10 })).toBeCloseTo(0.002, 15);
    expect(guessProbability({ length: 4, exposureMinutes: 10.5 })).toBeCloseTo(0.004, 15);
  });

  it('stays accurate for tiny probabilities (no 1 - (1 - tiny) cancellation)', () => {
    const p = guessProbability({ length: 15, exposureMinutes: 10 });
    expect(p / 2e-14).toBeCloseTo(1, 10);
  });

  it('is 0 with no exposure and 1 when every wrong code can be tried', () => {
    expect(guessProbability({ length: 8, exposureMinutes: 0 })).toBe(0);
    expect(guessProbability({ length: 2, alphabetSize: 2, exposureMinutes: 10 })).toBe(1);
  });

  it('is monotone: shorter codes, longer exposure and more valid codes raise the risk', () => {
    fc.assert(
      fc.property(fc.integer({ min: 4, max: 12 }), fc.integer({ min: 0, max: 100_000 }), fc.integer({ min: 1, max: 9_000 }), (length, exposure, k) => {
        const p = (over: Partial<Parameters<typeof guessProbability>[0]>): number =>
          guessProbability({ length, exposureMinutes: exposure, validCodes: k, ...over });
        const base = p({});
        expect(base).toBeGreaterThanOrEqual(0);
        expect(base).toBeLessThanOrEqual(1);
        expect(p({ length: length + 1 })).toBeLessThanOrEqual(base);
        expect(p({ exposureMinutes: exposure + 10 })).toBeGreaterThanOrEqual(base);
        expect(p({ validCodes: k + 1 })).toBeGreaterThanOrEqual(base);
        expect(p({ roomFailureLimit: 40 })).toBeGreaterThanOrEqual(base);
      }),
    );
  });

  it('shrinks the space by excludedCodes', () => {
    expect(guessProbability({ length: 4, exposureMinutes: 10, excludedCodes: 5000 })).toBeCloseTo(20 / 5000, 15);
  });

  it.each([
    [{ length: 0, exposureMinutes: 10 }, /length must be an integer from 1 to 256, got 0/],
    [{ length: 6, exposureMinutes: -1 }, /exposureMinutes must be a finite number >= 0, got -1/],
    [{ length: 6, exposureMinutes: Number.POSITIVE_INFINITY }, /exposureMinutes/],
    [{ length: 6, exposureMinutes: 10, alphabetSize: 1 }, /alphabetSize must be an integer from 2 to 1024/],
    [{ length: 6, exposureMinutes: 10, validCodes: 0 }, /validCodes must be an integer from 1/],
    [{ length: 2, exposureMinutes: 10, validCodes: 101 }, /validCodes .* \(100\), got 101/],
    [{ length: 6, exposureMinutes: 10, roomFailureLimit: 2.5 }, /roomFailureLimit must be a positive integer/],
    [{ length: 6, exposureMinutes: 10, roomWindowMinutes: 0 }, /roomWindowMinutes must be a positive number/],
    [{ length: 256, alphabetSize: 1024, exposureMinutes: 10 }, /too large to evaluate/],
  ])('rejects %j', (input, message) => {
    expect(() => guessProbability(input)).toThrow(RangeError);
    expect(() => guessProbability(input)).toThrow(message);
  });
});
