/**
 * The task pane's and event runtime's token source for the policy's meeting service: the
 * development host's (playground) when there is one, else Nested App Authentication through MSAL,
 * imported dynamically on the first token request, so MSAL is loaded only when the policy names
 * a meeting service and never in the task pane's first paint. Classic Windows' commands.js gets
 * Office SSO (auth/officeSsoTokenSource.ts) for that same import: the build swaps the module
 * (scripts/build/outlookAddin.ts, officeSsoInsteadOfMsal), both export `createSignInTokenSource`.
 */
import type { MeetingServicePolicy } from '../../core/policy';
import type { TokenRequest, TokenSource } from '../logic/tokens';
import { GRAPH_ROOT, MAIL_SEND_SCOPE } from '../logic/graphMail';
import { devGraphRoot, devTokenSource } from './devTokenHook';

/** A TokenSource for `service` (`scope`: default the service's own) that loads its implementation on first use. */
export function tokenSourceFor(service: MeetingServicePolicy, scope?: string): TokenSource {
  let source: Promise<TokenSource> | null = null;
  const load = () => (source ??= Promise.resolve(devTokenSource()).then(async (dev) => dev ?? (await import('./msalTokenSource')).createSignInTokenSource(service, scope)));
  return {
    async token(request: TokenRequest): Promise<string> {
      let loaded: TokenSource;
      try {
        loaded = await load();
      } catch (error) {
        source = null;
        throw error;
      }
      return loaded.token(request);
    },
  };
}

/**
 * Microsoft Graph for personal messages: Graph itself with a `Mail.Send` token through the
 * meeting service's app registration (NAA), or, in the playground, its Graph stand-in with the
 * development issuer's tokens.
 */
export function mailFor(service: MeetingServicePolicy): { root: string; tokens: TokenSource } {
  return { root: devGraphRoot() ?? GRAPH_ROOT, tokens: tokenSourceFor(service, MAIL_SEND_SCOPE) };
}
