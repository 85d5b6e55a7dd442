/**
 * What one participant event means for the attendance record: who the participant is for the
 * meeting (an invitee by their personal alias, a host, or someone on the shared link or access
 * code), and what the event says about them. Pure: the service looks the alias up and writes.
 */
import type { AliasKind } from '../roomSpec';
import type { EpochMs, Role } from '../types';
import type { ParticipantEventName, SinkEvent } from './envelope';

/** Whose row it is: an invitee (personal alias), a host, or a guest on the meeting's own link or access code. */
export type AttendeeKind = 'invitee' | 'host' | 'shared';

/** The attendee an alias of a meeting stands for, with the role the node gave the participant. */
export function attendeeOf(kind: AliasKind, inviteeIndex: number | null, role: Role | null): { kind: AttendeeKind; inviteeIndex: number | null } {
  if ((kind === 'inviteeWeb' || kind === 'inviteeDial') && inviteeIndex !== null) return { kind: 'invitee', inviteeIndex };
  return { kind: role === 'host' ? 'host' : 'shared', inviteeIndex: null };
}

/** Pexip's role names: `chair` is a host, `guest` a guest, anything else (`unknown`: still in the IVR or lobby) not yet known. */
export function roleOf(role: string | null): Role | null {
  if (role === 'chair') return 'host';
  if (role === 'guest') return 'guest';
  return null;
}

/** What a participant event adds to its row. Null fields say nothing (an update keeps what is known). */
export interface AttendanceFacts {
  participant: string;
  event: ParticipantEventName;
  /** The event's own time: a newer event's name and role win over an older one's. */
  eventAt: EpochMs;
  joinedAt: EpochMs | null;
  leftAt: EpochMs | null;
  durationSeconds: number | null;
  displayName: string | null;
  role: Role | null;
  protocol: string | null;
}

/** Display names kept at most this long (Infinity's own limit on values is 250). */
export const MAX_KEPT_NAME = 250;

/**
 * The facts of a participant event (`event.participant` set). Joined: the node's `connect_time`,
 * else a connect event's own time. Left: a disconnect's `end_time`, else its time; its duration
 * the node's, else left minus joined.
 */
export function attendanceFacts(event: SinkEvent & { participant: NonNullable<SinkEvent['participant']> }): AttendanceFacts {
  const p = event.participant;
  const name = event.event as ParticipantEventName;
  const joinedAt = p.connectTime ?? (name === 'participant_connected' ? event.time : null);
  const leftAt = name === 'participant_disconnected' ? (p.endTime ?? event.time) : null;
  const durationSeconds = name !== 'participant_disconnected' ? null : (p.durationSeconds ?? (joinedAt !== null && leftAt !== null ? Math.max(0, (leftAt - joinedAt) / 1000) : null));
  return {
    participant: p.uuid,
    event: name,
    eventAt: event.time,
    joinedAt,
    leftAt,
    durationSeconds,
    displayName: p.displayName === null ? null : Array.from(p.displayName).slice(0, MAX_KEPT_NAME).join(''),
    role: roleOf(p.role),
    protocol: p.protocol === null ? null : p.protocol.slice(0, 50),
  };
}
