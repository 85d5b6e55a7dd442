import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  assertTimeZone,
  isValidTimeZone,
  timeZoneProblem,
  toWallTime,
  wallTimeToInstant,
  zoneOffsetMinutes,
} from '../../../core/time/zone';

const iso = (t: number): string => new Date(t).toISOString();

describe('zoneOffsetMinutes', () => {
  it('gives Berlin +60 in winter and +120 in summer', () => {
    expect(zoneOffsetMinutes(Date.UTC(2025, 0, 15), 'Europe/Berlin')).toBe(60);
    expect(zoneOffsetMinutes(Date.UTC(2025, 6, 15), 'Europe/Berlin')).toBe(120);
  });
  it('gives New York -300 in winter and -240 in summer, and handles half-hour zones', () => {
    expect(zoneOffsetMinutes(Date.UTC(2025, 0, 15), 'America/New_York')).toBe(-300);
    expect(zoneOffsetMinutes(Date.UTC(2025, 6, 15), 'America/New_York')).toBe(-240);
    expect(zoneOffsetMinutes(Date.UTC(2025, 0, 15), 'Asia/Kolkata')).toBe(330);
    expect(zoneOffsetMinutes(Date.UTC(2025, 0, 15), 'Asia/Kathmandu')).toBe(345);
  });
  it('switches exactly at the transition instant (Berlin 2025-03-30 01:00Z)', () => {
    expect(zoneOffsetMinutes(Date.UTC(2025, 2, 30, 0, 59, 59), 'Europe/Berlin')).toBe(60);
    expect(zoneOffsetMinutes(Date.UTC(2025, 2, 30, 1, 0, 0), 'Europe/Berlin')).toBe(120);
  });
});

describe('toWallTime', () => {
  it('reads the local date and time, crossing midnight', () => {
    expect(toWallTime(Date.UTC(2025, 0, 1, 23, 30), 'Europe/Berlin')).toEqual({ year: 2025, month: 1, day: 2, hour: 0, minute: 30, second: 0 });
    expect(toWallTime(Date.UTC(2025, 0, 1, 3, 0), 'America/New_York')).toEqual({ year: 2024, month: 12, day: 31, hour: 22, minute: 0, second: 0 });
  });
  it('rejects non-finite instants and unknown zones with clear errors', () => {
    expect(() => toWallTime(NaN, 'UTC')).toThrow(/finite/);
    expect(() => toWallTime(0, 'Mars/Olympus')).toThrow(/unknown time zone "Mars\/Olympus"/);
  });
});

describe('wallTimeToInstant', () => {
  it('converts ordinary wall times in winter and summer', () => {
    expect(iso(wallTimeToInstant({ year: 2025, month: 1, day: 13, hour: 9, minute: 0 }, 'Europe/Berlin'))).toBe('2025-01-13T08:00:00.000Z');
    expect(iso(wallTimeToInstant({ year: 2025, month: 7, day: 14, hour: 9, minute: 0 }, 'Europe/Berlin'))).toBe('2025-07-14T07:00:00.000Z');
  });
  it('moves a spring-forward gap time forward (Berlin 02:30 -> 03:30 CEST)', () => {
    expect(iso(wallTimeToInstant({ year: 2025, month: 3, day: 30, hour: 2, minute: 30 }, 'Europe/Berlin'))).toBe('2025-03-30T01:30:00.000Z');
  });
  it('moves a spring-forward gap time forward (New York 02:30 -> 03:30 EDT)', () => {
    const t = wallTimeToInstant({ year: 2025, month: 3, day: 9, hour: 2, minute: 30 }, 'America/New_York');
    expect(iso(t)).toBe('2025-03-09T07:30:00.000Z');
    expect(toWallTime(t, 'America/New_York')).toMatchObject({ hour: 3, minute: 30 });
  });
  it('takes the earlier instant of a fall-back overlap by default, the later on request', () => {
    const wall = { year: 2025, month: 11, day: 2, hour: 1, minute: 30 };
    expect(iso(wallTimeToInstant(wall, 'America/New_York'))).toBe('2025-11-02T05:30:00.000Z');
    expect(iso(wallTimeToInstant(wall, 'America/New_York', { overlap: 'later' }))).toBe('2025-11-02T06:30:00.000Z');
    const berlin = { year: 2025, month: 10, day: 26, hour: 2, minute: 30 };
    expect(iso(wallTimeToInstant(berlin, 'Europe/Berlin'))).toBe('2025-10-26T00:30:00.000Z');
    expect(iso(wallTimeToInstant(berlin, 'Europe/Berlin', { overlap: 'later' }))).toBe('2025-10-26T01:30:00.000Z');
  });
  it('round-trips any instant: wall -> instant gives the same wall time, at or before it (overlaps)', () => {
    const zones = fc.constantFrom('Europe/Berlin', 'America/New_York', 'Australia/Lord_Howe', 'Asia/Kolkata', 'America/Sao_Paulo', 'UTC');
    const instant = fc.integer({ min: Date.UTC(1990, 0, 1), max: Date.UTC(2040, 0, 1) }).map((t) => Math.floor(t / 1000) * 1000);
    fc.assert(
      fc.property(instant, zones, (t, zone) => {
        const wall = toWallTime(t, zone);
        const back = wallTimeToInstant(wall, zone);
        expect(toWallTime(back, zone)).toEqual(wall);
        expect(t - back).toBeGreaterThanOrEqual(0);
        expect(t - back).toBeLessThanOrEqual(3_600_000);
        expect(wallTimeToInstant(wall, zone, { overlap: 'later' })).toBeGreaterThanOrEqual(t);
      }),
      { numRuns: 300 },
    );
  });
  it('rejects impossible wall times', () => {
    expect(() => wallTimeToInstant({ year: 2025, month: 2, day: 30, hour: 9, minute: 0 }, 'UTC')).toThrow(/day 30 does not exist in 2025-02/);
    expect(() => wallTimeToInstant({ year: 2025, month: 1, day: 1, hour: 24, minute: 0 }, 'UTC')).toThrow(/hour must be an integer 0-23/);
    expect(() => wallTimeToInstant({ year: 2025, month: 1, day: 1, hour: 1.5, minute: 0 }, 'UTC')).toThrow(/hour/);
  });
});

describe('time zone validation', () => {
  it('accepts IANA names and rejects garbage with a message naming the value', () => {
    expect(isValidTimeZone('Europe/Berlin')).toBe(true);
    expect(isValidTimeZone('UTC')).toBe(true);
    expect(isValidTimeZone('')).toBe(false);
    expect(isValidTimeZone(42)).toBe(false);
    expect(timeZoneProblem('Europe/Berlinn')).toMatch(/unknown time zone "Europe\/Berlinn"/);
    expect(() => assertTimeZone('nope', 'series.timeZone')).toThrow(/^series\.timeZone: unknown time zone "nope"/);
  });
});
