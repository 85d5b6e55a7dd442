/**
 * Microsoft Defender's Safe Links wrap every link of a mail in
 * `https://<region>.safelinks.protection.outlook.com/?url=<percent-encoded target>&data=...`, so a
 * pasted invite's join link arrives wrapped. Only that exact host pattern (one region label, https,
 * default port) is unwrapped: `safelinks.protection.outlook.com.evil.example` or
 * `evil-safelinks.protection.outlook.com` stay what they are (and are no join link).
 */
import { percentDecode, splitWebUrl } from '../links/url';

const SAFE_LINKS_HOST = /^[a-z0-9-]{1,63}\.safelinks\.protection\.outlook\.com$/;
/** A wrapper of a wrapper happens (a forwarded mail scanned twice); more is not a real link. */
const MAX_DEPTH = 3;

/** The target of one Safe Links wrapper, or null when `url` is not one (or carries no usable `url=`). */
function unwrapOnce(url: string): string | null {
  const split = splitWebUrl(url);
  if (!split.ok || split.value.scheme !== 'https' || split.value.port !== null || !SAFE_LINKS_HOST.test(split.value.host)) return null;
  const targets = (split.value.query ?? '').split('&').filter((pair) => pair.slice(0, 4).toLowerCase() === 'url=');
  if (targets.length !== 1) return null; // none, or two: ambiguous, keep the wrapper
  // Percent-decoded only ("+" stays "+"): Safe Links encode the target with encodeURIComponent.
  const target = percentDecode((targets[0] as string).slice(4));
  return target === null || target.trim() === '' ? null : target.trim();
}

/** `url` with any Safe Links wrappers removed; `url` itself when it is not wrapped. Never throws. */
export function unwrapSafeLink(url: string): string {
  let current = url;
  for (let depth = 0; depth < MAX_DEPTH; depth++) {
    const inner = unwrapOnce(current);
    if (inner === null) return current;
    current = inner;
  }
  return current;
}
