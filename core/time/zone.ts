/**
 * Time-zone math with `Intl` only (no tz database of our own, no Temporal): a zone's UTC offset
 * at an instant, an instant's wall-clock time in a zone, and the reverse (wall time -> instant)
 * with calendar-style handling of DST gaps and overlaps.
 */
import type { EpochMs } from '../types';

/** A wall-clock date and time with no zone attached. month 1-12, day 1-31, hour 0-23. */
export interface WallTime {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second?: number;
}

const MINUTE_MS = 60_000;
const DAY_MS = 86_400_000;
/** Instants outside this range (years ~1000-9999) are refused: Intl's parts get eras/odd years there. */
const MIN_INSTANT = Date.UTC(1000, 0, 1);
const MAX_INSTANT = Date.UTC(9999, 11, 31);

/** One formatter per zone: constructing Intl.DateTimeFormat is the expensive part. */
const formatters = new Map<string, Intl.DateTimeFormat>();

function partsFormatter(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
      era: 'short',
    });
    formatters.set(timeZone, f);
  }
  return f;
}

/**
 * Explains why `timeZone` is not a usable IANA zone name, or returns null when it is one.
 * Accepts what this runtime's Intl accepts (canonical names, links such as "Asia/Calcutta", "UTC").
 */
export function timeZoneProblem(timeZone: unknown): string | null {
  if (typeof timeZone !== 'string' || timeZone.trim() === '') {
    return 'time zone must be a non-empty IANA name such as "Europe/Berlin"';
  }
  try {
    partsFormatter(timeZone);
    return null;
  } catch {
    return `unknown time zone "${timeZone}" (expected an IANA name such as "Europe/Berlin")`;
  }
}

/** True when `timeZone` is an IANA zone this runtime knows. */
export function isValidTimeZone(timeZone: unknown): boolean {
  return timeZoneProblem(timeZone) === null;
}

/** Throws a RangeError naming the zone when it is not valid; `what` names the field. */
export function assertTimeZone(timeZone: unknown, what = 'timeZone'): asserts timeZone is string {
  const problem = timeZoneProblem(timeZone);
  if (problem) throw new RangeError(`${what}: ${problem}`);
}

function assertInstant(instant: EpochMs, what: string): void {
  if (!Number.isFinite(instant)) throw new RangeError(`${what} must be a finite number of ms, got ${String(instant)}`);
  if (instant < MIN_INSTANT || instant > MAX_INSTANT) {
    throw new RangeError(`${what} is outside the supported years 1000-9999: ${instant}`);
  }
}

/** UTC ms for a wall time read as if it were UTC (years below 100 are not remapped to 19xx). */
export function wallTimeAsUtc(w: WallTime): number {
  const d = new Date(0);
  d.setUTCFullYear(w.year, w.month - 1, w.day);
  d.setUTCHours(w.hour, w.minute, w.second ?? 0, 0);
  return d.getTime();
}

/** The wall-clock time of `instant` in `timeZone` (seconds included, milliseconds dropped). */
export function toWallTime(instant: EpochMs, timeZone: string): WallTime {
  assertInstant(instant, 'instant');
  assertTimeZone(timeZone);
  const out: Record<string, number> = {};
  for (const p of partsFormatter(timeZone).formatToParts(instant)) {
    if (p.type !== 'literal' && p.type !== 'era') out[p.type] = Number(p.value);
  }
  return {
    year: out.year ?? NaN,
    month: out.month ?? NaN,
    day: out.day ?? NaN,
    hour: out.hour ?? NaN,
    minute: out.minute ?? NaN,
    second: out.second ?? 0,
  };
}

/**
 * The zone's offset from UTC at `instant`, in minutes east of UTC (Berlin in winter: 60,
 * New York in summer: -240). Sub-minute historical offsets are rounded to whole seconds/60.
 */
export function zoneOffsetMinutes(instant: EpochMs, timeZone: string): number {
  const floored = Math.floor(instant / 1000) * 1000;
  return (wallTimeAsUtc(toWallTime(floored, timeZone)) - floored) / MINUTE_MS;
}

/** What to do with a wall time that occurs twice (fall-back) or never (spring-forward). */
export interface WallTimeOptions {
  /** Repeated hour: 'earlier' (default, like calendars) or 'later' occurrence. */
  overlap?: 'earlier' | 'later';
}

/**
 * The UTC instant of a wall-clock time in `timeZone`.
 * - Nonexistent times (spring-forward gap) move forward by the gap's length, as calendars do:
 *   02:30 on Berlin's spring-forward day becomes 03:30 CEST (01:30Z).
 * - Ambiguous times (fall-back overlap) take the earlier instant unless `overlap: 'later'`.
 * Throws RangeError on an unknown zone or a wall time that is not a real calendar date/time.
 */
export function wallTimeToInstant(wall: WallTime, timeZone: string, opts: WallTimeOptions = {}): EpochMs {
  assertTimeZone(timeZone);
  assertWallTime(wall);
  const local = wallTimeAsUtc(wall);
  assertInstant(local, 'wall time');
  // Offsets a day either side bracket any single transition near this wall time.
  const before = zoneOffsetMinutes(local - DAY_MS, timeZone) * MINUTE_MS;
  const after = zoneOffsetMinutes(local + DAY_MS, timeZone) * MINUTE_MS;
  const candidates = [local - before, local - after].filter(
    (t, i, all) => all.indexOf(t) === i && zoneOffsetMinutes(t, timeZone) * MINUTE_MS === local - t,
  );
  candidates.sort((a, b) => a - b);
  if (candidates.length === 0) return local - before; // gap: keep the pre-transition offset = move forward
  return (opts.overlap === 'later' ? candidates[candidates.length - 1] : candidates[0]) as EpochMs;
}

/** Throws a RangeError when `wall` is not a real date and time (Feb 30, hour 24, fractions...). */
export function assertWallTime(wall: WallTime): void {
  const fields: Array<[keyof WallTime, number, number]> = [
    ['year', 1000, 9999],
    ['month', 1, 12],
    ['day', 1, 31],
    ['hour', 0, 23],
    ['minute', 0, 59],
    ['second', 0, 59],
  ];
  for (const [name, min, max] of fields) {
    const v = wall[name] ?? (name === 'second' ? 0 : undefined);
    if (typeof v !== 'number' || !Number.isInteger(v) || v < min || v > max) {
      throw new RangeError(`wall time ${name} must be an integer ${min}-${max}, got ${String(v)}`);
    }
  }
  if (wall.day > daysInMonth(wall.year, wall.month)) {
    throw new RangeError(`wall time day ${wall.day} does not exist in ${wall.year}-${String(wall.month).padStart(2, '0')}`);
  }
}

/** Days in a proleptic Gregorian month (month 1-12). */
export function daysInMonth(year: number, month: number): number {
  const d = new Date(0);
  d.setUTCFullYear(year, month, 0);
  return d.getUTCDate();
}
