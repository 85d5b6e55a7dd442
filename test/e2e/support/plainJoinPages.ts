/**
 * A minimal stand-in for a conference node's join page that may be framed (the reference node
 * sends `frame-ancestors 'none'`, so its own page can never load in an iframe), served on
 * 127.0.0.1 and reachable as localhost: two origins, like the reference node.
 * - `/<path>/m/<alias>`: a plain form with an empty `#pin` field, shown at once, or after
 *   `?delay=<ms>` (a field that appears later, like Pexip's PIN prompt).
 * - `/embed?src=<url>[&sandbox=<tokens>]`: a page that embeds `src` in an iframe.
 * Everything is static text; `src` and `sandbox` are HTML-escaped.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

/** A running page server. */
export interface PlainJoinPages {
  /** `http://127.0.0.1:<port>` */
  url: string;
  /** `http://localhost:<port>`: the same server under another origin. */
  localhostUrl: string;
  close(): Promise<void>;
}

const escapeHtml = (s: string): string => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

function joinPage(delayMs: number): string {
  // A field inserted by script after `delayMs` (0: at once), as a join page's PIN prompt appears.
  const script = `const d=${delayMs};const add=()=>{const f=document.createElement('form');f.id='join';` +
    `f.innerHTML='<label for="pin">PIN</label><input id="pin" name="pin" type="password" autocomplete="off"><button type="submit">Join</button>';` +
    `f.addEventListener('submit',e=>{e.preventDefault();f.dataset.submitted='true';});document.body.append(f);};` +
    `d>0?setTimeout(add,d):add();`;
  return `<!doctype html><html><head><meta charset="utf-8"><title>Join</title></head><body><h1>Join</h1><script>${script}</script></body></html>`;
}

function embedPage(src: string, sandbox: string | null): string {
  const sandboxAttr = sandbox === null ? '' : ` sandbox="${escapeHtml(sandbox)}"`;
  return `<!doctype html><html><head><meta charset="utf-8"><title>Embed</title></head><body><h1>Another site</h1><iframe id="frame" width="600" height="300"${sandboxAttr} src="${escapeHtml(src)}"></iframe></body></html>`;
}

/** Starts the page server on a free port of 127.0.0.1. */
export async function startPlainJoinPages(): Promise<PlainJoinPages> {
  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    let body: string | null = null;
    if (/^\/[A-Za-z0-9._-]+(?:\/[A-Za-z0-9._-]+)*\/m\/[A-Za-z0-9._-]+$/.test(url.pathname)) {
      body = joinPage(Math.max(0, Number(url.searchParams.get('delay') ?? 0) || 0));
    } else if (url.pathname === '/embed' && url.searchParams.get('src')) {
      body = embedPage(url.searchParams.get('src') as string, url.searchParams.get('sandbox'));
    }
    if (body === null) {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
      return;
    }
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' }).end(body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    localhostUrl: `http://localhost:${port}`,
    close: () => new Promise<void>((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    }),
  };
}
