/**
 * A minimal stand-in for a conference node's join page that may be framed (the reference node
 * sends `frame-ancestors 'none'`, so its own page can never load in an iframe), served on
 * 127.0.0.1 and reachable as localhost: two origins, like the reference node.
 * - `/<path>/m/<alias>`: a plain form with an empty `#pin` field, shown at once, or after
 *   `?delay=<ms>` (a field that appears later, like Pexip's PIN prompt).
 * - `/<path>/m/<alias>?ui=react`: the same form rendered by real React (react-dom 19) as a
 *   controlled input: the PIN lives in React state, the field only shows it. React ignores a
 *   value set from page script unless it goes through the native setter, so this is where a
 *   careless fill would look filled but join with an empty PIN. The form echoes the state's
 *   length in `#state-length` and, on submit, the submitted state in `data-submitted`.
 * - `/<path>/m/<alias>?shape=<name>`: a join page of another markup (joinPageShapes.ts: no form,
 *   dialog, aria-only labels, generated ids, show/hide toggle, React, decoys); `?shape=framed`:
 *   the PIN entry in a same-origin, a sandboxed and a cross-origin frame.
 * - `/embed?src=<url>[&sandbox=<tokens>]`: a page that embeds `src` in an iframe.
 * Everything is static text; `src` and `sandbox` are HTML-escaped.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { build } from 'esbuild';
import { REACT_SHAPE_PAGE, REACT_SHAPE_SOURCE, STATIC_SHAPES } from './joinPageShapes';

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

/** The React join form, bundled with esbuild on first use (plain JS: React is a test-only dependency without types here). */
const REACT_JOIN_SOURCE = `
import { createElement as h, useState } from 'react';
import { createRoot } from 'react-dom/client';
function JoinForm() {
  const [pin, setPin] = useState('');
  const [submitted, setSubmitted] = useState(null);
  return h('form', { id: 'join', 'data-submitted': submitted ?? undefined, onSubmit: (e) => { e.preventDefault(); setSubmitted(pin); } },
    h('label', { htmlFor: 'pin' }, 'PIN'),
    h('input', { id: 'pin', name: 'pin', type: 'password', autoComplete: 'off', value: pin, onChange: (e) => setPin(e.target.value) }),
    h('button', { type: 'submit' }, 'Join'),
    h('output', { id: 'state-length' }, String(pin.length)));
}
createRoot(document.getElementById('root')).render(h(JoinForm));
`;

const reactBundles = new Map<string, Promise<string>>();
function reactBundle(source: string): Promise<string> {
  const made = reactBundles.get(source) ?? build({
    stdin: { contents: source, resolveDir: process.cwd(), loader: 'js' },
    bundle: true,
    write: false,
    format: 'iife',
    minify: true,
    define: { 'process.env.NODE_ENV': '"production"' },
  }).then((r) => r.outputFiles[0]!.text);
  reactBundles.set(source, made);
  return made;
}

const REACT_JOIN_PAGE = '<!doctype html><html><head><meta charset="utf-8"><title>Join</title></head><body><h1>Join</h1><div id="root"></div><script src="/react-join.js"></script></body></html>';

function embedPage(src: string, sandbox: string | null): string {
  const sandboxAttr = sandbox === null ? '' : ` sandbox="${escapeHtml(sandbox)}"`;
  return `<!doctype html><html><head><meta charset="utf-8"><title>Embed</title></head><body><h1>Another site</h1><iframe id="frame" width="600" height="300"${sandboxAttr} src="${escapeHtml(src)}"></iframe></body></html>`;
}

/**
 * A join page whose PIN entry sits in frames: `#same` (this origin), `#sandboxed` (this origin,
 * `sandbox` without an opaque origin) and `#foreign` (the same page from localhost).
 */
function framedPage(path: string, port: number): string {
  const inner = `${path}?shape=unlabelled`;
  const frame = (id: string, src: string, extra = '') => `<iframe id="${id}" width="500" height="200" src="${escapeHtml(src)}"${extra}></iframe>`;
  return `<!doctype html><html><head><meta charset="utf-8"><title>Join</title></head><body><h1>Join</h1>` +
    frame('same', inner) + frame('sandboxed', inner, ' sandbox="allow-scripts allow-same-origin allow-forms"') + frame('foreign', `http://localhost:${port}${inner}`) + `</body></html>`;
}

/** Starts the page server on a free port of 127.0.0.1. */
export async function startPlainJoinPages(): Promise<PlainJoinPages> {
  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    if (url.pathname === '/react-join.js' || url.pathname === '/react-shape.js') {
      reactBundle(url.pathname === '/react-join.js' ? REACT_JOIN_SOURCE : REACT_SHAPE_SOURCE).then(
        (js) => res.writeHead(200, { 'content-type': 'text/javascript; charset=utf-8', 'cache-control': 'no-store' }).end(js),
        (error: unknown) => res.writeHead(500, { 'content-type': 'text/plain' }).end(String(error)),
      );
      return;
    }
    let body: string | null = null;
    if (/^\/[A-Za-z0-9._-]+(?:\/[A-Za-z0-9._-]+)*\/m\/[A-Za-z0-9._-]+$/.test(url.pathname)) {
      const shape = url.searchParams.get('shape');
      if (shape === 'framed') body = framedPage(url.pathname, (server.address() as AddressInfo).port);
      else if (shape !== null) body = shape === 'react-dialog' ? REACT_SHAPE_PAGE : (Object.hasOwn(STATIC_SHAPES, shape) ? STATIC_SHAPES[shape]! : null);
      else body = url.searchParams.get('ui') === 'react' ? REACT_JOIN_PAGE : joinPage(Math.max(0, Number(url.searchParams.get('delay') ?? 0) || 0));
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
