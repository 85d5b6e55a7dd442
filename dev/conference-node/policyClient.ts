/**
 * The node's External Policy API client, as Infinity's Conferencing Nodes call a policy profile:
 * HTTP GET to `<url>/policy/v1/...` with every parameter in the query string, HTTP Basic
 * credentials, a 5 s timeout and no redirects. A thin adapter: the query and the meaning of the
 * answers are ./decisions/policyAnswer.ts's. Any failure (unreachable, timeout, non-200,
 * invalid JSON) is Infinity's "default behaviour"; the node then uses its local rooms.
 */
import { request as httpRequest } from 'node:http';
import type { IncomingMessage } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { readParticipantProperties, readServiceConfiguration } from './decisions';
import type { ParticipantPropertiesOutcome, ServiceConfigurationOutcome } from './decisions';

/** Where the policy server is and how to sign in to it. */
export interface PolicyClientOptions {
  /** The policy server's origin (or base URL); the node appends `/policy/v1/...`. */
  url: string;
  username: string;
  password: string;
  /** PEM CA certificate(s) to trust for an https policy server (besides nothing else). */
  ca?: string;
  /** Default 5000 ms, Infinity's. */
  timeoutMs?: number;
}

/** Asks the policy server; never throws. */
export interface PolicyClient {
  serviceConfiguration(query: Record<string, string>): Promise<ServiceConfigurationOutcome>;
  participantProperties(query: Record<string, string>): Promise<ParticipantPropertiesOutcome>;
}

/** Largest answer read (Infinity's answers are small). */
const MAX_ANSWER_BYTES = 64 * 1024;

/**
 * A policy client for `opts`.
 * @throws Error when `url` is not an http(s) URL or the credentials are empty.
 */
export function createPolicyClient(opts: PolicyClientOptions): PolicyClient {
  let base: URL;
  try {
    base = new URL(opts.url);
  } catch {
    throw new Error(`policy url must be an http(s) URL, got ${opts.url}`);
  }
  if (base.protocol !== 'http:' && base.protocol !== 'https:') throw new Error(`policy url must be http(s), got ${base.protocol}`);
  if (!opts.username || !opts.password) throw new Error('policy username and password are required with a policy url');
  const authorization = `Basic ${Buffer.from(`${opts.username}:${opts.password}`).toString('base64')}`;
  const timeoutMs = opts.timeoutMs ?? 5000;
  const prefix = base.pathname.replace(/\/+$/, '');

  const get = (path: string, query: Record<string, string>): Promise<{ status: number; body: unknown }> =>
    new Promise((resolve) => {
      const target = new URL(`${prefix}${path}?${new URLSearchParams(query).toString()}`, base);
      const send = target.protocol === 'https:' ? httpsRequest : httpRequest;
      const req = send(target, { method: 'GET', headers: { authorization, accept: 'application/json' }, timeout: timeoutMs, ...(opts.ca ? { ca: opts.ca } : {}) }, (res: IncomingMessage) => {
        const chunks: Buffer[] = [];
        let size = 0;
        res.on('data', (chunk: Buffer) => {
          size += chunk.length;
          if (size > MAX_ANSWER_BYTES) req.destroy(new Error('answer too large'));
          else chunks.push(chunk);
        });
        res.on('end', () => {
          let body: unknown;
          try {
            body = JSON.parse(Buffer.concat(chunks).toString('utf8'));
          } catch {
            body = undefined;
          }
          resolve({ status: res.statusCode ?? 0, body });
        });
        res.on('error', () => resolve({ status: 0, body: undefined }));
      });
      req.on('timeout', () => req.destroy(new Error('policy server timed out')));
      req.on('error', () => resolve({ status: 0, body: undefined }));
      req.end();
    });

  return {
    async serviceConfiguration(query) {
      const { status, body } = await get('/policy/v1/service/configuration', query);
      return readServiceConfiguration(status, body);
    },
    async participantProperties(query) {
      const { status, body } = await get('/policy/v1/participant/properties', query);
      return readParticipantProperties(status, body);
    },
  };
}
