/**
 * Who may do what with a meeting. The organizer is whoever created it; only they read or change
 * it. An admin (a role from the token) may list and revoke (delete) any meeting, but not rewrite
 * another organizer's codes.
 */

/** The caller, from a validated token. */
export interface Caller {
  /** Stable organizer id (`oid`, else `sub`). */
  id: string;
  /** Display name (`preferred_username`), may be empty. */
  name: string;
  isAdmin: boolean;
}

/** What the caller wants to do with an existing meeting. */
export type MeetingAction = 'read' | 'replace' | 'delete';

/** True when `caller` may do `action` on a meeting organized by `organizerId`. */
export function mayAct(caller: Caller, organizerId: string, action: MeetingAction): boolean {
  if (caller.id === organizerId) return true;
  return caller.isAdmin && (action === 'read' || action === 'delete');
}

/** True when the caller may list every organizer's meetings. */
export function mayListAll(caller: Caller): boolean {
  return caller.isAdmin;
}
