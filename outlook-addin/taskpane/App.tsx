/**
 * The task pane UI (Preact): renders the controller's state. All text is rendered as text
 * (Preact escapes), nothing as HTML, so subjects and attendee names containing markup stay text.
 */
import { useEffect, useState } from 'preact/hooks';
import type { PaneController, PaneState } from './controller';
import { PolicyPanel, RiskPanel, SettingsPanel } from './SettingsPanel';
import { CodesPanel, InviteesPanel } from './CodesPanel';
import { BUTTON } from '../logic/wording';

/** The whole pane for `controller`. */
export function App({ controller }: { controller: PaneController & { subscribe(cb: (s: PaneState) => void): () => void } }) {
  const [state, setState] = useState<PaneState>(controller.state);
  useEffect(() => controller.subscribe(setState), [controller]);
  const s = state;
  return (
    <main aria-busy={s.busy || s.phase === 'loading'}>
      <h1>SecureJoin</h1>
      {s.message && (
        <p id="message" class={`message ${s.message.kind}`} role={s.message.kind === 'error' ? 'alert' : 'status'}>
          {s.message.text}
        </p>
      )}
      {s.phase === 'loading' && <p>Loading…</p>}
      {s.loaded && <PolicyPanel loaded={s.loaded} settings={s.settings} />}
      {s.phase === 'ready' && s.settings && (
        <>
          <SettingsPanel state={s} controller={controller} />
          <section aria-label="Activation">
            <p id="activation">{s.activation}</p>
          </section>
          <RiskPanel risk={s.risk} />
          <div class="actions">
            <button id="generate" type="button" disabled={s.busy} onClick={() => void controller.generate()}>
              {s.security ? BUTTON.regenerate : BUTTON.generate}
            </button>
            <button id="insert" type="button" disabled={s.busy} onClick={() => void controller.insert()}>
              {s.inserted ? BUTTON.update : BUTTON.insert}
            </button>
            <button id="remove" type="button" disabled={s.busy || !s.inserted} onClick={() => void controller.remove()}>
              {BUTTON.remove}
            </button>
          </div>
          <p id="block-status" data-state={!s.inserted ? 'absent' : s.problems.length ? 'stale' : 'current'}>
            {!s.inserted ? 'No SecureJoin block in the invite yet.' : s.problems.length ? 'The block in the invite is out of date:' : 'The block in the invite is up to date.'}
          </p>
          {s.problems.length > 0 && (
            <ul id="block-problems">
              {s.problems.map((p) => (
                <li>{p}</li>
              ))}
            </ul>
          )}
          <CodesPanel state={s} />
          {s.preview && (
            <details id="preview-section" open>
              <summary>Preview of the block</summary>
              <pre id="preview">{s.preview}</pre>
            </details>
          )}
          <InviteesPanel state={s} controller={controller} />
          <p id="provisioning" data-state={s.provisioning.state} role={s.provisioning.state === 'sign-in' || s.provisioning.state === 'failed' ? 'alert' : undefined}>
            {s.provisioning.text}
          </p>
          {s.provisioning.state === 'sign-in' && (
            <button id="sign-in" type="button" disabled={s.busy} onClick={() => void controller.signIn()}>
              {BUTTON.signIn}
            </button>
          )}
        </>
      )}
    </main>
  );
}
