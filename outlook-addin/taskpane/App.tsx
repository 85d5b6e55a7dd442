/**
 * The task pane UI (Preact): renders the controller's state. All text is rendered as text
 * (Preact escapes), nothing as HTML, so subjects and attendee names containing markup stay text.
 */
import { useEffect, useState } from 'preact/hooks';
import type { PaneController, PaneState } from './controller';
import { PolicyPanel, RiskPanel, SettingsPanel } from './SettingsPanel';
import { CodesPanel, InviteesPanel } from './CodesPanel';
import { BUTTON } from '../logic/wording';
import type { PaneTruth } from '../logic/drift';

/** The whole pane for `controller`. */
export function App({ controller }: { controller: PaneController & { subscribe(cb: (s: PaneState) => void): () => void } }) {
  const [state, setState] = useState<PaneState>(controller.state);
  useEffect(() => controller.subscribe(setState), [controller]);
  const s = state;
  return (
    <main aria-busy={s.busy || s.phase === 'loading'}>
      <h1>SecureJoin</h1>
      {s.phase === 'ready' && s.truth && <PaneTruthView state={s} controller={controller} />}
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
          <CodesPanel state={s} />
          {s.preview && (
            <details id="preview-section" open>
              <summary>Preview of the block</summary>
              <pre id="preview">{s.preview}</pre>
            </details>
          )}
          <InviteesPanel state={s} controller={controller} />
          {/* The details; a failure is also the pane's state at the top. */}
          <p id="provisioning" data-state={s.provisioning.state}>
            {s.provisioning.text}
          </p>
        </>
      )}
    </main>
  );
}

/**
 * The pane's state at its top: the one most important truth, every difference, and the one
 * button that fixes them. A problem is an alert; all is well (or nothing inserted yet) a status.
 */
function PaneTruthView({ state: s, controller }: { state: PaneState; controller: PaneController }) {
  const t = s.truth as PaneTruth;
  return (
    <section id="pane-state" class="pane-state" data-state={t.state} aria-label="Meeting state">
      <div role={t.state === 'stale' || t.state === 'unregistered' ? 'alert' : 'status'}>
        <p id="block-status">{t.headline}</p>
        {t.drifts.length > 0 && (
          <ul id="block-problems">
            {t.drifts.map((d) => (
              <li data-kind={d.kind}>{d.text}</li>
            ))}
          </ul>
        )}
      </div>
      {t.action && (
        <button id="fix" type="button" disabled={s.busy} onClick={() => void (t.action === BUTTON.signIn ? controller.signIn() : t.action === BUTTON.remove ? controller.remove() : controller.insert())}>
          {t.action}
        </button>
      )}
      {s.followsChanges === false && (
        <p id="no-events" class="note">
          This Outlook does not tell SecureJoin when the meeting changes and has no send check: keep this pane open while you edit; SecureJoin updates the block and the meeting service itself while it is open.
        </p>
      )}
    </section>
  );
}
