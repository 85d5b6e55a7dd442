/**
 * The add-in manifest's `<WebApplicationInfo>` for Office single sign-on (classic Outlook's event
 * runtime signs in with it), decided from the policy's meeting service and where the add-in is
 * served. One decision for the two places that write a manifest: the add-in's renderer and the
 * service, which serves a build made for a placeholder origin with the admin's own policy.
 *
 * Microsoft's rules (manifest reference and SSO troubleshooting, checked 2026-12): `Id` is the
 * app registration's client id; `Resource` is `api://` + the add-in's host (port included) + `/`
 * + the client id, else Office refuses it (13004); `Scopes` name `openid` and `profile` (without
 * `profile` Office gets no token, 13007). The element is VersionOverrides 1.1's last child here.
 */
import { escapeXml } from '../invite/escape';
import type { MeetingServicePolicy } from './schema';

/** What `<WebApplicationInfo>` says. */
export interface OfficeSsoApp {
  id: string;
  resource: string;
  scopes: readonly string[];
}

/** The scopes the manifest names: Office needs `openid` and `profile` to sign the user in. */
export const OFFICE_SSO_SCOPES = ['openid', 'profile'] as const;

/** `<WebApplicationInfo>`'s content for an add-in served at `hostUrl`, or null when the policy names no meeting service. */
export function officeSsoApp(service: MeetingServicePolicy | undefined, hostUrl: string): OfficeSsoApp | null {
  if (!service) return null;
  return { id: service.clientId, resource: `api://${new URL(hostUrl).host}/${service.clientId}`, scopes: OFFICE_SSO_SCOPES };
}

/** The element as lines (no indent of its own), for a manifest writer to indent where it goes. */
export function webApplicationInfoLines(app: OfficeSsoApp): string[] {
  return [
    '<WebApplicationInfo>',
    `  <Id>${escapeXml(app.id)}</Id>`,
    `  <Resource>${escapeXml(app.resource)}</Resource>`,
    '  <Scopes>',
    ...app.scopes.map((scope) => `    <Scope>${escapeXml(scope)}</Scope>`),
    '  </Scopes>',
    '</WebApplicationInfo>',
  ];
}
