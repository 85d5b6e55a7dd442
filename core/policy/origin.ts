/**
 * Checks for the addresses in a policy's `nodes` list. Written without `URL` on purpose: core/
 * compiles against ES2023 only (no DOM lib), and an origin must match *exactly* what a browser
 * reports as `location.origin`, which a lenient URL parser would quietly normalise.
 */

const LABEL = '[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?';
const HOST = `${LABEL}(?:\\.${LABEL})*`;
const ORIGIN = new RegExp(`^https://(${HOST})(?::([0-9]{1,5}))?$`);

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

const BASE_PATH = "(?:/[A-Za-z0-9._~!$&'()*+,;=:@%-]+)*/?";
const HTTPS_BASE_URL = new RegExp(`^https://${HOST}(?::[0-9]{1,5})?${BASE_PATH}$`);
const LOOPBACK_BASE_URL = new RegExp(`^http://(?:127\\.0\\.0\\.1|localhost|\\[::1\\])(?::[0-9]{1,5})?${BASE_PATH}$`);

/**
 * Explains why `text` is not a service base URL (`https://host[:port][/path]`, lowercase host, no
 * query, fragment or credentials; plain `http://` only on loopback, for development), or returns
 * null when it is one.
 */
export function serviceUrlProblem(text: string): string | null {
  if (/^http:\/\//i.test(text) && !LOOPBACK_BASE_URL.test(text)) return 'must use https:// (plain http is allowed only on 127.0.0.1, localhost or [::1], for development)';
  if (!/^https?:\/\//i.test(text)) return 'must start with https://, e.g. "https://securejoin.example.com"';
  if (/[?#]/.test(text)) return 'must not contain a query (?) or fragment (#)';
  if (/^https?:\/\/[^/]*@/i.test(text)) return 'must not contain a user name or password';
  const host = /^https?:\/\/([^/:]*)/i.exec(text)?.[1] ?? '';
  if (host !== host.toLowerCase()) return 'must have a lowercase host name';
  if (!HTTPS_BASE_URL.test(text) && !LOOPBACK_BASE_URL.test(text)) return 'is not a valid URL like "https://securejoin.example.com"';
  return null;
}
