/**
 * Pexip web app join links, built and parsed:
 * - webapp3: `https://<node>/<path>/m/<alias>?role=guest&name=...&pin=...&join=1` (the path is
 *   admin-defined, e.g. "webapp3", and may have several segments or none); `.../m/<alias>/express`
 *   (the express join) is read as the same room;
 * - webapp2: `https://<node>/webapp/#/?conference=<alias>&pin=...`;
 * - legacy:  `https://<node>/webapp/conference/<alias>?pin=...`.
 * A PIN ending in "#" is written "%23" (a raw "#" would start the fragment).
 */
import type { Issue, Result, Role } from '../types';
import { parseQuery, percentDecode, splitWebUrl } from './url';

/** Which generation of the Pexip web app a link targets. */
export type JoinLinkStyle = 'webapp3' | 'webapp2' | 'legacy';

/** A join link as data. `path` has no leading or trailing "/" ("webapp3", "apps/meet", or ""). */
export interface JoinLink {
  origin: string;
  path: string;
  alias: string;
  style: JoinLinkStyle;
  role?: Role;
  name?: string;
  pin?: string;
  join?: boolean;
}

/** A Pexip PIN: 4-20 characters, digits with an optional trailing "#" counted in the length. */
export const JOIN_PIN_PATTERN = /^(?:[0-9]{4,20}|[0-9]{3,19}#)$/;
/** Longest alias accepted (characters, decoded). */
export const MAX_JOIN_ALIAS_LENGTH = 250;
/** Longest display name accepted (characters, decoded). */
export const MAX_JOIN_NAME_LENGTH = 100;

const PATH_SEGMENT = /^[A-Za-z0-9._~-]+$/;
const CONTROL = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/;

function checkAlias(alias: unknown, errors: Issue[]): void {
  if (typeof alias !== 'string' || alias.trim() === '') errors.push({ path: 'alias', message: 'must be a non-empty conference alias' });
  else if (alias.length > MAX_JOIN_ALIAS_LENGTH) errors.push({ path: 'alias', message: `must be at most ${MAX_JOIN_ALIAS_LENGTH} characters` });
  else if (CONTROL.test(alias) || alias.includes('/')) errors.push({ path: 'alias', message: 'must not contain "/" or control characters' });
}

function checkOptional(link: Partial<JoinLink>, errors: Issue[]): void {
  if (link.role !== undefined && link.role !== 'host' && link.role !== 'guest') {
    errors.push({ path: 'role', message: `must be "host" or "guest", got "${String(link.role).slice(0, 20)}"` });
  }
  if (link.name !== undefined) {
    if (typeof link.name !== 'string' || link.name.trim() === '') errors.push({ path: 'name', message: 'must be a non-empty display name' });
    else if (link.name.length > MAX_JOIN_NAME_LENGTH) errors.push({ path: 'name', message: `must be at most ${MAX_JOIN_NAME_LENGTH} characters` });
    else if (CONTROL.test(link.name)) errors.push({ path: 'name', message: 'must not contain control characters' });
  }
  if (link.pin !== undefined && (typeof link.pin !== 'string' || !JOIN_PIN_PATTERN.test(link.pin))) {
    errors.push({ path: 'pin', message: 'must be 4-20 digits, optionally ending in "#"' });
  }
  if (link.join !== undefined && typeof link.join !== 'boolean') errors.push({ path: 'join', message: 'must be true or false' });
}

/** Every problem with a JoinLink value (empty when it can be built). */
export function joinLinkIssues(link: JoinLink): Issue[] {
  const errors: Issue[] = [];
  if (link === null || typeof link !== 'object') return [{ path: '', message: 'must be an object' }];
  const origin = splitWebUrl(link.origin);
  if (!origin.ok) errors.push({ path: 'origin', message: origin.errors[0]?.message ?? 'is invalid' });
  else if (origin.value.origin !== link.origin) {
    errors.push({ path: 'origin', message: `must be an exact origin such as "${origin.value.origin}" (no path, lowercase, no default port)` });
  }
  if (!['webapp3', 'webapp2', 'legacy'].includes(link.style)) errors.push({ path: 'style', message: 'must be "webapp3", "webapp2" or "legacy"' });
  if (typeof link.path !== 'string' || (link.path !== '' && !link.path.split('/').every((s) => PATH_SEGMENT.test(s)))) {
    errors.push({ path: 'path', message: 'must be segments of letters, digits, ".", "_", "~", "-" separated by "/", without leading or trailing "/"' });
  } else if (link.path === '' && link.style !== 'webapp3') {
    errors.push({ path: 'path', message: `must not be empty for ${link.style} links (usually "webapp")` });
  }
  checkAlias(link.alias, errors);
  checkOptional(link, errors);
  return errors;
}

/** Percent-encodes an alias for a path segment; "@" stays readable (it is legal there). */
const encodeAlias = (alias: string): string => encodeURIComponent(alias).replace(/%40/g, '@');

function queryOf(link: JoinLink, withConference: boolean): string {
  const parts: string[] = [];
  if (withConference) parts.push(`conference=${encodeAlias(link.alias)}`);
  if (link.role) parts.push(`role=${link.role}`);
  if (link.name !== undefined) parts.push(`name=${encodeURIComponent(link.name)}`);
  if (link.pin !== undefined) parts.push(`pin=${encodeURIComponent(link.pin)}`);
  if (link.join !== undefined) parts.push(`join=${link.join ? '1' : '0'}`);
  return parts.join('&');
}

/**
 * The URL for `link`. Values are percent-encoded (a PIN "1234#" becomes "1234%23", a name
 * "Ana Lima" becomes "Ana%20Lima"). Throws RangeError listing every problem when the link is
 * invalid (origin not exact https, bad path, empty alias, malformed PIN, unknown role...).
 */
export function buildJoinLink(link: JoinLink): string {
  const errors = joinLinkIssues(link);
  if (errors.length) throw new RangeError(`invalid join link: ${errors.map((e) => `${e.path} ${e.message}`).join('; ')}`);
  const prefix = link.path === '' ? `${link.origin}/` : `${link.origin}/${link.path}/`;
  if (link.style === 'webapp2') return `${prefix}#/?${queryOf(link, true)}`;
  const query = queryOf(link, false);
  const base = link.style === 'webapp3' ? `${prefix}m/${encodeAlias(link.alias)}` : `${prefix}conference/${encodeAlias(link.alias)}`;
  return query ? `${base}?${query}` : base;
}

const NOT_A_JOIN_LINK =
  'is not a Pexip web app join link: expected https://<node>/<path>/m/<alias>, https://<node>/webapp/#/?conference=<alias> or https://<node>/webapp/conference/<alias>';

/** Reads role, name, pin, join from decoded parameters into `link`, reporting bad values. */
function applyParams(params: Map<string, string>, link: JoinLink, errors: Issue[]): void {
  const role = params.get('role');
  if (role !== undefined) link.role = role.toLowerCase() as Role;
  const name = params.get('name');
  if (name !== undefined && name !== '') link.name = name;
  const pin = params.get('pin');
  if (pin !== undefined && pin !== '') link.pin = pin;
  const join = params.get('join');
  if (join !== undefined) {
    if (['1', 'true'].includes(join)) link.join = true;
    else if (['0', 'false'].includes(join)) link.join = false;
    else errors.push({ path: 'join', message: `must be 1 or 0, got "${join.slice(0, 20)}"` });
  }
  checkOptional(link, errors);
}

/** Splits a raw path into segments, refusing empty segments ("//") and odd characters. */
function pathSegments(rawPath: string): string[] | null {
  const trimmed = rawPath.replace(/^\//, '').replace(/\/$/, '');
  if (trimmed === '') return [];
  const segs = trimmed.split('/');
  return segs.every((s) => s !== '') ? segs : null;
}

/**
 * Parses a Pexip web app join link of any supported style. Never throws: garbage, non-https
 * links (http only for loopback), javascript:/data: URLs, credentials, malformed escapes,
 * duplicate parameters and malformed PINs give `{ok:false, errors}` with a message per problem.
 * Unknown parameters (bw, callType, ...) are ignored.
 */
export function parseJoinLink(url: string): Result<JoinLink> {
  try {
    return parseJoinLinkUnsafe(url);
  } catch {
    // Belt and braces: parsing must never throw, whatever the input.
    return { ok: false, errors: [{ path: 'url', message: 'could not be read as a join link' }] };
  }
}

function parseJoinLinkUnsafe(url: string): Result<JoinLink> {
  const split = splitWebUrl(url);
  if (!split.ok) return split;
  const { origin, path: rawPath, query, fragment } = split.value;
  const segs = pathSegments(rawPath);
  if (segs === null) return { ok: false, errors: [{ path: 'url', message: 'has an empty path segment ("//")' }] };
  const errors: Issue[] = [];
  const fragmentQuery = fragment !== null && fragment.startsWith('/') ? fragment.indexOf('?') : -1;
  if (fragment !== null && fragmentQuery >= 0 && /(?:^|&)conference=/i.test(fragment.slice(fragmentQuery + 1))) {
    // webapp2: everything interesting lives in the fragment's query.
    const params = parseQuery(fragment.slice(fragmentQuery + 1), 'url');
    if (!params.ok) return params;
    if (segs.length === 0) return { ok: false, errors: [{ path: 'url', message: 'webapp2 links need a path such as /webapp/' }] };
    const link: JoinLink = { origin, path: segs.join('/'), alias: params.value.get('conference') ?? '', style: 'webapp2' };
    checkAlias(link.alias, errors);
    applyParams(params.value, link, errors);
    return finish(link, segs, errors);
  }
  // webapp3's express join (`/m/<alias>/express`, straight past the preview screen) is the same room.
  const express = segs.length >= 3 && segs[segs.length - 1] === 'express' && segs[segs.length - 3] === 'm' && segs[segs.length - 2] !== 'm';
  const n = express ? segs.length - 1 : segs.length;
  let link: JoinLink | null = null;
  const alias = n >= 2 ? percentDecode(segs[n - 1] as string) : null;
  if (n >= 2 && alias === null) return { ok: false, errors: [{ path: 'alias', message: 'has a malformed %-escape' }] };
  if (n >= 2 && segs[n - 2] === 'm') link = { origin, path: segs.slice(0, n - 2).join('/'), alias: alias as string, style: 'webapp3' };
  else if (n >= 3 && segs[n - 2] === 'conference') link = { origin, path: segs.slice(0, n - 2).join('/'), alias: alias as string, style: 'legacy' };
  if (!link) return { ok: false, errors: [{ path: 'url', message: NOT_A_JOIN_LINK }] };
  checkAlias(link.alias, errors);
  const params = parseQuery(query, 'url');
  if (!params.ok) return params;
  applyParams(params.value, link, errors);
  if (fragment === '' && params.value.has('pin')) {
    // "?pin=1234#" : the browser reads the "#" as an empty fragment and the PIN loses its "#".
    errors.push({ path: 'pin', message: 'is followed by a bare "#": a PIN ending in # must be written %23' });
  }
  return finish(link, segs.slice(0, n - 2), errors);
}

function finish(link: JoinLink, prefixSegs: string[], errors: Issue[]): Result<JoinLink> {
  if (!prefixSegs.every((s) => PATH_SEGMENT.test(s))) {
    errors.push({ path: 'path', message: 'has characters other than letters, digits, ".", "_", "~", "-"' });
  }
  return errors.length ? { ok: false, errors } : { ok: true, value: link };
}
