/**
 * `PUT /api/v1/meetings/:id`: create (`If-None-Match: *`) or replace (`If-Match: "<version>"`)
 * a meeting, validated whole and applied whole: the row, its audit entry and its aliases (what
 * Infinity's policy requests look up) commit together or not at all.
 */
import type { FastifyReply, FastifyRequest } from 'fastify';
import { isMeetingId, mayAct, parseMeetingWrite, putIntent } from '../../core/meeting';
import type { Caller, MeetingView, MeetingWrite } from '../../core/meeting';
import type { ServiceContext } from '../context';
import { conflict, invalid, refuse, sendMeeting } from '../http/replies';
import { assertAliasesFree, writeAliases } from '../store/aliases';
import { AliasTakenError, findMeeting, insertMeeting, replaceMeeting } from '../store/meetings';
import type { Queryable } from '../db/database';

/** How a write ended, decided inside the write and answered after it. */
export type WriteOutcome =
  | { kind: 'done'; status: 200 | 201 | 204; meeting: MeetingView | null }
  | { kind: 'conflict'; current: MeetingView }
  | { kind: 'missing' }
  | { kind: 'forbidden' };

/** Runs a write in one transaction: the meeting row, its audit row and its aliases. */
export async function writeInTransaction(ctx: ServiceContext, fn: (q: Queryable) => Promise<WriteOutcome>): Promise<WriteOutcome> {
  return ctx.db.transaction(fn);
}

/** Why a guarded write matched nothing: gone (404), someone else's (403), or another version (412). */
export async function whyNot(ctx: ServiceContext, q: Queryable, caller: Caller, id: string, action: 'replace' | 'delete'): Promise<WriteOutcome> {
  const current = await findMeeting(q, ctx.cipher, id);
  if (!current) return { kind: 'missing' };
  if (!mayAct(caller, current.organizer.id, action)) return { kind: 'forbidden' };
  return { kind: 'conflict', current };
}

async function create(ctx: ServiceContext, caller: Caller, id: string, write: MeetingWrite): Promise<WriteOutcome> {
  return writeInTransaction(ctx, async (q) => {
    await assertAliasesFree(q, id, write.room);
    const meeting = await insertMeeting(q, ctx.cipher, { id, organizer: { id: caller.id, name: caller.name }, ...write }, caller);
    if (!meeting) {
      const current = await findMeeting(q, ctx.cipher, id);
      if (!current) return { kind: 'missing' };
      return mayAct(caller, current.organizer.id, 'read') ? { kind: 'conflict', current } : { kind: 'forbidden' };
    }
    await writeAliases(q, id, meeting.room);
    return { kind: 'done', status: 201, meeting };
  });
}

async function replace(ctx: ServiceContext, caller: Caller, id: string, version: number, write: MeetingWrite): Promise<WriteOutcome> {
  return writeInTransaction(ctx, async (q) => {
    await assertAliasesFree(q, id, write.room);
    const done = await replaceMeeting(q, ctx.cipher, { id, version, organizerId: caller.id }, write, caller);
    if (!done) return whyNot(ctx, q, caller, id, 'replace');
    await writeAliases(q, id, done.meeting.room);
    return { kind: 'done', status: 200, meeting: done.meeting };
  });
}

/** Answers a write's outcome. */
export function answer(reply: FastifyReply, outcome: WriteOutcome): FastifyReply {
  switch (outcome.kind) {
    case 'done':
      return outcome.meeting ? sendMeeting(reply, outcome.status as 200 | 201, outcome.meeting) : reply.code(204).send();
    case 'conflict':
      return conflict(reply, outcome.current);
    case 'missing':
      return refuse(reply, 404, 'not_found', 'no such meeting');
    case 'forbidden':
      return refuse(reply, 403, 'forbidden', 'the meeting belongs to another organizer');
  }
}

/** The PUT handler, after authentication. */
export async function putMeeting(ctx: ServiceContext, caller: Caller, request: FastifyRequest<{ Params: { id: string } }>, reply: FastifyReply): Promise<FastifyReply> {
  const { id } = request.params;
  if (!isMeetingId(id)) return invalid(reply, [{ path: 'id', message: 'must be 16-64 characters: letters, digits, _ and -' }]);
  const intent = putIntent(header(request, 'if-match'), header(request, 'if-none-match'));
  if (intent.kind === 'refuse') return refuse(reply, intent.status, intent.status === 428 ? 'precondition_required' : 'bad_precondition', intent.message);
  const parsed = parseMeetingWrite(request.body);
  if (!parsed.ok) return invalid(reply, parsed.errors);
  try {
    const outcome = intent.kind === 'create' ? await create(ctx, caller, id, parsed.value) : await replace(ctx, caller, id, intent.version, parsed.value);
    return answer(reply, outcome);
  } catch (error) {
    if (error instanceof AliasTakenError) {
      const path = `room.${error.path}`;
      return reply.code(409).send({ error: 'alias_taken', message: `the alias at ${path} belongs to another meeting`, issues: [{ path, message: 'is used by another meeting' }] });
    }
    throw error;
  }
}

/** A header's single value (repeated headers are joined by Node with ", "). */
export function header(request: FastifyRequest, name: string): string | undefined {
  const value = request.headers[name];
  return Array.isArray(value) ? value.join(', ') : value;
}
