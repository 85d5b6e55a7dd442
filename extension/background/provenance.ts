/**
 * Who caused a capture: the user from outside the browser (a link clicked in a mail client, an
 * address typed or pasted), or a web page (a script navigation, a redirect, a link from another
 * site). The browser says so in the `Sec-Fetch-Site` header of the top-level navigation, which
 * no page can set: `none` is a navigation the user started outside any page. The background
 * notes that header for each tab's main-frame requests (webRequest, hosts it holds permission
 * for); a capture is from outside only when the last one of its tab was `none` and went to this
 * very capture link (same origin and same `#sj=` fragment: a script that changes only the
 * fragment sends no request, and keeps the header of the earlier navigation).
 */

/** A tab's last main-frame navigation, as the browser reported it. */
export interface NavigationFact {
  /** The request URL as webRequest reports it (with its fragment). */
  url: string;
  /** The `Sec-Fetch-Site` header (`none`, `same-origin`, `same-site`, `cross-site`), or null when absent. */
  site: string | null;
}

/** The fact for one webRequest `onSendHeaders` of a main frame. */
export function navigationFact(url: string, headers: ReadonlyArray<{ name: string; value?: string }> | undefined): NavigationFact {
  const site = headers?.find((h) => h.name.toLowerCase() === 'sec-fetch-site')?.value ?? null;
  return { url, site: site === null ? null : site.toLowerCase() };
}

const split = (url: string): { origin: string; hash: string } | null => {
  try {
    const u = new URL(url);
    return { origin: u.origin, hash: u.hash };
  } catch {
    return null;
  }
};

/** True when the capture link `captureUrl` was opened from outside the browser by the user (see above). Unknown is false. */
export function openedFromOutside(nav: NavigationFact | undefined, captureUrl: string): boolean {
  if (nav === undefined || nav.site !== 'none') return false;
  const a = split(nav.url);
  const b = split(captureUrl);
  return a !== null && b !== null && a.origin === b.origin && a.hash !== '' && a.hash === b.hash;
}
