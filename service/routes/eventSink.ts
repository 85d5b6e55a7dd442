/**
 * Pexip Infinity's Event sink (platform facts §10): `POST /eventsink/v1`, HTTP Basic with the
 * sink's own credentials. Infinity sends a node's events one by one, in order, and queues behind
 * a slow answer, so this route does only what must happen before "yes": validate (zod), record
 * in one transaction, answer. Nothing else waits on it.
 *
 * - Malformed (no envelope, a participant event without its `uuid`, a bad bulk item): 400 with
 *   the problems, nothing stored. Unknown events and fields: accepted and counted.
 * - A resend of an event already taken (same node, seq and time) changes nothing.
 * - A jump in a node's sequence is a metric and a log line (the node's address and the numbers;
 *   never a name or an alias).
 * - Participant events on a SecureJoin alias merge into the participant's attendance row
 *   (../store/attendance.ts); any other alias is ignored. The alias is looked up as the policy
 *   API looks it up (keyed hash), and neither it nor the event body is stored or logged.
 * - The database away: the error handler answers 503 and the transaction leaves nothing; the
 *   node sends the event again.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { attendanceFacts, attendeeOf, readSinkBody } from '../../core/attendance';
import type { SeqOutcome, SinkEvent } from '../../core/attendance';
import { normaliseLocalAlias, openWindow } from '../../core/infinity';
import { basicAuthChecker } from '../auth/basic';
import type { BasicCredentials } from '../auth/basic';
import type { ServiceContext } from '../context';
import type { Queryable } from '../db/database';
import { countSequenceGap, countSinkEvent, countSinkMalformed } from '../metrics/eventSink';
import type { SinkOutcome } from '../metrics/eventSink';
import { aliasOwner, mergeAttendance, ordinalOf } from '../store/attendance';
import { noteSequence, takeEvent } from '../store/eventSink';

export const EVENT_SINK_PATH = '/eventsink/v1';

/** What one event came to, for the counts and log lines written after the commit. */
interface Taken {
  event: SinkEvent;
  outcome: SinkOutcome;
  sequence: SeqOutcome | null;
}

/** Records one participant event on its meeting's attendance, or says why not. */
async function recordParticipant(q: Queryable, ctx: ServiceContext, e: SinkEvent): Promise<SinkOutcome> {
  const p = e.participant;
  if (!p?.destinationAlias) return 'not_ours';
  const owner = await aliasOwner(q, ctx.cipher, ctx.hash, normaliseLocalAlias(p.destinationAlias));
  if (!owner) return 'not_ours';
  const facts = attendanceFacts({ ...e, participant: p });
  const attendee = attendeeOf(owner.kind, owner.inviteeIndex, facts.role);
  // The occurrence is the one whose window the participant joined in.
  const window = openWindow(owner, facts.joinedAt ?? facts.eventAt);
  const invitee = attendee.inviteeIndex === null ? null : owner.room.invitees[attendee.inviteeIndex];
  const ordinal = attendee.inviteeIndex !== null && window ? await ordinalOf(q, owner.meetingId, attendee.inviteeIndex, window.opensAt, p.uuid) : null;
  await mergeAttendance(
    q,
    { meetingId: owner.meetingId, organizerId: owner.organizerId, occurrence: window?.opensAt ?? null, kind: attendee.kind, inviteeIndex: attendee.inviteeIndex, inviteeName: invitee?.name ?? null, ordinal },
    facts,
  );
  return 'recorded';
}

async function take(q: Queryable, ctx: ServiceContext, e: SinkEvent): Promise<Taken> {
  if (!(await takeEvent(q, e))) return { event: e, outcome: 'duplicate', sequence: null };
  const sequence = await noteSequence(q, e);
  const outcome = e.participant ? await recordParticipant(q, ctx, e) : 'accepted';
  return { event: e, outcome, sequence };
}

/** Registers the route (only called when the sink's credentials are configured). */
export function eventSinkRoutes(app: FastifyInstance, ctx: ServiceContext, credentials: BasicCredentials): void {
  const authorised = basicAuthChecker(credentials);
  const onRequest = async (request: FastifyRequest, reply: FastifyReply): Promise<void> => {
    if (authorised(request.headers.authorization)) return;
    await reply.code(401).header('www-authenticate', 'Basic realm="securejoin-eventsink", charset="UTF-8"').send({ status: 'failed', error: 'unauthorized' });
  };

  app.post(EVENT_SINK_PATH, { onRequest }, async (request, reply) => {
    const read = readSinkBody(request.body);
    if (!read.ok) {
      countSinkMalformed();
      return reply.code(400).send({ status: 'failed', error: 'invalid', issues: read.errors });
    }
    // One transaction for the whole body: a bulk envelope is taken whole or not at all.
    const taken = await ctx.db.transaction(async (q) => {
      // Committed without waiting for the WAL flush (as the "Name (n)" numbers are): a node's
      // burst after an outage is taken at hundreds of events a second instead of one per disk
      // flush. A database crash may forget the last fraction of a second of attendance (the
      // node was told 200), never half an event: each body still commits whole or not at all.
      await q.query('SET LOCAL synchronous_commit = off');
      const out: Taken[] = [];
      for (const e of read.value) out.push(await take(q, ctx, e));
      return out;
    });
    for (const t of taken) {
      countSinkEvent(t.event.event, t.outcome);
      const s = t.sequence;
      if (s?.kind === 'gap') {
        countSequenceGap(s.missing);
        request.log.warn({ event: 'eventsink_sequence_gap', node: t.event.node, after: s.after, seq: t.event.seq, missing: s.missing }, 'event sink: events from this node never arrived');
      } else if (s?.kind === 'restart') {
        request.log.info({ event: 'eventsink_restart', node: t.event.node, seq: t.event.seq }, 'event sink: the node started numbering again');
      }
    }
    return reply.send({ status: 'success' });
  });
}
