/**
 * Join naming: when one personal passcode is used by several people, later joiners get the
 * invitee's name with a number, so the organizer sees that a link was shared.
 */
import { resolvePasscode } from './roster';
import type { Roster } from './roster';

/** Passcode -> joins so far. */
export type RosterUsage = Record<string, number>;

/** Joins recorded so far for a passcode (own properties only; bad values count as 0). */
function joinsSoFar(usage: RosterUsage, passcode: string): number {
  if (!Object.hasOwn(usage, passcode)) return 0;
  const n = usage[passcode];
  return typeof n === 'number' && Number.isInteger(n) && n > 0 ? n : 0;
}

/**
 * Records a join with a personal passcode. Pure: returns the display name and a new usage map.
 * The first join shows the invitee's name ("Ana Lima"), later ones "Ana Lima (2)", "(3)"...
 *
 * @returns null when the passcode is not on the roster (usage unchanged).
 */
export function recordJoin(roster: Roster, usage: RosterUsage, passcode: string): { displayName: string; usage: RosterUsage } | null {
  const invitee = resolvePasscode(roster, passcode);
  if (invitee === null) return null;
  const n = joinsSoFar(usage, passcode) + 1;
  // fromEntries defines own properties, so even a passcode like "__proto__" is stored as data.
  const next: RosterUsage = Object.fromEntries([...Object.entries(usage), [passcode, n]]);
  return { displayName: n === 1 ? invitee.name : `${invitee.name} (${n})`, usage: next };
}
