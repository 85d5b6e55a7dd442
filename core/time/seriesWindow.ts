/**
 * Activation windows of a recurring series: one code for every occurrence, each occurrence
 * opening `lead` minutes before its start and closing `grace` minutes after its end. The node,
 * the extension's fill decision and its retention all ask these questions, so they live here once.
 */
import { activationWindow, activeWindowAt } from './activation';
import type { ActivationOptions, ActivationWindow } from './activation';
import { MAX_OCCURRENCE_LIMIT, nextOccurrence, occurrences, seriesUntil } from './recurrence';
import type { RecurringSeries } from './recurrence';
import type { EpochMs, MeetingTime } from '../types';

/** Occurrences whose windows may overlap one instant: lead + grace are at most two weeks, a series repeats at most daily. */
const OVERLAP_LIMIT = 32;
const DAY_MS = 86_400_000;

const padMs = (minutes: number | undefined, fallback: number): number => Math.round((minutes ?? fallback) * 60_000);

/**
 * The window of the occurrence whose code works at `now` (earliest-opening one when windows
 * overlap), or null. Throws RangeError on an invalid series or minutes (as `activationWindow`).
 */
export function seriesWindowActiveAt(series: RecurringSeries, now: EpochMs, opts: ActivationOptions = {}): ActivationWindow | null {
  if (!Number.isFinite(now)) return null;
  // Validates the minutes before they widen the search range.
  activationWindow({ start: series.start, end: series.end }, opts);
  const lead = padMs(opts.leadMinutes, 15);
  const grace = padMs(opts.graceMinutes, 0);
  // An occurrence's window holds `now` iff start - lead <= now < end + grace, i.e. it overlaps [now - grace, now + lead].
  const candidates = occurrences(series, { from: now - grace, to: now + lead + 1 }, { limit: OVERLAP_LIMIT });
  return activeWindowAt(candidates, now, opts);
}

/**
 * The window of the occurrence that is open at `now`, else of the next one to open; null when
 * the series has no occurrence left (within `nextOccurrence`'s ten-year horizon).
 * Throws RangeError on an invalid series or minutes.
 */
export function seriesWindowAt(series: RecurringSeries, now: EpochMs, opts: ActivationOptions = {}): ActivationWindow | null {
  const active = seriesWindowActiveAt(series, now, opts);
  if (active !== null || !Number.isFinite(now)) return active;
  // Not open now: the first occurrence not yet ended opens later (an open one would be `active`).
  const next = nextOccurrence(series, now);
  return next === null ? null : activationWindow(next, opts);
}

/**
 * The series' last occurrence; null when it never ends (no `until`, no `count`) or, oddly, has
 * no occurrence at all (weekly days that fall after `until`): tell them apart with `seriesUntil`.
 * Looks back from the series' end in doubling spans, so the cost is a few occurrences, not all.
 * Throws RangeError on an invalid series.
 */
export function lastOccurrence(series: RecurringSeries): MeetingTime | null {
  const until = seriesUntil(series);
  if (until === null) return null;
  for (let span = 8 * DAY_MS; ; span *= 2) {
    let from = Math.max(series.start, until - span);
    let page = occurrences(series, { from, to: until + 1 }, { limit: MAX_OCCURRENCE_LIMIT });
    if (page.length === 0) {
      if (from === series.start) return null;
      continue;
    }
    // A full page may not hold the last one: page on from the last found.
    while (page.length === MAX_OCCURRENCE_LIMIT) {
      from = (page[page.length - 1] as MeetingTime).start;
      page = occurrences(series, { from, to: until + 1 }, { limit: MAX_OCCURRENCE_LIMIT });
    }
    return page[page.length - 1] as MeetingTime;
  }
}
