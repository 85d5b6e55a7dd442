/**
 * Whether SecureJoin knows when a saved code starts working. A one-time access code spent
 * before its window opens is an attempt lost (and a step towards the room's lockout), so a code
 * whose time SecureJoin does not know is never filled without asking the user first.
 * - `window`: the record has times; the window that applies at `now` (a series: the occurrence
 *   open at `now`, else the next one).
 * - `over`: a series with no occurrence left.
 * - `untimed`: no times, and none were expected: the user typed the PIN without a start (the
 *   popup's start is optional and says what it changes), or the organizer's capture link, which
 *   always carries the window of a code that has one, carried none (a standing room PIN).
 * - `unknown`: no times where a code usually has them: a meeting read from a pasted invite whose
 *   text gave no time (the popup says "no time set"); an exported and imported one keeps its source.
 */
import type { ActivationWindow } from '../time/activation';
import type { EpochMs } from '../types';
import type { SavedMeeting } from '../vault/schema';
import { meetingSeries, meetingWindow } from '../vault/window';

/** See the module comment. */
export type CodeTiming = { kind: 'window'; window: ActivationWindow } | { kind: 'over' } | { kind: 'untimed' } | { kind: 'unknown' };

/** When `meeting`'s code works, as far as SecureJoin knows at `now`. Never throws for a valid record. */
export function codeTiming(meeting: SavedMeeting, now: EpochMs): CodeTiming {
  if (meeting.startsAt === undefined) return meeting.source === 'invite' ? { kind: 'unknown' } : { kind: 'untimed' };
  const window = meetingSeries(meeting) === null ? meetingWindow(meeting) : meetingWindow(meeting, now);
  return window === null ? { kind: 'over' } : { kind: 'window', window };
}

/** Whether SecureJoin asks before filling `meeting`'s code at `now` (its time is unknown). */
export function asksBeforeFilling(meeting: SavedMeeting, now: EpochMs): boolean {
  return codeTiming(meeting, now).kind === 'unknown';
}
