/** Activation windows, time-zone math (Intl only), recurring series and activation sentences. */
export {
  activationWindow,
  isCodeActive,
  activeWindowAt,
  assertMeetingTime,
  DEFAULT_LEAD_MINUTES,
  DEFAULT_GRACE_MINUTES,
  MAX_WINDOW_PAD_MINUTES,
} from './activation';
export type { ActivationOptions, ActivationWindow } from './activation';
export {
  toWallTime,
  wallTimeToInstant,
  wallTimeAsUtc,
  zoneOffsetMinutes,
  timeZoneProblem,
  isValidTimeZone,
  assertTimeZone,
  assertWallTime,
  daysInMonth,
} from './zone';
export type { WallTime, WallTimeOptions } from './zone';
export {
  occurrences,
  nextOccurrence,
  seriesUntil,
  seriesIssues,
  validateSeries,
  WEEKDAYS,
  DEFAULT_OCCURRENCE_LIMIT,
  MAX_OCCURRENCE_LIMIT,
  MAX_RECURRENCE_COUNT,
  MAX_RECURRENCE_INTERVAL,
} from './recurrence';
export type { Weekday, RecurrenceRule, RecurringSeries, TimeRange, OccurrenceOptions } from './recurrence';
export {
  formatInstant,
  activationSentence,
  recurringActivationSentence,
  describeLead,
  sameLocalDate,
  DEFAULT_LOCALE,
} from './format';
export type { FormatInstantOptions, ActivationSentenceOptions } from './format';
export { describeSeries, seriesActivationSentence, listDays, weekdayName, SERIES_DATE_FORMAT } from './seriesSentence';
export type { SeriesSentenceOptions } from './seriesSentence';
export { seriesWindowActiveAt, seriesWindowAt, lastOccurrence } from './seriesWindow';
