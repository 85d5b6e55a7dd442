/**
 * What an Office single sign-on failure means for the organizer: `Office.auth.getAccessToken`
 * rejects with an error carrying a documented number (Microsoft's "Troubleshoot error messages
 * for single sign-on (SSO)"), and each number becomes a {@link TokenProblem} with plain words.
 * Pure, so the event runtime's adapter (auth/officeSsoTokenSource.ts) stays a thin shell. The
 * event runtime has no UI: every call is silent, so the fallback Microsoft recommends (another
 * way to sign in) is the SecureJoin pane, which signs in with Nested App Authentication.
 */
import type { TokenProblem } from './tokens';

/** The options of every call from the event runtime: no window may open there. */
export const SILENT_SSO_OPTIONS = { allowSignInPrompt: false, allowConsentPrompt: false, forMSGraphAccess: false } as const;

/** A token problem and the organizer's words for it. */
export interface SsoOutcome {
  problem: TokenProblem;
  message: string;
}

// No "open SecureJoin and sign in" here: whoever shows the words adds the next step (the send
// check's Smart Alert names the pane's sign-in button), so it is never said twice.
const ADMIN = 'Ask your administrator to check SecureJoin\'s single sign-on set-up.';

/** The documented codes: what went wrong, in the organizer's words (see Microsoft's troubleshooting page). */
const OUTCOMES: Record<number, SsoOutcome> = {
  // Not signed in to Office (silent calls cannot show the sign-in window).
  13001: { problem: 'sign-in-needed', message: 'You are not signed in to Office, so SecureJoin cannot sign in to its meeting service here.' },
  // The user cancelled sign-in or consent; silent calls see it when consent was never given.
  13002: { problem: 'sign-in-needed', message: 'Signing in to the SecureJoin meeting service was cancelled, or its consent was not given.' },
  // No SSO in this Office (version, or the manifest has no WebApplicationInfo).
  13000: { problem: 'unsupported', message: 'This Outlook does not offer single sign-on to SecureJoin.' },
  // Account type: an on-premises account, or modern authentication switched off for the tenant.
  13003: { problem: 'unsupported', message: 'Your Office account cannot be used for single sign-on (an on-premises account, or modern authentication is switched off).' },
  // The platform has no getAccessToken (e.g. iPad), or forMSGraphAccess was refused.
  13012: { problem: 'unsupported', message: 'This Outlook does not offer single sign-on to add-ins here.' },
  // office.js too old (or cached) for SSO.
  50001: { problem: 'unsupported', message: 'This Outlook is too old for single sign-on to add-ins.' },
  // The manifest's WebApplicationInfo Resource does not match the add-in's host.
  13004: { problem: 'failed', message: `Single sign-on refused SecureJoin's manifest (its sign-in resource does not match where SecureJoin is served). ${ADMIN}` },
  // Office is not pre-authorized to the app, or consent to `profile` was revoked.
  13005: { problem: 'failed', message: `Office is not allowed to sign you in to SecureJoin (the app registration does not pre-authorize Office, or consent was revoked). ${ADMIN}` },
  // Office on the web's client error.
  13006: { problem: 'failed', message: 'Office could not sign you in to SecureJoin (a client error). Sign out of Office, restart it, and try again.' },
  // Office got no token for the app: account mismatch, app disabled for sign-in, missing profile permission.
  13007: { problem: 'failed', message: `Office could not get a token for the SecureJoin meeting service (your account may not be one its app registration accepts). ${ADMIN}` },
  // A previous getAccessToken has not completed yet.
  13008: { problem: 'failed', message: 'Office was still busy with an earlier sign-in. Try again in a moment.' },
  // Office on the web in Edge: login.microsoftonline.com in another security zone.
  13010: { problem: 'failed', message: "Your browser's security zones keep Office from signing you in to SecureJoin; follow the browser's instructions to change them." },
  // Throttled: too many calls in a short time.
  13013: { problem: 'failed', message: 'Office refused further sign-ins for now (too many in a short time). Try again in a few minutes.' },
};

/** The number an Office error carries (`code`), or null. */
function codeOf(error: unknown): number | null {
  const code = (error as { code?: unknown } | null)?.code;
  if (typeof code === 'number' && Number.isInteger(code)) return code;
  return typeof code === 'string' && /^[0-9]{1,6}$/.test(code) ? Number(code) : null;
}

/** What a rejection of `getAccessToken` means; an unknown one is 'failed' with its code and (shortened) text. */
export function officeSsoOutcome(error: unknown): SsoOutcome {
  const code = codeOf(error);
  const known = code === null ? undefined : OUTCOMES[code];
  if (known) return known;
  const text = (error as { message?: unknown } | null)?.message;
  const detail = [code === null ? null : `code ${code}`, typeof text === 'string' && text ? text.slice(0, 160) : null].filter(Boolean).join(': ');
  return { problem: 'failed', message: `Signing in to the SecureJoin meeting service through Office failed${detail ? ` (${detail})` : ''}.` };
}

/** Why a token for `scope` cannot come from Office SSO, or null when it can (only the meeting service's own). */
export function officeSsoScopeRefusal(scope: string, serviceScope: string): SsoOutcome | null {
  if (scope === serviceScope) return null;
  return { problem: 'unsupported', message: `Here SecureJoin can sign in to its meeting service only; ${scope} needs the SecureJoin pane.` };
}
