/**
 * The one seam through which a development host hands the add-in its own token source: the
 * playground's fake office.js sets this global (to a source backed by the local development
 * issuer) in the frames it loads into, as the real office.js provides the NAA bridge in Outlook.
 * Real Outlook never sets it, so there the add-in signs in through MSAL.
 */
import type { TokenSource } from '../logic/tokens';

/** `window[DEV_TOKEN_SOURCE_GLOBAL]`: a development host's TokenSource. */
export const DEV_TOKEN_SOURCE_GLOBAL = '__securejoinDevTokenSource';

/** The development host's token source in this frame, or null (real Outlook). */
export function devTokenSource(): TokenSource | null {
  const source = (globalThis as Record<string, unknown>)[DEV_TOKEN_SOURCE_GLOBAL] as TokenSource | undefined;
  return source && typeof source.token === 'function' ? source : null;
}

/** `window[DEV_GRAPH_ROOT_GLOBAL]`: a development host's Microsoft Graph stand-in (its root URL, e.g. `<origin>/graph/v1.0`). */
export const DEV_GRAPH_ROOT_GLOBAL = '__securejoinDevGraphRoot';

/** The development host's Graph root in this frame, or null (real Outlook: Microsoft Graph itself). */
export function devGraphRoot(): string | null {
  const root = (globalThis as Record<string, unknown>)[DEV_GRAPH_ROOT_GLOBAL];
  return typeof root === 'string' && /^https?:\/\//.test(root) ? root : null;
}
