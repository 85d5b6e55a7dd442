/**
 * Plain data shared across core/. Everything here is JSON-serialisable so it can cross
 * message boundaries (extension), live in storage (Dexie, roaming settings) and go over HTTP.
 */

/** An instant as milliseconds since the Unix epoch (UTC). All instants in core/ are UTC. */
export type EpochMs = number;

/** A clock: returns the current instant. Injected everywhere time matters, so tests drive it. */
export type Clock = () => EpochMs;

/** Who a participant is in a Pexip-style Virtual Meeting Room. */
export type Role = 'host' | 'guest';

/**
 * How a participant reaches the room. Pexip allows 5 PIN attempts per web/desktop user and
 * 3 per SIP/H.323/Skype call.
 */
export type Channel = 'web' | 'sip';

/** A single meeting (or one occurrence of a series) as two UTC instants, end after start. */
export interface MeetingTime {
  start: EpochMs;
  end: EpochMs;
}

/** A validation problem at a path inside some input (`nodes[0].origin`, `body`, ...). */
export interface Issue {
  path: string;
  message: string;
}

/** Result of validating untrusted input: the value, or every problem found. Never half-applied. */
export type Result<T> = { ok: true; value: T } | { ok: false; errors: Issue[] };
