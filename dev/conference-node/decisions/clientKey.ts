/**
 * How the node tells clients apart for per-client PIN attempt limits.
 *
 * A client is its remote address plus the client id it sends (`client_id`), or, without one,
 * its display name (trimmed, NFKC, lower-cased). Why not the address alone: people behind one
 * NAT or proxy would share five attempts, so one user's typos would lock out colleagues.
 * Why not the name alone: anyone could use up a colleague's attempts from elsewhere.
 * An attacker can vary the name or id to get fresh per-client attempts; that is fine, because
 * the per-client limit is a usability guard (Pexip's "5 per web user") and the security bound
 * is the per-room limit (more than 20 failures in 10 minutes blocks the room).
 */

/** Longest name/id part kept in a key, so keys stay small in the ledger. */
const MAX_PART = 128;

/**
 * Builds a client key such as `127.0.0.1|id:3f2a…` or `127.0.0.1|name:ana lima`.
 * @param remoteAddress the TCP peer address (never a forwarded header: the node is loopback only).
 * @param clientId optional `client_id` from the request body; blank counts as absent.
 * @param displayName the `display_name` from the body.
 */
export function clientKeyOf(remoteAddress: string, clientId: string | null | undefined, displayName: string): string {
  const id = clientId?.trim();
  if (id) return `${remoteAddress}|id:${id.slice(0, MAX_PART)}`;
  return `${remoteAddress}|name:${displayName.normalize('NFKC').trim().toLowerCase().slice(0, MAX_PART)}`;
}
