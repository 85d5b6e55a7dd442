/**
 * Meetings in the database. Each write is ONE statement (the change and its audit row together,
 * as data-modifying CTEs) guarded by the version it was based on, so it is atomic without a
 * transaction, holds the row lock only while the statement runs, and two processes on one
 * database can never both win the same version. The caller wraps it in a transaction with the
 * meeting's aliases (service/store/aliases.ts). Each write also copies `room.sent` into the
 * plain `sent` column, by which the draft sweep (service/store/drafts.ts) finds unsent drafts.
 */
import type { MeetingView } from '../../core/meeting';
import type { RoomSpec } from '../../core/roomSpec';
import type { AliasHasher } from '../aliasHash';
import type { CodesCipher } from '../codes';
import { aliasKey } from '../../core/roomSpec';
import { openingOf } from '../../core/infinity/opening';
import type { Queryable } from '../db/database';
import { UNIQUE_VIOLATION, sqlState } from '../db/database';
import { AliasTakenError } from './aliases';

interface MeetingRow {
  id: string;
  version: number;
  organizer_id: string;
  organizer_name: string;
  subject: string;
  room_sealed: string;
  created_at: Date | string;
  updated_at: Date | string;
}

const COLUMNS = 'id, version, organizer_id, organizer_name, subject, room_sealed, created_at, updated_at';

/** The API view of a row (opens the sealed room). */
export function viewOf(row: MeetingRow, cipher: CodesCipher): MeetingView {
  return {
    id: row.id,
    version: row.version,
    organizer: { id: row.organizer_id, name: row.organizer_name },
    subject: row.subject,
    room: cipher.open(row.room_sealed, row.id) as RoomSpec,
    createdAt: new Date(row.created_at).toISOString(),
    updatedAt: new Date(row.updated_at).toISOString(),
  };
}

export { AliasTakenError } from './aliases';

/** Reads a meeting. */
export async function findMeeting(q: Queryable, cipher: CodesCipher, id: string): Promise<MeetingView | null> {
  const { rows } = await q.query<MeetingRow>(`SELECT ${COLUMNS} FROM meetings WHERE id = $1`, [id]);
  return rows[0] ? viewOf(rows[0], cipher) : null;
}

/** Every meeting of one organizer (or everyone's), oldest first. */
export async function listMeetings(q: Queryable, cipher: CodesCipher, organizerId: string | null): Promise<MeetingView[]> {
  const { rows } =
    organizerId === null
      ? await q.query<MeetingRow>(`SELECT ${COLUMNS} FROM meetings ORDER BY created_at, id`)
      : await q.query<MeetingRow>(`SELECT ${COLUMNS} FROM meetings WHERE organizer_id = $1 ORDER BY created_at, id`, [organizerId]);
  return rows.map((r) => viewOf(r, cipher));
}

async function aliasGuard<T>(write: () => Promise<T>): Promise<T> {
  try {
    return await write();
  } catch (error) {
    // The id's conflict is handled by ON CONFLICT, so the only unique key left to violate is the alias.
    if (sqlState(error) === UNIQUE_VIOLATION) {
      throw new AliasTakenError();
    }
    throw error;
  }
}

/**
 * The plain opening columns of a room (migration 6: what the policy view loads without opening
 * sealed rooms): first opening, last closing, series; all null when its aliases never answer.
 */
export function openingParams(room: RoomSpec): [number | null, number | null, string | null] {
  const o = openingOf(room);
  return o === null ? [null, null, null] : [o.from, o.until, o.series === null ? null : JSON.stringify(o.series)];
}

/** A meeting to store. */
export interface NewMeeting {
  id: string;
  organizer: { id: string; name: string };
  subject: string;
  room: RoomSpec;
}

/** Who made a change, for its audit row. */
export interface Actor {
  id: string;
  name: string;
}

/** The audit row written by the same statement as the change (`src` is the CTE of changed rows). */
const AUDIT = (action: 'create' | 'replace' | 'delete', src: string): string =>
  `INSERT INTO meeting_audit (actor_id, actor_name, action, meeting_id, organizer_id, version)
   SELECT $ACTOR_ID, $ACTOR_NAME, '${action}', id, organizer_id, version FROM ${src}`;

/** Numbers the audit placeholders after the statement's own parameters. */
function withActor(sql: string, params: unknown[], actor: Actor): [string, unknown[]] {
  const n = params.length;
  return [sql.replace('$ACTOR_ID', `$${n + 1}`).replace('$ACTOR_NAME', `$${n + 2}`), [...params, actor.id, actor.name]];
}

/**
 * Inserts version 1 and its audit row in one statement; null when the id exists.
 * @throws AliasTakenError (nothing written).
 */
export async function insertMeeting(q: Queryable, cipher: CodesCipher, hash: AliasHasher, m: NewMeeting, actor: Actor): Promise<MeetingView | null> {
  const [sql, params] = withActor(
    `WITH ins AS (
       INSERT INTO meetings (id, version, organizer_id, organizer_name, subject, alias_key, room_sealed, sent,
                             open_from_ms, open_until_ms, series, opening_known, created_at, updated_at)
       VALUES ($1, 1, $2, $3, $4, $5, $6, $7, $8, $9, $10::jsonb, true, now(), now())
       ON CONFLICT (id) DO NOTHING
       RETURNING ${COLUMNS}
     ), audit AS (${AUDIT('create', 'ins')})
     SELECT * FROM ins`,
    [m.id, m.organizer.id, m.organizer.name, m.subject, hash(aliasKey(m.room.alias)), cipher.seal(m.room, m.id), m.room.sent, ...openingParams(m.room)],
    actor,
  );
  return aliasGuard(async () => {
    const { rows } = await q.query<MeetingRow>(sql, params);
    return rows[0] ? viewOf(rows[0], cipher) : null;
  });
}

/** A replace that happened: the new meeting and the room it replaced. */
export interface Replaced {
  meeting: MeetingView;
  before: RoomSpec;
}

/**
 * Replaces version `version` of `organizerId`'s meeting with `version + 1`, with its audit row,
 * in one statement. The row is locked first (FOR UPDATE), so under concurrent writers exactly one
 * finds the version it expects; the others see the winner's version and change nothing.
 * @returns null when the stored version differs, or the meeting is gone or someone else's.
 * @throws AliasTakenError (nothing written).
 */
export async function replaceMeeting(
  q: Queryable,
  cipher: CodesCipher,
  hash: AliasHasher,
  target: { id: string; version: number; organizerId: string },
  change: { subject: string; room: RoomSpec },
  actor: Actor,
): Promise<Replaced | null> {
  const [sql, params] = withActor(
    `WITH cur AS (
       SELECT id, version, organizer_id, room_sealed FROM meetings WHERE id = $1 FOR UPDATE
     ), upd AS (
       UPDATE meetings m SET version = m.version + 1, subject = $4, alias_key = $5, room_sealed = $6, sent = $7,
                             open_from_ms = $8, open_until_ms = $9, series = $10::jsonb, opening_known = true, updated_at = now()
       FROM cur WHERE m.id = cur.id AND cur.version = $2 AND cur.organizer_id = $3
       RETURNING m.id, m.version, m.organizer_id, m.organizer_name, m.subject, m.room_sealed, m.created_at, m.updated_at,
                 cur.room_sealed AS before_sealed
     ), audit AS (${AUDIT('replace', 'upd')})
     SELECT * FROM upd`,
    [target.id, target.version, target.organizerId, change.subject, hash(aliasKey(change.room.alias)), cipher.seal(change.room, target.id), change.room.sent, ...openingParams(change.room)],
    actor,
  );
  return aliasGuard(async () => {
    const { rows } = await q.query<MeetingRow & { before_sealed: string }>(sql, params);
    const row = rows[0];
    return row ? { meeting: viewOf(row, cipher), before: cipher.open(row.before_sealed, row.id) as RoomSpec } : null;
  });
}

/** A delete that happened. */
export interface Deleted {
  version: number;
  organizerId: string;
  room: RoomSpec;
}

/**
 * Deletes the meeting, with its audit row, in one statement: at `version` (any when null), of
 * `organizerId` (anyone's when null: an admin's revoke). @returns null when nothing matched.
 */
export async function removeMeeting(
  q: Queryable,
  cipher: CodesCipher,
  target: { id: string; version: number | null; organizerId: string | null },
  actor: Actor,
): Promise<Deleted | null> {
  const [sql, params] = withActor(
    `WITH del AS (
       DELETE FROM meetings WHERE id = $1 AND ($2::int IS NULL OR version = $2::int) AND ($3::text IS NULL OR organizer_id = $3::text)
       RETURNING id, version, organizer_id, room_sealed
     ), audit AS (${AUDIT('delete', 'del')})
     SELECT * FROM del`,
    [target.id, target.version, target.organizerId],
    actor,
  );
  const { rows } = await q.query<{ id: string; version: number; organizer_id: string; room_sealed: string }>(sql, params);
  const row = rows[0];
  return row ? { version: row.version, organizerId: row.organizer_id, room: cipher.open(row.room_sealed, row.id) as RoomSpec } : null;
}
