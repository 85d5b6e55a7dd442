/**
 * "Name (n)" ordinals this replica has read or assigned, kept beside the held meeting they belong
 * to (issue 19): Infinity asks participant properties several times per join (`api`, then
 * `standard`), and a participant's ordinal never changes once stored (../store/participantNames.ts),
 * so a repeat costs no database round trip. Keyed by the view's meeting object: any change to the
 * meeting (an edit, a delete and re-create) makes a new object and starts afresh, as the
 * database's rows of a deleted meeting are pruned. Past the cap nothing is stored anywhere
 * ("Name (999+)" for everyone), so nothing is kept here either.
 */
import { MAX_NAME_ORDINAL } from '../../core/infinity';
import type { AliasedMeeting } from '../../core/infinity';

/** Participants kept per held meeting: the cap, and its occurrences' keys, bound it anyway. */
const MAX_PER_MEETING = 4 * MAX_NAME_ORDINAL;

const held = new WeakMap<AliasedMeeting, Map<string, number>>();

/** The ordinal kept for `participant` under `key` (one invitee of one occurrence), or undefined. */
export function heldOrdinal(found: AliasedMeeting, key: string, participant: string): number | undefined {
  return held.get(found)?.get(`${key} ${participant}`);
}

/** Keeps a stored ordinal (one the database has a row for). */
export function holdOrdinal(found: AliasedMeeting, key: string, participant: string, ordinal: number): void {
  if (ordinal > MAX_NAME_ORDINAL) return;
  let ordinals = held.get(found);
  if (ordinals === undefined) held.set(found, (ordinals = new Map()));
  if (ordinals.size < MAX_PER_MEETING) ordinals.set(`${key} ${participant}`, ordinal);
}
