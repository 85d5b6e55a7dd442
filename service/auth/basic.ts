/**
 * HTTP Basic for Infinity's policy requests. Both the username and the password are compared in
 * constant time (SHA-256 digests of equal length through timingSafeEqual), and both always, so
 * the answer's timing says nothing about which part was wrong or how much of it matched.
 *
 * Infinity sends the same header on every request, thousands a second (issue 19): a header that
 * passed the full check once is remembered, and a later request's header is compared with each
 * remembered one by `sameText`, whose time depends on the remembered header alone (every
 * character of it, no early exit), never on the header given. Only accepted headers are
 * remembered (a few at most: spellings of the one credential), so a caller sending wrong ones
 * fills nothing; a header that matches none takes the full check, as before.
 */
import { createHash, timingSafeEqual } from 'node:crypto';

export interface BasicCredentials {
  username: string;
  password: string;
}

/** Accepted header spellings remembered (`Basic` vs `basic`, trailing space...): one in practice. */
const REMEMBERED = 4;

const digest = (value: string): Buffer => createHash('sha256').update(value, 'utf8').digest();

/**
 * Whether `given` equals `known`: every character of `known` is compared whatever the outcome
 * (a character past the end of `given` reads as NaN, 0 after `| 0`), the lengths are folded in,
 * and nothing branches on the data, so the time depends on `known`'s length only.
 */
export function sameText(given: string, known: string): boolean {
  let diff = given.length ^ known.length;
  for (let i = 0; i < known.length; i += 1) diff |= (given.charCodeAt(i) | 0) ^ known.charCodeAt(i);
  return diff === 0;
}

/** A checker for `Authorization` headers against the configured credentials. */
export function basicAuthChecker(expected: BasicCredentials): (header: string | undefined) => boolean {
  const user = digest(expected.username);
  const pass = digest(expected.password);
  const accepted: string[] = [];
  const fullCheck = (header: string): boolean => {
    const match = /^Basic\s+([A-Za-z0-9+/=]+)\s*$/i.exec(header);
    const decoded = match ? Buffer.from(match[1] as string, 'base64').toString('utf8') : '';
    const colon = decoded.indexOf(':');
    const given = colon >= 0 ? { username: decoded.slice(0, colon), password: decoded.slice(colon + 1) } : { username: '', password: '' };
    const userOk = timingSafeEqual(digest(given.username), user);
    const passOk = timingSafeEqual(digest(given.password), pass);
    return match !== null && colon >= 0 && userOk && passOk;
  };
  return (header) => {
    const value = header ?? '';
    // Every remembered header is compared, whichever matches: the time depends on what is held, never on the header.
    let known = false;
    for (const a of accepted) known = sameText(value, a) || known;
    if (known) return true;
    if (!fullCheck(value)) return false;
    if (accepted.length < REMEMBERED) accepted.push(value);
    return true;
  };
}
