/**
 * Merging one record into a list of saved meetings, with one rule shared by capture (saving a
 * PIN twice), manual edits and vault import:
 * - a record with a new key (node + path + alias + role) is added;
 * - the same key with the same content is unchanged;
 * - the same key with different content: the record with the newer `updatedAt` wins; on a tie
 *   the existing record stays (never lose what is stored on a coin toss). The winner keeps the
 *   existing record's id and the older `createdAt`, so the database row is replaced, not doubled.
 * - a different PIN for the same key is also reported as a conflict, whichever side won.
 */
import { meetingKey, sameMeetingContent } from './key';
import type { SavedMeeting } from './schema';

/** What happened to an incoming record. */
export type MergeOutcome = 'added' | 'updated' | 'unchanged';

/** Same meeting, different PIN: which one was kept. PINs are not repeated here (reports get shown). */
export interface VaultConflict {
  key: string;
  alias: string;
  origin: string;
  role: SavedMeeting['role'];
  /** Id of the stored record (kept either way). */
  existingId: string;
  /** `incoming` when the incoming record was newer and replaced the stored content. */
  kept: 'existing' | 'incoming';
  existingUpdatedAt: number;
  incomingUpdatedAt: number;
}

/** Result of {@link mergeMeeting}: the new list (input untouched) and what happened. */
export interface MergeResult {
  meetings: SavedMeeting[];
  outcome: MergeOutcome;
  /** The stored record's id when the key already existed. */
  existingId?: string;
  conflict?: VaultConflict;
}

/** The decision for one key: what to store and what to report. */
export interface MergeDecision {
  outcome: MergeOutcome;
  /** The record to store at the existing record's place (for `updated`) or to append (for `added`). */
  record: SavedMeeting;
  conflict?: VaultConflict;
}

/**
 * Decides how `incoming` merges with the stored record of the same key (`undefined` when there is
 * none). Pure; see the module comment for the rule.
 */
export function decideMerge(existing: SavedMeeting | undefined, incoming: SavedMeeting): MergeDecision {
  if (existing === undefined) return { outcome: 'added', record: incoming };
  const newer = incoming.updatedAt > existing.updatedAt;
  const decision: MergeDecision =
    sameMeetingContent(existing, incoming) || !newer
      ? { outcome: 'unchanged', record: existing }
      : { outcome: 'updated', record: { ...incoming, id: existing.id, createdAt: Math.min(existing.createdAt, incoming.createdAt) } };
  if (existing.pin !== incoming.pin) {
    decision.conflict = {
      key: meetingKey(existing),
      alias: existing.alias,
      origin: existing.origin,
      role: existing.role,
      existingId: existing.id,
      kept: newer ? 'incoming' : 'existing',
      existingUpdatedAt: existing.updatedAt,
      incomingUpdatedAt: incoming.updatedAt,
    };
  }
  return decision;
}

/**
 * Merges `incoming` into `meetings` by {@link meetingKey} (see the module comment for the rule).
 * Returns a new array; never mutates its inputs. An added record keeps its own id: the caller
 * makes sure ids are unique (importVault does).
 */
export function mergeMeeting(meetings: readonly SavedMeeting[], incoming: SavedMeeting): MergeResult {
  const key = meetingKey(incoming);
  const index = meetings.findIndex((m) => meetingKey(m) === key);
  const existing = index < 0 ? undefined : meetings[index];
  const d = decideMerge(existing, incoming);
  const out = [...meetings];
  if (d.outcome === 'added') out.push(d.record);
  else if (d.outcome === 'updated') out[index] = d.record;
  const result: MergeResult = { meetings: out, outcome: d.outcome };
  if (existing) result.existingId = existing.id;
  if (d.conflict) result.conflict = d.conflict;
  return result;
}
