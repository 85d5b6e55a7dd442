/**
 * The local development issuer's HTTP side, mounted by the add-in server for development and the
 * playground only (never in a deployment): `GET /dev-issuer/jwks.json` (the public keys the
 * meeting service validates tokens against, exactly as it does Entra ID's) and
 * `POST /dev-issuer/token` (`{ "username": "olga@example.com", "name"?: "Olga" }` ->
 * `{ access_token, token_type, expires_in }`), which the playground's fake Outlook uses where
 * real Outlook would use Nested App Authentication. With `"for": "office-sso"` the token is
 * shaped like an Office single sign-on one (classic Outlook's event runtime): audience the
 * add-in's client id, scope `access_as_user` (LOCAL_AUTH). Node only.
 */
import { createHash } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { LOCAL_AUTH } from '../service/auth/localAuth';
import { readBoundedBody } from './boundedBody';

/** What the routes need of an issuer (service/auth/devIssuer.ts `createDevIssuer` fits). */
export interface DevIssuerLike {
  jwks(): unknown;
  sign(claims: { oid: string; preferred_username?: string; name?: string; ttlSeconds?: number; aud?: string; scp?: string }): Promise<string>;
}

/** Path prefix of the routes. */
export const DEV_ISSUER_PATH = '/dev-issuer';
const TOKEN_TTL_SECONDS = 3600;
const MAX_BODY = 4096;
const USERNAME = /^[^\s@<>"]{1,64}@[^\s@<>"]{1,190}$/;

/**
 * A stable object id for a user name, shaped like Entra ID's `oid` (a GUID), so one organizer
 * keeps one identity across tokens and restarts.
 */
export function devObjectId(username: string): string {
  const h = createHash('sha256').update(`securejoin-dev:${username.toLowerCase()}`).digest('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-8${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

function json(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store', 'x-content-type-options': 'nosniff' });
  res.end(JSON.stringify(body));
}

/**
 * Answers a request under {@link DEV_ISSUER_PATH}; returns false when `path` is not one of the
 * routes (the caller answers it). The token route takes JSON only, so a page of another origin
 * cannot post to it without a CORS preflight, which this server never grants.
 */
export async function handleDevIssuer(issuer: DevIssuerLike, path: string, req: IncomingMessage, res: ServerResponse): Promise<boolean> {
  /** Answers and reports the request handled. */
  const answer = (status: number, body: unknown): true => {
    json(res, status, body);
    return true;
  };
  if (path === `${DEV_ISSUER_PATH}/jwks.json`) {
    return req.method === 'GET' || req.method === 'HEAD' ? answer(200, issuer.jwks()) : answer(405, { error: 'method', message: 'use GET' });
  }
  if (path !== `${DEV_ISSUER_PATH}/token`) return false;
  if (req.method !== 'POST') return answer(405, { error: 'method', message: 'use POST' });
  if (!/^application\/json\b/i.test(req.headers['content-type'] ?? '')) return answer(415, { error: 'invalid', message: 'send Content-Type: application/json' });
  const text = await readBoundedBody(req, MAX_BODY);
  if (text === null) return answer(413, { error: 'invalid', message: `the body is larger than ${MAX_BODY} bytes` });
  let body: { username?: unknown; name?: unknown; for?: unknown };
  try {
    body = JSON.parse(text) as typeof body;
  } catch {
    return answer(400, { error: 'invalid', message: 'the body is not JSON' });
  }
  if (typeof body?.username !== 'string' || !USERNAME.test(body.username)) return answer(400, { error: 'invalid', message: 'username: must be an email address like olga@example.com' });
  if (body.for !== undefined && body.for !== 'office-sso') return answer(400, { error: 'invalid', message: 'for: must be "office-sso" or absent' });
  const name = typeof body.name === 'string' ? body.name.slice(0, 100) : undefined;
  // Office SSO's token is for the add-in's own app: its client id as audience (v2), the scope the app exposes to Office.
  const sso = body.for === 'office-sso' ? { aud: LOCAL_AUTH.clientId, scp: LOCAL_AUTH.ssoScope } : {};
  const token = await issuer.sign({ oid: devObjectId(body.username), preferred_username: body.username, ...(name ? { name } : {}), ...sso, ttlSeconds: TOKEN_TTL_SECONDS });
  return answer(200, { access_token: token, token_type: 'Bearer', expires_in: TOKEN_TTL_SECONDS });
}
