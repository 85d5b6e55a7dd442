/**
 * Checks for the addresses in a policy's `nodes` list. Written without `URL` on purpose: core/
 * compiles against ES2023 only (no DOM lib), and an origin must match *exactly* what a browser
 * reports as `location.origin`, which a lenient URL parser would quietly normalise.
 */

const LABEL = '[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?';
const HOST = `${LABEL}(?:\\.${LABEL})*`;
const ORIGIN = new RegExp(`^https://(${HOST})(?::([0-9]{1,5}))?$`);
const HTTPS_URL = new RegExp(`^https://${HOST}(?::[0-9]{1,5})?(?:/[A-Za-z0-9._~!$&'()*+,;=:@%/-]*)?(?:\\?[A-Za-z0-9._~!$&'()*+,;=:@%/?-]*)?$`);

/**
 * Explains why `text` is not an exact https origin (`https://host[:port]`, lowercase, no path,
 * no trailing slash, no default port 443), or returns null when it is one.
 * The message says what to change, e.g. "remove the path "/webapp3"".
 */
export function originProblem(text: string): string | null {
  if (/^http:\/\//i.test(text)) return 'must use https:// (PINs must never travel unencrypted)';
  if (!/^https:\/\//i.test(text)) return 'must start with https://, e.g. "https://meet.example.com"';
  if (text !== text.toLowerCase()) return `must be lowercase, as browsers report it: "${text.toLowerCase()}"`;
  const rest = text.slice('https://'.length);
  const slash = rest.search(/[/?#]/);
  if (slash >= 0) {
    return `must be an origin only: remove "${rest.slice(slash)}" (use "https://${rest.slice(0, slash)}")`;
  }
  if (rest.includes('@')) return 'must not contain a user name or password';
  const match = ORIGIN.exec(text);
  if (!match) return 'has an invalid host name (letters, digits, hyphens and dots only)';
  const port = match[2];
  if (port !== undefined) {
    const n = Number(port);
    if (n === 443) return `must leave out the default port: "https://${match[1]}"`;
    if (n < 1 || n > 65535 || String(n) !== port) return `has an invalid port "${port}"`;
  }
  return null;
}

/** True when `text` is an https URL with a host and optional path and query, without fragment or credentials. */
export function isHttpsUrl(text: string): boolean {
  return HTTPS_URL.test(text);
}
