/**
 * The real token source: Nested App Authentication (MSAL.js `createNestablePublicClientApplication`)
 * for the policy's meeting service, the single sign-on Microsoft recommends for Outlook add-ins
 * (platform facts §7). Thin on purpose: MSAL decides, this maps its outcome to the add-in's
 * TokenSource. Loaded only through a dynamic import (auth/tokenSource.ts), so the task pane's
 * first paint never carries MSAL.
 */
import { createNestablePublicClientApplication, InteractionRequiredAuthError } from '@azure/msal-browser';
import type { IPublicClientApplication } from '@azure/msal-browser';
import type { MeetingServicePolicy } from '../../core/policy';
import { TokenUnavailableError } from '../logic/tokens';
import type { SignInTokenSourceFactory, TokenRequest, TokenSource } from '../logic/tokens';

const detail = (error: unknown) => (error instanceof Error ? error.message : String(error)).slice(0, 200);

/**
 * A TokenSource over NAA: silent first; a sign-in window only where `interactive` (the task pane).
 * `scope`: the meeting service's by default; Microsoft Graph's `Mail.Send` for personal messages.
 */
export const createSignInTokenSource: SignInTokenSourceFactory = (service: MeetingServicePolicy, scope: string = service.scope): TokenSource => {
  let app: Promise<IPublicClientApplication> | null = null;
  const pca = () => (app ??= createNestablePublicClientApplication({ auth: { clientId: service.clientId, authority: service.authority } }));
  return {
    async token({ interactive }: TokenRequest): Promise<string> {
      let client: IPublicClientApplication;
      try {
        client = await pca();
      } catch (error) {
        app = null;
        // office-js issue 4450: some classic Windows builds have no NAA bridge in event runtimes.
        throw new TokenUnavailableError('unsupported', `This Outlook cannot sign in to the SecureJoin meeting service here (${detail(error)}). Open SecureJoin from the ribbon to sign in.`);
      }
      const request = { scopes: [scope] };
      try {
        const account = client.getActiveAccount() ?? client.getAllAccounts()[0];
        return (await client.acquireTokenSilent(account ? { ...request, account } : request)).accessToken;
      } catch (silentError) {
        if (!interactive) {
          const needed = silentError instanceof InteractionRequiredAuthError;
          throw new TokenUnavailableError(needed ? 'sign-in-needed' : 'failed', needed ? 'You are not signed in to the SecureJoin meeting service.' : `Signing in to the SecureJoin meeting service failed: ${detail(silentError)}`);
        }
      }
      try {
        const result = await client.acquireTokenPopup(request);
        if (result.account) client.setActiveAccount(result.account);
        return result.accessToken;
      } catch (popupError) {
        throw new TokenUnavailableError('failed', `Signing in to the SecureJoin meeting service did not complete (${detail(popupError)}).`);
      }
    },
  };
};
