/**
 * Reads the block's series sentence (core/time's seriesActivationSentence) back into the series:
 * "For this recurring series (weekly on Tuesday and Thursday from Tue, 8 Dec 2026, 1 hour each,
 * until Tue, 15 Dec 2026, Europe/Berlin time), the code is active 15 minutes before each occurrence."
 * The words are fixed English; only the dates are in the organizer's language, and they are
 * read like the activation sentence's date: a candidate counts only when Intl, in one of
 * Outlook's languages, writes exactly the same words for it (weekday and year included).
 * Anything else (older blocks said only "For this recurring series, the code is active ...")
 * is unknown (null), and the extension asks. Only for the extension: the task pane never imports it.
 */
import type { SeriesRecurrence } from '../links/captureRecurrence';
import { describeLead } from '../time/format';
import { MAX_RECURRENCE_COUNT, seriesIssues, WEEKDAYS } from '../time/recurrence';
import type { RecurrenceRule, Weekday } from '../time/recurrence';
import { SERIES_DATE_FORMAT, weekdayName } from '../time/seriesSentence';
import { isValidTimeZone, toWallTime, wallTimeToInstant } from '../time/zone';
import type { EpochMs } from '../types';
import { numbersIn, OUTLOOK_LOCALES, plain } from './outlookLocales';

/** The series a block's sentence states, beyond its first occurrence's start. */
export interface StatedSeries {
  /** End of the first occurrence (UTC ms): its start plus the stated length. */
  end: EpochMs;
  /** Minutes each occurrence's code keeps working after its end (0 when the sentence says none). */
  graceMinutes: number;
  recurrence: SeriesRecurrence;
}

const SERIES = /^for this recurring series \((.{1,200}?), (\d{1,6} (?:minutes?|hours?)) each(?:, (?:(\d{1,5}) (occurrences?)|until (.{3,60})))?, ([^\s,()]{1,64}) time\), the code is active (.{1,100})\.$/i;
const TAIL = /^(?:(\d{1,6} (?:minutes?|hours?)) before each occurrence|from the start of each occurrence)(?: until (\d{1,6} (?:minutes?|hours?)) after its end)?$/i;
const DAILY = /^(?:daily|every (\d{1,3}) days)$/i;
const WEEKLY = /^(?:weekly|every (\d{1,3}) weeks) on ([a-z ,]{6,120})$/i;
const MONTHLY = /^(?:monthly|every (\d{1,3}) months) on day (\d{1,2})$/i;
const MAX_MINUTES = 7 * 24 * 60;

/** "15 minutes", "2 hours" as minutes, only when describeLead writes it back the same way. */
function minutesOf(text: string): number | null {
  const m = /^(\d{1,6}) (minutes?|hours?)$/i.exec(text);
  if (!m) return null;
  const minutes = Number(m[1]) * (/^hour/i.test(m[2] as string) ? 60 : 1);
  return minutes <= MAX_MINUTES && describeLead(minutes) === text.toLowerCase() ? minutes : null;
}

/** "every 2 weeks": 2; no number: 1; "every 1 weeks" (never written) or 0: null. */
function intervalOf(written: string | undefined): number | null {
  if (written === undefined) return 1;
  const n = Number(written);
  return n >= 2 ? n : null;
}

const DAY_BY_NAME = new Map(WEEKDAYS.map((d) => [weekdayName(d).toLowerCase(), d] as const));

/** "Tuesday and Thursday" -> ['TU', 'TH'] (Monday first), null on any unknown word. */
function daysOf(list: string): Weekday[] | null {
  const days = new Set<Weekday>();
  for (const name of list.toLowerCase().split(/, | and /)) {
    const day = DAY_BY_NAME.get(name.trim());
    if (day === undefined) return null;
    days.add(day);
  }
  return WEEKDAYS.filter((d) => days.has(d));
}

/** The rule's repeat part, or null. A monthly day must be the first occurrence's (`firstDay`). */
function repeatOf(text: string, firstDay: number): RecurrenceRule | null {
  const withInterval = (rule: RecurrenceRule, written: string | undefined): RecurrenceRule | null => {
    const n = intervalOf(written);
    if (n === null) return null;
    return n === 1 ? rule : { ...rule, interval: n };
  };
  let m = DAILY.exec(text);
  if (m) return withInterval({ frequency: 'daily' }, m[1]);
  m = WEEKLY.exec(text);
  if (m) {
    const days = daysOf(m[2] as string);
    return days === null ? null : withInterval({ frequency: 'weekly', daysOfWeek: days }, m[1]);
  }
  m = MONTHLY.exec(text);
  if (m && Number(m[2]) === firstDay) return withInterval({ frequency: 'monthly' }, m[1]);
  return null;
}

interface DateFormat {
  format: Intl.DateTimeFormat;
  /** What the language's calendar adds to the Gregorian year (543 in Thai's Buddhist era, else 0). */
  yearOffset: number;
}

const dateFormats = new Map<string, DateFormat | null>();
function dateFormat(locale: string): DateFormat | null {
  if (!dateFormats.has(locale)) {
    try {
      const format = new Intl.DateTimeFormat(locale, SERIES_DATE_FORMAT);
      const year = format.formatToParts(Date.UTC(2000, 6, 1, 12)).find((p) => p.type === 'year')?.value ?? '2000';
      dateFormats.set(locale, { format, yearOffset: (numbersIn(year)[0] ?? 2000) - 2000 });
    } catch {
      dateFormats.set(locale, null); // a language this runtime lacks reads as no match
    }
  }
  return dateFormats.get(locale) ?? null;
}

/** A local date. */
export interface WrittenDate {
  year: number;
  month: number;
  day: number;
}

/** The date `text` writes (as describeSeries does, in any of Outlook's languages); null unless exactly one date reads so. */
function writtenDate(text: string): WrittenDate | null {
  const numbers = [...new Set(numbersIn(text))].slice(0, 4);
  const days = numbers.filter((n) => n >= 1 && n <= 31);
  const found = new Set<string>();
  for (const locale of OUTLOOK_LOCALES) {
    const written = dateFormat(locale);
    if (!written) continue;
    for (const year of numbers.map((n) => n - written.yearOffset).filter((y) => y >= 1970 && y <= 9999)) {
      for (const day of days) {
        for (let month = 1; month <= 12; month++) {
          const noon = Date.UTC(year, month - 1, day, 12);
          if (new Date(noon).getUTCDate() === day && plain(written.format.format(noon)) === text) found.add(`${year}-${month}-${day}`);
        }
      }
    }
  }
  if (found.size !== 1) return null;
  const [year, month, day] = ([...found][0] as string).split('-').map(Number) as [number, number, number];
  return { year, month, day };
}

/** The parts of a series sentence in the current form, or null. */
function partsOf(sentence: string): { repeat: string; from: string; groups: string[] } | null {
  const m = SERIES.exec(plain(sentence));
  const at = m ? (m[1] as string).lastIndexOf(' from ') : -1;
  if (!m || at < 0) return null;
  return { repeat: (m[1] as string).slice(0, at), from: (m[1] as string).slice(at + 6), groups: m as unknown as string[] };
}

/**
 * The first occurrence's local date a series sentence states ("... from Tue, 8 Dec 2026, ..."),
 * or null. It places the year the activation sentence leaves out. Never throws.
 */
export function seriesFirstDate(sentence: string): WrittenDate | null {
  try {
    const parts = partsOf(sentence);
    return parts ? writtenDate(parts.from) : null;
  } catch {
    return null;
  }
}

/**
 * The series `sentence` states, for a first occurrence starting at `start` (UTC ms, from the
 * block's activation sentence) whose code opens `leadMinutes` before: null when the sentence is
 * not the current form, disagrees with that lead, or states a series core/time refuses. Never throws.
 */
export function readSeriesSentence(sentence: string, start: EpochMs, leadMinutes: number): StatedSeries | null {
  try {
    const parts = partsOf(sentence);
    if (!parts || !Number.isFinite(start)) return null;
    const [, , lengthText, countText, countWord, untilText, timeZone, tailText] = parts.groups;
    const tail = TAIL.exec(tailText as string);
    const length = minutesOf(lengthText as string);
    if (!tail || length === null || length === 0 || !isValidTimeZone(timeZone)) return null;
    // The stated first date must be the first occurrence's (the activation sentence's) own.
    const first = toWallTime(start, timeZone as string);
    const from = writtenDate(parts.from);
    if (!from || from.year !== first.year || from.month !== first.month || from.day !== first.day) return null;
    const lead = tail[1] === undefined ? 0 : minutesOf(tail[1]);
    const grace = tail[2] === undefined ? 0 : minutesOf(tail[2]);
    if (lead !== leadMinutes || grace === null || grace === 0 && tail[2] !== undefined) return null;
    let rule = repeatOf(parts.repeat, first.day);
    if (rule === null) return null;
    if (countText !== undefined) {
      const count = Number(countText);
      if (count < 1 || count > MAX_RECURRENCE_COUNT || (count === 1) !== (countWord?.toLowerCase() === 'occurrence')) return null;
      rule = { ...rule, count };
    } else if (untilText !== undefined) {
      const last = writtenDate(untilText);
      if (last === null) return null;
      // The last instant of that date: every occurrence on it starts before (a series meets once a day).
      rule = { ...rule, until: wallTimeToInstant({ ...last, hour: 23, minute: 59, second: 59 }, timeZone as string) + 999 };
    }
    const recurrence: SeriesRecurrence = { timeZone: timeZone as string, rule };
    const end = start + length * 60_000;
    if (seriesIssues({ start, end, ...recurrence }).length > 0) return null;
    return { end, graceMinutes: grace, recurrence };
  } catch {
    return null;
  }
}
