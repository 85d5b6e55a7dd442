/**
 * The policy answers' bytes (issue 19: the hot path). An open alias's answer is a function of its
 * meeting alone (core/infinity openAnswer), so it is serialized once per held meeting (the view's
 * answer cache holds one object per meeting until it changes, which makes a new one) and sent as
 * bytes; the window is still checked on every request, to the millisecond. Every refusal, of an
 * unknown alias and of a closed one alike, is the same constant bytes.
 */
import { REJECT, answersAt, openAnswer } from '../../core/infinity';
import type { AliasedMeeting } from '../../core/infinity';
import type { EpochMs } from '../../core/types';

/** An answer ready to send, and its action for the decision counter. */
export interface AnswerBody {
  action: 'continue' | 'reject';
  body: Buffer;
}

/** What Fastify's serializer gave these answers (JSON.stringify), and the type it set. */
export const JSON_TYPE = 'application/json; charset=utf-8';
export const REJECT_BODY: AnswerBody = { action: 'reject', body: Buffer.from(JSON.stringify(REJECT)) };

/** Keyed by the meeting object: a changed meeting is a new object, so nothing stale is ever found. */
const serialized = new WeakMap<AliasedMeeting, AnswerBody>();

/** The service-configuration answer for what was found (null: unknown) at `now`, as bytes. */
export function serviceConfigurationBody(found: AliasedMeeting | null, now: EpochMs): AnswerBody {
  if (!answersAt(found, now)) return REJECT_BODY;
  let answer = serialized.get(found);
  if (answer === undefined) {
    const open = openAnswer(found);
    answer = open.action === 'reject' ? REJECT_BODY : { action: 'continue', body: Buffer.from(JSON.stringify(open)) };
    serialized.set(found, answer);
  }
  return answer;
}
