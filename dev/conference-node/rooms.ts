/**
 * Participant life cycle of the node: admit (after ./decisions decided), refresh, leave, expire,
 * and moving guests out of the lobby when a host arrives. Mutates NodeState, emits events.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import type { AttemptLimits } from '../../core/attempts';
import { hostsPresent, participantsToAdmit } from './decisions';
import type { AdmitDecision } from './decisions';
import type { Clock, EpochMs } from '../../core/types';
import { participantEventData } from './eventSink';
import type { EventSink } from './eventSink';
import { EventHub, participantJson } from './events';
import type { PolicyClient } from './policyClient';
import { roomKey } from './state';
import type { NodeState, Participant, RoomRecord } from './state';

/** What request handlers share. */
export interface NodeContext {
  state: NodeState;
  hub: EventHub;
  /** The node's clock (UTC ms); the test clock wraps the real one. */
  now: Clock;
  limits: Partial<AttemptLimits> | undefined;
  /** Token lifetime in seconds (Pexip: 120). */
  tokenSeconds: number;
  /** The External Policy API server asked for every alias, or null (local rooms only). */
  policy: PolicyClient | null;
  /** The Event sink every conference and participant event is sent to, or null (none configured). */
  sink: EventSink | null;
  /** The node's address as its events name it (Infinity: its primary IP). */
  nodeAddress: string;
}

/** Tells the Event sink (when there is one) about a participant. */
function tellSink(ctx: NodeContext, event: string, room: RoomRecord, p: Participant, left?: { at: EpochMs; reason: string }): void {
  ctx.sink?.send(event, participantEventData(p, room.spec.name, ctx.nodeAddress, left));
}

/** Tells the Event sink a conference started or ended on this node. */
function tellSinkConference(ctx: NodeContext, event: 'conference_started' | 'conference_ended', room: RoomRecord): void {
  ctx.sink?.send(event, { name: room.spec.name, service_type: 'conference', is_locked: false, guests_muted: false, is_started: hostsPresent([...room.participants.values()]) > 0, tag: '' });
}

/** A fresh client API token (32 random bytes, base64url). */
function newToken(): string {
  return randomBytes(32).toString('base64url');
}

/** `conference_update` data for a room. */
export function conferenceState(room: RoomRecord): Record<string, unknown> {
  return { locked: false, guests_muted: false, started: hostsPresent([...room.participants.values()]) > 0 };
}

/** Issues a token for `participant` (on its alias) valid for `ctx.tokenSeconds` and records it. */
export function issueToken(ctx: NodeContext, key: string, participant: Participant): string {
  const token = newToken();
  const expiresAt = ctx.now() + ctx.tokenSeconds * 1000;
  participant.expiresAt = expiresAt;
  ctx.state.tokens.set(token, { roomKey: key, aliasKey: roomKey(participant.alias), participantUuid: participant.uuid, expiresAt });
  return token;
}

/**
 * Adds an admitted participant (joined on `alias`; `uuid` when the policy server already knows
 * it), tells the room, and lets waiting guests in if a host is there (also one that arrived while
 * this participant's request was being decided).
 */
export function admitParticipant(ctx: NodeContext, key: string, room: RoomRecord, decision: AdmitDecision, alias: string, uuid: string = randomUUID()): { participant: Participant; token: string } {
  const now = ctx.now();
  const participant: Participant = {
    uuid,
    alias,
    displayName: decision.displayName,
    role: decision.role,
    serviceType: decision.serviceType,
    credential: decision.credential,
    joinedAt: now,
    expiresAt: now,
  };
  const token = issueToken(ctx, key, participant);
  if (room.participants.size === 0) tellSinkConference(ctx, 'conference_started', room);
  room.participants.set(participant.uuid, participant);
  tellSink(ctx, 'participant_connected', room, participant);
  room.rosterUsage = decision.rosterUsage;
  ctx.hub.broadcast(key, 'participant_create', participantJson(participant));
  releaseLobby(ctx, key, room);
  return { participant, token };
}

/** Moves every waiting guest into the conference when a host is present (./decisions lobby rule). */
export function releaseLobby(ctx: NodeContext, key: string, room: RoomRecord): void {
  const admit = participantsToAdmit([...room.participants.values()]);
  for (const uuid of admit) {
    const p = room.participants.get(uuid);
    if (!p) continue;
    p.serviceType = 'conference';
    ctx.hub.broadcast(key, 'participant_update', participantJson(p));
    tellSink(ctx, 'participant_updated', room, p);
  }
  if (admit.length > 0 || room.participants.size > 0) ctx.hub.broadcast(key, 'conference_update', conferenceState(room));
}

/** Removes a participant, its tokens and its event streams, and tells the room. */
export function removeParticipant(ctx: NodeContext, key: string, uuid: string, reason?: string): void {
  const room = ctx.state.rooms.get(key);
  const leaving = room?.participants.get(uuid);
  if (!room || !leaving || !room.participants.delete(uuid)) return;
  tellSink(ctx, 'participant_disconnected', room, leaving, { at: ctx.now(), reason: reason ?? 'Call disconnected' });
  if (room.participants.size === 0) tellSinkConference(ctx, 'conference_ended', room);
  for (const [token, rec] of ctx.state.tokens) if (rec.participantUuid === uuid) ctx.state.tokens.delete(token);
  ctx.hub.closeParticipant(uuid, reason ? { event: 'disconnect', data: { reason } } : undefined);
  ctx.hub.broadcast(key, 'participant_delete', { uuid });
  ctx.hub.broadcast(key, 'conference_update', conferenceState(room));
  if (room.fromPolicy && room.participants.size === 0) {
    ctx.hub.closeAll(key);
    ctx.state.rooms.delete(key);
  }
}

/** Drops expired tokens, and participants whose newest token expired (they stopped refreshing). */
export function sweepExpired(ctx: NodeContext, now: EpochMs = ctx.now()): void {
  for (const [token, rec] of ctx.state.tokens) if (rec.expiresAt <= now) ctx.state.tokens.delete(token);
  for (const [key, room] of ctx.state.rooms) {
    for (const p of [...room.participants.values()]) {
      if (p.expiresAt <= now) removeParticipant(ctx, key, p.uuid, 'Timer expired awaiting token refresh');
    }
  }
}

/** Deletes a room: everyone in it is disconnected first. */
export function deleteRoom(ctx: NodeContext, key: string): boolean {
  const room = ctx.state.rooms.get(key);
  if (!room) return false;
  for (const uuid of [...room.participants.keys()]) removeParticipant(ctx, key, uuid, 'Conference terminated by an administrator');
  ctx.hub.closeAll(key);
  ctx.state.rooms.delete(key);
  return true;
}
