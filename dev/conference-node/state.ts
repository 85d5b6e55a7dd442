/**
 * The node's in-memory state: rooms, participants, tokens and the attempt ledger. This is the
 * mutable shell around ./decisions' pure decisions; nothing here decides who gets in.
 */
import type { LedgerState } from '../../core/attempts';
import type { RosterUsage } from '../../core/roster';
import type { RoomSpec } from '../../core/roomSpec';
import type { Credential, ServiceType } from './decisions';
import type { EpochMs, Role } from '../../core/types';

/** A participant in a room (control-only: the node carries no media). */
export interface Participant {
  uuid: string;
  alias: string;
  displayName: string;
  role: Role;
  serviceType: ServiceType;
  credential: Credential;
  /** When the participant joined (UTC ms, node clock). */
  joinedAt: EpochMs;
  /** Until when its newest token is valid (UTC ms). */
  expiresAt: EpochMs;
}

/**
 * A conference with its participants (insertion order = join order): a local room (`spec` from
 * the node's configuration, keyed by `roomKey(alias)`), or a conference the policy server
 * answered (keyed by `policyConferenceKey(name)`, `spec` = its last answer's PIN rules; it lives
 * while someone is in it).
 */
export interface RoomRecord {
  spec: RoomSpec;
  /** True for a conference from the policy server (dropped when its last participant leaves). */
  fromPolicy: boolean;
  participants: Map<string, Participant>;
  rosterUsage: RosterUsage;
}

/** What a token stands for. Tokens stay valid until they expire or the participant leaves. */
export interface TokenRecord {
  /** The conference (`NodeState.rooms` key). */
  roomKey: string;
  /** `roomKey(alias)` of the alias the token was issued on: the token works on that alias only. */
  aliasKey: string;
  participantUuid: string;
  expiresAt: EpochMs;
}

/** All of a node's state. */
export interface NodeState {
  /** Local rooms by `roomKey(alias)`, policy conferences by `policyConferenceKey(name)` (no alias has a `:`). */
  rooms: Map<string, RoomRecord>;
  tokens: Map<string, TokenRecord>;
  /** The attempt ledger (core/attempts `LedgerState`), shared by all rooms. */
  ledger: LedgerState | undefined;
}

/** Aliases are matched case-insensitively, as dial strings are. */
export function roomKey(alias: string): string {
  return alias.toLowerCase();
}

/** An empty node. */
export function createNodeState(): NodeState {
  return { rooms: new Map(), tokens: new Map(), ledger: undefined };
}
