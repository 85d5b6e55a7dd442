/**
 * The token source of classic Outlook on Windows' event runtime (`commands.js`): Office single
 * sign-on, `Office.auth.getAccessToken` (or `OfficeRuntime.auth` where `Office.auth` is absent),
 * which Microsoft documents for event-based activation on classic Windows (with the well-known
 * URI naming commands.js, which the build writes). Nested App Authentication fails in some of
 * those runtimes (office-js issue 4450), and MSAL would triple the file's size. The build puts
 * this module where auth/tokenSource.ts imports `./msalTokenSource` (buildClassicRuntime); the web
 * runtime and the task pane keep MSAL. Thin: the codes' meanings are logic/officeSso.ts's.
 *
 * The token Office gives is for the add-in's own app registration (the manifest's
 * WebApplicationInfo): its audience is the add-in app, its scope the one that app exposes to
 * Office (`access_as_user`), so the meeting service lists those beside its API's own.
 */
import type { MeetingServicePolicy } from '../../core/policy';
import { officeSsoOutcome, officeSsoScopeRefusal, SILENT_SSO_OPTIONS } from '../logic/officeSso';
import { TokenUnavailableError } from '../logic/tokens';
import type { SignInTokenSourceFactory, TokenSource } from '../logic/tokens';

/** The part of `Office.auth` / `OfficeRuntime.auth` used here. */
interface OfficeAuth {
  getAccessToken(options: typeof SILENT_SSO_OPTIONS): Promise<string>;
}

/** The runtime's auth namespace: `Office.auth`, else `OfficeRuntime.auth`, else null. */
function officeAuth(): OfficeAuth | null {
  const g = globalThis as { Office?: { auth?: Partial<OfficeAuth> }; OfficeRuntime?: { auth?: Partial<OfficeAuth> } };
  for (const auth of [g.Office?.auth, g.OfficeRuntime?.auth]) {
    if (auth && typeof auth.getAccessToken === 'function') return auth as OfficeAuth;
  }
  return null;
}

/**
 * A TokenSource over Office SSO for the policy's meeting service. Always silent (the classic
 * runtime has no UI, so `interactive` changes nothing); `scope` other than the service's own
 * (Microsoft Graph's Mail.Send) is refused: Office SSO gives a token for the add-in's app only.
 */
export const createSignInTokenSource: SignInTokenSourceFactory = (service: MeetingServicePolicy, scope: string = service.scope): TokenSource => {
  return {
    async token(): Promise<string> {
      const refused = officeSsoScopeRefusal(scope, service.scope);
      if (refused) throw new TokenUnavailableError(refused.problem, refused.message);
      const auth = officeAuth();
      if (!auth) throw new TokenUnavailableError('unsupported', 'This Outlook offers SecureJoin no single sign-on here (no Office.auth).');
      let token: unknown;
      try {
        token = await auth.getAccessToken({ ...SILENT_SSO_OPTIONS });
      } catch (error) {
        const outcome = officeSsoOutcome(error);
        throw new TokenUnavailableError(outcome.problem, outcome.message);
      }
      if (typeof token !== 'string' || token === '') throw new TokenUnavailableError('failed', 'Office single sign-on gave SecureJoin no token.');
      return token;
    },
  };
};
