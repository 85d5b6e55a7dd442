/**
 * What the background learns from `webRequest` about a join attempt. MV3 extensions cannot read
 * response bodies, only the URL, method, request headers (the `pin` header) and the status code,
 * so outcomes are classified from those (platform facts, section 4):
 * - 200: token granted (success);
 * - 403 with a `pin` header: wrong PIN (also `pin: none` where guests need a PIN);
 * - 403 without a `pin` header: the node asks for a PIN (the prompt; not an attempt);
 * - 404: unknown room, or a room blocked after too many wrong PINs (it then answers as if it did not exist).
 */
import { percentDecode, splitWebUrl } from '../links/url';

/** A `request_token` call's room. */
export interface TokenRequestTarget {
  /** Exact origin of the node, as `location.origin`. */
  origin: string;
  /** Percent-decoded alias as it appears in the URL. */
  alias: string;
}

/** A classified `request_token` response. */
export type TokenOutcome = 'success' | 'wrong-pin' | 'pin-required' | 'not-found' | 'other';

const TOKEN_PATH = /^\/api\/client\/v2\/conferences\/([^/]+)\/request_token\/?$/;
const CONTROL = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/;

/**
 * The node and alias of `POST <origin>/api/client/v2/conferences/<alias>/request_token`, or null
 * for any other URL (or any other method when `method` is given). Query strings are ignored.
 * Never throws.
 */
export function parseTokenRequestUrl(url: string, method?: string): TokenRequestTarget | null {
  try {
    if (method !== undefined && method.toUpperCase() !== 'POST') return null;
    const split = splitWebUrl(url);
    if (!split.ok) return null;
    const m = TOKEN_PATH.exec(split.value.path);
    if (!m) return null;
    const alias = percentDecode(m[1] as string);
    if (alias === null || alias.trim() === '' || alias.includes('/') || CONTROL.test(alias)) return null;
    return { origin: split.value.origin, alias };
  } catch {
    return null;
  }
}

/**
 * Classifies a `request_token` response from what webRequest shows.
 * @param pinSent the `pin` request header's value, or null when no such header was sent
 *   (an empty value counts as sent: the node rejects it like a wrong PIN).
 * @param status the HTTP status code.
 */
export function classifyTokenOutcome(input: { pinSent: string | null; status: number }): TokenOutcome {
  const { pinSent, status } = input;
  if (status === 200) return 'success';
  if (status === 403) return pinSent === null || pinSent === undefined ? 'pin-required' : 'wrong-pin';
  if (status === 404) return 'not-found';
  return 'other';
}
