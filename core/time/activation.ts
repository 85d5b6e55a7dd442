/**
 * When a meeting's access code works: a window from shortly before the start until the end
 * (plus an optional grace period), so early joiners are let in and the code dies with the meeting.
 */
import type { EpochMs, MeetingTime } from '../types';

/** Default minutes before the start from which the code works. */
export const DEFAULT_LEAD_MINUTES = 15;
/** Default minutes after the end during which the code still works. */
export const DEFAULT_GRACE_MINUTES = 0;
/**
 * How long after a code's window opens before software uses it (5 s). Clocks disagree: a laptop
 * a fraction of a second ahead of the conference node would otherwise send the code while the
 * node still refuses it, spend an attempt and mark a valid code as failed. Seconds, not
 * milliseconds, because laptop clocks drift by hundreds of milliseconds between NTP syncs.
 */
export const ACTIVATION_SAFETY_MARGIN_MS = 5_000;

/** Upper bound for lead and grace: a week. Longer windows defeat the point of one-time codes. */
export const MAX_WINDOW_PAD_MINUTES = 7 * 24 * 60;

/** Options for {@link activationWindow}. Minutes are whole or fractional, finite, 0 to a week. */
export interface ActivationOptions {
  /** Minutes before the start when the code starts working. Default 15. */
  leadMinutes?: number;
  /** Minutes after the end during which the code keeps working. Default 0. */
  graceMinutes?: number;
}

/** The half-open interval [opensAt, closesAt) in UTC ms during which a code is accepted. */
export interface ActivationWindow {
  opensAt: EpochMs;
  closesAt: EpochMs;
}

function checkMinutes(value: number, name: string): number {
  if (typeof value !== 'number' || !Number.isFinite(value)) {
    throw new RangeError(`${name} must be a finite number of minutes, got ${String(value)}`);
  }
  if (value < 0) throw new RangeError(`${name} must not be negative, got ${value}`);
  if (value > MAX_WINDOW_PAD_MINUTES) {
    throw new RangeError(`${name} must be at most ${MAX_WINDOW_PAD_MINUTES} (one week), got ${value}`);
  }
  return value;
}

/** Throws a RangeError unless `meeting` has finite start and end with end after start. */
export function assertMeetingTime(meeting: MeetingTime, name = 'meeting'): void {
  if (meeting === null || typeof meeting !== 'object') throw new RangeError(`${name} must be an object {start, end}`);
  for (const key of ['start', 'end'] as const) {
    const v = meeting[key];
    if (typeof v !== 'number' || !Number.isFinite(v)) {
      throw new RangeError(`${name}.${key} must be a finite number of UTC ms, got ${String(v)}`);
    }
  }
  if (meeting.end <= meeting.start) {
    throw new RangeError(`${name}.end (${meeting.end}) must be after ${name}.start (${meeting.start})`);
  }
}

/**
 * The activation window of one meeting (or one occurrence): opens `leadMinutes` (default 15)
 * before `meeting.start`, closes `graceMinutes` (default 0) after `meeting.end`.
 * Moving the meeting moves the window with it: the window is always derived, never stored.
 * Throws RangeError when start/end are not finite, end is not after start, or minutes are
 * negative, not finite or longer than a week.
 */
export function activationWindow(meeting: MeetingTime, opts: ActivationOptions = {}): ActivationWindow {
  assertMeetingTime(meeting);
  const lead = checkMinutes(opts.leadMinutes ?? DEFAULT_LEAD_MINUTES, 'leadMinutes');
  const grace = checkMinutes(opts.graceMinutes ?? DEFAULT_GRACE_MINUTES, 'graceMinutes');
  return {
    opensAt: meeting.start - Math.round(lead * 60_000),
    closesAt: meeting.end + Math.round(grace * 60_000),
  };
}

/**
 * Whether a code is accepted at `now` (UTC ms): `opensAt <= now < closesAt`.
 * Fails closed: a non-finite `now` or a malformed window is never active.
 */
export function isCodeActive(window: ActivationWindow, now: EpochMs): boolean {
  if (!Number.isFinite(now) || !Number.isFinite(window?.opensAt) || !Number.isFinite(window?.closesAt)) return false;
  return window.opensAt <= now && now < window.closesAt;
}

/**
 * The window of whichever of `meetings` (e.g. occurrences of a series) is open at `now`, or
 * null. With overlapping windows the earliest-opening one wins.
 */
export function activeWindowAt(
  meetings: readonly MeetingTime[],
  now: EpochMs,
  opts: ActivationOptions = {},
): ActivationWindow | null {
  let best: ActivationWindow | null = null;
  for (const m of meetings) {
    const w = activationWindow(m, opts);
    if (isCodeActive(w, now) && (best === null || w.opensAt < best.opensAt)) best = w;
  }
  return best;
}
