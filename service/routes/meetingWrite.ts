/**
 * `PUT /api/v1/meetings/:id`: create (`If-None-Match: *`) or replace (`If-Match: "<version>"`)
 * a meeting, validated whole and applied whole: the row, its audit entry and its aliases (what
 * Infinity's policy requests look up) commit together or not at all.
 *
 * The service trusts no client (issue 18): it mints every alias itself (a write may only carry
 * back the caller's own meeting's aliases, each in its role: core/meeting/mint.ts), and checks
 * the room against the admin policy (core/meeting/policyCheck.ts) before anything is stored.
 */
import type { FastifyReply, FastifyRequest } from 'fastify';
import { isMeetingId, mayAct, parseMeetingWrite, putIntent } from '../../core/meeting';
import type { Caller, MeetingView } from '../../core/meeting';
import { ALIASES_ARE_MINTED, NOTHING_HELD, aliasDraw, mintAliases, redrawSlots } from '../../core/meeting/mint';
import type { HeldAliases, MintedSlot } from '../../core/meeting/mint';
import { policyIssues } from '../../core/meeting/policyCheck';
import type { StatedTiming } from '../../core/meeting/policyCheck';
import { meetingAliases } from '../../core/roomSpec';
import type { RoomSpec } from '../../core/roomSpec';
import type { Issue } from '../../core/types';
import type { ServiceContext } from '../context';
import { conflict, invalid, refuse, sendMeeting } from '../http/replies';
import { takenElsewhere, writeAliases } from '../store/aliases';
import { AliasTakenError, findMeeting, insertMeeting, replaceMeeting } from '../store/meetings';
import type { Queryable } from '../db/database';

/** How a write ended, decided inside the write and answered after it. */
export type WriteOutcome =
  | { kind: 'done'; status: 200 | 201 | 204; meeting: MeetingView | null }
  | { kind: 'conflict'; current: MeetingView }
  | { kind: 'missing' }
  | { kind: 'forbidden' }
  | { kind: 'minted' }
  | { kind: 'invalid'; issues: Issue[] };

/** Draws of a clashing minted alias before giving up (each clash is one chance in ~10^7 or less). */
const MAX_REDRAWS = 8;
/** Whole-write retries after a minted alias was taken by a concurrent write. */
const MAX_WRITE_ATTEMPTS = 3;

/**
 * After a committed write: this replica's policy view reads the rooms' aliases again before the
 * write is answered, so its next policy answer reflects it (other replicas learn it from the
 * write's notifications).
 */
export async function refreshView(ctx: ServiceContext, rooms: ReadonlyArray<RoomSpec | null | undefined>): Promise<void> {
  if (!ctx.view) return;
  const hashes = rooms.flatMap((room) => (room ? meetingAliases(room).map((a) => ctx.hash(a.key)) : []));
  await ctx.view.refresh(hashes);
}

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

/** The aliases a replace may carry back: its meeting's own, by role (replace has checked the caller owns it). */
function heldBy(meeting: MeetingView): HeldAliases {
  const byKind = { web: new Set<string>(), dial: new Set<string>(), inviteeWeb: new Set<string>(), inviteeDial: new Set<string>() };
  for (const a of meetingAliases(meeting.room)) byKind[a.kind].add(a.key);
  return byKind;
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

function timingOf(room: unknown): StatedTiming {
  const r = room as StatedTiming;
  return { window: r.window, meeting: r.meeting, leadMinutes: r.leadMinutes, graceMinutes: r.graceMinutes };
}

/**
 * The write's room with its aliases minted, validated and checked against the policy, with
 * freshly minted aliases that another meeting holds drawn again; or why not.
 */
async function prepare(ctx: ServiceContext, q: Queryable, id: string, body: Record<string, unknown>, held: HeldAliases): Promise<{ write: ReturnType<typeof parseMeetingWrite> & { ok: true } } | { outcome: WriteOutcome }> {
  const draw = aliasDraw(ctx.policy.organizer.accessCode.length.value);
  const mintedRoom = mintAliases(body.room, held, draw);
  if (!mintedRoom.ok) return { outcome: { kind: 'minted' } };
  let room = mintedRoom.room;
  let slots: MintedSlot[] = mintedRoom.minted;
  const parsed = parseMeetingWrite({ ...body, room });
  if (!parsed.ok) return { outcome: { kind: 'invalid', issues: parsed.errors } };
  const issues = policyIssues(parsed.value.room, timingOf(room), ctx.policy);
  if (issues.length > 0) return { outcome: { kind: 'invalid', issues } };
  for (let i = 0; i < MAX_REDRAWS; i += 1) {
    const clashing = await takenElsewhere(q, ctx.hash, id, slots.map((s) => s.value.toLowerCase()));
    if (clashing.size === 0) {
      const write = i === 0 ? parsed : parseMeetingWrite({ ...body, room });
      if (!write.ok) return { outcome: { kind: 'invalid', issues: write.errors } };
      return { write };
    }
    ({ room, minted: slots } = redrawSlots(room as Record<string, unknown>, slots, clashing, draw));
  }
  throw new Error('could not mint a free alias: the alias space is nearly full (raise organizer.accessCode.length)');
}

/*
 * Minting, validation, the policy check and the clash look-up run BEFORE the transaction: they
 * are CPU work and reads, and a write holds a pool connection only for its statements. The
 * version guard and the unique keys keep it exact: a replace stores only over the version whose
 * aliases it was checked against, and a minted alias taken meanwhile rolls the write back whole.
 */
async function create(ctx: ServiceContext, caller: Caller, id: string, body: Record<string, unknown>): Promise<WriteOutcome> {
  const ready = await prepare(ctx, ctx.db, id, body, NOTHING_HELD);
  if ('outcome' in ready) return ready.outcome;
  const write = ready.write.value;
  const outcome = await writeInTransaction(ctx, async (q): Promise<WriteOutcome> => {
    const meeting = await insertMeeting(q, ctx.cipher, ctx.hash, { id, organizer: { id: caller.id, name: caller.name }, ...write }, caller);
    if (!meeting) {
      const current = await findMeeting(q, ctx.cipher, id);
      if (!current) return { kind: 'missing' };
      return mayAct(caller, current.organizer.id, 'read') ? { kind: 'conflict', current } : { kind: 'forbidden' };
    }
    await writeAliases(q, ctx.hash, id, meeting.room);
    return { kind: 'done', status: 201, meeting };
  });
  if (outcome.kind === 'done') await refreshView(ctx, [outcome.meeting?.room]);
  return outcome;
}

async function replace(ctx: ServiceContext, caller: Caller, id: string, version: number, body: Record<string, unknown>): Promise<WriteOutcome> {
  // Gone (404), someone else's (403) or another version (412) first: these depend only on the id
  // and version, and a client whose meeting was removed must learn that, not that its aliases are unknown.
  const current = await findMeeting(ctx.db, ctx.cipher, id);
  if (!current) return { kind: 'missing' };
  if (!mayAct(caller, current.organizer.id, 'replace')) return { kind: 'forbidden' };
  if (current.version !== version) return { kind: 'conflict', current };
  const ready = await prepare(ctx, ctx.db, id, body, heldBy(current));
  if ('outcome' in ready) return ready.outcome;
  const write = ready.write.value;
  let before: RoomSpec | null = null;
  const outcome = await writeInTransaction(ctx, async (q): Promise<WriteOutcome> => {
    const done = await replaceMeeting(q, ctx.cipher, ctx.hash, { id, version, organizerId: caller.id }, write, caller);
    if (!done) return whyNot(ctx, q, caller, id, 'replace');
    await writeAliases(q, ctx.hash, id, done.meeting.room);
    before = done.before;
    return { kind: 'done', status: 200, meeting: done.meeting };
  });
  if (outcome.kind === 'done') await refreshView(ctx, [before, outcome.meeting?.room]);
  return outcome;
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
    case 'minted':
      return reply.code(400).send(ALIASES_ARE_MINTED);
    case 'invalid':
      return invalid(reply, outcome.issues);
  }
}

/** The PUT handler, after authentication. */
export async function putMeeting(ctx: ServiceContext, caller: Caller, request: FastifyRequest<{ Params: { id: string } }>, reply: FastifyReply): Promise<FastifyReply> {
  const { id } = request.params;
  if (!isMeetingId(id)) return invalid(reply, [{ path: 'id', message: 'must be 16-64 characters: letters, digits, _ and -' }]);
  const intent = putIntent(header(request, 'if-match'), header(request, 'if-none-match'));
  if (intent.kind === 'refuse') return refuse(reply, intent.status, intent.status === 428 ? 'precondition_required' : 'bad_precondition', intent.message);
  const body = request.body;
  if (!isRecord(body)) return invalid(reply, [{ path: 'body', message: 'must be a JSON object with subject and room' }]);
  for (let attempt = 1; ; attempt += 1) {
    try {
      const outcome = intent.kind === 'create' ? await create(ctx, caller, id, body) : await replace(ctx, caller, id, intent.version, body);
      return answer(reply, outcome);
    } catch (error) {
      // Two writes minted the same alias at the same moment: the loser's transaction rolled back whole; draw again.
      if (!(error instanceof AliasTakenError) || attempt >= MAX_WRITE_ATTEMPTS) throw error;
    }
  }
}

/** A header's single value (repeated headers are joined by Node with ", "). */
export function header(request: FastifyRequest, name: string): string | undefined {
  const value = request.headers[name];
  return Array.isArray(value) ? value.join(', ') : value;
}
