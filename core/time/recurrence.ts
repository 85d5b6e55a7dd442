/**
 * Occurrences of a recurring meeting. Occurrences keep the series' LOCAL wall-clock start time
 * in its IANA zone, so a 09:00 Europe/Berlin weekly meeting is 08:00Z in winter and 07:00Z in
 * summer, like Outlook and RFC 5545 calendars. The subset of RFC 5545 supported is what Outlook
 * series need for activation windows: DAILY, WEEKLY (with days of the week, weeks start Monday),
 * MONTHLY on the first start's day of month, INTERVAL, UNTIL or COUNT.
 */
import type { EpochMs, Issue, MeetingTime, Result } from '../types';
import { daysInMonth, timeZoneProblem, toWallTime, wallTimeAsUtc, wallTimeToInstant } from './zone';
import type { WallTime } from './zone';

/** Days of the week, RFC 5545 spelling. */
export const WEEKDAYS = ['MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU'] as const;
/** A day of the week: 'MO' ... 'SU'. */
export type Weekday = (typeof WEEKDAYS)[number];

/** How a series repeats. Give at most one of `until` and `count`; neither means forever. */
export interface RecurrenceRule {
  frequency: 'daily' | 'weekly' | 'monthly';
  /** Every n-th day/week/month, 1-999. Default 1. */
  interval?: number;
  /** Weekly only: days the meeting happens on. Default: the weekday of the first start. */
  daysOfWeek?: readonly Weekday[];
  /** UTC ms: last instant an occurrence may START at (inclusive, as RFC 5545 UNTIL). */
  until?: EpochMs;
  /** Total number of occurrences counted from the first one, 1-10000. */
  count?: number;
}

/** A recurring meeting: the first occurrence in UTC, its IANA zone and the rule. */
export interface RecurringSeries {
  start: EpochMs;
  end: EpochMs;
  timeZone: string;
  rule: RecurrenceRule;
}

/** A half-open UTC range [from, to). */
export interface TimeRange {
  from: EpochMs;
  to: EpochMs;
}

/** Options for {@link occurrences}. */
export interface OccurrenceOptions {
  /** Most occurrences returned (1-10000). Default 1000: output is always bounded. */
  limit?: number;
}

/** Occurrences returned when no limit is given. */
export const DEFAULT_OCCURRENCE_LIMIT = 1000;
/** Largest `limit` accepted: output is always bounded. */
export const MAX_OCCURRENCE_LIMIT = 10_000;
/** Largest `rule.count` accepted. */
export const MAX_RECURRENCE_COUNT = 10_000;
/** Largest `rule.interval` accepted. */
export const MAX_RECURRENCE_INTERVAL = 999;

const DAY_MS = 86_400_000;
const isFiniteNumber = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);

/** Every problem with a series (empty when valid), with paths such as `rule.interval`. */
export function seriesIssues(series: RecurringSeries): Issue[] {
  const issues: Issue[] = [];
  const add = (path: string, message: string): void => void issues.push({ path, message });
  if (series === null || typeof series !== 'object') return [{ path: '', message: 'series must be an object' }];
  if (!isFiniteNumber(series.start)) add('start', 'must be a finite number of UTC ms');
  if (!isFiniteNumber(series.end)) add('end', 'must be a finite number of UTC ms');
  else if (isFiniteNumber(series.start) && series.end <= series.start) add('end', 'must be after start');
  const zone = timeZoneProblem(series.timeZone);
  if (zone) add('timeZone', zone);
  const rule = series.rule;
  if (rule === null || typeof rule !== 'object') {
    add('rule', 'must be an object');
    return issues;
  }
  if (!['daily', 'weekly', 'monthly'].includes(rule.frequency)) add('rule.frequency', 'must be "daily", "weekly" or "monthly"');
  const interval = rule.interval ?? 1;
  if (!Number.isInteger(interval) || interval < 1 || interval > MAX_RECURRENCE_INTERVAL) {
    add('rule.interval', `must be a whole number 1-${MAX_RECURRENCE_INTERVAL}`);
  }
  if (rule.daysOfWeek !== undefined) {
    if (rule.frequency !== 'weekly') add('rule.daysOfWeek', 'only allowed with frequency "weekly"');
    else if (!Array.isArray(rule.daysOfWeek) || rule.daysOfWeek.length === 0) add('rule.daysOfWeek', 'must list at least one day');
    else {
      rule.daysOfWeek.forEach((d, i) => {
        if (!WEEKDAYS.includes(d)) add(`rule.daysOfWeek[${i}]`, `must be one of ${WEEKDAYS.join(', ')}`);
      });
    }
  }
  if (rule.until !== undefined && rule.count !== undefined) add('rule', 'give either until or count, not both');
  if (rule.until !== undefined) {
    if (!isFiniteNumber(rule.until)) add('rule.until', 'must be a finite number of UTC ms');
    else if (isFiniteNumber(series.start) && rule.until < series.start) add('rule.until', 'must not be before start');
  }
  if (rule.count !== undefined && (!Number.isInteger(rule.count) || rule.count < 1 || rule.count > MAX_RECURRENCE_COUNT)) {
    add('rule.count', `must be a whole number 1-${MAX_RECURRENCE_COUNT}`);
  }
  return issues;
}

/** The RangeError naming every problem of a series. */
const seriesError = (issues: Issue[]): RangeError => new RangeError(`invalid recurring series: ${issues.map((i) => `${i.path || 'series'} ${i.message}`).join('; ')}`);

/** Throws RangeError naming every problem when `series` is invalid. */
export function assertSeries(series: RecurringSeries): void {
  const issues = seriesIssues(series);
  if (issues.length > 0) throw seriesError(issues);
}

/** Validates untrusted series data; the value is the same object when valid. */
export function validateSeries(series: RecurringSeries): Result<RecurringSeries> {
  const errors = seriesIssues(series);
  return errors.length === 0 ? { ok: true, value: series } : { ok: false, errors };
}

/** Calendar day number (days since 1970-01-01) of a wall date. */
const dayNumber = (w: Pick<WallTime, 'year' | 'month' | 'day'>): number =>
  Math.round(wallTimeAsUtc({ year: w.year, month: w.month, day: w.day, hour: 0, minute: 0 }) / DAY_MS);

/** Monday = 0 ... Sunday = 6 (1970-01-01 was a Thursday). */
const weekdayIndex = (day: number): number => (((day + 3) % 7) + 7) % 7;

function dateOfDay(day: number): Pick<WallTime, 'year' | 'month' | 'day'> {
  const d = new Date(day * DAY_MS);
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
}

/**
 * Local dates of the series in order, starting at period `firstPeriod` (a period is one
 * day/week/month step of `interval`). Lazy, so callers stop whenever they like.
 */
function* localDates(first: WallTime, rule: RecurrenceRule, firstPeriod: number): Generator<Pick<WallTime, 'year' | 'month' | 'day'>> {
  const interval = rule.interval ?? 1;
  const day0 = dayNumber(first);
  if (rule.frequency === 'daily') {
    for (let k = firstPeriod; ; k++) yield dateOfDay(day0 + k * interval);
  } else if (rule.frequency === 'weekly') {
    const monday0 = day0 - weekdayIndex(day0);
    const days = rule.daysOfWeek?.length ? rule.daysOfWeek : [WEEKDAYS[weekdayIndex(day0)] as Weekday];
    const offsets = [...new Set(days.map((d) => WEEKDAYS.indexOf(d)))].sort((a, b) => a - b);
    for (let k = firstPeriod; ; k++) {
      for (const off of offsets) {
        const day = monday0 + k * interval * 7 + off;
        if (day >= day0) yield dateOfDay(day);
      }
    }
  } else {
    const month0 = first.year * 12 + (first.month - 1);
    for (let k = firstPeriod; ; k++) {
      const m = month0 + k * interval;
      const year = Math.floor(m / 12);
      const month = (m % 12) + 1;
      // RFC 5545: a month without that day (31st, Feb 30th) has no occurrence.
      if (first.day <= daysInMonth(year, month)) yield { year, month, day: first.day };
    }
  }
}

/** The local date of the `count`-th occurrence (count >= 1). */
function lastCountedDate(first: WallTime, rule: RecurrenceRule, count: number): Pick<WallTime, 'year' | 'month' | 'day'> {
  if (rule.frequency === 'daily') return dateOfDay(dayNumber(first) + (count - 1) * (rule.interval ?? 1));
  let seen = 0;
  for (const date of localDates(first, rule, 0)) if (++seen >= count) return date;
  throw new RangeError('unreachable: a series has endless local dates');
}

/** Period index to start from so that no occurrence ending after `from` is missed. */
function firstUsefulPeriod(first: WallTime, rule: RecurrenceRule, from: EpochMs, durationMs: number): number {
  const interval = rule.interval ?? 1;
  // Two days of slack cover zone offsets (at most ~26h) on either side.
  const target = Math.floor((from - durationMs) / DAY_MS) - 2;
  const day0 = dayNumber(first);
  if (target <= day0) return 0;
  if (rule.frequency === 'daily') return Math.floor((target - day0) / interval);
  if (rule.frequency === 'weekly') return Math.max(0, Math.floor((target - day0) / (7 * interval)) - 1);
  const t = dateOfDay(target);
  const months = t.year * 12 + (t.month - 1) - (first.year * 12 + (first.month - 1));
  return Math.max(0, Math.floor(months / interval) - 1);
}

/**
 * The occurrences of `series` that overlap `range` (end > range.from and start < range.to),
 * in order, each as {start, end} in UTC ms with the first occurrence's duration.
 * Local start time is kept across DST changes; a local time that does not exist on a
 * spring-forward day moves forward by the gap (02:30 -> 03:30); a repeated one takes the
 * first instant. At most `opts.limit` (default 1000) are returned.
 * Throws RangeError listing every problem when the series, range or limit is invalid.
 */
export function occurrences(series: RecurringSeries, range: TimeRange, opts: OccurrenceOptions = {}): MeetingTime[] {
  const issues = seriesIssues(series);
  if (!isFiniteNumber(range?.from) || !isFiniteNumber(range?.to)) issues.push({ path: 'range', message: 'from and to must be finite UTC ms' });
  else if (range.to <= range.from) issues.push({ path: 'range.to', message: 'must be after range.from' });
  const limit = opts.limit ?? DEFAULT_OCCURRENCE_LIMIT;
  if (!Number.isInteger(limit) || limit < 1 || limit > MAX_OCCURRENCE_LIMIT) {
    issues.push({ path: 'limit', message: `must be a whole number 1-${MAX_OCCURRENCE_LIMIT}` });
  }
  if (issues.length > 0) {
    throw seriesError(issues);
  }
  const { timeZone } = series;
  const duration = series.end - series.start;
  const first = toWallTime(series.start, timeZone);
  // Wall times stop at seconds; keep the first start's milliseconds so occurrence 1 is `series.start` exactly.
  const millis = ((series.start % 1000) + 1000) % 1000;
  const at = (date: Pick<WallTime, 'year' | 'month' | 'day'>): EpochMs =>
    wallTimeToInstant({ ...date, hour: first.hour, minute: first.minute, second: first.second ?? 0 }, timeZone) + millis;
  // COUNT is a property of the local dates alone: find the last one by date arithmetic (no zone
  // conversions), then treat the series as ending there, so ranges far into it start near it.
  const rule = series.rule.count === undefined ? series.rule : { ...series.rule, count: undefined, until: at(lastCountedDate(first, series.rule, series.rule.count)) };
  const startPeriod = firstUsefulPeriod(first, rule, range.from, duration);
  const out: MeetingTime[] = [];
  for (const date of localDates(first, rule, startPeriod)) {
    const start = at(date);
    if (start >= range.to) break;
    if (rule.until !== undefined && start > rule.until) break;
    if (start + duration > range.from) {
      out.push({ start, end: start + duration });
      if (out.length >= limit) break;
    }
  }
  return out;
}

/**
 * The latest instant an occurrence may start at: `rule.until`, or for COUNT the start of the
 * COUNT-th occurrence (found by date arithmetic); null when the series never ends.
 * Throws RangeError when the series is invalid.
 */
export function seriesUntil(series: RecurringSeries): EpochMs | null {
  assertSeries(series);
  const { rule, timeZone } = series;
  if (rule.until !== undefined) return rule.until;
  if (rule.count === undefined) return null;
  const first = toWallTime(series.start, timeZone);
  const millis = ((series.start % 1000) + 1000) % 1000;
  return wallTimeToInstant({ ...lastCountedDate(first, rule, rule.count), hour: first.hour, minute: first.minute, second: first.second ?? 0 }, timeZone) + millis;
}

/**
 * The first occurrence that has not ended at `now` (the one running now, or the next one),
 * looking at most `horizonDays` (default 3660, about ten years) ahead; null when the series is over.
 */
export function nextOccurrence(series: RecurringSeries, now: EpochMs, horizonDays = 3660): MeetingTime | null {
  return occurrences(series, { from: now, to: now + horizonDays * DAY_MS }, { limit: 1 })[0] ?? null;
}
