import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { activationWindow, isCodeActive } from '../../../core/time/activation';
import { occurrences } from '../../../core/time/recurrence';
import type { RecurringSeries } from '../../../core/time/recurrence';
import { lastOccurrence, seriesWindowActiveAt, seriesWindowAt } from '../../../core/time/seriesWindow';

const MIN = 60_000;
const DAY = 86_400_000;
const iso = (t: number): string => new Date(t).toISOString();

/** 09:00-10:00 Europe/Berlin, weekly from Monday 2025-03-24 (08:00Z; 07:00Z from 30 March). */
const weekly: RecurringSeries = {
  start: Date.UTC(2025, 2, 24, 8),
  end: Date.UTC(2025, 2, 24, 9),
  timeZone: 'Europe/Berlin',
  rule: { frequency: 'weekly' },
};
const pads = { leadMinutes: 15, graceMinutes: 10 };

describe('seriesWindowActiveAt', () => {
  it('opens the second occurrence 15 minutes before its start, across the DST change (07:00Z, not 08:00Z)', () => {
    const secondStart = Date.UTC(2025, 2, 31, 7);
    expect(seriesWindowActiveAt(weekly, secondStart - 15 * MIN - 1, pads)).toBeNull();
    expect(seriesWindowActiveAt(weekly, secondStart - 15 * MIN, pads)).toEqual({ opensAt: secondStart - 15 * MIN, closesAt: secondStart + 70 * MIN });
    // 08:00Z would be the first occurrence's UTC time: on 31 March it is 10:00 local, past the end.
    expect(seriesWindowActiveAt(weekly, secondStart + 70 * MIN - 1, pads)?.opensAt).toBe(secondStart - 15 * MIN);
    expect(seriesWindowActiveAt(weekly, secondStart + 70 * MIN, pads)).toBeNull();
  });
  it('is closed between occurrences and before the first, and after a COUNT-limited series ended', () => {
    expect(seriesWindowActiveAt(weekly, Date.UTC(2025, 2, 27, 8), pads)).toBeNull();
    expect(seriesWindowActiveAt(weekly, weekly.start - 16 * MIN, pads)).toBeNull();
    const two = { ...weekly, rule: { frequency: 'weekly' as const, count: 2 } };
    expect(seriesWindowActiveAt(two, Date.UTC(2025, 2, 31, 7), pads)).not.toBeNull();
    expect(seriesWindowActiveAt(two, Date.UTC(2025, 3, 7, 7), pads)).toBeNull();
  });
  it('fails closed on a non-finite now and throws on an invalid series', () => {
    expect(seriesWindowActiveAt(weekly, Number.NaN, pads)).toBeNull();
    expect(() => seriesWindowActiveAt({ ...weekly, timeZone: 'Mars/Base' }, weekly.start, pads)).toThrow(RangeError);
  });
  it('property: active exactly when now is inside some occurrence window (daily and weekly, DST zones)', () => {
    fc.assert(
      fc.property(
        fc.constantFrom('Europe/Berlin', 'America/New_York', 'Australia/Sydney', 'UTC'),
        fc.constantFrom<'daily' | 'weekly'>('daily', 'weekly'),
        fc.integer({ min: 0, max: 400 * 24 * 60 }),
        fc.integer({ min: 0, max: 120 }),
        fc.integer({ min: 0, max: 60 }),
        (timeZone, frequency, offsetMinutes, lead, grace) => {
          const series: RecurringSeries = { start: Date.UTC(2025, 0, 6, 8), end: Date.UTC(2025, 0, 6, 9), timeZone, rule: { frequency } };
          const now = series.start - DAY + offsetMinutes * MIN;
          const all = occurrences(series, { from: now - 2 * DAY, to: now + 2 * DAY });
          const expected = all.some((o) => isCodeActive(activationWindow(o, { leadMinutes: lead, graceMinutes: grace }), now));
          const got = seriesWindowActiveAt(series, now, { leadMinutes: lead, graceMinutes: grace });
          expect(got !== null).toBe(expected);
          if (got) expect(isCodeActive(got, now)).toBe(true);
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe('seriesWindowAt', () => {
  it('gives the open window, else the next one to open, else null after the last occurrence', () => {
    const between = Date.UTC(2025, 2, 26, 12);
    expect(iso(seriesWindowAt(weekly, between, pads)!.opensAt)).toBe('2025-03-31T06:45:00.000Z');
    expect(iso(seriesWindowAt(weekly, Date.UTC(2025, 2, 24, 9, 5), pads)!.opensAt)).toBe('2025-03-24T07:45:00.000Z');
    const until = { ...weekly, rule: { frequency: 'weekly' as const, until: Date.UTC(2025, 2, 31, 7) } };
    expect(seriesWindowAt(until, Date.UTC(2025, 3, 1), pads)).toBeNull();
  });
});

describe('lastOccurrence', () => {
  it('is null for an unbounded series, the COUNT-th or last-before-UNTIL occurrence otherwise', () => {
    expect(lastOccurrence(weekly)).toBeNull();
    expect(iso(lastOccurrence({ ...weekly, rule: { frequency: 'weekly', count: 3 } })!.start)).toBe('2025-04-07T07:00:00.000Z');
    expect(iso(lastOccurrence({ ...weekly, rule: { frequency: 'weekly', until: Date.UTC(2025, 3, 20) } })!.start)).toBe('2025-04-14T07:00:00.000Z');
  });
  it('pages through series longer than one call returns (12,000 dailies)', () => {
    const daily: RecurringSeries = { ...weekly, timeZone: 'UTC', rule: { frequency: 'daily', until: weekly.start + 11_999 * DAY } };
    expect(lastOccurrence(daily)!.start).toBe(weekly.start + 11_999 * DAY);
  });
  it('throws on an invalid series', () => {
    expect(() => lastOccurrence({ ...weekly, rule: { frequency: 'weekly', interval: 0 } })).toThrow(RangeError);
  });
});

describe('sub-second starts', () => {
  it('keeps the first start\'s milliseconds in every occurrence, the window and the last occurrence', () => {
    const s: RecurringSeries = { start: Date.UTC(2025, 2, 24, 8, 0, 5, 637), end: Date.UTC(2025, 2, 24, 9, 0, 5, 637), timeZone: 'Europe/Berlin', rule: { frequency: 'daily', count: 10 } };
    const all = occurrences(s, { from: s.start, to: s.start + 20 * DAY });
    expect(all).toHaveLength(10);
    expect(all[0]).toEqual({ start: s.start, end: s.end });
    expect(all.every((o) => o.start % 1000 === 637)).toBe(true);
    expect(lastOccurrence(s)).toEqual(all[9]);
    expect(seriesWindowActiveAt(s, all[3]!.start - 15 * MIN, pads)?.opensAt).toBe(all[3]!.start - 15 * MIN);
    expect(seriesWindowActiveAt(s, all[3]!.start - 15 * MIN - 1, pads)).toBeNull();
  });
});
