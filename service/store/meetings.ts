/**
 * Meetings in the database. Each write is one statement guarded by the version it was based on
 * (`... WHERE id = $1 AND version = $2`), so two processes on one database can never both win
 * the same version; the caller runs it in a transaction with its audit row.
 */
import type { MeetingView } from '../../core/meeting';
import type { RoomSpec } from '../../core/room';
import type { CodesCipher } from '../codes';
import type { Queryable } from '../db/database';
import { UNIQUE_VIOLATION, sqlState } from '../db/database';

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

/** Thrown when the room alias belongs to another meeting. */
export class AliasTakenError extends Error {
  override readonly name = 'AliasTakenError';
}

/** Reads a meeting; `lock` takes a row lock until the transaction ends. */
export async function findMeeting(q: Queryable, cipher: CodesCipher, id: string, lock = false): Promise<MeetingView | null> {
  const { rows } = await q.query<MeetingRow>(`SELECT ${COLUMNS} FROM meetings WHERE id = $1${lock ? ' FOR UPDATE' : ''}`, [id]);
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
      throw new AliasTakenError('the room alias belongs to another meeting');
    }
    throw error;
  }
}

/** A meeting to store. */
export interface NewMeeting {
  id: string;
  organizer: { id: string; name: string };
  subject: string;
  room: RoomSpec;
}

/** Inserts version 1; null when the id exists. @throws AliasTakenError. */
export async function insertMeeting(q: Queryable, cipher: CodesCipher, m: NewMeeting): Promise<MeetingView | null> {
  return aliasGuard(async () => {
    const { rows } = await q.query<MeetingRow>(
      `INSERT INTO meetings (id, version, organizer_id, organizer_name, subject, alias_key, room_sealed, created_at, updated_at)
       VALUES ($1, 1, $2, $3, $4, $5, $6, now(), now())
       ON CONFLICT (id) DO NOTHING
       RETURNING ${COLUMNS}`,
      [m.id, m.organizer.id, m.organizer.name, m.subject, m.room.alias.toLowerCase(), cipher.seal(m.room, m.id)],
    );
    return rows[0] ? viewOf(rows[0], cipher) : null;
  });
}

/**
 * Replaces version `version` of `organizerId`'s meeting with `version + 1`; null when the stored
 * version differs (or the meeting is gone, or is someone else's). @throws AliasTakenError.
 */
export async function updateMeeting(
  q: Queryable,
  cipher: CodesCipher,
  target: { id: string; version: number; organizerId: string },
  change: { subject: string; room: RoomSpec },
): Promise<MeetingView | null> {
  return aliasGuard(async () => {
    const { rows } = await q.query<MeetingRow>(
      `UPDATE meetings SET version = version + 1, subject = $4, alias_key = $5, room_sealed = $6, updated_at = now()
       WHERE id = $1 AND version = $2 AND organizer_id = $3
       RETURNING ${COLUMNS}`,
      [target.id, target.version, target.organizerId, change.subject, change.room.alias.toLowerCase(), cipher.seal(change.room, target.id)],
    );
    return rows[0] ? viewOf(rows[0], cipher) : null;
  });
}

/** Deletes the meeting at `version` (any version when null); the version deleted, or null when none was. */
export async function deleteMeeting(q: Queryable, id: string, version: number | null): Promise<number | null> {
  const { rows } =
    version === null
      ? await q.query<{ version: number }>('DELETE FROM meetings WHERE id = $1 RETURNING version', [id])
      : await q.query<{ version: number }>('DELETE FROM meetings WHERE id = $1 AND version = $2 RETURNING version', [id, version]);
  return rows[0]?.version ?? null;
}
