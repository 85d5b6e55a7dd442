/**
 * The attempt ledger: counts wrong PINs per client and per room, blocks a room that sees too
 * many, and tells a client how many attempts it has left and how urgently to warn. State is
 * plain JSON plus an injected clock, so it can be persisted and tested with a fake clock.
 */
import type { Channel, Clock, EpochMs } from '../types';
import { resolveAttemptLimits } from './limits';
import type { AttemptLimits } from './limits';
import { parseLedgerState } from './state';
import type { LedgerState } from './state';

/** How urgently a client should be warned before its next attempt. */
export type WarningLevel = 'ok' | 'warn' | 'last' | 'exhausted' | 'room_blocked';

/** A client's attempt situation in one room. */
export interface AttemptStatus {
  /** Wrong PINs this client made in this room within the window. */
  used: number;
  /** The client's limit for its channel. */
  limit: number;
  /**
   * Wrong PINs that can still be made before this client is cut off or the room is blocked:
   * min(clientRemaining, roomRemaining). 0 when the room is blocked.
   */
  remaining: number;
  /** `limit - used`, floored at 0. */
  clientRemaining: number;
  /** Wrong PINs until the room blocks (roomFailures + 1 - roomFailuresInWindow), 0 when blocked. */
  roomRemaining: number;
  /** room_blocked > exhausted (0 left) > last (1 left) > warn (<= warnAtRemaining) > ok. */
  level: WarningLevel;
  /** Wrong PINs against the room within the window (all clients). */
  roomFailuresInWindow: number;
  roomBlocked: boolean;
  /** When the block ends (exclusive), or null when not blocked. */
  roomBlockedUntil: EpochMs | null;
}

interface RoomEntry {
  failures: EpochMs[];
  blockedUntil: EpochMs | null;
  clients: Map<string, EpochMs[]>;
}

/**
 * Per-client and per-room wrong-PIN accounting (Pexip's break-in defence).
 *
 * - A wrong PIN counts for its client and its room for `roomWindowMinutes` (sliding window);
 *   a client's count also resets on success.
 * - More than `roomFailures` wrong PINs within the window blocks the room until `windowMinutes`
 *   after the blocking failure. While blocked, `recordFailure` records nothing: a blocked room
 *   answers "not found" without checking PINs.
 * - Failures that leave the window are pruned on every write, so state stays small.
 */
export class AttemptLedger {
  /** The validated limits in force. */
  readonly limits: AttemptLimits;
  private readonly clock: Clock;
  private readonly rooms = new Map<string, RoomEntry>();

  /**
   * @param limits partial limits over {@link DEFAULT_ATTEMPT_LIMITS}; validated.
   * @param clock current instant, default `Date.now`.
   * @param state a previous `toJSON()` to restore exactly.
   * @throws RangeError for bad limits, TypeError for malformed state.
   */
  constructor(limits?: Partial<AttemptLimits>, clock: Clock = () => Date.now(), state?: LedgerState) {
    this.limits = resolveAttemptLimits(limits);
    this.clock = clock;
    if (state !== undefined) {
      for (const r of parseLedgerState(state).rooms) {
        this.rooms.set(r.room, {
          failures: r.failures,
          blockedUntil: r.blockedUntil,
          clients: new Map(r.clients.map((c) => [c.client, c.failures])),
        });
      }
    }
  }

  private get windowMs(): number {
    return this.limits.roomWindowMinutes * 60_000;
  }

  /** Whether an instant is still inside the window ending at `now`. */
  private inWindow(t: EpochMs, now: EpochMs): boolean {
    return now - t < this.windowMs;
  }

  /**
   * Records a wrong PIN and returns the client's status after it.
   * A no-op (apart from pruning) while the room is blocked.
   */
  recordFailure(room: string, client: string, channel: Channel): AttemptStatus {
    const now = this.clock();
    this.prune(now);
    if (!this.roomBlockedAt(room, now)) {
      let entry = this.rooms.get(room);
      if (entry === undefined) {
        entry = { failures: [], blockedUntil: null, clients: new Map() };
        this.rooms.set(room, entry);
      }
      entry.failures.push(now);
      const mine = entry.clients.get(client);
      if (mine === undefined) entry.clients.set(client, [now]);
      else mine.push(now);
      if (entry.failures.length > this.limits.roomFailures) entry.blockedUntil = now + this.windowMs;
    }
    return this.statusAt(room, client, channel, now);
  }

  /** Records a correct PIN: the client's count in this room starts over (the room's does not). */
  recordSuccess(room: string, client: string): void {
    const now = this.clock();
    this.rooms.get(room)?.clients.delete(client);
    this.prune(now);
  }

  /** The client's current status in a room (read-only). */
  status(room: string, client: string, channel: Channel): AttemptStatus {
    return this.statusAt(room, client, channel, this.clock());
  }

  /**
   * When this client may try again after using up its attempts: the instant enough of its
   * failures leave the window to bring it under its limit; null while it still has attempts.
   * (A blocked room is not this client's limit: see `roomBlockedUntil`.)
   */
  clientRetryAt(room: string, client: string, channel: Channel): EpochMs | null {
    const now = this.clock();
    const limit = channel === 'sip' ? this.limits.sip : this.limits.web;
    const failures = (this.rooms.get(room)?.clients.get(client) ?? []).filter((t) => this.inWindow(t, now)).sort((a, b) => a - b);
    if (failures.length < limit) return null;
    return (failures[failures.length - limit] as EpochMs) + this.windowMs;
  }

  /** Whether the room is blocked now. */
  isRoomBlocked(room: string): boolean {
    return this.roomBlockedAt(room, this.clock());
  }

  /** Drops failures outside the window, ended blocks, and rooms/clients with nothing left. */
  prune(now: EpochMs = this.clock()): void {
    for (const [room, entry] of this.rooms) {
      entry.failures = entry.failures.filter((t) => this.inWindow(t, now));
      if (entry.blockedUntil !== null && now >= entry.blockedUntil) entry.blockedUntil = null;
      for (const [client, failures] of entry.clients) {
        const kept = failures.filter((t) => this.inWindow(t, now));
        if (kept.length === 0) entry.clients.delete(client);
        else entry.clients.set(client, kept);
      }
      if (entry.failures.length === 0 && entry.clients.size === 0 && entry.blockedUntil === null) this.rooms.delete(room);
    }
  }

  /** Plain JSON state; `new AttemptLedger(limits, clock, ledger.toJSON())` restores it exactly. */
  toJSON(): LedgerState {
    return {
      version: 1,
      rooms: [...this.rooms].map(([room, e]) => ({
        room,
        failures: [...e.failures],
        blockedUntil: e.blockedUntil,
        clients: [...e.clients].map(([client, failures]) => ({ client, failures: [...failures] })),
      })),
    };
  }

  private roomFailuresAt(entry: RoomEntry | undefined, now: EpochMs): number {
    return entry === undefined ? 0 : entry.failures.filter((t) => this.inWindow(t, now)).length;
  }

  /** Blocked by an active block, or (after limits were lowered on restore) by too many failures. */
  private roomBlockedAt(room: string, now: EpochMs): boolean {
    const entry = this.rooms.get(room);
    if (entry === undefined) return false;
    if (entry.blockedUntil !== null && now < entry.blockedUntil) return true;
    return this.roomFailuresAt(entry, now) > this.limits.roomFailures;
  }

  private statusAt(room: string, client: string, channel: Channel, now: EpochMs): AttemptStatus {
    const entry = this.rooms.get(room);
    const limit = channel === 'sip' ? this.limits.sip : this.limits.web;
    const used = (entry?.clients.get(client) ?? []).filter((t) => this.inWindow(t, now)).length;
    const roomFailuresInWindow = this.roomFailuresAt(entry, now);
    const roomBlocked = this.roomBlockedAt(room, now);
    const blockedUntil = entry?.blockedUntil ?? null;
    const clientRemaining = Math.max(0, limit - used);
    const roomRemaining = roomBlocked ? 0 : Math.max(0, this.limits.roomFailures + 1 - roomFailuresInWindow);
    const remaining = Math.min(clientRemaining, roomRemaining);
    return {
      used,
      limit,
      remaining,
      clientRemaining,
      roomRemaining,
      level: warningLevel(remaining, roomBlocked, this.limits.warnAtRemaining),
      roomFailuresInWindow,
      roomBlocked,
      roomBlockedUntil: roomBlocked ? (blockedUntil !== null && now < blockedUntil ? blockedUntil : null) : null,
    };
  }
}

/** The warning level for a number of remaining attempts. */
export function warningLevel(remaining: number, roomBlocked: boolean, warnAtRemaining: number): WarningLevel {
  if (roomBlocked) return 'room_blocked';
  if (remaining <= 0) return 'exhausted';
  if (remaining === 1) return 'last';
  if (remaining <= warnAtRemaining) return 'warn';
  return 'ok';
}
