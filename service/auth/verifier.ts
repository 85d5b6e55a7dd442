/**
 * Validates `Authorization: Bearer <JWT>` with jose: signature against the issuer's JWKS,
 * `iss`, `aud`, `exp`/`nbf`; then core/meeting's claim rules (tenant, scope, organizer id).
 * The same code runs against Entra ID and the local development issuer; only the settings differ.
 */
import { createRemoteJWKSet, errors as joseErrors, jwtVerify } from 'jose';
import { callerFromClaims } from '../../core/meeting';
import type { Caller, ClaimRules } from '../../core/meeting';

/** Where tokens come from and what they must say. */
export interface AuthOptions extends ClaimRules {
  issuer: string;
  /**
   * The audience tokens must carry, or several of which any one suffices: the meeting service's
   * API (Nested App Authentication) and the add-in's own app, which Office single sign-on issues
   * tokens for (its client id in v2 tokens, `api://<add-in host>/<client id>` in v1 ones).
   */
  audience: string | readonly string[];
  jwksUrl: string;
}

/**
 * The caller, or a message for the 401 (names the problem, never the token). `unavailable`: the
 * issuer's keys could not be fetched, so the token could not be judged (503, not the client's fault).
 */
export type AuthResult = { ok: true; caller: Caller } | { ok: false; message: string; unavailable?: true };

/** Turns a header into a caller. */
export type Authenticate = (authorization: string | undefined) => Promise<AuthResult>;

/** True when verification failed because the issuer's keys could not be had (network, timeout, bad JWKS). */
function keysUnavailable(error: unknown): boolean {
  if (!(error instanceof joseErrors.JOSEError)) return true; // fetch's own errors: refused, reset, DNS
  if (error instanceof joseErrors.JWKSTimeout || error.code === 'ERR_JWKS_INVALID') return true;
  return error.code === 'ERR_JOSE_GENERIC' && /JSON Web Key Set/.test(error.message);
}

/** jose's refusals in plain words. */
function describe(error: unknown): AuthResult {
  if (keysUnavailable(error)) return { ok: false, message: "the token issuer's keys could not be fetched; try again shortly", unavailable: true };
  if (error instanceof joseErrors.JWTExpired) return { ok: false, message: 'the token has expired' };
  if (error instanceof joseErrors.JWTClaimValidationFailed) return { ok: false, message: `the token's ${error.claim} claim is not accepted` };
  if (error instanceof joseErrors.JWSSignatureVerificationFailed) return { ok: false, message: 'the token signature is not valid' };
  if (error instanceof joseErrors.JWKSNoMatchingKey) return { ok: false, message: 'the token is not signed by a key of the issuer' };
  return { ok: false, message: 'the token is not valid' };
}

/** Tokens remembered as verified: a client sends the same one with every request. */
const CACHE_SIZE = 1000;
/** At most this long, and never past the token's own expiry. */
const CACHE_MS = 5 * 60_000;

/**
 * An authenticator; the JWKS is fetched on first use and cached (refetched for an unknown key
 * id). A token that verified is remembered (in memory, bounded) until its expiry or for 5
 * minutes, whichever is first, so a signature is not re-checked on every request.
 */
export function createAuthenticator(opts: AuthOptions, now: () => number = Date.now): Authenticate {
  const jwks = createRemoteJWKSet(new URL(opts.jwksUrl), { timeoutDuration: 3000, cooldownDuration: 30_000 });
  const verified = new Map<string, { caller: Caller; until: number }>();
  // jose accepts a token whose aud names any one of these; an empty list would accept none.
  const audiences = typeof opts.audience === 'string' ? opts.audience : [...opts.audience];
  if (audiences.length === 0) throw new RangeError('auth.audience: name at least one audience');
  return async (authorization) => {
    const match = /^Bearer ([A-Za-z0-9._~+/-]+=*)$/i.exec(authorization ?? '');
    if (!match?.[1]) return { ok: false, message: 'send Authorization: Bearer <token>' };
    const token = match[1];
    const known = verified.get(token);
    if (known && known.until > now()) return { ok: true, caller: known.caller };
    verified.delete(token);
    try {
      const { payload } = await jwtVerify(token, jwks, { issuer: opts.issuer, audience: audiences, algorithms: ['RS256', 'ES256', 'PS256'], currentDate: new Date(now()) });
      const caller = callerFromClaims(payload as Record<string, unknown>, opts);
      if (!caller.ok) return { ok: false, message: caller.errors[0]?.message ?? 'the token is not accepted' };
      if (verified.size >= CACHE_SIZE) verified.delete(verified.keys().next().value as string);
      verified.set(token, { caller: caller.value, until: Math.min(now() + CACHE_MS, (payload.exp ?? 0) * 1000) });
      return { ok: true, caller: caller.value };
    } catch (error) {
      return describe(error);
    }
  };
}
