/**
 * Serves the Outlook add-in for sideloading and the playground that plays Outlook for it.
 *
 * - `/` + the add-in's files as built by `buildAddin` (manifest.xml, taskpane.html, ...), with
 *   `policy.json` beside them (the admin's policy; users cannot edit it);
 * - `/playground/` the fake Outlook compose window; `/playground/addin/...` the same add-in files
 *   with the office.js script tag pointed at the playground's fake office.js;
 * - `/graph/v1.0/me/sendMail` a Microsoft Graph stand-in that records personal messages (graphStandIn.ts);
 * - `/dev-issuer/...` (only with `devIssuer`: development and the playground) the local token
 *   issuer's JWKS and token endpoint (devIssuerRoutes.ts). The server holds no credential of
 *   anyone else's and forwards nothing: the add-in talks to the meeting service itself.
 *
 * HTTP on 127.0.0.1 by default (tests); HTTPS with `https: { key, cert }` (sideloading, see
 * {@link ensureDevCertificate}). Node only.
 */
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { readFile, rm } from 'node:fs/promises';
import { createServer as createHttpServer } from 'node:http';
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, extname, join, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildAddin } from '../../scripts/build/outlookAddin';
import { DEV_ISSUER_PATH, handleDevIssuer } from '../../cli/devIssuerRoutes';
import type { DevIssuerLike } from '../../cli/devIssuerRoutes';
import { buildPlayground } from '../outlook-playground/bundle';
import { createGraphStandIn } from './graphStandIn';
import type { GraphStandIn } from './graphStandIn';
import { ADDIN_CONTENT_TYPES } from '../../service/addin/files';

/** Kept here for callers that imported it from the add-in server. */
export { ensureDevCertificate } from '../devcert';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
/** The policy served when none is given: the repository's example. */
export const DEFAULT_POLICY_PATH = join(ROOT, 'examples', 'policy.json');

/** Options for {@link startAddinServer}. */
export interface AddinServerOptions {
  /** TCP port, default 0 (any free port). */
  port?: number;
  /** Interface to listen on, default "127.0.0.1". */
  host?: string;
  /** policy.json's text; default examples/policy.json; null answers 404 (policy unreachable). */
  policyText?: string | null;
  /**
   * The local development issuer (service/auth/devIssuer.ts `createDevIssuer`): serve its JWKS and
   * token endpoint under `/dev-issuer/` (development and the playground only).
   */
  devIssuer?: DevIssuerLike;
  /** PEM key and certificate: serve HTTPS. */
  https?: { key: string; cert: string };
  /** Folder to build into; default a fresh temporary folder removed on close. */
  outDir?: string;
}

/** A running add-in server. */
export interface AddinServer {
  /** Base URL without trailing slash, e.g. "http://127.0.0.1:41234". */
  url: string;
  port: number;
  /** The playground page. */
  playgroundUrl: string;
  /** With `devIssuer`: its JWKS URL (`<url>/dev-issuer/jwks.json`), for the meeting service; else null. */
  devIssuerJwksUrl: string | null;
  outDir: string;
  /** The Microsoft Graph stand-in at `<url>/graph/v1.0` (graphStandIn.ts): what personal messages were sent. */
  graph: GraphStandIn;
  /** Serves another policy.json from now on (null: 404). */
  setPolicyText(text: string | null): void;
  close(): Promise<void>;
}

const TYPES: Readonly<Record<string, string>> = { ...ADDIN_CONTENT_TYPES, '.map': 'application/json; charset=utf-8' };
/** office.js script tags in the add-in's pages (Microsoft's CDN or any path ending in office.js). */
const OFFICE_SCRIPT = /<script\b[^>]*\bsrc="[^"]*\/office(?:\.debug)?\.js"[^>]*>\s*<\/script>/gi;
const CSP = "default-src 'self'; script-src 'self' https://appsforoffice.microsoft.com; style-src 'self' 'unsafe-inline'; img-src 'self' data:; connect-src 'self' https: http://127.0.0.1:* http://localhost:*; frame-src 'self'; object-src 'none'; base-uri 'none'";

/** `name` inside `dir`, or null when it would escape it (`..`, absolute paths, NUL). */
function inside(dir: string, name: string): string | null {
  if (name.includes('\0')) return null;
  const path = resolve(dir, `.${sep}${name}`);
  return path === dir || path.startsWith(dir + sep) ? path : null;
}

function send(res: ServerResponse, status: number, body: string | Buffer, type = 'text/plain; charset=utf-8', extra: Record<string, string> = {}): void {
  res.writeHead(status, { 'content-type': type, 'cache-control': 'no-store', 'x-content-type-options': 'nosniff', 'content-security-policy': CSP, ...extra });
  res.end(body);
}

async function sendFile(res: ServerResponse, dir: string, name: string, rewrite?: (html: string) => string): Promise<void> {
  const path = inside(dir, name === '' || name.endsWith('/') ? `${name}index.html` : name);
  if (!path || !existsSync(path)) return send(res, 404, 'Not found');
  const type = TYPES[extname(path)] ?? 'application/octet-stream';
  const data = await readFile(path).catch(() => null);
  if (data === null) return send(res, 404, 'Not found');
  send(res, 200, rewrite && type.startsWith('text/html') ? rewrite(data.toString('utf8')) : data, type);
}

/**
 * Builds the add-in (for this server's URL) and the playground, then serves them.
 * Rejects when the port is taken or a build fails.
 */
export async function startAddinServer(opts: AddinServerOptions = {}): Promise<AddinServer> {
  let policyText: string | null = opts.policyText === undefined ? readFileSync(DEFAULT_POLICY_PATH, 'utf8') : opts.policyText;
  const ownOutDir = opts.outDir === undefined;
  const outDir = resolve(opts.outDir ?? mkdtempSync(join(tmpdir(), 'securejoin-addin-')));
  const addinDir = join(outDir, 'addin');
  const playgroundDir = join(outDir, 'playground');
  let ready: Promise<void> = Promise.resolve();
  const graph = createGraphStandIn();

  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    await ready;
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    if (opts.devIssuer && path.startsWith(`${DEV_ISSUER_PATH}/`) && (await handleDevIssuer(opts.devIssuer, path, req, res))) return;
    if (await graph.handle(path, req, res)) return;
    if (req.method !== 'GET' && req.method !== 'HEAD') return send(res, 405, 'Method not allowed', undefined, { allow: 'GET, HEAD' });
    if (path === '/') return send(res, 302, '', undefined, { location: '/playground/' });
    const policy = () => (policyText === null ? send(res, 404, 'No policy.json') : send(res, 200, policyText, TYPES['.json']));
    if (path === '/policy.json' || (path.startsWith('/playground/addin/') && path.endsWith('/policy.json'))) return policy();
    if (path === '/playground') return send(res, 302, '', undefined, { location: '/playground/' });
    if (path.startsWith('/playground/addin/')) {
      return sendFile(res, addinDir, path.slice('/playground/addin/'.length), (html) => html.replace(OFFICE_SCRIPT, '<script src="/playground/office.js"></script>'));
    }
    if (path.startsWith('/playground/')) return sendFile(res, playgroundDir, path.slice('/playground/'.length));
    return sendFile(res, addinDir, path.slice(1));
  };
  const listener = (req: IncomingMessage, res: ServerResponse) =>
    void handle(req, res).catch((error: unknown) => {
      if (!res.headersSent) send(res, 500, `Server error: ${error instanceof Error ? error.message : String(error)}`);
    });
  const server: Server = opts.https ? createHttpsServer(opts.https, listener) : createHttpServer(listener);
  await new Promise<void>((ok, fail) => {
    server.once('error', fail);
    server.listen(opts.port ?? 0, opts.host ?? '127.0.0.1', () => ok());
  });
  const port = (server.address() as AddressInfo).port;
  const listenHost = opts.host ?? '127.0.0.1';
  const hostName = listenHost === '0.0.0.0' || listenHost === '::' ? 'localhost' : listenHost;
  const url = `${opts.https ? 'https' : 'http'}://${hostName.includes(':') ? `[${hostName}]` : hostName}:${port}`;
  const close = async () => {
    server.closeAllConnections?.();
    await new Promise<void>((ok) => server.close(() => ok()));
    if (ownOutDir) await rm(outDir, { recursive: true, force: true });
  };
  // The build names this server in the manifest and in the event runtime's policy URL (plain
  // HTTP is accepted on loopback only, for the playground and tests).
  ready = Promise.all([buildAddin(addinDir, { hostUrl: url, policyText: policyText ?? undefined }), buildPlayground(playgroundDir)]).then(() => undefined);
  try {
    await ready;
  } catch (error) {
    await close();
    throw error;
  }
  return {
    url,
    port,
    playgroundUrl: `${url}/playground/`,
    devIssuerJwksUrl: opts.devIssuer ? `${url}${DEV_ISSUER_PATH}/jwks.json` : null,
    outDir,
    graph,
    setPolicyText: (text) => void (policyText = text),
    close,
  };
}
