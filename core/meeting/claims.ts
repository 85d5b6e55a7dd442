/**
 * From a token's verified claims (signature, issuer, audience and expiry already checked by the
 * shell) to the caller: the tenant must match, the scope must be granted, and there must be an
 * organizer id. Entra ID's claim names: `tid`, `scp` (space-separated), `oid`, `roles`.
 */
import type { Result } from '../types';
import type { Caller } from './access';

/** What the service requires of a token beyond its signature. */
export interface ClaimRules {
  tenant: string;
  scope: string;
  adminRole: string;
}

/** The caller the claims name, or why they are refused (a message safe to return: no claim values). */
export function callerFromClaims(claims: Record<string, unknown>, rules: ClaimRules): Result<Caller> {
  if (claims.tid !== rules.tenant) return refuse('the token is for another tenant');
  const scopes = typeof claims.scp === 'string' ? claims.scp.split(' ').filter(Boolean) : [];
  if (!scopes.includes(rules.scope)) return refuse(`the token does not grant the scope ${rules.scope}`);
  const id = typeof claims.oid === 'string' && claims.oid ? claims.oid : typeof claims.sub === 'string' ? claims.sub : '';
  if (!id) return refuse('the token names no user (oid or sub)');
  const name = typeof claims.preferred_username === 'string' ? claims.preferred_username : '';
  const roles = Array.isArray(claims.roles) ? claims.roles : [];
  return { ok: true, value: { id, name, isAdmin: roles.includes(rules.adminRole) } };
}

function refuse(message: string): Result<Caller> {
  return { ok: false, errors: [{ path: 'authorization', message }] };
}
