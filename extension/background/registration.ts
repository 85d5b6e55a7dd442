/**
 * Where the join-page content script runs: registered at runtime
 * (`scripting.registerContentScripts`), never on `<all_urls>`. Matches are:
 * - the exact origins the user has saved meetings on,
 * - the origins of the policy's nodes,
 * - the hosts the extension holds a host permission for (the loopback hosts in development and
 *   test builds; in store builds the nodes the user granted from the popup), so a capture link
 *   is seen on a node's first visit.
 * When an admin policy names nodes, only those stay: the extension does nothing elsewhere.
 * The background decides every fill again, so a broad match never means a broad fill.
 */
import type { WxtBrowser } from 'wxt/browser';

/** Id of the registered script. */
export const JOIN_PAGE_SCRIPT_ID = 'securejoin-join-page';
/** The built content script (WXT writes `entrypoints/joinpage.content.ts` there). */
export const JOIN_PAGE_SCRIPT_FILE = 'content-scripts/joinpage.js';

/** Inputs of {@link contentScriptMatches}. */
export interface MatchSources {
  meetingOrigins: readonly string[];
  /** The policy's node origins, or null when no admin policy is deployed. */
  policyOrigins: readonly string[] | null;
  /** Host permission patterns granted (manifest or optional), e.g. `http://127.0.0.1/*`. */
  grantedPatterns: readonly string[];
}

/** `https://node.example:8443` -> `https://node.example:8443/*`; null for anything that is not a plain http(s) origin. */
export function originPattern(origin: string): string | null {
  try {
    const url = new URL(origin);
    if ((url.protocol !== 'https:' && url.protocol !== 'http:') || url.origin !== origin) return null;
    return `${origin}/*`;
  } catch {
    return null;
  }
}

/** The match patterns to register, sorted and without duplicates (empty: unregister). */
export function contentScriptMatches(sources: MatchSources): string[] {
  const out = new Set<string>();
  if (sources.policyOrigins !== null) {
    for (const origin of sources.policyOrigins) {
      const p = originPattern(origin);
      if (p) out.add(p);
    }
    return [...out].sort();
  }
  for (const origin of sources.meetingOrigins) {
    const p = originPattern(origin);
    if (p) out.add(p);
  }
  for (const pattern of sources.grantedPatterns) {
    if (/^https?:\/\/[^*/]+\/\*$/.test(pattern)) out.add(pattern);
  }
  return [...out].sort();
}

/** Registers, updates or removes the join-page script so it matches exactly `matches`. */
export async function applyRegistration(scripting: WxtBrowser['scripting'], matches: readonly string[]): Promise<void> {
  const existing = await scripting.getRegisteredContentScripts({ ids: [JOIN_PAGE_SCRIPT_ID] });
  if (matches.length === 0) {
    if (existing.length > 0) await scripting.unregisterContentScripts({ ids: [JOIN_PAGE_SCRIPT_ID] });
    return;
  }
  const script = {
    id: JOIN_PAGE_SCRIPT_ID,
    js: [JOIN_PAGE_SCRIPT_FILE],
    matches: [...matches],
    runAt: 'document_idle' as const,
    // Frames too, for the user's own "Fill SecureJoin PIN" in a frame of the page's own origin
    // (background/manualFill.ts); a frame's script does nothing else, and the automatic fill
    // refuses every frame but the top one.
    allFrames: true,
    persistAcrossSessions: true,
  };
  if (existing.length > 0) await scripting.updateContentScripts([script]);
  else await scripting.registerContentScripts([script]);
}
