/**
 * A catalogue of join-page markup the extension has never seen, for `plainJoinPages`
 * (`/<path>/m/<alias>?shape=<name>`). Each shows its PIN prompt a moment after load (as a join
 * page does when the node asks for a PIN), next to decoys that must never get the PIN: a search
 * form with its own submit button earlier in the page, a display-name field. When the page's own
 * Join runs it writes what it would send into `body[data-joined]`; the search form writes
 * `body[data-searched]`. None uses `#pin`, `name=pin` or a plain `type=password` the old
 * selectors knew, except `pexip-toggle`, whose show/hide toggle makes it `type=text` at once.
 */

const DECOYS =
  '<form id="search" role="search"><input type="search" name="q" placeholder="Search"><button type="submit">Search</button></form>' +
  '<p><label>Your name <input id="display-name" type="text"></label></p>';

/** Page script shared by the static shapes: records the search and shows `prompt` after 50 ms. */
const show = (prompt: string, wire: string): string =>
  `<script>document.getElementById('search').addEventListener('submit',e=>{e.preventDefault();document.body.dataset.searched='true';});` +
  `setTimeout(()=>{const p=document.getElementById('prompt');p.innerHTML=${JSON.stringify(prompt)};const joined=v=>{document.body.dataset.joined=v;};${wire}},50);</script>`;

const page = (body: string): string =>
  `<!doctype html><html><head><meta charset="utf-8"><title>Join</title></head><body><h1>Join a meeting</h1>${DECOYS}<div id="prompt"></div>${body}</body></html>`;

/** The static shapes, by name. */
export const STATIC_SHAPES: Record<string, string> = {
  // No form: a numeric text field named only by aria-label, an icon Join button (aria-label) beside it.
  'aria-only': page(
    show(
      '<div class="row"><input id="f1" type="text" inputmode="numeric" aria-label="Meeting PIN"></div><div class="actions"><button type="button" id="go" aria-label="Join meeting">&#10140;</button></div>',
      "document.getElementById('go').onclick=()=>joined(document.getElementById('f1').value);",
    ),
  ),
  // A dialog, Spanish, type=tel labelled by aria-labelledby, a generated id; Cancel before Join.
  'labelledby-dialog': page(
    show(
      '<div role="dialog" aria-modal="true"><h2>Unirse a la reunión</h2><span id="lbl-9q">Código de acceso</span><input id=":r5:" type="tel" aria-labelledby="lbl-9q"><button type="button" id="no">Cancelar</button><button type="button" id="go">Unirse</button></div>',
      "document.getElementById('no').onclick=()=>joined('cancelled');document.getElementById('go').onclick=()=>joined(document.getElementById(':r5:').value);",
    ),
  ),
  // Like @pexip/components: generated ids and classes, an unlabelled password field whose show/hide
  // toggle switches it to text right after it appears (before the extension's answer arrives).
  'pexip-toggle': page(
    show(
      '<form id="f"><div class="InputField_wrapper__a1"><input id="input-4f9a1c" class="Input_input__x1" type="password"><button type="button" aria-label="Show">&#128065;</button></div><button type="submit" class="Button_primary__z2">Join meeting</button></form>',
      "const i=document.getElementById('input-4f9a1c');setTimeout(()=>{i.type='text';},0);document.getElementById('f').addEventListener('submit',e=>{e.preventDefault();joined(i.value);});",
    ),
  ),
  // German, a wrapping <label>, a form with Abbrechen (type=button) before Beitreten (submit).
  'wrapped-de': page(
    show(
      '<form id="f"><label>Konferenz-PIN <input type="text" inputmode="numeric" autocomplete="off"></label><button type="button" id="no">Abbrechen</button><button type="submit">Beitreten</button></form>',
      "const f=document.getElementById('f');document.getElementById('no').onclick=()=>joined('cancelled');f.addEventListener('submit',e=>{e.preventDefault();joined(f.querySelector('input').value);});",
    ),
  ),
  // A password field from the start (a sign-in form) and, with the PIN prompt, a second, unlabelled
  // one: the one that appeared with the prompt is the PIN field.
  'late-password': page(
    '<form id="signin"><input id="account-secret" type="password"><button type="submit">Sign in</button></form>' +
      show(
        '<div><input id="late" type="password"><button type="button" id="go">Join</button></div>',
        "document.getElementById('go').onclick=()=>joined(document.getElementById('late').value);",
      ),
  ),
  // Issue 24: the only PIN field is zero-size and moved off the page: nobody can see it, so it is never filled.
  'offscreen-zero': page(
    show(
      '<div><input id="ghost" type="password" aria-label="Meeting PIN" style="position:absolute;left:-10000px;top:-10000px;width:0;height:0;border:0;padding:0"><button type="button" id="go">Join</button></div>',
      "document.getElementById('go').onclick=()=>joined(document.getElementById('ghost').value);",
    ),
  ),
  // Issue 24: a PIN field clipped away inside a 0x0 overflow:hidden box comes first; the visible one is filled.
  'clipped-decoy': page(
    show(
      '<div style="overflow:hidden;width:0;height:0"><input id="clipped" type="password" aria-label="Meeting PIN"></div><div><input id="real" type="password" aria-label="Meeting PIN"><button type="button" id="go">Join</button></div>',
      "document.getElementById('go').onclick=()=>joined(document.getElementById('real').value+'|'+document.getElementById('clipped').value);",
    ),
  ),
  // Nothing on it says PIN (no label, no password type): only the user's own "Fill SecureJoin PIN"
  // (context menu, keyboard command) fills it.
  unlabelled: page(
    show(
      '<div><input id="entry-7" type="text" autocomplete="off"><button type="button" id="go">Join</button></div>',
      "document.getElementById('go').onclick=()=>joined(document.getElementById('entry-7').value);",
    ),
  ),
};

/**
 * Real React 19, no form: a dialog with a controlled display-name field and a controlled passcode
 * field (aria-label only, `useId` ids), and a Join button React keeps disabled while the passcode
 * is empty. Join writes React's state, not the DOM's value.
 */
export const REACT_SHAPE_SOURCE = `
import { createElement as h, useId, useState } from 'react';
import { createRoot } from 'react-dom/client';
function Prompt() {
  const [name, setName] = useState('');
  const [code, setCode] = useState('');
  const id = useId();
  return h('div', { role: 'dialog', 'aria-label': 'Join' },
    h('input', { id: id + 'n', 'aria-label': 'Display name', value: name, onChange: (e) => setName(e.target.value) }),
    h('input', { id: id + 'c', type: 'password', inputMode: 'numeric', 'aria-label': 'Passcode', value: code, onChange: (e) => setCode(e.target.value) }),
    h('button', { type: 'button', disabled: code === '', onClick: () => { document.body.dataset.joined = code; } }, 'Join'));
}
document.getElementById('search').addEventListener('submit', (e) => { e.preventDefault(); document.body.dataset.searched = 'true'; });
setTimeout(() => createRoot(document.getElementById('prompt')).render(h(Prompt)), 50);
`;

/** The React shape's page (loads `/react-shape.js`). */
export const REACT_SHAPE_PAGE = page('<script src="/react-shape.js"></script>');
