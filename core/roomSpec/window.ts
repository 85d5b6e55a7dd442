/**
 * When a room's meeting codes work: the product's rule, which the meeting service's policy
 * answers (core/infinity) and the reference node's token decisions both apply.
 */
import { isCodeActive, seriesWindowActiveAt } from '../time';
import type { EpochMs } from '../types';
import type { RoomSpec, RoomWindow } from './types';

/**
 * The window in which the room's meeting codes work at `now`, or null when they do not: the
 * room's `window` for a single meeting; for a series, the window of whichever occurrence is open
 * (lead before its start, grace after its end). Fails closed (null) on anything malformed.
 */
export function roomWindowAt(room: RoomSpec, now: EpochMs): RoomWindow | null {
  if (room.window === null || !Number.isFinite(now)) return null;
  if (room.recurrence === undefined) return isCodeActive(room.window, now) ? room.window : null;
  const r = room.recurrence;
  try {
    return seriesWindowActiveAt({ start: r.meeting.start, end: r.meeting.end, timeZone: r.timeZone, rule: r.rule }, now, { leadMinutes: r.leadMinutes, graceMinutes: r.graceMinutes });
  } catch {
    return null;
  }
}
