/**
 * HTTP Basic for Infinity's policy requests. Both the username and the password are compared in
 * constant time (SHA-256 digests of equal length through timingSafeEqual), and both always, so
 * the answer's timing says nothing about which part was wrong or how much of it matched.
 */
import { createHash, timingSafeEqual } from 'node:crypto';

export interface BasicCredentials {
  username: string;
  password: string;
}

const digest = (value: string): Buffer => createHash('sha256').update(value, 'utf8').digest();

/** A checker for `Authorization` headers against the configured credentials. */
export function basicAuthChecker(expected: BasicCredentials): (header: string | undefined) => boolean {
  const user = digest(expected.username);
  const pass = digest(expected.password);
  return (header) => {
    const match = /^Basic\s+([A-Za-z0-9+/=]+)\s*$/i.exec(header ?? '');
    const decoded = match ? Buffer.from(match[1] as string, 'base64').toString('utf8') : '';
    const colon = decoded.indexOf(':');
    const given = colon >= 0 ? { username: decoded.slice(0, colon), password: decoded.slice(colon + 1) } : { username: '', password: '' };
    const userOk = timingSafeEqual(digest(given.username), user);
    const passOk = timingSafeEqual(digest(given.password), pass);
    return match !== null && colon >= 0 && userOk && passOk;
  };
}
