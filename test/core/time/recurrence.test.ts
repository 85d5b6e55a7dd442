import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { nextOccurrence, occurrences, validateSeries } from '../../../core/time/recurrence';
import type { RecurringSeries } from '../../../core/time/recurrence';
import { toWallTime } from '../../../core/time/zone';

const iso = (t: number): string => new Date(t).toISOString();
const HOUR = 3_600_000;
const year2025 = { from: Date.UTC(2025, 0, 1), to: Date.UTC(2026, 0, 1) };

/** 09:00-10:00 Europe/Berlin on Monday 2025-01-06 (08:00Z), weekly. */
const berlinWeekly: RecurringSeries = {
  start: Date.UTC(2025, 0, 6, 8),
  end: Date.UTC(2025, 0, 6, 9),
  timeZone: 'Europe/Berlin',
  rule: { frequency: 'weekly' },
};

describe('occurrences across DST', () => {
  it('keeps 09:00 Berlin: 08:00Z in winter, 07:00Z in summer, back to 08:00Z after October', () => {
    const all = occurrences(berlinWeekly, year2025);
    expect(all).toHaveLength(52);
    const starts = all.map((o) => iso(o.start));
    expect(starts).toContain('2025-03-24T08:00:00.000Z');
    expect(starts).toContain('2025-03-31T07:00:00.000Z');
    expect(starts).toContain('2025-10-20T07:00:00.000Z');
    expect(starts).toContain('2025-10-27T08:00:00.000Z');
    for (const o of all) {
      expect(toWallTime(o.start, 'Europe/Berlin')).toMatchObject({ hour: 9, minute: 0 });
      expect(o.end - o.start).toBe(HOUR);
    }
  });
  it('keeps 09:00 New York across both of its changes (14:00Z winter, 13:00Z summer)', () => {
    const ny: RecurringSeries = { start: Date.UTC(2025, 2, 3, 14), end: Date.UTC(2025, 2, 3, 14, 30), timeZone: 'America/New_York', rule: { frequency: 'daily' } };
    const march = occurrences(ny, { from: Date.UTC(2025, 2, 7), to: Date.UTC(2025, 2, 11) }).map((o) => iso(o.start));
    expect(march).toEqual(['2025-03-07T14:00:00.000Z', '2025-03-08T14:00:00.000Z', '2025-03-09T13:00:00.000Z', '2025-03-10T13:00:00.000Z']);
    const nov = occurrences(ny, { from: Date.UTC(2025, 10, 1), to: Date.UTC(2025, 10, 4) }).map((o) => iso(o.start));
    expect(nov).toEqual(['2025-11-01T13:00:00.000Z', '2025-11-02T14:00:00.000Z', '2025-11-03T14:00:00.000Z']);
  });
  it('moves a 02:30 daily meeting forward on the spring-forward day and keeps 02:30 after', () => {
    const s: RecurringSeries = { start: Date.UTC(2025, 2, 28, 1, 30), end: Date.UTC(2025, 2, 28, 2), timeZone: 'Europe/Berlin', rule: { frequency: 'daily', count: 4 } };
    const walls = occurrences(s, year2025).map((o) => toWallTime(o.start, 'Europe/Berlin'));
    expect(walls.map((w) => `${w.day} ${w.hour}:${w.minute}`)).toEqual(['28 2:30', '29 2:30', '30 3:30', '31 2:30']);
  });
  it('takes the first 01:30 on the New York fall-back day', () => {
    const s: RecurringSeries = { start: Date.UTC(2025, 10, 1, 5, 30), end: Date.UTC(2025, 10, 1, 6), timeZone: 'America/New_York', rule: { frequency: 'daily', count: 2 } };
    expect(occurrences(s, year2025).map((o) => iso(o.start))).toEqual(['2025-11-01T05:30:00.000Z', '2025-11-02T05:30:00.000Z']);
  });
});

describe('occurrences rules', () => {
  it('weekly on Mon/Wed/Fri every 2 weeks, starting on a Wednesday, skips days before the first start', () => {
    const s: RecurringSeries = {
      start: Date.UTC(2025, 0, 8, 8), // Wed
      end: Date.UTC(2025, 0, 8, 9),
      timeZone: 'Europe/Berlin',
      rule: { frequency: 'weekly', interval: 2, daysOfWeek: ['FR', 'MO', 'WE'], count: 5 },
    };
    expect(occurrences(s, year2025).map((o) => iso(o.start).slice(0, 10))).toEqual(['2025-01-08', '2025-01-10', '2025-01-20', '2025-01-22', '2025-01-24']);
  });
  it('monthly on the 31st skips months without one', () => {
    const s: RecurringSeries = { start: Date.UTC(2025, 0, 31, 9), end: Date.UTC(2025, 0, 31, 10), timeZone: 'UTC', rule: { frequency: 'monthly', count: 4 } };
    expect(occurrences(s, year2025).map((o) => iso(o.start).slice(0, 10))).toEqual(['2025-01-31', '2025-03-31', '2025-05-31', '2025-07-31']);
  });
  it('until is inclusive of an occurrence starting exactly then', () => {
    const s = { ...berlinWeekly, rule: { frequency: 'weekly' as const, until: Date.UTC(2025, 0, 20, 8) } };
    expect(occurrences(s, year2025)).toHaveLength(3);
  });
  it('returns occurrences overlapping the range, including one in progress at range.from', () => {
    const got = occurrences(berlinWeekly, { from: Date.UTC(2025, 0, 13, 8, 30), to: Date.UTC(2025, 0, 20, 8) });
    expect(got.map((o) => iso(o.start))).toEqual(['2025-01-13T08:00:00.000Z']);
  });
  it('count counts from the first occurrence even when the range starts later', () => {
    const s = { ...berlinWeekly, rule: { frequency: 'weekly' as const, count: 3 } };
    expect(occurrences(s, { from: Date.UTC(2025, 0, 15), to: Date.UTC(2026, 0, 1) })).toHaveLength(1);
  });
  it('bounds the output and jumps ahead quickly for far ranges', () => {
    const daily: RecurringSeries = { start: Date.UTC(2000, 0, 1, 9), end: Date.UTC(2000, 0, 1, 10), timeZone: 'Europe/Berlin', rule: { frequency: 'daily' } };
    expect(occurrences(daily, { from: 0, to: Date.UTC(2100, 0, 1) })).toHaveLength(1000);
    expect(occurrences(daily, { from: 0, to: Date.UTC(2100, 0, 1) }, { limit: 3 })).toHaveLength(3);
    const t0 = Date.now();
    const far = occurrences(daily, { from: Date.UTC(2090, 5, 1), to: Date.UTC(2090, 5, 3) });
    expect(far.map((o) => iso(o.start))).toEqual(['2090-06-01T08:00:00.000Z', '2090-06-02T08:00:00.000Z']);
    expect(Date.now() - t0).toBeLessThan(200);
  });
  it('nextOccurrence gives the running or next occurrence, null after the series', () => {
    const s = { ...berlinWeekly, rule: { frequency: 'weekly' as const, count: 2 } };
    expect(nextOccurrence(s, Date.UTC(2025, 0, 6, 8, 30))?.start).toBe(Date.UTC(2025, 0, 6, 8));
    expect(nextOccurrence(s, Date.UTC(2025, 0, 7))?.start).toBe(Date.UTC(2025, 0, 13, 8));
    expect(nextOccurrence(s, Date.UTC(2025, 1, 1))).toBeNull();
  });
});

describe('occurrences property', () => {
  it('jumping ahead to a late range gives the same occurrences as walking from the first one', () => {
    const series = fc.record({
      start: fc.integer({ min: Date.UTC(2024, 0, 1), max: Date.UTC(2025, 11, 31) }).map((t) => Math.floor(t / 60_000) * 60_000),
      minutes: fc.integer({ min: 15, max: 600 }),
      timeZone: fc.constantFrom('Europe/Berlin', 'America/New_York', 'Australia/Lord_Howe', 'UTC'),
      frequency: fc.constantFrom<'daily' | 'weekly' | 'monthly'>('daily', 'weekly', 'monthly'),
      interval: fc.integer({ min: 1, max: 3 }),
      days: fc.subarray(['MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU'] as const, { minLength: 1 }),
      fromDays: fc.integer({ min: 0, max: 700 }),
      spanDays: fc.integer({ min: 1, max: 60 }),
    });
    fc.assert(
      fc.property(series, (p) => {
        const s: RecurringSeries = {
          start: p.start,
          end: p.start + p.minutes * 60_000,
          timeZone: p.timeZone,
          rule: { frequency: p.frequency, interval: p.interval, ...(p.frequency === 'weekly' ? { daysOfWeek: p.days } : {}) },
        };
        const range = { from: p.start + p.fromDays * 86_400_000, to: p.start + (p.fromDays + p.spanDays) * 86_400_000 };
        const walked = occurrences(s, { from: p.start - 1, to: range.to }, { limit: 10_000 }).filter((o) => o.end > range.from);
        expect(occurrences(s, range)).toEqual(walked);
      }),
      { numRuns: 60 },
    );
  });
});

describe('series validation', () => {
  it('lists every problem with its path', () => {
    const bad = {
      start: 10,
      end: 5,
      timeZone: 'Europe/Nowhere',
      rule: { frequency: 'yearly', interval: 0, daysOfWeek: ['XX'], until: 1, count: 2 },
    } as unknown as RecurringSeries;
    const r = validateSeries(bad);
    expect(r.ok).toBe(false);
    const paths = r.ok ? [] : r.errors.map((e) => e.path);
    expect(paths).toEqual(expect.arrayContaining(['end', 'timeZone', 'rule.frequency', 'rule.interval', 'rule.daysOfWeek', 'rule']));
    expect(() => occurrences(bad, year2025)).toThrow(/invalid recurring series: .*timeZone unknown time zone "Europe\/Nowhere"/);
  });
  it('rejects a bad range and limit', () => {
    expect(() => occurrences(berlinWeekly, { from: 5, to: 5 })).toThrow(/range\.to must be after range\.from/);
    expect(() => occurrences(berlinWeekly, year2025, { limit: 0 })).toThrow(/limit/);
    expect(validateSeries(berlinWeekly)).toEqual({ ok: true, value: berlinWeekly });
  });
});

describe('COUNT by local dates', () => {
  it('property: a COUNT series is the first COUNT occurrences of the unbounded one, and ranges deep into it agree', () => {
    fc.assert(
      fc.property(
        fc.constantFrom('Europe/Berlin', 'America/New_York', 'Australia/Lord_Howe', 'UTC'),
        fc.constantFrom<'daily' | 'weekly' | 'monthly'>('daily', 'weekly', 'monthly'),
        fc.integer({ min: 1, max: 3 }),
        fc.integer({ min: 1, max: 60 }),
        fc.integer({ min: 0, max: 31 }),
        (timeZone, frequency, interval, count, startDay) => {
          const start = Date.UTC(2025, 0, 1, 1, 30) + startDay * 86_400_000;
          const base: RecurringSeries = { start, end: start + HOUR, timeZone, rule: { frequency, interval } };
          const all = occurrences(base, { from: start, to: start + 60 * 366 * 86_400_000 }, { limit: count });
          expect(all).toHaveLength(count);
          const counted = occurrences({ ...base, rule: { frequency, interval, count } }, { from: start, to: start + 60 * 366 * 86_400_000 });
          expect(counted).toEqual(all);
          const last = all[all.length - 1]!;
          expect(occurrences({ ...base, rule: { frequency, interval, count } }, { from: last.start, to: last.end + 400 * 86_400_000 })).toEqual([last]);
        },
      ),
      { numRuns: 150 },
    );
  });
});
