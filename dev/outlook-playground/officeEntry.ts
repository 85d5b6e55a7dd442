/**
 * The playground's `office.js`: a classic script that defines `window.Office` as the fake over
 * the playground page's host (`window.top.securejoinPlayground`), before the add-in's own script
 * runs, just as the real office.js would be loaded first, and the add-in's token source for the
 * meeting service (tokens from the local development issuer, see devTokens.ts). Opened outside the playground it says
 * so on the console and defines nothing, so the add-in fails visibly instead of silently.
 */
import { DEV_GRAPH_ROOT_GLOBAL, DEV_TOKEN_SOURCE_GLOBAL } from '../../outlook-addin/auth/devTokenHook';
import { createDevTokenSource, fetchDevSsoToken } from './devTokens';
import { createFakeOffice } from './fakeOffice';
import { PLAYGROUND_HOST_GLOBAL } from './hostState';
import type { PlaygroundHost } from './hostState';

function findHost(): PlaygroundHost | undefined {
  try {
    return (window.top as unknown as Record<string, PlaygroundHost | undefined>)[PLAYGROUND_HOST_GLOBAL];
  } catch {
    return undefined; // cross-origin top: not the playground
  }
}

const host = findHost();
if (host) {
  // Office SSO (Office.auth.getAccessToken) from the local issuer, as classic Outlook's event runtime signs in.
  (window as unknown as { Office: unknown }).Office = createFakeOffice(host, { displayLanguage: navigator.language || 'en-GB', accessToken: () => fetchDevSsoToken(location.origin, host) });
  // Where Outlook offers Nested App Authentication, the playground offers its local issuer.
  (window as unknown as Record<string, unknown>)[DEV_TOKEN_SOURCE_GLOBAL] = createDevTokenSource(location.origin, host);
  // Where the add-in would call Microsoft Graph, the add-in server's Graph stand-in (graphStandIn.ts).
  (window as unknown as Record<string, unknown>)[DEV_GRAPH_ROOT_GLOBAL] = `${location.origin}/graph/v1.0`;
}
else console.error('SecureJoin playground office.js: no playground host found; open /playground/ instead.');
