/**
 * The fake `Office.auth` (office.js's single sign-on), as Microsoft documents it: `getAccessToken
 * (options)` resolves with an access token for the add-in's own app registration, or rejects with
 * an error carrying a number (13001 not signed in to Office when no prompt is allowed, 13002 the
 * user aborted the sign-in prompt, 13000 no SSO for this add-in). The token comes from the
 * host's supplier (the local development issuer: audience the add-in's client id, scope
 * `access_as_user`, as Entra ID's v2 tokens for Office SSO); the playground's sign-in switch
 * (`signIn: 'refused'`) makes it refuse, so the classic runtime's no-token path can be exercised.
 */
import { officeError } from './asyncAnswer';
import type { PlaygroundHost } from './hostState';

/** `getAccessToken`'s options that change what the fake does (the others are accepted and ignored). */
export interface FakeAuthOptions {
  allowSignInPrompt?: boolean;
  allowConsentPrompt?: boolean;
  forMSGraphAccess?: boolean;
}

/** A fake auth namespace over `host`; without a token supplier it answers 13000 (no SSO set up). */
export function createFakeAuth(host: PlaygroundHost, accessToken?: () => Promise<string>) {
  return {
    async getAccessToken(options: FakeAuthOptions = {}): Promise<string> {
      // A task's turn, as office.js answers after a round trip, never synchronously.
      await new Promise((resolve) => setTimeout(resolve, 0));
      if (!accessToken) throw officeError('API Not Supported', 'The identity API is not supported for this add-in.', 13000);
      if (host.options.signIn === 'refused') {
        throw options.allowSignInPrompt
          ? officeError('User canceled', 'The user aborted the sign-in.', 13002)
          : officeError('User not signed in', 'No one is signed into Office.', 13001);
      }
      return accessToken();
    },
  };
}
