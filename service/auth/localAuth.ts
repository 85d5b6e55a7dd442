/**
 * The local development issuer's identity: what its tokens say (issuer, tenant, audience, scope)
 * and so what a service trying it must be started with. One set of values for `npm start`, the
 * tests and `securejoin dev-issuer`, so a token from one is accepted wherever the others run.
 */
export const LOCAL_AUTH = {
  issuer: 'https://securejoin.localhost/dev-issuer/v2.0',
  tenant: '0d5c1e2f-3a4b-4c6d-8e9f-a0b1c2d3e4f5',
  audience: 'api://securejoin.localhost',
  scope: 'Meetings.ReadWrite',
  /** The add-in's "app registration" in the playground (never sent anywhere). */
  clientId: '6f1a2b3c-4d5e-4f60-8a7b-9c0d1e2f3a4b',
  /**
   * The scope the add-in's app exposes to Office single sign-on (classic Outlook's event runtime).
   * Office SSO tokens carry it with the add-in's client id as audience (Entra ID v2 tokens), so a
   * service trying them accepts both audiences ({@link LOCAL_AUDIENCES}) and both scopes.
   */
  ssoScope: 'access_as_user',
} as const;

/** Audiences a local service accepts: the API's (NAA) and the add-in app's (Office SSO, v2 token). */
export const LOCAL_AUDIENCES = [LOCAL_AUTH.audience, LOCAL_AUTH.clientId] as const;
/** Scopes a local service accepts, any one: the API's and Office SSO's. */
export const LOCAL_SCOPES = [LOCAL_AUTH.scope, LOCAL_AUTH.ssoScope] as const;
