/**
 * What the content script looks at on a page: the PIN field, the frame it runs in, and what
 * the page says about the PIN prompt. DOM reads only; no decisions (the background decides).
 */
import type { PageReport } from '../messaging/messages';

/** Selectors of a PIN field, most specific first (Pexip's web app and the reference node use `#pin`/`name=pin`). */
const PIN_FIELD_SELECTORS = [
  'input#pin',
  'input[name="pin"]',
  'input[autocomplete="one-time-code"]',
  'input[type="password"]',
] as const;

/** Whether an element is rendered (not hidden by itself or an ancestor). */
function isShown(el: HTMLElement): boolean {
  if (typeof el.checkVisibility === 'function') return el.checkVisibility();
  return el.offsetParent !== null || el.getClientRects().length > 0;
}

/** The visible, enabled, editable PIN field of the page, or null. */
export function findPinField(doc: Document): HTMLInputElement | null {
  for (const selector of PIN_FIELD_SELECTORS) {
    for (const el of Array.from(doc.querySelectorAll<HTMLInputElement>(selector))) {
      if (!el.disabled && !el.readOnly && isShown(el)) return el;
    }
  }
  return null;
}

/** The frame this script runs in. A cross-origin parent makes `frameElement` null; an opaque origin reads as "null". */
export function frameFacts(win: Window): PageReport['frame'] {
  let isTop = false;
  try {
    isTop = win.top === win;
  } catch {
    isTop = false;
  }
  let sandboxAttr = false;
  try {
    sandboxAttr = win.frameElement?.hasAttribute('sandbox') ?? false;
  } catch {
    sandboxAttr = false;
  }
  const origin = win.location.origin;
  return { isTop, sandboxed: sandboxAttr || origin === 'null', frameOrigin: origin };
}

/**
 * What the page's PIN prompt says about the room, when the page exposes it (the reference join
 * page sets `data-has-host-pin`/`data-has-guest-pin` from `onPinRequired`); otherwise undefined.
 */
export function promptFacts(doc: Document): PageReport['prompt'] {
  const el = doc.querySelector<HTMLElement>('[data-has-host-pin][data-has-guest-pin]');
  if (!el) return undefined;
  return { hasHostPin: el.dataset.hasHostPin === 'true', hasGuestPin: el.dataset.hasGuestPin === 'true' };
}

/** The full report for `fill:ask`. */
export function pageReport(win: Window, field: HTMLInputElement | null): PageReport {
  const prompt = promptFacts(win.document);
  return {
    pageUrl: win.location.href,
    frame: frameFacts(win),
    field: { present: field !== null, hasValue: field !== null && field.value !== '' },
    ...(prompt ? { prompt } : {}),
  };
}
