/**
 * The attendance record of a meeting: `GET /api/v1/meetings/:id/attendance` (JSON: the meeting's
 * invitees and the rows; `?format=csv`: core/attendance's CSV), for the meeting's organizer and
 * for admins (the admin role reads any meeting's, as it lists any meeting). Rows outlive their
 * meeting until their retention ends, so a deleted meeting's record is still found by its id.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { attendanceCsv } from '../../core/attendance';
import { isMeetingId, mayAct } from '../../core/meeting';
import type { ServiceContext } from '../context';
import { callerOrRefuse, invalid, refuse } from '../http/replies';
import { attendanceOf } from '../store/attendance';
import { findMeeting } from '../store/meetings';

type AttendanceRequest = FastifyRequest<{ Params: { id: string }; Querystring: { format?: string } }>;

export const ATTENDANCE_PATH = '/api/v1/meetings/:id/attendance';

export function attendanceRoutes(app: FastifyInstance, ctx: ServiceContext): void {
  app.get(ATTENDANCE_PATH, async (request: AttendanceRequest, reply: FastifyReply) => {
    const caller = await callerOrRefuse(ctx.authenticate, request, reply);
    if (!caller) return reply;
    const { id } = request.params;
    const format = request.query.format ?? 'json';
    if (!isMeetingId(id)) return invalid(reply, [{ path: 'id', message: 'must be 16-64 characters: letters, digits, _ and -' }]);
    if (format !== 'json' && format !== 'csv') return invalid(reply, [{ path: 'format', message: 'must be json or csv' }]);
    const meeting = await findMeeting(ctx.db, ctx.cipher, id);
    const record = await attendanceOf(ctx.db, id);
    const organizerId = meeting?.organizer.id ?? record.organizerId;
    if (organizerId === null) return refuse(reply, 404, 'not_found', 'no such meeting, and no attendance recorded for it');
    if (!mayAct(caller, organizerId, 'read')) return refuse(reply, 403, 'forbidden', 'the meeting belongs to another organizer');
    const invitees = (meeting?.room.invitees ?? []).map((i) => i.name);
    reply.header('cache-control', 'no-store');
    if (format === 'csv') {
      return reply
        .header('content-type', 'text/csv; charset=utf-8')
        .header('content-disposition', `attachment; filename="securejoin-attendance-${id}.csv"`)
        .send(attendanceCsv(invitees, record.rows));
    }
    return reply.send({ meetingId: id, subject: meeting?.subject ?? null, invitees, rows: record.rows });
  });
}
