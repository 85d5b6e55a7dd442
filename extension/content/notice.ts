/**
 * The extension's message on a join page ("2 of 5 attempts left", "the code opens at 09:45").
 * It lives in a CLOSED shadow root: the page sees an empty custom element and cannot read the
 * text (which may name attempt counts or meeting times). Text only, via `textContent`.
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

const STYLE = `:host{all:initial;position:fixed;z-index:2147483647;right:16px;bottom:16px;max-width:22rem}
div{font:14px/1.4 system-ui,sans-serif;padding:10px 14px;border-radius:8px;box-shadow:0 2px 8px #0004;background:#fff;color:#1b1b1f;border-left:6px solid #1a73e8}
div.warning{border-left-color:#b00020}
b{display:block;margin-bottom:2px}
p{margin:8px 0 0;display:flex;gap:8px}
button{font:600 14px system-ui,sans-serif;padding:4px 12px;border-radius:4px;border:1px solid #1a73e8;background:#fff;color:#0b57d0;cursor:pointer}
button.yes{background:#0b57d0;border-color:#0b57d0;color:#fff}
button:focus-visible{outline:2px solid #0b57d0;outline-offset:2px}`;

/** Creates the (initially hidden) notice on `doc`. */
export function createNotice(doc: Document): Notice {
  let host: HTMLElement | null = null;
  let box: HTMLDivElement | null = null;
  const ensure = (): HTMLDivElement => {
    if (host && box && host.isConnected) return box;
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
    return box;
  };
  const show = (text: string, tone: 'info' | 'warning'): HTMLDivElement => {
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
      host?.remove();
      host = null;
      box = null;
    },
  };
}
