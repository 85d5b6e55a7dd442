/**
 * Entry of the event runtime: bundled as `runtime.js` for the HTML runtime page (web, new
 * Outlook, Mac) and as the single ES2016 file `commands.js` for classic Outlook on Windows (which
 * signs in with Office SSO instead of MSAL: scripts/build/outlookAddin.ts, officeSsoInsteadOfMsal).
 * Registers every handler at load time (classic Windows gives no Office.onReady).
 */
import { tokenSourceFor } from '../auth/tokenSource';
import { createOfficeItemPort } from '../office/itemPort';
import type { OfficeLike } from '../office/officeTypes';
import { createEventHandlers } from './handlers';
import { registerEventHandlers } from './register';

/** Set by the build (esbuild `define`) to the served policy.json's absolute https URL. */
declare const __SECUREJOIN_POLICY_URL__: string | undefined;

/** The policy URL: the build's, else policy.json beside the runtime page. */
function policyUrl(): string | null {
  if (typeof __SECUREJOIN_POLICY_URL__ === 'string' && __SECUREJOIN_POLICY_URL__ !== '') return __SECUREJOIN_POLICY_URL__;
  const here = (globalThis as { location?: { href?: string } }).location?.href;
  return here ? new URL('policy.json', here).href : null;
}

/** policy.json's text, or null when it cannot be fetched (no-store: admins' changes apply at once). */
async function loadPolicyText(): Promise<string | null> {
  const url = policyUrl();
  if (!url || typeof fetch !== 'function') return null;
  try {
    const res = await fetch(url, { cache: 'no-store' });
    return res.ok ? await res.text() : null;
  } catch {
    return null;
  }
}

const office = (globalThis as { Office?: OfficeLike }).Office;
if (office) {
  registerEventHandlers(
    office,
    createEventHandlers({
      port: () => createOfficeItemPort(office),
      loadPolicyText,
      log: (message) => console.error(`SecureJoin: ${message}`),
      ...(typeof fetch === 'function' ? { fetch: (url: string, init: { method: string; headers: Record<string, string>; body?: string }) => fetch(url, init) } : {}),
      // Silent only (no UI here), loaded on the first token request, i.e. only with a meeting service:
      // MSAL in runtime.js, Office SSO in classic Windows' commands.js (the build swaps the module).
      tokens: tokenSourceFor,
    }),
  );
} else {
  console.error('SecureJoin: Office is not defined; load office.js before the event runtime.');
}
