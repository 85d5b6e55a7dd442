/**
 * The extension's message on a join page ("2 of 5 attempts left", "the code opens at 09:45").
 * It lives in a CLOSED shadow root: the page sees an empty custom element and cannot read the
 * text (which may name attempt counts or meeting times). Text only, via `textContent`.
 *
 * The page must not hide it either. The host element is shown in the top layer (a manual
 * popover: above every z-index, outside every ancestor's overflow and transform) with its own
 * inline `!important` styles, which beat any stylesheet of the page, also `!important` ones. A
 * page script that restyles, closes or removes it is undone; a page that keeps removing it is
 * left alone and the text goes to the toolbar badge instead (`onSuppressed`).
 */

/** Tag name of the host element. */
export const NOTICE_TAG = 'securejoin-notice';

/** A notice box: `show(text)` replaces its text, `ask(...)` adds Fill / Not now buttons, `hide()` removes it. */
export interface Notice {
  show(text: string, tone?: 'info' | 'warning'): void;
  /**
   * A question with two buttons. Only a real click or key press of the user answers it: the
   * page cannot reach into the closed root, and untrusted (scripted) events are ignored.
   */
  ask(text: string, onYes: () => void, onNo: () => void): void;
  hide(): void;
}

/**
 * The host's own inline styles, each `!important`: they win over every rule of the page. Values
 * are written as the browser serialises them back, so re-pinning an untouched host changes nothing.
 */
const HOST_STYLE: ReadonlyArray<[string, string]> = [
  ['display', 'block'], ['position', 'fixed'], ['z-index', '2147483647'], ['top', 'auto'], ['right', '16px'], ['bottom', '16px'], ['left', 'auto'],
  ['margin', '0px'], ['padding', '0px'], ['border-style', 'none'], ['background-color', 'transparent'], ['background-image', 'none'], ['overflow', 'visible'], ['width', 'auto'], ['height', 'auto'],
  ['max-width', '22rem'], ['max-height', 'none'], ['visibility', 'visible'], ['opacity', '1'], ['transform', 'none'], ['filter', 'none'],
  ['clip-path', 'none'], ['pointer-events', 'auto'], ['content-visibility', 'visible'], ['contain', 'none'], ['translate', 'none'], ['scale', 'none'],
];

/** Removals by the page after which the notice stops coming back and goes to the toolbar badge. */
const MAX_RESTORES = 3;

const STYLE = `:host{all:initial;position:fixed;z-index:2147483647;right:16px;bottom:16px;max-width:22rem}
div{font:14px/1.4 system-ui,sans-serif;padding:10px 14px;border-radius:8px;box-shadow:0 2px 8px #0004;background:#fff;color:#1b1b1f;border-left:6px solid #1a73e8}
div.warning{border-left-color:#b00020}
b{display:block;margin-bottom:2px}
p{margin:8px 0 0;display:flex;gap:8px}
button{font:600 14px system-ui,sans-serif;padding:4px 12px;border-radius:4px;border:1px solid #1a73e8;background:#fff;color:#0b57d0;cursor:pointer}
button.yes{background:#0b57d0;border-color:#0b57d0;color:#fff}
button:focus-visible{outline:2px solid #0b57d0;outline-offset:2px}`;

/**
 * Creates the (initially hidden) notice on `doc`. `onSuppressed(text)` is called when the page
 * keeps removing it: the caller shows `text` elsewhere (the toolbar badge).
 */
export function createNotice(doc: Document, onSuppressed: (text: string) => void = () => undefined): Notice {
  let host: HTMLElement | null = null;
  let box: HTMLDivElement | null = null;
  let restores = 0;
  let suppressed = false;
  /** The text shown now (null: hidden by us). */
  let current: string | null = null;
  const pin = (el: HTMLElement): void => {
    for (const [name, value] of HOST_STYLE) {
      if (el.style.getPropertyValue(name) !== value || el.style.getPropertyPriority(name) !== 'important') el.style.setProperty(name, value, 'important');
    }
    if (el.getAttribute('popover') !== 'manual') el.setAttribute('popover', 'manual');
    for (const a of Array.from(el.attributes)) if (a.name !== 'style' && a.name !== 'popover') el.removeAttribute(a.name);
    try {
      if (el.isConnected && !el.matches(':popover-open')) el.showPopover();
    } catch {
      // No popover support: the inline styles alone keep it shown.
    }
  };
  // The page's changes to the host are undone; its removal is undone a few times, then reported.
  const guard = new MutationObserver(() => {
    if (!host || current === null) return;
    if (host.isConnected) return pin(host);
    if (suppressed) return;
    if (++restores > MAX_RESTORES) {
      suppressed = true;
      onSuppressed(current);
      return;
    }
    doc.documentElement.append(host);
    pin(host);
  });
  const ensure = (): HTMLDivElement => {
    if (host && box) {
      if (!host.isConnected && !suppressed) doc.documentElement.append(host);
      pin(host);
      return box;
    }
    host = doc.createElement(NOTICE_TAG);
    const root = host.attachShadow({ mode: 'closed' });
    // A constructed stylesheet: the page's CSP (style-src) governs <style> elements, not these.
    try {
      const sheet = new CSSStyleSheet();
      sheet.replaceSync(STYLE);
      root.adoptedStyleSheets = [sheet];
    } catch {
      // Unstyled but readable.
    }
    box = doc.createElement('div');
    box.setAttribute('role', 'alert');
    root.append(box);
    doc.documentElement.append(host);
    pin(host);
    // Closing the popover from the page (hidePopover) reopens it.
    host.addEventListener('toggle', () => {
      if (host && current !== null && host.isConnected && !host.matches(':popover-open')) pin(host);
    });
    guard.observe(host, { attributes: true });
    guard.observe(doc.documentElement, { childList: true });
    return box;
  };
  const show = (text: string, tone: 'info' | 'warning'): HTMLDivElement => {
    current = text;
    if (suppressed) onSuppressed(text);
    const el = ensure();
    el.className = tone;
    const title = doc.createElement('b');
    title.textContent = 'SecureJoin';
    const body = doc.createElement('span');
    body.textContent = text;
    el.replaceChildren(title, body);
    return el;
  };
  const button = (label: string, cls: string, then: () => void): HTMLButtonElement => {
    const b = doc.createElement('button');
    b.type = 'button';
    b.className = cls;
    b.textContent = label;
    b.addEventListener('click', (e) => {
      if (e.isTrusted) then();
    });
    return b;
  };
  return {
    show(text, tone = 'warning') {
      show(text, tone);
    },
    ask(text, onYes, onNo) {
      const row = doc.createElement('p');
      row.append(button('Fill', 'yes', onYes), button('Not now', 'no', onNo));
      show(text, 'info').append(row);
    },
    hide() {
      current = null;
      guard.disconnect();
      host?.remove();
      host = null;
      box = null;
    },
  };
}
