/**
 * The Entra ID app registrations the add-in and the service need, with the exact values this
 * deployment uses: the add-in's single-page-application redirect for Nested App Authentication
 * (`brk-multihub://<add-in host>`), the meeting service's API scope, and the app role whose
 * holders may list and revoke every meeting; and, for classic Outlook on Windows' event runtime,
 * which signs in with Office single sign-on, the add-in registration's own API (Application ID
 * URI `api://<add-in host>/<client id>`, scope `access_as_user`, Office pre-authorized, v2
 * tokens), as Microsoft's "Register an Office Add-in that uses SSO" describes. Values the policy
 * does not hold (the API registration's client id) are named as what to copy from where.
 */
import { DEFAULT_ADMIN_ROLE, DEFAULT_SCOPE } from '../../service/options';
import { generatedBy } from './file';
import type { BundleFile } from './file';
import type { BundleSettings } from './settings';

export const ENTRA_PATH = 'entra-id.txt';

/** The NAA redirect URI for an add-in served at `serviceUrl`: the broker scheme and the host (with a non-default port). */
export const naaRedirectUri = (serviceUrl: string): string => `brk-multihub://${new URL(serviceUrl).host}`;

/** The scope the add-in's registration exposes to Office single sign-on (Microsoft: "For SSO this must be set to access_as_user"). */
export const OFFICE_SSO_SCOPE = 'access_as_user';
/** Microsoft's client id that pre-authorizes all Microsoft Office application endpoints for an add-in's API. */
export const OFFICE_CLIENTS_ID = 'ea5a67f6-b6f3-4338-b240-c655ddc3cc8e';

/** The add-in registration's Application ID URI for Office SSO: `api://<add-in host, port included>/<client id>` (the manifest's WebApplicationInfo Resource). */
export const officeSsoAppIdUri = (serviceUrl: string, clientId: string): string => `api://${new URL(serviceUrl).host}/${clientId}`;

/** "api://x/Meetings.ReadWrite" -> { appIdUri: "api://x", name: "Meetings.ReadWrite" }. */
export function splitScope(scope: string): { appIdUri: string; name: string } {
  const at = scope.lastIndexOf('/');
  return at > 0 && !scope.endsWith('/') ? { appIdUri: scope.slice(0, at), name: scope.slice(at + 1) } : { appIdUri: '', name: scope };
}

/** The tenant id in an authority like https://login.microsoftonline.com/<tenant>, or null for common/organizations. */
export function tenantOf(authority: string): string | null {
  const segment = new URL(authority).pathname.split('/').filter(Boolean)[0] ?? '';
  return /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(segment) ? segment : null;
}

/** The service's sign-in flags for this deployment (README.txt and entra-id.txt print them). */
export function serviceAuthFlags(settings: BundleSettings): string[] {
  const ms = settings.meetingService;
  const tenant = tenantOf(ms.authority) ?? '<tenant id>';
  const scope = splitScope(ms.scope);
  return [
    `--issuer https://login.microsoftonline.com/${tenant}/v2.0`,
    `--jwks-url https://login.microsoftonline.com/${tenant}/discovery/v2.0/keys`,
    `--tenant ${tenant}`,
    // NAA's tokens are for the API registration, Office SSO's (classic Outlook) for the add-in's own: both listed, any one suffices.
    `--audience <Application (client) ID of the "SecureJoin meeting service" registration>,${ms.clientId}`,
    `--scope ${scope.name || DEFAULT_SCOPE},${OFFICE_SSO_SCOPE}`,
  ];
}

/** The registration steps as text. */
export function entraFiles(settings: BundleSettings): BundleFile[] {
  const ms = settings.meetingService;
  const scope = splitScope(ms.scope);
  const tenant = tenantOf(ms.authority);
  const lines = [
    'Entra ID (Azure AD): the app registrations for SecureJoin',
    `(${generatedBy(settings.serviceUrl)})`,
    '',
    `Tenant: ${tenant ?? `the policy's authority ${ms.authority} names no tenant id: use https://login.microsoftonline.com/<tenant id> there`}`,
    '',
    'A. The meeting service (the API). Entra admin center > App registrations > New registration',
    '   Name:                       SecureJoin meeting service',
    '   Supported account types:    this organizational directory only',
    `   Expose an API > Application ID URI: ${scope.appIdUri || '(the policy\'s scope names none: use api://<service host>/<scope>)'}`,
    `   Expose an API > Add a scope:         ${scope.name}`,
    '       Who can consent: admins only; display name "Read and write SecureJoin meetings"',
    `   App roles > Create app role:         value ${DEFAULT_ADMIN_ROLE}, allowed member types Users/Groups,`,
    '       display name "SecureJoin administrator" (holders may list and revoke every meeting);',
    '       assign it under Enterprise applications > SecureJoin meeting service > Users and groups.',
    '   Manifest:                   "accessTokenAcceptedVersion": 2 (v2.0 tokens: the issuer below, and',
    '                               the audience is this registration\'s Application (client) ID)',
    '',
    'B. The Outlook add-in (the client). New registration',
    '   Name:                       SecureJoin for Outlook',
    `   Application (client) ID:    Entra assigns it; the policy's meetingService.clientId must be it (now ${ms.clientId}):`,
    '                               if it differs, put the assigned one in the policy and bundle again',
    `   Authentication > Add a platform > Single-page application > Redirect URI: ${naaRedirectUri(settings.serviceUrl)}`,
    '                               (Nested App Authentication: the broker scheme and the add-in\'s host)',
    `   API permissions > Add > My APIs > SecureJoin meeting service > Delegated: ${scope.name}`,
    '                               then "Grant admin consent" for the tenant.',
    '   For classic Outlook on Windows (its event runtime signs in with Office single sign-on, to this',
    '   registration itself; the manifest names it in WebApplicationInfo):',
    `   Expose an API > Application ID URI: ${officeSsoAppIdUri(settings.serviceUrl, ms.clientId)}`,
    `   Expose an API > Add a scope:         ${OFFICE_SSO_SCOPE} (who can consent: admins and users, or admins only)`,
    `   Expose an API > Add a client application: ${OFFICE_CLIENTS_ID} (all Microsoft Office endpoints),`,
    `                               authorized scope ${officeSsoAppIdUri(settings.serviceUrl, ms.clientId)}/${OFFICE_SSO_SCOPE}`,
    '   API permissions > Microsoft Graph > Delegated: openid, profile, then "Grant admin consent".',
    '   Manifest:                   "requestedAccessTokenVersion": 2 (in "api"; the audience is then this',
    `                               registration's client id, ${ms.clientId})`,
    '',
    'The policy already holds the add-in\'s side:',
    `   meetingService.clientId   ${ms.clientId}`,
    `   meetingService.authority  ${ms.authority}`,
    `   meetingService.scope      ${ms.scope}`,
    '',
    'The meeting service checks tokens with these flags (README.txt, step 5):',
    ...serviceAuthFlags(settings).map((f) => `   ${f}`),
    '',
  ];
  return [{ path: ENTRA_PATH, content: lines.join('\n'), encoding: 'utf8' }];
}
