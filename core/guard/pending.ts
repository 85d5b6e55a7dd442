/**
 * Token requests the guard has seen leave but whose response has not arrived yet ("pending"
 * rows). A pending row never holds the PIN itself, only its room fingerprint, and it is only
 * good for a short time and for the browser session that saw the request: browser request ids
 * start over when the browser restarts, so a row left behind by a browser that died
 * mid-request must never be matched to a new request with the same id.
 */
import type { EpochMs } from '../types';

/**
 * How long a pending request is believed (2 minutes). A `request_token` call answers in well
 * under a second; a row older than this belongs to a request whose response was lost (browser
 * closed, worker killed) and tells nothing any more.
 */
export const PENDING_REQUEST_TTL_MS = 120_000;

/** What {@link pendingRowLive} reads of a pending row. */
export interface PendingFacts {
  /** The browser session that saw the request (see the background's session id). */
  session: string;
  seenAt: EpochMs;
}

/** Whether a pending row may still be matched to a response: same session, seen less than the TTL ago (and not in the future). */
export function pendingRowLive(row: PendingFacts, now: EpochMs, session: string): boolean {
  return row.session === session && Number.isFinite(row.seenAt) && row.seenAt <= now && now - row.seenAt < PENDING_REQUEST_TTL_MS;
}

/** The stored key of a pending row: session and request id together, so ids of another session never collide. */
export function pendingRowKey(session: string, requestId: string): string {
  return `${session}|${requestId}`;
}
