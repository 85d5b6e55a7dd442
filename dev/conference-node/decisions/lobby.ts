/**
 * Who leaves the lobby when the room changes. Pexip keeps guests in a `waiting_room` until the
 * first host joins, then moves them all into the conference.
 */
import type { Role } from '../../../core/types';
import type { ServiceType } from './bodies';

/** A participant as the lobby rule sees it. */
export interface LobbyParticipant {
  uuid: string;
  role: Role;
  serviceType: ServiceType;
}

/** Hosts in the conference (a host never waits). */
export function hostsPresent(participants: readonly LobbyParticipant[]): number {
  return participants.filter((p) => p.role === 'host' && p.serviceType === 'conference').length;
}

/**
 * The uuids of waiting participants to admit now: all of them once any host is present,
 * none otherwise. Order follows `participants` (join order), so the lobby empties first-come first.
 */
export function participantsToAdmit(participants: readonly LobbyParticipant[]): string[] {
  if (hostsPresent(participants) === 0) return [];
  return participants.filter((p) => p.serviceType === 'waiting_room').map((p) => p.uuid);
}
