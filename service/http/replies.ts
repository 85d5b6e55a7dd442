/**
 * The API's answers, in one shape: `{ error, message? , issues? }`. Messages name what is wrong
 * and where; they never carry a code or a token.
 */
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Caller, MeetingView } from '../../core/meeting';
import { etagOf } from '../../core/meeting';
import type { Issue } from '../../core/types';
import type { Authenticate } from '../auth/verifier';

/** 400 with every problem found, each with the path of the field. */
export function invalid(reply: FastifyReply, issues: Issue[]): FastifyReply {
  return reply.code(400).send({ error: 'invalid', issues });
}

/** A plain refusal. */
export function refuse(reply: FastifyReply, status: number, error: string, message: string): FastifyReply {
  return reply.code(status).send({ error, message });
}

/** 200/201 with the meeting and its ETag. */
export function sendMeeting(reply: FastifyReply, status: 200 | 201, meeting: MeetingView): FastifyReply {
  return reply.code(status).header('etag', etagOf(meeting.version)).send(meeting);
}

/** 412 with the current meeting and its ETag, so the client can resolve the conflict. */
export function conflict(reply: FastifyReply, current: MeetingView): FastifyReply {
  return reply
    .code(412)
    .header('etag', etagOf(current.version))
    .send({ error: 'conflict', message: `the meeting is at version ${current.version}`, current });
}

/** The caller, or null after answering 401. */
export async function callerOrRefuse(authenticate: Authenticate, request: FastifyRequest, reply: FastifyReply): Promise<Caller | null> {
  const result = await authenticate(request.headers.authorization);
  if (result.ok) return result.caller;
  if (result.unavailable) {
    reply.code(503).header('retry-after', '5').send({ error: 'unavailable', message: result.message });
    return null;
  }
  reply.code(401).header('www-authenticate', 'Bearer').send({ error: 'unauthorized', message: result.message });
  return null;
}
