/**
 * Attendance rows (issue 23): written from Event sink participant events, one per participant,
 * merged so events may arrive in any order and more than once; read per meeting for the pane,
 * admins and the CLI; deleted by the sweep when their retention ends. A row holds no alias, PIN
 * or passcode: which meeting, which invitee (and their name), and what the node reported.
 */
import type { AttendanceFacts, AttendanceRow, AttendeeKind } from '../../core/attendance';
import type { AliasedMeeting } from '../../core/infinity';
import type { AliasKind, RoomSpec } from '../../core/roomSpec';
import type { EpochMs } from '../../core/types';
import type { AliasHasher } from '../aliasHash';
import type { CodesCipher } from '../codes';
import type { Database, Queryable } from '../db/database';

/** The meeting an alias belongs to, as the record needs it (with its organizer, who may read the record). */
export interface AliasOwner extends AliasedMeeting {
  organizerId: string;
}

/** The meeting holding an alias key (hashed as every alias is, ../aliasHash.ts), or null. */
export async function aliasOwner(q: Queryable, cipher: CodesCipher, hash: AliasHasher, key: string): Promise<AliasOwner | null> {
  const { rows } = await q.query<{ id: string; organizer_id: string; subject: string; room_sealed: string; kind: AliasKind; invitee_index: number | null }>(
    `SELECT m.id, m.organizer_id, m.subject, m.room_sealed, a.kind, a.invitee_index
       FROM meeting_aliases a JOIN meetings m ON m.id = a.meeting_id WHERE a.alias_key = $1`,
    [hash(key)],
  );
  const row = rows[0];
  return row ? { meetingId: row.id, organizerId: row.organizer_id, subject: row.subject, room: cipher.open(row.room_sealed, row.id) as RoomSpec, kind: row.kind, inviteeIndex: row.invitee_index } : null;
}

/**
 * The "Name (n)" number the policy API gave a participant, or null. The key is the one
 * ../routes/policy.ts counts under: meeting, invitee, occurrence (its window's opening).
 */
export async function ordinalOf(q: Queryable, meetingId: string, inviteeIndex: number, opensAt: EpochMs, participant: string): Promise<number | null> {
  const { rows } = await q.query<{ ordinal: number }>('SELECT ordinal FROM participant_names WHERE name_key = $1 AND participant = $2', [`${meetingId}:${inviteeIndex}:${opensAt}`, participant]);
  return rows[0]?.ordinal ?? null;
}

/** Who a row is about, beside the event's facts. */
export interface RowOwner {
  meetingId: string;
  organizerId: string;
  occurrence: EpochMs | null;
  kind: AttendeeKind;
  inviteeIndex: number | null;
  inviteeName: string | null;
  ordinal: number | null;
}

const iso = (t: EpochMs | null): string | null => (t === null ? null : new Date(t).toISOString());

/**
 * Merges one event into its participant's row. Order-free: the earliest join and the first
 * leave stick, a number once known stays, and a newer event's name, role and protocol win over
 * an older one's (so a late `participant_updated` cannot undo a newer one).
 */
export async function mergeAttendance(q: Queryable, owner: RowOwner, f: AttendanceFacts): Promise<void> {
  await q.query(
    `INSERT INTO attendance (participant, meeting_id, organizer_id, occurrence_at, attendee_kind, invitee_index, invitee_name, ordinal,
                             display_name, role, protocol, joined_at, left_at, duration_s, event_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15)
     ON CONFLICT (participant) DO UPDATE SET
       occurrence_at = COALESCE(attendance.occurrence_at, EXCLUDED.occurrence_at),
       ordinal = COALESCE(attendance.ordinal, EXCLUDED.ordinal),
       joined_at = LEAST(attendance.joined_at, EXCLUDED.joined_at),
       left_at = COALESCE(attendance.left_at, EXCLUDED.left_at),
       duration_s = COALESCE(attendance.duration_s, EXCLUDED.duration_s),
       display_name = CASE WHEN EXCLUDED.event_at >= attendance.event_at THEN COALESCE(EXCLUDED.display_name, attendance.display_name) ELSE COALESCE(attendance.display_name, EXCLUDED.display_name) END,
       role = CASE WHEN EXCLUDED.event_at >= attendance.event_at THEN COALESCE(EXCLUDED.role, attendance.role) ELSE COALESCE(attendance.role, EXCLUDED.role) END,
       protocol = CASE WHEN EXCLUDED.event_at >= attendance.event_at THEN COALESCE(EXCLUDED.protocol, attendance.protocol) ELSE COALESCE(attendance.protocol, EXCLUDED.protocol) END,
       attendee_kind = CASE WHEN attendance.attendee_kind = 'invitee' THEN attendance.attendee_kind ELSE EXCLUDED.attendee_kind END,
       event_at = GREATEST(attendance.event_at, EXCLUDED.event_at)`,
    [
      f.participant,
      owner.meetingId,
      owner.organizerId,
      iso(owner.occurrence),
      owner.kind,
      owner.inviteeIndex,
      owner.inviteeName,
      owner.ordinal,
      f.displayName,
      f.role,
      f.protocol,
      iso(f.joinedAt),
      iso(f.leftAt),
      f.durationSeconds,
      iso(f.eventAt),
    ],
  );
}

interface Row {
  organizer_id: string;
  occurrence_at: Date | string | null;
  attendee_kind: AttendeeKind;
  invitee_index: number | null;
  invitee_name: string | null;
  ordinal: number | null;
  display_name: string | null;
  role: 'host' | 'guest' | null;
  protocol: string | null;
  joined_at: Date | string | null;
  left_at: Date | string | null;
  duration_s: number | null;
}

const ms = (t: Date | string | null): EpochMs | null => (t === null ? null : new Date(t).getTime());

/** A meeting's rows (earliest join first) and the organizer they were recorded for (null: none). */
export async function attendanceOf(q: Queryable, meetingId: string): Promise<{ organizerId: string | null; rows: AttendanceRow[] }> {
  const { rows } = await q.query<Row>(
    `SELECT organizer_id, occurrence_at, attendee_kind, invitee_index, invitee_name, ordinal, display_name, role, protocol, joined_at, left_at, duration_s
       FROM attendance WHERE meeting_id = $1 ORDER BY joined_at NULLS LAST, participant`,
    [meetingId],
  );
  return {
    organizerId: rows[0]?.organizer_id ?? null,
    rows: rows.map((r) => {
      const joinedAt = ms(r.joined_at);
      const leftAt = ms(r.left_at);
      return {
        occurrence: ms(r.occurrence_at),
        kind: r.attendee_kind,
        inviteeIndex: r.invitee_index,
        invitee: r.invitee_name,
        ordinal: r.ordinal,
        displayName: r.display_name,
        role: r.role,
        protocol: r.protocol,
        joinedAt,
        leftAt,
        durationSeconds: r.duration_s ?? (joinedAt !== null && leftAt !== null ? Math.max(0, (leftAt - joinedAt) / 1000) : null),
      };
    }),
  };
}

/** Deletes rows recorded more than `retentionMs` ago (the admin policy's `attendance.retentionDays`). */
export async function pruneAttendance(db: Database, retentionMs: number): Promise<number> {
  const { rowCount } = await db.query(
    `DELETE FROM attendance WHERE COALESCE(joined_at, recorded_at) < now() - $1::double precision * interval '1 millisecond'`,
    [retentionMs],
  );
  return rowCount;
}
