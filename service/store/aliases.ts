/**
 * The aliases table: which meeting (and which of its aliases) a policy request's `local_alias`
 * names. Written inside the meeting write's transaction, so a meeting and its aliases commit
 * together; unique across all meetings, so a taken alias fails the write with the field named.
 */
import { meetingAliases } from '../../core/room';
import type { AliasKind, RoomSpec } from '../../core/room';
import type { Queryable } from '../db/database';
import { UNIQUE_VIOLATION, sqlState } from '../db/database';
import type { CodesCipher } from '../codes';

/** Thrown when an alias of the meeting belongs to another meeting; `path` names it in the room. */
export class AliasTakenError extends Error {
  override readonly name = 'AliasTakenError';
  constructor(readonly path: string) {
    super(`the alias at room.${path} belongs to another meeting`);
  }
}

/**
 * Refuses, before anything is written, an alias of `room` that another meeting holds.
 * @throws AliasTakenError naming the first such alias in spec order.
 */
export async function assertAliasesFree(q: Queryable, meetingId: string, room: RoomSpec): Promise<void> {
  const aliases = meetingAliases(room);
  const { rows } = await q.query<{ alias_key: string }>(
    'SELECT alias_key FROM meeting_aliases WHERE alias_key = ANY($1::text[]) AND meeting_id <> $2',
    [aliases.map((a) => a.key), meetingId],
  );
  const taken = new Set(rows.map((r) => r.alias_key));
  const first = aliases.find((a) => taken.has(a.key));
  if (first) throw new AliasTakenError(first.path);
}

/**
 * Replaces the meeting's aliases with the room's, in the caller's transaction (delete, then
 * insert): a clash with a meeting written concurrently rolls the whole write back.
 * @throws AliasTakenError (the alias named from the database's detail when it gives one).
 */
export async function writeAliases(q: Queryable, meetingId: string, room: RoomSpec): Promise<void> {
  const aliases = meetingAliases(room);
  await q.query('DELETE FROM meeting_aliases WHERE meeting_id = $1', [meetingId]);
  try {
    await q.query(
      `INSERT INTO meeting_aliases (alias_key, meeting_id, kind, invitee_index)
       SELECT k, $1, kind, idx FROM unnest($2::text[], $3::text[], $4::int[]) AS t(k, kind, idx)`,
      [meetingId, aliases.map((a) => a.key), aliases.map((a) => a.kind), aliases.map((a) => a.inviteeIndex)],
    );
  } catch (error) {
    if (sqlState(error) !== UNIQUE_VIOLATION) throw error;
    const detail = String((error as { detail?: unknown }).detail ?? '');
    throw new AliasTakenError(aliases.find((a) => detail.includes(`=(${a.key})`))?.path ?? 'alias');
  }
}

/** A stored alias with its meeting's row, as a policy request needs it. */
export interface FoundAlias {
  meetingId: string;
  subject: string;
  room: RoomSpec;
  kind: AliasKind;
  inviteeIndex: number | null;
}

/** The meeting an alias key belongs to (one indexed statement), or null. */
export async function findByAlias(q: Queryable, cipher: CodesCipher, key: string): Promise<FoundAlias | null> {
  const { rows } = await q.query<{ id: string; subject: string; room_sealed: string; kind: AliasKind; invitee_index: number | null }>(
    `SELECT m.id, m.subject, m.room_sealed, a.kind, a.invitee_index
       FROM meeting_aliases a JOIN meetings m ON m.id = a.meeting_id
      WHERE a.alias_key = $1`,
    [key],
  );
  const row = rows[0];
  if (!row) return null;
  return { meetingId: row.id, subject: row.subject, room: cipher.open(row.room_sealed, row.id) as RoomSpec, kind: row.kind, inviteeIndex: row.invitee_index };
}
