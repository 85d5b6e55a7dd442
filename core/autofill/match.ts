/**
 * Which saved meetings belong to the page the user is on. The trust boundary is the exact
 * origin: scheme, host and port must equal the record's, character for character (no
 * subdomains, no http for https, no other port). Within the origin the page must be a Pexip web
 * app join page (webapp3 `/<path>/m/<alias>`, webapp2 `/<path>/#/?conference=<alias>`, legacy
 * `/<path>/conference/<alias>`) for the record's alias (case-insensitive).
 */
import { parseJoinLink } from '../links/join';
import type { JoinLinkStyle } from '../links/join';
import { parseQuery, splitWebUrl } from '../links/url';
import type { SavedMeeting } from '../vault/schema';

/** A join page as read from its address. */
export interface JoinPage {
  origin: string;
  /** Web app path without slashes at the ends ("webapp3"). */
  path: string;
  /** Decoded alias as in the address. */
  alias: string;
  style: JoinLinkStyle;
}

/** Options of {@link matchJoinPage}. */
export interface MatchOptions {
  /** Extra web app paths allowed on the node, e.g. the policy's `nodes[].webAppPath` for this origin. */
  webAppPaths?: readonly string[];
}

/**
 * Web app paths Pexip ships with; a record also matches its own path and `opts.webAppPaths`.
 * Same-origin paths are not a security boundary (the origin is): this only avoids acting on
 * pages of the node that are not join pages.
 */
export const PEXIP_WEB_APP_PATHS: readonly string[] = ['webapp', 'webapp2', 'webapp3'];

/** Web app 3 sub-routes after the alias (Pexip's express and step-by-step join flows). */
const WEBAPP3_FLOWS = /\/m\/[^/]+\/(?:express|step-by-step)\/?$/;

/**
 * Reads a page address as a join page, ignoring join parameters (the web app strips them anyway,
 * and a malformed `pin=` must not hide which room the page is). Null when it is not a join page
 * (or not https, apart from loopback hosts). Never throws.
 */
export function joinPageOf(pageUrl: string): JoinPage | null {
  try {
    const split = splitWebUrl(pageUrl);
    if (!split.ok) return null;
    const { origin, fragment } = split.value;
    let path = split.value.path;
    const fragmentQuery = fragment !== null && fragment.startsWith('/') ? fragment.indexOf('?') : -1;
    if (fragment !== null && fragmentQuery >= 0) {
      const params = parseQuery(fragment.slice(fragmentQuery + 1), 'url');
      const alias = params.ok ? params.value.get('conference') : undefined;
      if (alias !== undefined) return fromLink(`${origin}${path}#/?conference=${encodeURIComponent(alias)}`);
      if (!params.ok && /(?:^|&)conference=/i.test(fragment.slice(fragmentQuery + 1))) return null;
    }
    if (WEBAPP3_FLOWS.test(path)) path = path.replace(/\/(?:express|step-by-step)\/?$/, '');
    return fromLink(`${origin}${path}`);
  } catch {
    return null;
  }
}

function fromLink(url: string): JoinPage | null {
  const link = parseJoinLink(url);
  if (!link.ok) return null;
  const { origin, path, alias, style } = link.value;
  return { origin, path, alias, style };
}

/** Whether `page` is a join page of meeting `m` (exact origin, alias case-insensitively, known path). */
export function isJoinPageOf(page: JoinPage, m: SavedMeeting, opts: MatchOptions = {}): boolean {
  if (page.origin !== m.origin) return false;
  if (page.alias.toLowerCase() !== m.alias.toLowerCase()) return false;
  return page.path === m.path || PEXIP_WEB_APP_PATHS.includes(page.path) || (opts.webAppPaths ?? []).includes(page.path);
}

/**
 * The saved meetings whose node and alias the page at `pageUrl` is the join page of, in input
 * order (a host and a guest record may both match; the caller picks by role). Never matches
 * another host, scheme, port or a subdomain. Never throws; a page that is not a join page
 * matches nothing.
 */
export function matchJoinPage(pageUrl: string, meetings: readonly SavedMeeting[], opts: MatchOptions = {}): SavedMeeting[] {
  const page = joinPageOf(pageUrl);
  if (page === null) return [];
  const alias = page.alias.toLowerCase();
  const paths = new Set([...PEXIP_WEB_APP_PATHS, ...(opts.webAppPaths ?? [])]);
  return meetings.filter(
    (m) => m.origin === page.origin && m.alias.toLowerCase() === alias && (m.path === page.path || paths.has(page.path)),
  );
}

