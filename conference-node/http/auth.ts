/**
 * Bearer-token check for the provisioning API. Compares SHA-256 digests with
 * `timingSafeEqual`, so neither the token's length nor its prefix leaks through timing.
 */
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';

const digest = (text: string): Buffer => createHash('sha256').update(text, 'utf8').digest();

/** True when the request carries `Authorization: Bearer <expected>`. */
export function hasBearerToken(req: IncomingMessage, expected: string): boolean {
  const header = req.headers.authorization;
  if (typeof header !== 'string') return false;
  const match = /^Bearer[ ]+(\S+)\s*$/i.exec(header);
  if (!match?.[1]) return false;
  return timingSafeEqual(digest(match[1]), digest(expected));
}

/** A fresh random bearer token (32 bytes, base64url) for nodes started without one. */
export function generateBearerToken(): string {
  return randomBytes(32).toString('base64url');
}
