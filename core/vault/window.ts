/**
 * Time views of saved meetings: the activation window a record's PIN works in, which records are
 * past their retention, and the popup's list of upcoming meetings.
 */
import { activationWindow, DEFAULT_LEAD_MINUTES } from '../time/activation';
import type { ActivationWindow } from '../time/activation';
import { seriesUntil } from '../time/recurrence';
import type { RecurringSeries } from '../time/recurrence';
import { lastOccurrence, seriesWindowAt } from '../time/seriesWindow';
import type { EpochMs } from '../types';
import type { SavedMeeting } from './schema';

/** The record's series (first occurrence = startsAt/endsAt), or null for a single meeting. */
export function meetingSeries(m: SavedMeeting): RecurringSeries | null {
  if (m.recurrence === undefined || m.startsAt === undefined || m.endsAt === undefined) return null;
  return { start: m.startsAt, end: m.endsAt, timeZone: m.recurrence.timeZone, rule: m.recurrence.rule };
}

const DAY_MS = 86_400_000;

/**
 * The activation window of a record, or null when it has no start time (no time gating).
 * - start and end: core/time's `activationWindow` with the record's lead/grace minutes
 *   (defaults 15 and 0).
 * - start only: opens `leadMinutes` before the start and never closes (`closesAt` is
 *   `Number.MAX_SAFE_INTEGER`): without an end we cannot know when the code dies.
 * - a series (`recurrence`): with `now`, the window of the occurrence open at `now`, else of the
 *   next one; null once the series is over (nothing left to open: treat as expired). Without
 *   `now`, the first occurrence's window.
 * Never throws for a valid {@link SavedMeeting}; a malformed record gives null.
 */
export function meetingWindow(m: SavedMeeting, now?: EpochMs): ActivationWindow | null {
  if (m.startsAt === undefined) return null;
  try {
    const opts = { leadMinutes: m.leadMinutes, graceMinutes: m.graceMinutes };
    const series = meetingSeries(m);
    if (series !== null && now !== undefined) return seriesWindowAt(series, now, opts);
    if (m.endsAt !== undefined) return activationWindow({ start: m.startsAt, end: m.endsAt }, opts);
    const w = activationWindow({ start: m.startsAt, end: m.startsAt + 1 }, opts);
    return { opensAt: w.opensAt, closesAt: Number.MAX_SAFE_INTEGER };
  } catch {
    return null;
  }
}

/**
 * The last known instant of a meeting: its end, else its start, else null (no times); for a
 * series, the end of its last occurrence, or null when it never ends (kept like an untimed record).
 * Retention counts from here.
 */
export function meetingLastInstant(m: SavedMeeting): EpochMs | null {
  const series = meetingSeries(m);
  if (series !== null) {
    try {
      if (seriesUntil(series) === null) return null;
      return lastOccurrence(series)?.end ?? series.end;
    } catch {
      return null; // A record the schema let through is valid; keeping beats deleting on a doubt.
    }
  }
  return m.endsAt ?? m.startsAt ?? null;
}

/**
 * Ids of records to delete: those whose end (or, without an end, start; for a series, its last
 * occurrence's end) plus `retentionDays` days is at or before `now`. Records without any time and
 * series without an end are kept: only the user deletes them.
 * `retentionDays` 0 means "never keep PINs": every record is deleted, with or without times
 * (a record that got in before the rule applied must not stay forever because it has no end).
 * @throws RangeError when `retentionDays` is not an integer from 0 to 3650 or `now` is not finite
 *   (a bad value must not silently delete everything).
 */
export function expiredMeetings(meetings: readonly SavedMeeting[], now: EpochMs, retentionDays: number): string[] {
  if (!Number.isInteger(retentionDays) || retentionDays < 0 || retentionDays > 3650) {
    throw new RangeError(`retentionDays must be an integer from 0 to 3650, got ${String(retentionDays)}`);
  }
  if (!Number.isFinite(now)) throw new RangeError(`now must be finite UTC ms, got ${String(now)}`);
  if (retentionDays === 0) return meetings.map((m) => m.id);
  const keep = retentionDays * DAY_MS;
  const out: string[] = [];
  for (const m of meetings) {
    const last = meetingLastInstant(m);
    if (last !== null && last + keep <= now) out.push(m.id);
  }
  return out;
}

/**
 * The start of the occurrence a record is about at `now`: its start, or for a series the start of
 * the occurrence open at `now`, else the next one (null when the series is over).
 */
export function currentStart(m: SavedMeeting, now: EpochMs): EpochMs | null {
  if (meetingSeries(m) === null) return m.startsAt ?? null;
  const w = meetingWindow(m, now);
  return w === null ? null : w.opensAt + Math.round((m.leadMinutes ?? DEFAULT_LEAD_MINUTES) * 60_000);
}

/**
 * Records still worth showing as upcoming or current, soonest first:
 * - timed records whose window has not closed at `now` (start-only records until a day after
 *   their start; a series until its last occurrence's window closed), sorted by the start of
 *   the current or next occurrence (then alias, then id, so the order is stable);
 * - then, unless `includeUntimed` is false, records without a start, most recently updated first.
 */
export function upcomingMeetings(
  meetings: readonly SavedMeeting[],
  now: EpochMs,
  opts: { includeUntimed?: boolean } = {},
): SavedMeeting[] {
  const timed: Array<{ m: SavedMeeting; start: EpochMs }> = [];
  const untimed: SavedMeeting[] = [];
  for (const m of meetings) {
    if (m.startsAt === undefined) {
      untimed.push(m);
      continue;
    }
    if (meetingSeries(m) !== null) {
      const start = currentStart(m, now);
      if (start !== null) timed.push({ m, start });
      continue;
    }
    const w = meetingWindow(m);
    const closes = m.endsAt === undefined ? m.startsAt + DAY_MS : (w?.closesAt ?? m.endsAt);
    if (now < closes) timed.push({ m, start: m.startsAt });
  }
  timed.sort(
    (a, b) =>
      a.start - b.start ||
      compareText(a.m.alias.toLowerCase(), b.m.alias.toLowerCase()) ||
      compareText(a.m.id, b.m.id),
  );
  untimed.sort((a, b) => b.updatedAt - a.updatedAt || compareText(a.id, b.id));
  const sorted = timed.map((t) => t.m);
  return opts.includeUntimed === false ? sorted : [...sorted, ...untimed];
}

const compareText = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);
