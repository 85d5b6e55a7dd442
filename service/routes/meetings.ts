/**
 * The meetings API under `/api/v1/meetings`. Every route authenticates first: no request
 * without a valid token reaches a meeting.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { deleteIntent, isMeetingId, mayAct, mayListAll } from '../../core/meeting';
import type { Caller } from '../../core/meeting';
import type { ServiceContext } from '../context';
import { callerOrRefuse, invalid, refuse, sendMeeting } from '../http/replies';
import { findMeeting, listMeetings, removeMeeting } from '../store/meetings';
import type { RoomSpec } from '../../core/roomSpec';
import { answer, header, putMeeting, refreshView, whyNot, writeInTransaction } from './meetingWrite';

type IdRequest = FastifyRequest<{ Params: { id: string } }>;

const BAD_ID = [{ path: 'id', message: 'must be 16-64 characters: letters, digits, _ and -' }];

async function getMeeting(ctx: ServiceContext, caller: Caller, request: IdRequest, reply: FastifyReply): Promise<FastifyReply> {
  const { id } = request.params;
  if (!isMeetingId(id)) return invalid(reply, BAD_ID);
  const meeting = await findMeeting(ctx.db, ctx.cipher, id);
  if (!meeting) return refuse(reply, 404, 'not_found', 'no such meeting');
  if (!mayAct(caller, meeting.organizer.id, 'read')) return refuse(reply, 403, 'forbidden', 'the meeting belongs to another organizer');
  return sendMeeting(reply, 200, meeting);
}

async function deleteRoute(ctx: ServiceContext, caller: Caller, request: IdRequest, reply: FastifyReply): Promise<FastifyReply> {
  const { id } = request.params;
  if (!isMeetingId(id)) return invalid(reply, BAD_ID);
  const intent = deleteIntent(header(request, 'if-match'), caller.isAdmin);
  if (intent.kind === 'refuse') return refuse(reply, intent.status, intent.status === 428 ? 'precondition_required' : 'bad_precondition', intent.message);
  // The aliases go with the row (ON DELETE CASCADE): a deleted meeting's aliases answer reject.
  let removed: RoomSpec | null = null;
  const outcome = await writeInTransaction(ctx, async (q) => {
    // An admin's delete (revoke) matches any organizer; anyone else's only their own.
    const done = await removeMeeting(q, ctx.cipher, { id, version: intent.version, organizerId: caller.isAdmin ? null : caller.id }, caller);
    if (!done) return whyNot(ctx, q, caller, id, 'delete');
    removed = done.room;
    return { kind: 'done', status: 204, meeting: null };
  });
  await refreshView(ctx, [removed]);
  return answer(reply, outcome);
}

async function list(ctx: ServiceContext, caller: Caller, request: FastifyRequest<{ Querystring: { all?: string } }>, reply: FastifyReply): Promise<FastifyReply> {
  const all = request.query.all;
  if (all !== undefined && all !== '1' && all !== '0') return invalid(reply, [{ path: 'all', message: 'must be 1 or 0' }]);
  if (all === '1' && !mayListAll(caller)) return refuse(reply, 403, 'forbidden', 'listing every organizer\'s meetings needs the admin role');
  const meetings = await listMeetings(ctx.db, ctx.cipher, all === '1' ? null : caller.id);
  return reply.send({ meetings });
}

/**
 * Registers the routes. The token is checked in `onRequest`, before the body is even read, so
 * an unauthenticated request learns nothing (not even whether its JSON parses).
 */
export function meetingRoutes(app: FastifyInstance, ctx: ServiceContext): void {
  const callers = new WeakMap<FastifyRequest, Caller>();
  const onRequest = async (request: FastifyRequest, reply: FastifyReply): Promise<void> => {
    const caller = await callerOrRefuse(ctx.authenticate, request, reply);
    if (caller) callers.set(request, caller);
  };
  const authed =
    <R extends FastifyRequest>(handler: (ctx: ServiceContext, caller: Caller, request: R, reply: FastifyReply) => Promise<FastifyReply>) =>
    async (request: R, reply: FastifyReply): Promise<FastifyReply> => {
      const caller = callers.get(request);
      // onRequest answered 401 already when there is no caller; this is a second lock on the door.
      if (!caller) return refuse(reply, 401, 'unauthorized', 'send Authorization: Bearer <token>');
      return handler(ctx, caller, request, reply);
    };
  app.get<{ Querystring: { all?: string } }>('/api/v1/meetings', { onRequest }, authed(list));
  app.get<{ Params: { id: string } }>('/api/v1/meetings/:id', { onRequest }, authed(getMeeting));
  app.put<{ Params: { id: string } }>('/api/v1/meetings/:id', { onRequest }, authed(putMeeting));
  app.delete<{ Params: { id: string } }>('/api/v1/meetings/:id', { onRequest }, authed(deleteRoute));
}
