/**
 * The draft sweep's SQL. One batch is one transaction: it locks the oldest unsent candidates
 * with `FOR UPDATE SKIP LOCKED`, opens their sealed rooms (the truth on `sent`), and removes
 * the expired ones with an audit row each, in one statement (their aliases go by ON DELETE
 * CASCADE). So:
 * - two replicas sweeping at once lock disjoint rows: each draft is removed, and audited, once;
 * - a write holding the meeting's row (a replace, or the send's `sent: true`) is skipped, and
 *   its new `updated_at` makes the draft young again: the write wins;
 * - a write arriving after the lock waits for the batch to commit, then finds no row (404);
 * - locks are row locks on the batch's drafts only, held for one short transaction.
 */
import { planDraftSweep } from '../../core/meeting';
import type { DraftCandidate } from '../../core/meeting';
import type { CodesCipher } from '../codes';
import type { Database, Queryable } from '../db/database';

/** Who the audit rows name for removals by the sweep. */
export const SWEEP_ACTOR = { id: 'securejoin:draft-expiry', name: 'draft expiry' } as const;

/** A draft the sweep removed (no code, no alias: aliases are codes). */
export interface ExpiredDraft {
  id: string;
  organizerId: string;
  version: number;
  /** Its last write, ISO 8601. */
  lastWriteAt: string;
}

/** What one batch did. */
export interface DraftBatch {
  /** Candidates locked (unsent by the plain column, older than the TTL). */
  locked: number;
  expired: ExpiredDraft[];
  /** Sent after all (the sealed room said so): the plain column was corrected. */
  markedSent: number;
  /** Sealed rooms that could not be opened: kept. */
  unreadable: number;
}

const MS = `$1::double precision * interval '1 millisecond'`;

interface CandidateRow {
  id: string;
  room_sealed: string;
  updated_at: Date | string;
  db_now: Date | string;
}

/** Whether a sealed room says sent; null when it cannot be opened. */
function sealedSent(cipher: CodesCipher, row: CandidateRow): boolean | null {
  try {
    return (cipher.open(row.room_sealed, row.id) as { sent?: unknown }).sent === true;
  } catch {
    return null;
  }
}

/** Sweeps up to `limit` of the oldest expired drafts, in one transaction (see the module comment). */
export async function expireDraftBatch(db: Database, cipher: CodesCipher, ttlMs: number, limit: number): Promise<DraftBatch> {
  return db.transaction(async (q) => {
    // The database's clock decides age (every replica agrees with it, and it wrote updated_at).
    const { rows } = await q.query<CandidateRow>(
      `SELECT id, room_sealed, updated_at, now() AS db_now FROM meetings
        WHERE sent IS NOT TRUE AND updated_at < now() - ${MS}
        ORDER BY updated_at LIMIT $2
        FOR UPDATE SKIP LOCKED`,
      [ttlMs, limit],
    );
    const candidates: DraftCandidate[] = [];
    let unreadable = 0;
    for (const row of rows) {
      const sent = sealedSent(cipher, row);
      if (sent === null) unreadable += 1;
      else candidates.push({ id: row.id, sent, lastWriteAt: new Date(row.updated_at).getTime() });
    }
    const now = rows[0] ? new Date(rows[0].db_now).getTime() : 0;
    const plan = planDraftSweep(candidates, now, ttlMs);
    if (plan.markSent.length > 0) await q.query('UPDATE meetings SET sent = true WHERE id = ANY($1::text[])', [plan.markSent]);
    const expired = plan.expire.length > 0 ? await removeLocked(q, plan.expire) : [];
    return { locked: rows.length, expired, markedSent: plan.markSent.length, unreadable };
  });
}

/** Removes locked drafts with an audit row each, in one statement. */
async function removeLocked(q: Queryable, ids: string[]): Promise<ExpiredDraft[]> {
  const { rows } = await q.query<{ id: string; organizer_id: string; version: number; updated_at: Date | string }>(
    `WITH del AS (
       DELETE FROM meetings WHERE id = ANY($1::text[]) AND sent IS NOT TRUE
       RETURNING id, organizer_id, version, updated_at
     ), audit AS (
       INSERT INTO meeting_audit (actor_id, actor_name, action, meeting_id, organizer_id, version)
       SELECT $2, $3, 'expire', id, organizer_id, version FROM del
     )
     SELECT * FROM del ORDER BY updated_at, id`,
    [ids, SWEEP_ACTOR.id, SWEEP_ACTOR.name],
  );
  return rows.map((r) => ({ id: r.id, organizerId: r.organizer_id, version: r.version, lastWriteAt: new Date(r.updated_at).toISOString() }));
}

/**
 * Removes "Name (n)" rows no one will ask for again: their meeting is gone, or their
 * occurrence's window closed more than `keepMs` ago. Rows another replica is removing are
 * skipped, not waited for. @returns how many were removed.
 */
export async function pruneParticipantNames(db: Database, keepMs: number): Promise<number> {
  const { rowCount } = await db.query(
    `DELETE FROM participant_names WHERE (name_key, participant) IN (
       SELECT p.name_key, p.participant FROM participant_names p
        WHERE p.closes_at < now() - ${MS}
           OR NOT EXISTS (SELECT 1 FROM meetings m WHERE m.id = split_part(p.name_key, ':', 1))
        FOR UPDATE SKIP LOCKED
     )`,
    [keepMs],
  );
  return rowCount;
}
