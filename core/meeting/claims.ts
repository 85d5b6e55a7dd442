/**
 * From a token's verified claims (signature, issuer, audience and expiry already checked by the
 * shell) to the caller: the tenant must match, a scope must be granted, and there must be an
 * organizer id. Entra ID's claim names: `tid`, `scp` (space-separated), `oid`, `roles`.
 */
import type { Result } from '../types';
import type { Caller } from './access';

/** What the service requires of a token beyond its signature. */
export interface ClaimRules {
  tenant: string;
  /**
   * The scope tokens must grant, or several of which any one suffices: the meeting service's own
   * (Nested App Authentication asks for it by name) and the one the add-in's app exposes to
   * Office single sign-on (classic Outlook's event runtime; conventionally `access_as_user`).
   */
  scope: string | readonly string[];
  adminRole: string;
}

/** The accepted scopes as a list (one scope given as a string is a list of one). */
export function acceptedScopes(rules: Pick<ClaimRules, 'scope'>): readonly string[] {
  return typeof rules.scope === 'string' ? [rules.scope] : rules.scope;
}

/** The caller the claims name, or why they are refused (a message safe to return: no claim values). */
export function callerFromClaims(claims: Record<string, unknown>, rules: ClaimRules): Result<Caller> {
  if (claims.tid !== rules.tenant) return refuse('the token is for another tenant');
  const granted = typeof claims.scp === 'string' ? claims.scp.split(' ').filter(Boolean) : [];
  const accepted = acceptedScopes(rules);
  // An empty list accepts nothing (fail closed), never everything.
  if (!accepted.some((scope) => granted.includes(scope))) {
    return refuse(accepted.length === 1 ? `the token does not grant the scope ${accepted[0]}` : `the token grants none of the scopes ${accepted.join(', ')}`);
  }
  const id = typeof claims.oid === 'string' && claims.oid ? claims.oid : typeof claims.sub === 'string' ? claims.sub : '';
  if (!id) return refuse('the token names no user (oid or sub)');
  const name = typeof claims.preferred_username === 'string' ? claims.preferred_username : '';
  const roles = Array.isArray(claims.roles) ? claims.roles : [];
  return { ok: true, value: { id, name, isAdmin: roles.includes(rules.adminRole) } };
}

function refuse(message: string): Result<Caller> {
  return { ok: false, errors: [{ path: 'authorization', message }] };
}
