/**
 * The task pane UI (Preact): renders the controller's state. All text is rendered as text
 * (Preact escapes), nothing as HTML, so subjects and attendee names containing markup stay text.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import type { PaneController, PaneState } from './controller';
import { PolicyPanel, RiskPanel, SettingsPanel } from './SettingsPanel';
import { CodesPanel, InviteesPanel } from './CodesPanel';
import { BUTTON } from '../logic/wording';
import { Confirm } from './Confirm';

/**
 * A button's props while an action runs: `aria-disabled`, not `disabled`, so the button keeps the
 * keyboard focus (a disabled button drops it to the page), and a press is ignored instead.
 * `describedBy`: the pane message, when it reports this button's action.
 */
function actionProps(id: string, unavailable: boolean, run: () => void, describedBy: string | null) {
  return {
    id,
    type: 'button' as const,
    'aria-disabled': unavailable || undefined,
    'aria-describedby': describedBy === id ? 'message' : undefined,
    onClick: () => unavailable || run(),
  };
}

/** The whole pane for `controller`. */
export function App({ controller }: { controller: PaneController & { subscribe(cb: (s: PaneState) => void): () => void } }) {
  const [state, setState] = useState<PaneState>(controller.state);
  useEffect(() => controller.subscribe(setState), [controller]);
  // The button whose action the pane message reports (for aria-describedby).
  const [acted, setActed] = useState<string | null>(null);
  // Removing the block asks first, in the pane (Office blocks window.confirm).
  const [confirmingRemove, setConfirmingRemove] = useState(false);
  const removeButton = useRef<HTMLButtonElement>(null);
  const s = state;
  const act = (id: string, run: () => Promise<void>) => () => {
    setActed(id);
    void run();
  };
  // Closing the confirmation returns the focus to Remove block (it stays there after removing, too).
  const closeConfirm = () => {
    setConfirmingRemove(false);
    removeButton.current?.focus();
  };
  const describedBy = s.message ? acted : null;
  return (
    <main aria-busy={s.busy || s.phase === 'loading'}>
      <h1>SecureJoin</h1>
      {s.message && (
        <p id="message" class={`bar message ${s.message.kind}`} role={s.message.kind === 'error' ? 'alert' : 'status'}>
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
            <button class="primary" {...actionProps('insert', s.busy, act('insert', controller.insert), describedBy)}>
              {s.inserted ? BUTTON.update : BUTTON.insert}
            </button>
            <button {...actionProps('generate', s.busy, act('generate', controller.generate), describedBy)}>{s.security ? BUTTON.regenerate : BUTTON.generate}</button>
            <button ref={removeButton} {...actionProps('remove', s.busy || !s.inserted, () => setConfirmingRemove(true), describedBy)}>
              {BUTTON.remove}
            </button>
          </div>
          {confirmingRemove && (
            <Confirm
              id="confirm-remove"
              question="Remove the SecureJoin block and its codes from this invite?"
              action={BUTTON.remove}
              onConfirm={() => {
                closeConfirm();
                act('remove', controller.remove)();
              }}
              onCancel={closeConfirm}
            />
          )}
          <p id="block-status" class="bar" data-state={!s.inserted ? 'absent' : s.problems.length ? 'stale' : 'current'}>
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
          <p id="provisioning" class="bar" data-state={s.provisioning.state} role={s.provisioning.state === 'sign-in' || s.provisioning.state === 'failed' ? 'alert' : undefined}>
            {s.provisioning.text}
          </p>
          {s.provisioning.state === 'sign-in' && (
            <button class="primary" {...actionProps('sign-in', s.busy, act('sign-in', controller.signIn), describedBy)}>
              {BUTTON.signIn}
            </button>
          )}
        </>
      )}
    </main>
  );
}
