/**
 * Security headers on every answer (@fastify/helmet), set so the add-in keeps working inside
 * Outlook: the task pane and the event runtime page are framed by Outlook on the web and new
 * Outlook (so no X-Frame-Options, which cannot name several origins: CSP `frame-ancestors` lists
 * Outlook's hosts instead), load office.js from Microsoft's CDN, sign in against Entra ID and talk
 * to the meeting service over https. Outlook loads the icons from its own origin, so resources are
 * `Cross-Origin-Resource-Policy: cross-origin`; no Cross-Origin-Opener-Policy, because Office
 * dialogs and the sign-in window reach the pane through `window.opener`.
 */
import helmet from '@fastify/helmet';
import type { FastifyInstance } from 'fastify';

/**
 * The origins that frame add-ins in Outlook on the web and new Outlook (Microsoft 365 and
 * outlook.com). Outlook on Windows (classic) and Mac host the pane in a web view of their own,
 * not in a frame. An on-premises Outlook on the web adds its own origin (`--frame-ancestor`).
 */
export const OUTLOOK_FRAME_ANCESTORS = [
  'https://outlook.office.com',
  'https://outlook.office365.com',
  'https://outlook.live.com',
  'https://outlook.cloud.microsoft',
  'https://*.office.com',
  'https://*.office365.com',
  'https://*.officeapps.live.com',
  'https://*.microsoft365.com',
  'https://*.cloud.microsoft',
] as const;

/** Where office.js comes from (the pages' script tag). */
export const OFFICE_JS_ORIGIN = 'https://appsforoffice.microsoft.com';

/** The Content-Security-Policy directives, with `extraFrameAncestors` allowed to frame the add-in. */
export function cspDirectives(extraFrameAncestors: readonly string[] = []): Record<string, string[]> {
  return {
    'default-src': ["'self'"],
    'script-src': ["'self'", OFFICE_JS_ORIGIN],
    // Preact sets style attributes; no inline script is ever needed.
    'style-src': ["'self'", "'unsafe-inline'"],
    'img-src': ["'self'", 'data:'],
    'font-src': ["'self'", 'data:'],
    // The meeting service (this origin or the policy's URL), Entra ID, Microsoft Graph: https only.
    'connect-src': ["'self'", 'https:'],
    'frame-src': ["'self'", 'https://login.microsoftonline.com'],
    'frame-ancestors': ["'self'", ...OUTLOOK_FRAME_ANCESTORS, ...extraFrameAncestors],
    'object-src': ["'none'"],
    'base-uri': ["'none'"],
    'form-action': ["'self'"],
  };
}

/**
 * Registers helmet with the settings above. `hsts`: send Strict-Transport-Security (a service
 * with an https public URL; never on loopback, where a year of "https only" for `localhost`
 * would break every other development server on it).
 */
export async function securityHeaders(app: FastifyInstance, extraFrameAncestors: readonly string[] = [], hsts = false): Promise<void> {
  await app.register(helmet, {
    // useDefaults off: helmet's default CSP adds upgrade-insecure-requests and frame-ancestors 'self'.
    contentSecurityPolicy: { useDefaults: false, directives: cspDirectives(extraFrameAncestors) },
    frameguard: false,
    crossOriginOpenerPolicy: false,
    crossOriginResourcePolicy: { policy: 'cross-origin' },
    crossOriginEmbedderPolicy: false,
    // Not includeSubDomains: the admin's other hosts under the same domain are not ours to pin.
    strictTransportSecurity: hsts ? { maxAge: 365 * 24 * 3600, includeSubDomains: false } : false,
    referrerPolicy: { policy: 'no-referrer' },
  });
}
