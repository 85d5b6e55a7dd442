/**
 * A meeting's attendance read straight from the database, for an administrator at the server
 * (`securejoin service attendance`): the same record the API answers admins, without a token.
 */
import type { AttendanceRow } from '../core/attendance';
import { withServiceDatabase } from './db/oneOff';
import type { DatabaseChoice } from './db/open';
import { attendanceOf } from './store/attendance';
import { findMeeting } from './store/meetings';

/** The meeting's invitees (empty when the meeting is gone) and its rows; null when neither exists. */
export async function readAttendance(opts: DatabaseChoice, meetingId: string): Promise<{ subject: string | null; invitees: string[]; rows: AttendanceRow[] } | null> {
  return withServiceDatabase(opts, async (db, cipher) => {
    const meeting = await findMeeting(db, cipher, meetingId);
    const record = await attendanceOf(db, meetingId);
    if (!meeting && record.rows.length === 0) return null;
    return { subject: meeting?.subject ?? null, invitees: (meeting?.room.invitees ?? []).map((i) => i.name), rows: record.rows };
  });
}
