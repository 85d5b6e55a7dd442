/**
 * When a meeting's aliases can answer at all, as the policy view (service/view/) keeps it: the
 * span from its first window's opening to its last window's closing, plus the series for a
 * recurring meeting, and the window open at an instant or opening next. Pure: the view decides
 * "closed" from these without the sealed room; an "open" alias is still decided from the room
 * itself (answers.ts decideServiceConfiguration), so these only ever narrow what is looked up.
 */
import { roomWindowAt } from '../roomSpec/window';
import type { RoomRecurrence, RoomSpec, RoomWindow } from '../roomSpec/types';
import { activationWindow, lastOccurrence, seriesWindowAt } from '../time';
import type { EpochMs } from '../types';

/** From the first window's opening to the last one's closing (`until` is Infinity for a series without end). */
export interface Opening {
  from: EpochMs;
  until: EpochMs;
  /** The series, for a recurring meeting: its occurrences' windows lie inside [from, until). */
  series: RoomRecurrence | null;
}

/** The opening of a room, or null when its aliases never answer (a draft, or no window). */
export function openingOf(room: Pick<RoomSpec, 'sent' | 'window' | 'recurrence'>): Opening | null {
  if (!room.sent || room.window === null) return null;
  const r = room.recurrence;
  if (r === undefined) return { from: room.window.opensAt, until: room.window.closesAt, series: null };
  try {
    const last = lastOccurrence({ start: r.meeting.start, end: r.meeting.end, timeZone: r.timeZone, rule: r.rule });
    const until = last === null ? Number.POSITIVE_INFINITY : activationWindow(last, { leadMinutes: r.leadMinutes, graceMinutes: r.graceMinutes }).closesAt;
    return { from: room.window.opensAt, until, series: r };
  } catch {
    // A series core/time cannot expand never opens (roomWindowAt says the same).
    return null;
  }
}

/**
 * The window open at `now`, else the next one to open, within `opening`; null when none is left.
 * For a series it is the occurrence `roomWindowAt` would answer with while it is open.
 */
export function windowAtOrNext(opening: Opening, now: EpochMs): RoomWindow | null {
  if (!Number.isFinite(now) || now >= opening.until) return null;
  const r = opening.series;
  if (r === null) return { opensAt: opening.from, closesAt: opening.until };
  if (now < opening.from) return { opensAt: opening.from, closesAt: Math.min(opening.until, firstClose(r)) };
  try {
    const open = roomWindowAt({ window: { opensAt: opening.from, closesAt: opening.until }, recurrence: r } as RoomSpec, now);
    if (open !== null) return open;
    return seriesWindowAt({ start: r.meeting.start, end: r.meeting.end, timeZone: r.timeZone, rule: r.rule }, now, { leadMinutes: r.leadMinutes, graceMinutes: r.graceMinutes });
  } catch {
    return null;
  }
}

function firstClose(r: RoomRecurrence): EpochMs {
  return activationWindow(r.meeting, { leadMinutes: r.leadMinutes, graceMinutes: r.graceMinutes }).closesAt;
}
