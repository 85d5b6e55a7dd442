/**
 * The playground's token source: tokens for the playground's organizer from the local
 * development issuer the add-in server serves (`POST /dev-issuer/token`), so the add-in reaches
 * the meeting service exactly as it would with Nested App Authentication, with no Entra ID.
 * With the host's `signIn` set to 'refused' it gives none, as a declined or missing sign-in does.
 */
import { TokenUnavailableError } from '../../outlook-addin/logic/tokens';
import type { TokenRequest, TokenSource } from '../../outlook-addin/logic/tokens';
import type { PlaygroundHost } from './hostState';

/** A TokenSource over `<origin>/dev-issuer/token` for `host`'s organizer. */
export function createDevTokenSource(origin: string, host: PlaygroundHost): TokenSource {
  return {
    async token({ interactive }: TokenRequest): Promise<string> {
      if (host.options.signIn === 'refused') {
        throw new TokenUnavailableError(
          interactive ? 'failed' : 'sign-in-needed',
          interactive ? 'Signing in to the SecureJoin meeting service did not complete (the sign-in was declined).' : 'You are not signed in to the SecureJoin meeting service.',
        );
      }
      const { emailAddress, displayName } = host.options.userProfile;
      let res: Response;
      try {
        res = await fetch(`${origin}/dev-issuer/token`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: emailAddress, name: displayName }) });
      } catch (error) {
        throw new TokenUnavailableError('failed', `The local sign-in service could not be reached (${error instanceof Error ? error.message : String(error)}).`);
      }
      const body = (await res.json().catch(() => null)) as { access_token?: unknown } | null;
      if (!res.ok || typeof body?.access_token !== 'string') throw new TokenUnavailableError('failed', `The local sign-in service gave no token (HTTP ${res.status}).`);
      return body.access_token;
    },
  };
}

/**
 * Office SSO's token for `host`'s organizer from the same issuer (`"for": "office-sso"`: the
 * add-in app's audience and `access_as_user`), for the fake `Office.auth.getAccessToken`
 * (fakeAuth.ts decides when Office would refuse). A failure rejects like office.js's internal
 * error (code 5001), which the add-in reports in plain words.
 */
export async function fetchDevSsoToken(origin: string, host: PlaygroundHost): Promise<string> {
  const { emailAddress, displayName } = host.options.userProfile;
  const res = await fetch(`${origin}/dev-issuer/token`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: emailAddress, name: displayName, for: 'office-sso' }) }).catch(() => null);
  const body = (await res?.json().catch(() => null)) as { access_token?: unknown } | null;
  if (!res?.ok || typeof body?.access_token !== 'string') throw Object.assign(new Error(`The local sign-in service gave no token (${res ? `HTTP ${res.status}` : 'unreachable'}).`), { name: 'Internal Error', code: 5001 });
  return body.access_token;
}
