import { createHash } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Opening } from '../../../core/infinity';
import { AliasIndex, indexKey } from '../../../service/view/aliasIndex';

const HASHES = Array.from({ length: 3001 }, (_, n) => `h1.${createHash('sha256').update(String(n)).digest('base64url')}`);
const hashOf = (n: number): string => HASHES[n]!;
const SEC = 1000;
const T = Date.UTC(2030, 0, 7, 9);
const single = (from: number, until: number): Opening => ({ from, until, series: null });

describe('AliasIndex', () => {
  it('holds exactly what a Map would under any sequence of sets and deletes (through growth and backward-shift deletes)', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.boolean(), fc.integer({ min: 0, max: 3000 })), { maxLength: 4000 }), (ops) => {
        const index = new AliasIndex();
        const reference = new Set<number>();
        for (const [add, n] of ops) {
          if (add) {
            index.set(hashOf(n), single(T, T + 60 * SEC), T);
            reference.add(n);
          } else {
            index.delete(hashOf(n));
            reference.delete(n);
          }
        }
        expect(index.size).toBe(reference.size);
        const wrong = HASHES.filter((h, n) => index.mayOpen(h, T) !== reference.has(n));
        expect(wrong).toEqual([]);
      }),
      { numRuns: 20 },
    );
  });

  it('says closed outside the window to the second, and may-open inside it', () => {
    const index = new AliasIndex();
    const h = hashOf(1);
    index.set(h, single(T - 15 * 60 * SEC, T + 65 * 60 * SEC), T);
    expect([T - 15 * 60 * SEC - SEC, T - 15 * 60 * SEC, T + 65 * 60 * SEC - SEC, T + 65 * 60 * SEC].map((t) => index.mayOpen(h, t))).toEqual([false, true, true, false]);
    // Sub-second edges are widened outward (the sealed room decides those), never narrowed.
    index.set(h, single(T + 400, T + 1400), T);
    expect([T - 1, T, T + 1999, T + 2000].map((t) => index.mayOpen(h, t))).toEqual([false, true, true, false]);
    index.set(h, null, T);
    expect(index.mayOpen(h, T + 500)).toBe(false);
  });

  it('moves a series on to its next occurrence without a write, and back when the clock goes back', () => {
    const index = new AliasIndex();
    const h = hashOf(2);
    const meeting = { start: T, end: T + 3600 * SEC };
    index.set(h, { from: T - 900 * SEC, until: T + 2 * 86_400 * SEC + 3600 * SEC, series: { meeting, timeZone: 'UTC', rule: { frequency: 'daily', count: 3 }, leadMinutes: 15, graceMinutes: 0 } }, T);
    const day = 86_400 * SEC;
    expect([T - 901 * SEC, T, T + 3600 * SEC, T + day - 900 * SEC, T + 2 * day + 3599 * SEC, T + 2 * day + 3600 * SEC].map((t) => index.mayOpen(h, t))).toEqual([false, true, false, true, true, false]);
    expect(index.mayOpen(h, T + 10 * SEC)).toBe(true);
  });

  it('takes 90 bits of a keyed hash and refuses anything else', () => {
    expect(indexKey(hashOf(3))).toHaveLength(3);
    expect(() => indexKey('plain-alias')).toThrow(/keyed alias hash/);
  });
});
