/**
 * The join page's HTML: a labelled form with a display name, a PIN field (hidden until the node
 * asks for a PIN), a Join button, a status line and a participant list. No inline script; the
 * alias reaches the script through an escaped `data-alias` attribute.
 */

/** Escapes text for HTML element content and double-quoted attribute values. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** What the page template needs. All values are plain text; they are escaped here. */
export interface JoinPageView {
  /** The conference alias from the address, as typed (already percent-decoded). */
  alias: string;
  /** Same-origin URL of the bundled script, e.g. `/webapp3/join-page.js`. */
  scriptUrl: string;
  /** Same-origin URL of the stylesheet. */
  styleUrl: string;
}

/** Renders the join page for one alias. */
export function renderJoinPage(view: JoinPageView): string {
  const alias = escapeHtml(view.alias);
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="no-referrer">
<title>Join ${alias}</title>
<link rel="stylesheet" href="${escapeHtml(view.styleUrl)}">
</head>
<body>
<main id="join" data-alias="${alias}" data-state="loading">
<h1>Join <span id="room-alias">${alias}</span></h1>
<form id="join-form" autocomplete="off" novalidate>
<p><label for="display-name">Your name</label>
<input id="display-name" name="name" type="text" autocomplete="name" maxlength="100" required></p>
<p id="pin-row" hidden><label id="pin-label" for="pin">PIN</label>
<input id="pin" name="pin" type="password" autocomplete="off" inputmode="numeric" maxlength="64"></p>
<p><button id="join-button" type="submit" disabled>Join</button></p>
</form>
<p id="status" role="status" aria-live="polite">Loading…</p>
<ul id="participants" aria-label="Participants"></ul>
</main>
<script src="${escapeHtml(view.scriptUrl)}"></script>
</body>
</html>
`;
}

/** The join page's stylesheet (served as a file so the page needs no inline style). */
export const JOIN_PAGE_CSS = `body{font-family:system-ui,sans-serif;margin:2rem auto;max-width:28rem;padding:0 1rem;color:#1b1b1f}
label{display:block;font-weight:600;margin-bottom:.25rem}
input{font:inherit;padding:.4rem;width:100%;box-sizing:border-box}
button{font:inherit;padding:.4rem 1.2rem}
#status{font-weight:600}
[data-state=invalid-pin] #status,[data-state=not-found] #status,[data-state=error] #status{color:#b00020}
#participants{padding-left:1.2rem}
`;
