/**
 * A local token issuer for development and tests: its own ES256 key pair (in memory), a JWKS,
 * and tokens shaped like Entra ID's access tokens (`iss`, `aud`, `tid`, `scp`, `oid`,
 * `preferred_username`, `roles`). The service validates them with exactly the code it uses for
 * Entra ID; only the issuer, audience and JWKS URL differ. Never for production.
 */
import { exportJWK, generateKeyPair, SignJWT } from 'jose';
import type { JSONWebKeySet } from 'jose';

/** Who the issuer is and what its tokens grant by default. */
export interface DevIssuerOptions {
  issuer: string;
  audience: string;
  tenant: string;
  scope: string;
}

/** Claims of one token; any standard claim may be overridden (tests make bad tokens this way). */
export interface DevTokenClaims {
  oid: string;
  preferred_username?: string;
  roles?: string[];
  /** Lifetime from now; negative makes an expired token. Default 3600. */
  ttlSeconds?: number;
  [claim: string]: unknown;
}

/** A running issuer. */
export interface DevIssuer {
  issuer: string;
  audience: string;
  tenant: string;
  jwks(): JSONWebKeySet;
  sign(claims: DevTokenClaims): Promise<string>;
}

/** Creates an issuer with a fresh key pair. */
export async function createDevIssuer(opts: DevIssuerOptions): Promise<DevIssuer> {
  const { privateKey, publicKey } = await generateKeyPair('ES256', { extractable: true });
  const kid = `dev-${Date.now().toString(36)}`;
  const publicJwk = { ...(await exportJWK(publicKey)), kid, alg: 'ES256', use: 'sig' };
  return {
    issuer: opts.issuer,
    audience: opts.audience,
    tenant: opts.tenant,
    jwks: () => ({ keys: [publicJwk] }),
    async sign({ ttlSeconds = 3600, ...claims }) {
      const now = Math.floor(Date.now() / 1000);
      const payload = {
        iss: opts.issuer,
        aud: opts.audience,
        tid: opts.tenant,
        scp: opts.scope,
        sub: claims.oid,
        iat: now,
        nbf: now - 5,
        exp: now + ttlSeconds,
        ...claims,
      };
      return new SignJWT(payload).setProtectedHeader({ alg: 'ES256', kid, typ: 'JWT' }).sign(privateKey);
    },
  };
}
