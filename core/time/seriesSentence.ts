/**
 * A recurring series in plain words, for the invite block and the personal messages:
 * "For this recurring series (weekly on Tuesday and Thursday from Tue, 1 Dec 2026, 1 hour each,
 * until Tue, 15 Dec 2026, Europe/Berlin time), the code is active 15 minutes before each occurrence."
 * The words are English (as the rest of the invite); the organizer's locale only shapes the
 * written dates. Everything core/time's RecurrenceRule holds is stated (frequency, interval, days,
 * until or count) together with the first date (with its year) and the occurrences' length, so
 * an attendee's extension can read the series back from a pasted invite
 * (core/invite/seriesSentence.ts) and find every occurrence's window; the first occurrence's
 * time is the block's "The code works from ..." sentence.
 */
import { DEFAULT_LOCALE, describeLead, recurringActivationSentence } from './format';
import { assertSeries, WEEKDAYS } from './recurrence';
import type { RecurringSeries, Weekday } from './recurrence';
import { toWallTime, wallTimeToInstant } from './zone';
import type { WallTime } from './zone';

/** The English name of a day: "Monday" (1 January 2024 was a Monday). */
export const weekdayName = (day: Weekday): string => new Intl.DateTimeFormat('en-US', { weekday: 'long', timeZone: 'UTC' }).format(Date.UTC(2024, 0, 1 + WEEKDAYS.indexOf(day)));

/** Options for {@link seriesActivationSentence}. */
export interface SeriesSentenceOptions {
  /** BCP 47 locale for the "until" date, default "en-GB". */
  locale?: string;
  /** Minutes before each occurrence when the code works. */
  leadMinutes: number;
  /** Minutes after each occurrence's end when it still works, default 0. */
  graceMinutes?: number;
}

/** The Intl options of the series' written dates ("from", "until"): "Tue 15 Dec 2026" (en-GB), "Tue, Dec 15, 2026" (en-US). */
export const SERIES_DATE_FORMAT: Intl.DateTimeFormatOptions = { weekday: 'short', day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' };

/** "Tuesday", "Tuesday and Thursday", "Monday, Wednesday and Friday". */
export function listDays(days: readonly Weekday[]): string {
  const names = WEEKDAYS.filter((d) => days.includes(d)).map(weekdayName);
  return names.length <= 1 ? (names[0] ?? '') : `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`;
}

/**
 * The series' rule in words, in its own zone, from its first occurrence's date (with the year,
 * which the activation sentence leaves out: a series may have begun years ago): "weekly on
 * Tuesday and Thursday from Tue, 8 Dec 2026, 1 hour each, until Tue, 15 Dec 2026, Europe/Berlin
 * time"; "daily from ..., 30 minutes each, 10 occurrences, UTC time"; "every 2 months on day 31
 * from ..., 1 hour each, Asia/Tokyo time". Throws RangeError on an invalid series or locale.
 */
export function describeSeries(series: RecurringSeries, locale: string = DEFAULT_LOCALE): string {
  assertSeries(series);
  const { rule, timeZone } = series;
  const first = toWallTime(series.start, timeZone);
  const n = rule.interval ?? 1;
  const every = (one: string, unit: string): string => (n === 1 ? one : `every ${n} ${unit}s`);
  /** A local date as UTC noon of that date (what the date format writes). */
  const noon = (w: WallTime): number => Date.UTC(w.year, w.month - 1, w.day, 12);
  const date = (at: number): string => new Intl.DateTimeFormat(locale, SERIES_DATE_FORMAT).format(at);
  const repeats =
    rule.frequency === 'daily'
      ? every('daily', 'day')
      : rule.frequency === 'weekly'
        ? `${every('weekly', 'week')} on ${listDays(rule.daysOfWeek?.length ? rule.daysOfWeek : [WEEKDAYS[(new Date(noon(first)).getUTCDay() + 6) % 7] as Weekday])}`
        : `${every('monthly', 'month')} on day ${first.day}`;
  const parts = [`${repeats} from ${date(noon(first))}`, `${describeLead((series.end - series.start) / 60_000)} each`];
  if (rule.count !== undefined) parts.push(`${rule.count} occurrence${rule.count === 1 ? '' : 's'}`);
  else if (rule.until !== undefined) {
    // The last date a meeting can fall on: until's own, or the day before when that day's meeting
    // starts after until. Read back as "until the end of that date" it gives the same meetings
    // (a series meets at most once a day, at one local time).
    const last = toWallTime(rule.until, timeZone);
    const meets = wallTimeToInstant({ ...last, hour: first.hour, minute: first.minute, second: first.second ?? 0 }, timeZone) <= rule.until;
    parts.push(`until ${date(noon(last) - (meets ? 0 : 86_400_000))}`);
  }
  parts.push(`${timeZone} time`);
  return parts.join(', ');
}

/**
 * The block's series sentence: "For this recurring series (<describeSeries>), the code is active
 * 15 minutes before each occurrence." ("from the start of each occurrence" without a lead; with
 * grace minutes: "... until 10 minutes after its end."). `series` is the first occurrence with
 * the zone and rule. Throws RangeError on an invalid series, locale or minutes.
 */
export function seriesActivationSentence(series: RecurringSeries, opts: SeriesSentenceOptions): string {
  return recurringActivationSentence(opts.leadMinutes, describeSeries(series, opts.locale), opts.graceMinutes);
}
