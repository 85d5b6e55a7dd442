/**
 * Who sent a message. `runtime.onMessage` gives a `MessageSender`; these checks decide whether
 * it is one of our content scripts (in which tab, frame and origin) or one of our own pages.
 * A PIN is only ever returned to a content script whose sender checks pass.
 */

/** The parts of `runtime.MessageSender` the checks read (plain data, so tests build it directly). */
export interface SenderInfo {
  id?: string;
  url?: string;
  /** Chromium 80+ sets it for content scripts; Firefox does not, then `url` is used. */
  origin?: string;
  frameId?: number;
  tab?: { id?: number; url?: string };
}

/** A content script in a tab, with the browser-reported origin of its frame. */
export interface ContentSender {
  kind: 'content';
  tabId: number;
  frameId: number;
  origin: string;
  url: string;
}

/** The popup or options page of this extension. */
export interface UiSender {
  kind: 'ui';
}

/** Reads the exact origin of a URL, or null (opaque origins such as `null`, `data:` give null). */
export function originOf(url: string | undefined): string | null {
  if (!url) return null;
  try {
    const parsed = new URL(url);
    // Extension URLs have an origin in browsers, but not in every URL implementation (Node).
    if ((parsed.protocol === 'chrome-extension:' || parsed.protocol === 'moz-extension:') && parsed.host) return `${parsed.protocol}//${parsed.host}`;
    return parsed.origin === 'null' ? null : parsed.origin;
  } catch {
    return null;
  }
}

/**
 * Classifies a sender. Messages from other extensions or web pages (`id` differs) are refused;
 * a sender whose URL is one of our extension pages is the UI; anything else must be a content
 * script in a tab with a numeric frame id and a readable origin.
 * @param runtimeId `browser.runtime.id`.
 * @param extensionOrigin `chrome-extension://<id>` (or `moz-extension://<uuid>`).
 */
export function classifySender(sender: SenderInfo, runtimeId: string, extensionOrigin: string): ContentSender | UiSender | null {
  if (!sender || sender.id !== runtimeId) return null;
  const senderOrigin = sender.origin ?? originOf(sender.url);
  if (senderOrigin === extensionOrigin || originOf(sender.url) === extensionOrigin) {
    // Our own page. A content script can never have our origin, so this is not spoofable by a page.
    return originOf(sender.url) === extensionOrigin ? { kind: 'ui' } : null;
  }
  const tabId = sender.tab?.id;
  if (typeof tabId !== 'number' || tabId < 0 || typeof sender.frameId !== 'number' || !sender.url) return null;
  const urlOrigin = originOf(sender.url);
  if (!urlOrigin || !senderOrigin) return null;
  // Both must agree: `origin` is what the browser knows of the frame, `url` what we match paths on.
  if (urlOrigin !== senderOrigin) return null;
  return { kind: 'content', tabId, frameId: sender.frameId, origin: senderOrigin, url: sender.url };
}
