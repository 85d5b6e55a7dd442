/**
 * Participant properties: which requests get a display name, and who counts as one person.
 */
import type { ParticipantPropertiesQuery } from './query';
import { SERVICE_TAG } from './answers';

/**
 * The participant a request is about, when it is one SecureJoin names: a standard participant
 * of a SecureJoin conference with an id. One web join sends several requests (first
 * `participant_type=api`, then `standard`): only `standard` counts, and a person is counted
 * once by `participant_uuid` (else `call_uuid`), never by request. null: answer `continue`.
 */
export function namedParticipant(q: ParticipantPropertiesQuery): { participant: string; localAlias: string } | null {
  if (q.service_tag !== SERVICE_TAG || q.participant_type !== 'standard' || !q.local_alias) return null;
  const participant = q.participant_uuid || q.call_uuid;
  if (!participant) return null;
  return { participant, localAlias: q.local_alias };
}
