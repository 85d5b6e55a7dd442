/**
 * Time views of saved meetings: the activation window a record's PIN works in, which records are
 * past their retention, and the popup's list of upcoming meetings.
 */
import { activationWindow } from '../time/activation';
import type { ActivationWindow } from '../time/activation';
import type { EpochMs } from '../types';
import type { SavedMeeting } from './schema';

const DAY_MS = 86_400_000;

/**
 * The activation window of a record, or null when it has no start time (no time gating).
 * - start and end: core/time's `activationWindow` with the record's lead/grace minutes
 *   (defaults 15 and 0).
 * - start only: opens `leadMinutes` before the start and never closes (`closesAt` is
 *   `Number.MAX_SAFE_INTEGER`): without an end we cannot know when the code dies.
 * Never throws for a valid {@link SavedMeeting}; a malformed record gives null.
 */
export function meetingWindow(m: SavedMeeting): ActivationWindow | null {
  if (m.startsAt === undefined) return null;
  try {
    const opts = { leadMinutes: m.leadMinutes, graceMinutes: m.graceMinutes };
    if (m.endsAt !== undefined) return activationWindow({ start: m.startsAt, end: m.endsAt }, opts);
    const w = activationWindow({ start: m.startsAt, end: m.startsAt + 1 }, opts);
    return { opensAt: w.opensAt, closesAt: Number.MAX_SAFE_INTEGER };
  } catch {
    return null;
  }
}

/**
 * The last known instant of a meeting: its end, else its start, else null (no times).
 * Retention counts from here.
 */
export function meetingLastInstant(m: SavedMeeting): EpochMs | null {
  return m.endsAt ?? m.startsAt ?? null;
}

/**
 * Ids of records to delete: those whose end (or, without an end, start) plus `retentionDays`
 * days is at or before `now`. Records without any time are kept: only the user deletes them.
 * `retentionDays` 0 deletes a record as soon as its meeting has ended (the policy's "0 = never
 * save PINs" is the caller's rule about saving, not about this clean-up).
 * @throws RangeError when `retentionDays` is not an integer from 0 to 3650 or `now` is not finite
 *   (a bad value must not silently delete everything).
 */
export function expiredMeetings(meetings: readonly SavedMeeting[], now: EpochMs, retentionDays: number): string[] {
  if (!Number.isInteger(retentionDays) || retentionDays < 0 || retentionDays > 3650) {
    throw new RangeError(`retentionDays must be an integer from 0 to 3650, got ${String(retentionDays)}`);
  }
  if (!Number.isFinite(now)) throw new RangeError(`now must be finite UTC ms, got ${String(now)}`);
  const keep = retentionDays * DAY_MS;
  const out: string[] = [];
  for (const m of meetings) {
    const last = meetingLastInstant(m);
    if (last !== null && last + keep <= now) out.push(m.id);
  }
  return out;
}

/**
 * Records still worth showing as upcoming or current, soonest first:
 * - timed records whose window has not closed at `now` (start-only records until a day after
 *   their start), sorted by start (then alias, then id, so the order is stable);
 * - then, unless `includeUntimed` is false, records without a start, most recently updated first.
 */
export function upcomingMeetings(
  meetings: readonly SavedMeeting[],
  now: EpochMs,
  opts: { includeUntimed?: boolean } = {},
): SavedMeeting[] {
  const timed: SavedMeeting[] = [];
  const untimed: SavedMeeting[] = [];
  for (const m of meetings) {
    if (m.startsAt === undefined) {
      untimed.push(m);
      continue;
    }
    const w = meetingWindow(m);
    const closes = m.endsAt === undefined ? m.startsAt + DAY_MS : (w?.closesAt ?? m.endsAt);
    if (now < closes) timed.push(m);
  }
  timed.sort(
    (a, b) =>
      (a.startsAt as number) - (b.startsAt as number) ||
      compareText(a.alias.toLowerCase(), b.alias.toLowerCase()) ||
      compareText(a.id, b.id),
  );
  untimed.sort((a, b) => b.updatedAt - a.updatedAt || compareText(a.id, b.id));
  return opts.includeUntimed === false ? timed : [...timed, ...untimed];
}

const compareText = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);
