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
import type { EpochMs } from '../types';
import { checkedMinutes, DEFAULT_LOCALE, describeLead } from './format';
import { assertSeries, WEEKDAYS } from './recurrence';
import type { RecurringSeries, Weekday } from './recurrence';
import { toWallTime, wallTimeAsUtc, wallTimeToInstant } from './zone';
import type { WallTime } from './zone';

/** English day names, Monday first like WEEKDAYS. */
export const WEEKDAY_NAMES: Readonly<Record<Weekday, string>> = {
  MO: 'Monday', TU: 'Tuesday', WE: 'Wednesday', TH: 'Thursday', FR: 'Friday', SA: 'Saturday', SU: 'Sunday',
};

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
  const names = WEEKDAYS.filter((d) => days.includes(d)).map((d) => WEEKDAY_NAMES[d]);
  return names.length <= 1 ? (names[0] ?? '') : `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`;
}

const dateOnly = (w: WallTime): WallTime => ({ year: w.year, month: w.month, day: w.day, hour: 0, minute: 0 });

/**
 * The last local date an occurrence may fall on: `until`'s date, or the day before when the
 * series' local start time on that date is already past `until`. Read back as "until the end of
 * that date", it gives the same occurrences (a series meets at most once a day, at one local time).
 */
export function lastSeriesDate(series: RecurringSeries, until: EpochMs): WallTime {
  const first = toWallTime(series.start, series.timeZone);
  const date = dateOnly(toWallTime(until, series.timeZone));
  const startThatDay = wallTimeToInstant({ ...date, hour: first.hour, minute: first.minute, second: first.second ?? 0 }, series.timeZone);
  if (startThatDay <= until) return date;
  return dateOnly(toWallTime(wallTimeAsUtc(date) - 86_400_000, 'UTC'));
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
  let repeats: string;
  if (rule.frequency === 'daily') repeats = n === 1 ? 'daily' : `every ${n} days`;
  else if (rule.frequency === 'weekly') {
    const firstDay = WEEKDAYS[(new Date(wallTimeAsUtc(dateOnly(first))).getUTCDay() + 6) % 7] as Weekday;
    repeats = `${n === 1 ? 'weekly' : `every ${n} weeks`} on ${listDays(rule.daysOfWeek?.length ? rule.daysOfWeek : [firstDay])}`;
  } else repeats = `${n === 1 ? 'monthly' : `every ${n} months`} on day ${first.day}`;
  const date = (w: WallTime): string => new Intl.DateTimeFormat(locale, SERIES_DATE_FORMAT).format(Date.UTC(w.year, w.month - 1, w.day, 12));
  const parts = [`${repeats} from ${date(first)}`, `${describeLead((series.end - series.start) / 60_000)} each`];
  if (rule.count !== undefined) parts.push(rule.count === 1 ? '1 occurrence' : `${rule.count} occurrences`);
  else if (rule.until !== undefined) parts.push(`until ${date(lastSeriesDate(series, rule.until))}`);
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
  const lead = checkedMinutes('leadMinutes', opts.leadMinutes);
  const grace = checkedMinutes('graceMinutes', opts.graceMinutes ?? 0);
  const opens = Math.round(lead) === 0 ? 'from the start of each occurrence' : `${describeLead(lead)} before each occurrence`;
  const closes = Math.round(grace) === 0 ? '' : ` until ${describeLead(grace)} after its end`;
  return `For this recurring series (${describeSeries(series, opts.locale)}), the code is active ${opens}${closes}.`;
}
