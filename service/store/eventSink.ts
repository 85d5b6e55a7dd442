/**
 * The Event sink's own bookkeeping: which events were taken already (a node resending one is a
 * no-op) and each Conferencing Node's newest sequence number (to notice lost events). Runs in the
 * POST's transaction, so an event and what it recorded commit together or not at all.
 */
import { nextSequence } from '../../core/attendance';
import type { SeqOutcome, SinkEvent } from '../../core/attendance';
import type { Database, Queryable } from '../db/database';

/** Marks the event taken; false when it was taken before (a resend). */
export async function takeEvent(q: Queryable, e: SinkEvent): Promise<boolean> {
  const { rows } = await q.query(
    'INSERT INTO eventsink_received (node, seq, sent_at) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING RETURNING 1 AS taken',
    [e.node, e.seq, e.time / 1000],
  );
  return rows.length === 1;
}

/** What the event's `seq` says about its node's stream (core/attendance/sequence.ts), recorded. */
export async function noteSequence(q: Queryable, e: SinkEvent): Promise<SeqOutcome> {
  const { rows } = await q.query<{ last_seq: string | number }>('SELECT last_seq FROM eventsink_nodes WHERE node = $1 FOR UPDATE', [e.node]);
  const last = rows[0] ? Number(rows[0].last_seq) : null;
  const next = nextSequence(last, e.seq, e.event);
  if (next.last !== last) {
    await q.query(
      `INSERT INTO eventsink_nodes (node, last_seq, updated_at) VALUES ($1, $2, now())
       ON CONFLICT (node) DO UPDATE SET last_seq = EXCLUDED.last_seq, updated_at = now()`,
      [e.node, next.last],
    );
  }
  return next.outcome;
}

/** Forgets taken events older than `keepMs` (a resend comes within minutes, not days). */
export async function pruneReceived(db: Database, keepMs: number): Promise<number> {
  const { rowCount } = await db.query(`DELETE FROM eventsink_received WHERE received_at < now() - $1::double precision * interval '1 millisecond'`, [keepMs]);
  return rowCount;
}
