/**
 * The local token issuer as its own loopback HTTP server, so `securejoin service` can be tried on
 * a laptop without Entra ID: `GET /dev-issuer/jwks.json` (the keys the service validates tokens
 * with) and `POST /dev-issuer/token` (a token for any user name: the same routes the add-in's
 * development server mounts, cli/devIssuerRoutes.ts). Anyone who can reach it can sign
 * in as anyone, so it listens on loopback only and refuses any other address.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { isIPv4, isIPv6 } from 'node:net';
import { DEV_ISSUER_PATH, handleDevIssuer } from './devIssuerRoutes';
import { createDevIssuer } from '../service/auth/devIssuer';
import { LOCAL_AUTH } from '../service/auth/localAuth';

/** True for a loopback address or the name localhost: 127.0.0.0/8, ::1. */
export function isLoopbackHost(host: string): boolean {
  const bare = host.replace(/^\[(.*)\]$/, '$1');
  if (bare === 'localhost') return true;
  if (isIPv4(bare)) return bare.split('.')[0] === '127';
  if (isIPv6(bare)) return bare === '::1' || bare === '0:0:0:0:0:0:0:1' || /^::ffff:127\./i.test(bare);
  return false;
}

/** A running local issuer. */
export interface DevIssuerServer {
  /** http://host:port/dev-issuer */
  url: string;
  jwksUrl: string;
  tokenUrl: string;
  close(): Promise<void>;
}

/**
 * Starts the issuer (a fresh key pair) on `host`:`port` (0 picks a free port).
 * @throws RangeError for a host that is not loopback (also when a name resolved elsewhere);
 *   the listen error (EADDRINUSE ...) otherwise.
 */
export async function startDevIssuerServer(opts: { host: string; port: number }): Promise<DevIssuerServer> {
  if (!isLoopbackHost(opts.host)) throw new RangeError(`--host ${opts.host} is not a loopback address: the local issuer signs tokens for anyone who asks, so it listens on 127.0.0.1, ::1 or localhost only`);
  const issuer = await createDevIssuer({ issuer: LOCAL_AUTH.issuer, audience: LOCAL_AUTH.audience, tenant: LOCAL_AUTH.tenant, scope: LOCAL_AUTH.scope });
  const server = createServer((req, res) => {
    const path = (req.url ?? '/').split('?')[0] ?? '/';
    handleDevIssuer(issuer, path, req, res).then(
      (handled) => {
        if (!handled) res.writeHead(404, { 'content-type': 'application/json' }).end(JSON.stringify({ error: 'not found', routes: [`GET ${DEV_ISSUER_PATH}/jwks.json`, `POST ${DEV_ISSUER_PATH}/token`] }));
      },
      () => {
        if (!res.headersSent) res.writeHead(500).end();
      },
    );
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port, opts.host.replace(/^\[(.*)\]$/, '$1'), () => resolve());
  });
  const close = () => new Promise<void>((resolve) => server.close(() => resolve()));
  const address = server.address() as AddressInfo;
  // "localhost" is a name: make sure it did land on loopback.
  if (!isLoopbackHost(address.address)) {
    await close();
    throw new RangeError(`--host ${opts.host} resolved to ${address.address}, which is not loopback`);
  }
  const host = address.family === 'IPv6' ? `[${address.address}]` : address.address;
  const url = `http://${host}:${address.port}${DEV_ISSUER_PATH}`;
  return { url, jwksUrl: `${url}/jwks.json`, tokenUrl: `${url}/token`, close };
}
