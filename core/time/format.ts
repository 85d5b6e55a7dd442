/**
 * Human-readable activation times, formatted with Intl in the reader's IANA zone and locale.
 * Sentences are English (the invite text is English); the locale only shapes how times and
 * dates are written (24h vs AM/PM, day/month order).
 */
import type { EpochMs, MeetingTime } from '../types';
import type { ActivationWindow } from './activation';
import { assertMeetingTime } from './activation';
import { assertTimeZone, toWallTime } from './zone';

/** Locale used when none is given: 24-hour clock, day before month. */
export const DEFAULT_LOCALE = 'en-GB';

/** Options for {@link formatInstant}. */
export interface FormatInstantOptions {
  /** IANA zone the reader sees, e.g. "Europe/Berlin". Required: never guess the machine zone. */
  timeZone: string;
  /** BCP 47 locale, default "en-GB". */
  locale?: string;
  /** Also show weekday, day and month (e.g. "Sun 30 Mar, 23:45"). Default false: time only. */
  withDate?: boolean;
}

/** Throws RangeError naming the locale when Intl does not accept it. */
function checkedLocale(locale: string | undefined): string {
  const value = locale ?? DEFAULT_LOCALE;
  try {
    const canonical = Intl.getCanonicalLocales(value);
    if (typeof value !== 'string' || canonical.length !== 1) throw new RangeError('not one locale');
    return canonical[0] as string;
  } catch {
    throw new RangeError(`locale: "${String(value)}" is not a valid BCP 47 locale such as "en-GB" or "de-DE"`);
  }
}

/**
 * `instant` (UTC ms) as local time in `timeZone` in the locale's short time style, e.g. "09:45"
 * (en-GB, de-DE) or "9:45 AM" (en-US; Intl may put a narrow no-break space before AM/PM).
 * With `withDate`: "Mon 13 Jan, 09:45" (the date in the locale's short form, then the time). Throws RangeError on a non-finite
 * instant, unknown zone or invalid locale.
 */
export function formatInstant(instant: EpochMs, opts: FormatInstantOptions): string {
  if (!Number.isFinite(instant)) throw new RangeError(`instant must be a finite number of UTC ms, got ${String(instant)}`);
  assertTimeZone(opts?.timeZone);
  const locale = checkedLocale(opts.locale);
  // timeStyle 'short' follows the locale's own clock convention: 09:45 (en-GB, de-DE), 9:45 AM (en-US).
  const time = new Intl.DateTimeFormat(locale, { timeStyle: 'short', timeZone: opts.timeZone }).format(instant);
  if (!opts.withDate) return time;
  const date = new Intl.DateTimeFormat(locale, { weekday: 'short', day: 'numeric', month: 'short', timeZone: opts.timeZone }).format(instant);
  return `${date}, ${time}`;
}

/** "15 minutes", "1 minute", "2 hours", "90 minutes". */
export function describeLead(leadMinutes: number): string {
  const m = Math.round(leadMinutes);
  if (m >= 60 && m % 60 === 0) return m === 60 ? '1 hour' : `${m / 60} hours`;
  return m === 1 ? '1 minute' : `${m} minutes`;
}

/** `value` when it is a finite number of minutes >= 0; else throws RangeError naming `name`. */
export function checkedMinutes(name: string, value: number): number {
  if (!Number.isFinite(value) || value < 0) throw new RangeError(`${name} must be a finite number >= 0, got ${String(value)}`);
  return value;
}

/** Options for {@link activationSentence}. */
export interface ActivationSentenceOptions {
  timeZone: string;
  locale?: string;
  /** Lead shown in the sentence; default: derived from the window and the meeting start. */
  leadMinutes?: number;
  /**
   * Always state the date ("Tue 24 Nov, 09:45"), so moving a meeting to another day changes the
   * sentence too. Default false: the date only when the window opens on an earlier local date.
   */
  withDate?: boolean;
}

/** True when the two instants fall on the same local calendar date in `timeZone`. */
export function sameLocalDate(a: EpochMs, b: EpochMs, timeZone: string): boolean {
  const x = toWallTime(a, timeZone);
  const y = toWallTime(b, timeZone);
  return x.year === y.year && x.month === y.month && x.day === y.day;
}

/**
 * One sentence telling invitees when the code starts working, in their zone:
 * "The code works from 09:45 (Europe/Berlin), 15 minutes before the start."
 * When the window opens on an earlier local date than the meeting starts (a 00:05 meeting
 * with a 15 minute lead) the date is included: "The code works from Sun 30 Mar, 23:50 (...)".
 * With no lead: "The code works from 09:00 (Europe/Berlin), when the meeting starts."
 * Throws RangeError on invalid meeting, window, zone or locale.
 */
export function activationSentence(window: ActivationWindow, meeting: MeetingTime, opts: ActivationSentenceOptions): string {
  assertMeetingTime(meeting);
  if (!Number.isFinite(window?.opensAt)) throw new RangeError('window.opensAt must be a finite number of UTC ms');
  const lead = checkedMinutes('leadMinutes', opts.leadMinutes ?? (meeting.start - window.opensAt) / 60_000);
  const withDate = opts.withDate === true || !sameLocalDate(window.opensAt, meeting.start, opts.timeZone);
  const when = formatInstant(window.opensAt, { timeZone: opts.timeZone, locale: opts.locale, withDate });
  const tail = Math.round(lead) === 0 ? 'when the meeting starts' : `${describeLead(lead)} before the start`;
  return `The code works from ${when} (${opts.timeZone}), ${tail}.`;
}

/**
 * The series sentence for recurring meetings:
 * "For this recurring series, the code is active 15 minutes before each occurrence."
 * With `rule` (core/time's describeSeries) in brackets after "series", and with grace minutes
 * "... until 10 minutes after its end": see seriesActivationSentence. Throws RangeError on
 * negative or non-finite minutes.
 */
export function recurringActivationSentence(leadMinutes: number, rule?: string, graceMinutes = 0): string {
  const lead = checkedMinutes('leadMinutes', leadMinutes);
  const grace = checkedMinutes('graceMinutes', graceMinutes);
  const opens = Math.round(lead) === 0 ? 'from the start of each occurrence' : `${describeLead(lead)} before each occurrence`;
  const closes = Math.round(grace) === 0 ? '' : ` until ${describeLead(grace)} after its end`;
  return `For this recurring series${rule ? ` (${rule})` : ''}, the code is active ${opens}${closes}.`;
}
