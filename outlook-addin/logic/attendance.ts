/**
 * The meeting's attendance record for the task pane: `GET <service>/api/v1/meetings/<id>/attendance`
 * with the organizer's token (the meeting's id from the item's session data), the answer checked
 * (zod) before anything of it is shown, and failures in plain words. Loaded on first use.
 */
import * as z from 'zod/mini';
import { attendanceCsv } from '../../core/attendance/csv';
import { attendanceByAttendee } from '../../core/attendance/summary';
import type { AttendeeGroup } from '../../core/attendance/summary';
import type { MeetingServicePolicy } from '../../core/policy';
import { meetingUrl } from './meetingService';
import type { ItemPort } from './port';
import { readRecord } from './itemRecord';
import { call, unreachable } from './serviceCalls';
import type { ProvisionFetch } from './serviceCalls';
import { tokenOrProblem } from './tokens';
import type { TokenSource } from './tokens';

/** What the pane shows: one group per attendee (core/attendance/summary.ts) and the same rows as CSV, or why there is nothing. */
export type AttendanceLoad = { ok: true; groups: AttendeeGroup[]; csv: string; empty: boolean } | { ok: false; message: string };

const time = z.nullable(z.number());
const rowSchema = z.object({
  occurrence: time,
  kind: z.enum(['invitee', 'host', 'shared']),
  inviteeIndex: z.nullable(z.int()),
  invitee: z.nullable(z.string()),
  ordinal: z.nullable(z.int()),
  displayName: z.nullable(z.string()),
  role: z.nullable(z.enum(['host', 'guest'])),
  protocol: z.nullable(z.string()),
  joinedAt: time,
  leftAt: time,
  durationSeconds: z.nullable(z.number()),
});
const answerSchema = z.object({ invitees: z.array(z.string()), rows: z.array(rowSchema) });

export const NOT_REGISTERED = 'This meeting is not registered with the meeting service yet, so it has no attendance record.';

/** Loads the record of the item's meeting; never throws. */
export async function loadAttendance(port: ItemPort, service: MeetingServicePolicy | null, deps: { fetch: ProvisionFetch; tokens: TokenSource | null }): Promise<AttendanceLoad> {
  if (!service) return { ok: false, message: 'The admin\'s policy names no meeting service: nobody records who joined.' };
  const record = await readRecord(port, service);
  if (!record?.etag) return { ok: false, message: NOT_REGISTERED };
  const token = await tokenOrProblem(deps.tokens, { interactive: true });
  if (!token.ok) return { ok: false, message: token.message };
  const res = await call(deps.fetch, `${meetingUrl(service, record.id)}/attendance`, { method: 'GET', headers: { authorization: `Bearer ${token.token}` } });
  if (res.status === 0) return { ok: false, message: unreachable(service) };
  if (res.status === 404) return { ok: false, message: NOT_REGISTERED };
  if (res.status !== 200) return { ok: false, message: `The meeting service did not give the attendance record (HTTP ${res.status}). Try again shortly.` };
  let parsed: ReturnType<typeof answerSchema.safeParse>;
  try {
    parsed = answerSchema.safeParse(JSON.parse(res.text));
  } catch {
    return { ok: false, message: 'The meeting service answered something that is not an attendance record.' };
  }
  if (!parsed.success) return { ok: false, message: 'The meeting service answered something that is not an attendance record.' };
  const { invitees, rows } = parsed.data;
  return { ok: true, groups: attendanceByAttendee(invitees, rows), csv: attendanceCsv(invitees, rows), empty: rows.length === 0 };
}
