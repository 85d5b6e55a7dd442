/** The audit trail: who created, changed or deleted which meeting, and when. Never the codes. */
import type { Caller } from '../../core/meeting';
import type { Queryable } from '../db/database';

/** What happened to a meeting. */
export type AuditAction = 'create' | 'replace' | 'delete';

/** One audit entry, written in the same transaction as the change it records. */
export interface AuditEntry {
  actor: Caller;
  action: AuditAction;
  meetingId: string;
  organizerId: string;
  /** The version the change produced (for a delete: the version deleted). */
  version: number;
}

export async function recordAudit(q: Queryable, e: AuditEntry): Promise<void> {
  await q.query(
    'INSERT INTO meeting_audit (actor_id, actor_name, action, meeting_id, organizer_id, version) VALUES ($1, $2, $3, $4, $5, $6)',
    [e.actor.id, e.actor.name, e.action, e.meetingId, e.organizerId, e.version],
  );
}
