/**
 * Serves the join page: `/<path>/m/<alias>` (HTML), `/<path>/join-page.js` (the esbuild bundle
 * of `joinPage/client.ts` with `@pexip/infinity`) and `/<path>/join-page.css`.
 */
import type { ServerResponse } from 'node:http';
import { buildJoinPageBundle } from './joinPage/build';
import { JOIN_PAGE_CSS, renderJoinPage } from './joinPage/html';
import { sendText } from './http/io';

/** Strict CSP: only same-origin script, style and fetch/EventSource; no framing, no forms posting away. */
const PAGE_CSP = "default-src 'none'; script-src 'self'; style-src 'self'; connect-src 'self'; img-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

/**
 * Handles a GET under `/<path>/`. `rest` are the segments after the path.
 * @returns false when the route is not a join page route (caller answers 404).
 */
export async function handleJoinPage(res: ServerResponse, webappPath: string, rest: string[]): Promise<boolean> {
  const [first, alias, ...extra] = rest;
  if (first === 'join-page.js' && rest.length === 1) {
    sendText(res, 200, 'text/javascript; charset=utf-8', await buildJoinPageBundle());
    return true;
  }
  if (first === 'join-page.css' && rest.length === 1) {
    sendText(res, 200, 'text/css; charset=utf-8', JOIN_PAGE_CSS);
    return true;
  }
  if (first === 'm' && alias && (extra.length === 0 || (extra.length === 1 && extra[0] === ''))) {
    const html = renderJoinPage({ alias, scriptUrl: `/${webappPath}/join-page.js`, styleUrl: `/${webappPath}/join-page.css` });
    sendText(res, 200, 'text/html; charset=utf-8', html, {
      'content-security-policy': PAGE_CSP,
      'x-frame-options': 'DENY',
    });
    return true;
  }
  return false;
}
