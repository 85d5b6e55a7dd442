/**
 * Saved meetings in the database: small async functions over {@link SecureJoinDb}. Decisions
 * (validation, merging, retention) are core's; this module only reads and writes rows.
 */
import { decideMerge, expiredMeetings, meetingKey } from '../../core/vault';
import type { MergeOutcome, SavedMeeting, VaultConflict } from '../../core/vault';
import type { EpochMs } from '../../core/types';
import type { SecureJoinDb } from './db';

/** Every saved meeting (unsorted). */
export function allMeetings(db: SecureJoinDb): Promise<SavedMeeting[]> {
  return db.meetings.toArray();
}

/** Saved meetings on one exact node origin (the index lookup the fill path uses). */
export function meetingsOnOrigin(db: SecureJoinDb, origin: string): Promise<SavedMeeting[]> {
  return db.meetings.where('origin').equals(origin).toArray();
}

/** The distinct node origins the user has meetings for. */
export async function meetingOrigins(db: SecureJoinDb): Promise<string[]> {
  return (await db.meetings.orderBy('origin').uniqueKeys()).map(String);
}

/** What saving one record did. */
export interface SaveOutcome {
  outcome: MergeOutcome;
  meeting: SavedMeeting;
  conflict: VaultConflict | null;
}

/**
 * Saves a validated record, merged with core's rule (same meeting key: the newer content wins,
 * the stored id is kept). Runs in one transaction so two captures cannot both add.
 */
export function saveMeeting(db: SecureJoinDb, incoming: SavedMeeting): Promise<SaveOutcome> {
  return db.transaction('rw', db.meetings, async () => {
    // Only records on the same origin can share the key: an index lookup, not a full scan.
    const key = meetingKey(incoming);
    const existing = (await db.meetings.where('origin').equals(incoming.origin).toArray()).find((m) => meetingKey(m) === key);
    const decision = decideMerge(existing, incoming);
    if (decision.outcome !== 'unchanged') await db.meetings.put(decision.record);
    return { outcome: decision.outcome, meeting: decision.record, conflict: decision.conflict ?? null };
  });
}

/** What {@link updateMeeting} did. */
export type UpdateOutcome = { ok: true; meeting: SavedMeeting } | { ok: false; reason: 'not-found' | 'duplicate' };

/**
 * Rewrites the record with `id` through `edit` (which returns the new record or null to give
 * up), in one transaction. Refused as `duplicate` when the edit would give it the key of another
 * record (e.g. changing the role to one already saved for that room).
 */
export function updateMeeting<E>(db: SecureJoinDb, id: string, edit: (m: SavedMeeting) => { ok: true; value: SavedMeeting } | E): Promise<UpdateOutcome | E> {
  return db.transaction('rw', db.meetings, async () => {
    const existing = await db.meetings.get(id);
    if (existing === undefined) return { ok: false, reason: 'not-found' } as const;
    const edited = edit(existing);
    if (!(typeof edited === 'object' && edited !== null && (edited as { ok?: unknown }).ok === true)) return edited as E;
    const next = (edited as { value: SavedMeeting }).value;
    const key = meetingKey(next);
    const clash = (await db.meetings.where('origin').equals(next.origin).toArray()).some((m) => m.id !== id && meetingKey(m) === key);
    if (clash) return { ok: false, reason: 'duplicate' } as const;
    await db.meetings.put(next);
    return { ok: true, meeting: next } as const;
  });
}

/** Deletes one record; false when there was none. */
export function deleteMeeting(db: SecureJoinDb, id: string): Promise<boolean> {
  return db.transaction('rw', db.meetings, async () => {
    const found = (await db.meetings.get(id)) !== undefined;
    if (found) await db.meetings.delete(id);
    return found;
  });
}

/** Replaces the whole vault with `meetings` (an import's merged list, which core guarantees keeps every existing record). */
export function replaceAllMeetings(db: SecureJoinDb, meetings: readonly SavedMeeting[]): Promise<void> {
  return db.transaction('rw', db.meetings, async () => {
    await db.meetings.clear();
    await db.meetings.bulkPut([...meetings]);
  });
}

/** Deletes meetings past their retention (core's `expiredMeetings`); returns how many. */
export function deleteExpiredMeetings(db: SecureJoinDb, now: EpochMs, retentionDays: number): Promise<number> {
  return db.transaction('rw', db.meetings, async () => {
    const ids = expiredMeetings(await db.meetings.toArray(), now, retentionDays);
    await db.meetings.bulkDelete(ids);
    return ids.length;
  });
}
