/**
 * A small, strict URL splitter for join links. Written by hand because core/ has no DOM `URL`
 * (lib ES2023 only), and because a lenient parser would quietly "fix" exactly the inputs we must
 * refuse: credentials, backslashes, odd schemes, whitespace. Never throws.
 */
import type { Issue, Result } from '../types';

/** The parts of an accepted web URL. Raw (still percent-encoded) path, query and fragment. */
export interface WebUrl {
  scheme: 'https' | 'http';
  /** Lowercase host name, IPv4 address or bracketed IPv6 literal ("[::1]"). */
  host: string;
  /** Port as written, or null when absent or the scheme's default (dropped). */
  port: string | null;
  /** `scheme://host[:port]`, exactly as a browser reports `location.origin`. */
  origin: string;
  /** Raw path, always starting with "/". */
  path: string;
  /** Raw query without "?", or null when there is no "?". */
  query: string | null;
  /** Raw fragment without "#", or null when there is no "#". */
  fragment: string | null;
}

/** Longest URL accepted: far above any real join link, low enough to bound work. */
export const MAX_URL_LENGTH = 8192;
/** Hosts for which plain http is allowed (local testing only). */
export const LOOPBACK_HOSTS: readonly string[] = ['localhost', '127.0.0.1', '[::1]'];

const LABEL = '[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?';
const HOST_NAME = new RegExp(`^${LABEL}(?:\\.${LABEL})*\\.?$`);
const IPV6 = /^\[[0-9a-f:.]{2,45}\]$/;
const DANGEROUS_SCHEMES = ['javascript', 'data', 'vbscript', 'file', 'blob'];

const fail = (path: string, message: string): Result<never> => ({ ok: false, errors: [{ path, message }] });

/**
 * Splits and checks a web URL: https only, or http for loopback hosts (127.0.0.1, localhost,
 * [::1]); no credentials, whitespace, control characters or backslashes. Surrounding whitespace
 * (from copy and paste) is ignored. Errors use path "url".
 */
export function splitWebUrl(input: unknown): Result<WebUrl> {
  if (typeof input !== 'string') return fail('url', 'must be a string');
  const text = input.trim();
  if (text === '') return fail('url', 'is empty');
  if (text.length > MAX_URL_LENGTH) return fail('url', `is longer than ${MAX_URL_LENGTH} characters`);
  const schemeMatch = /^([a-zA-Z][a-zA-Z0-9+.-]{0,30}):/.exec(text);
  if (!schemeMatch) return fail('url', 'must start with https://');
  const scheme = (schemeMatch[1] as string).toLowerCase();
  if (DANGEROUS_SCHEMES.includes(scheme)) return fail('url', `${scheme}: URLs are not allowed; use an https:// link`);
  if (scheme !== 'https' && scheme !== 'http') return fail('url', `must use https://, not ${scheme}:`);
  // Checked after the scheme so "javascript:alert(1) x" is reported as javascript, not whitespace.
  if (/[\u0000-\u0020\u007f-\u009f\u2028\u2029\\]/.test(text)) {
    return fail('url', 'must not contain spaces, control characters or backslashes');
  }
  const rest = text.slice(scheme.length + 1);
  if (!rest.startsWith('//')) return fail('url', `must have a host: ${scheme}://host/...`);
  const afterSlashes = rest.slice(2);
  const end = afterSlashes.search(/[/?#]/);
  const authority = end < 0 ? afterSlashes : afterSlashes.slice(0, end);
  const tail = end < 0 ? '' : afterSlashes.slice(end);
  if (authority.includes('@')) return fail('url', 'must not contain a user name or password');
  const hostPort = splitHostPort(authority.toLowerCase());
  if (!hostPort.ok) return hostPort;
  const { host } = hostPort.value;
  let port = hostPort.value.port;
  if (port !== null && Number(port) === (scheme === 'https' ? 443 : 80)) port = null;
  if (scheme === 'http' && !LOOPBACK_HOSTS.includes(host)) {
    return fail('url', 'must use https:// (http is only allowed for localhost, 127.0.0.1 and [::1])');
  }
  const hashAt = tail.indexOf('#');
  const beforeHash = hashAt < 0 ? tail : tail.slice(0, hashAt);
  const fragment = hashAt < 0 ? null : tail.slice(hashAt + 1);
  const qAt = beforeHash.indexOf('?');
  const rawPath = qAt < 0 ? beforeHash : beforeHash.slice(0, qAt);
  const query = qAt < 0 ? null : beforeHash.slice(qAt + 1);
  const origin = `${scheme}://${host}${port === null ? '' : `:${port}`}`;
  return { ok: true, value: { scheme, host, port, origin, path: rawPath === '' ? '/' : rawPath, query, fragment } };
}

function splitHostPort(authority: string): Result<{ host: string; port: string | null }> {
  let host = authority;
  let port: string | null = null;
  if (authority.startsWith('[')) {
    const close = authority.indexOf(']');
    if (close < 0) return fail('url', 'has an unclosed IPv6 address "["');
    host = authority.slice(0, close + 1);
    const after = authority.slice(close + 1);
    if (after !== '') {
      if (!after.startsWith(':')) return fail('url', 'has garbage after the IPv6 address');
      port = after.slice(1);
    }
    if (!IPV6.test(host)) return fail('url', `has an invalid IPv6 address "${host}"`);
  } else {
    const colon = authority.lastIndexOf(':');
    if (colon >= 0) {
      host = authority.slice(0, colon);
      port = authority.slice(colon + 1);
    }
    if (host === '') return fail('url', 'has no host');
    if (!HOST_NAME.test(host)) {
      return fail('url', `has an invalid host "${host}" (letters, digits, hyphens and dots; use the xn-- form for non-ASCII names)`);
    }
  }
  if (port !== null) {
    if (!/^[0-9]{1,5}$/.test(port) || Number(port) < 1 || Number(port) > 65535) return fail('url', `has an invalid port "${port}"`);
    port = String(Number(port));
  }
  return { ok: true, value: { host, port } };
}

/** Percent-decodes `text` (and "+" as space when `plusIsSpace`); null when malformed. */
export function percentDecode(text: string, plusIsSpace = false): string | null {
  try {
    return decodeURIComponent(plusIsSpace ? text.replace(/\+/g, ' ') : text);
  } catch {
    return null;
  }
}

/**
 * Parses `a=1&b=2` into a map of decoded names to decoded values ("+" is a space, as browsers'
 * URLSearchParams read it). A name given twice is an error: a link with two PINs is ambiguous.
 */
export function parseQuery(query: string | null, path: string): Result<Map<string, string>> {
  const out = new Map<string, string>();
  if (query === null || query === '') return { ok: true, value: out };
  const errors: Issue[] = [];
  for (const pair of query.split('&')) {
    if (pair === '') continue;
    const eq = pair.indexOf('=');
    const name = percentDecode(eq < 0 ? pair : pair.slice(0, eq), true);
    const value = percentDecode(eq < 0 ? '' : pair.slice(eq + 1), true);
    if (name === null || value === null) {
      errors.push({ path, message: `has a malformed %-escape in "${pair.slice(0, 40)}"` });
      continue;
    }
    const key = name.toLowerCase();
    if (out.has(key)) errors.push({ path: `${path}.${key}`, message: `parameter "${key}" appears more than once` });
    out.set(key, value);
  }
  return errors.length ? { ok: false, errors } : { ok: true, value: out };
}
