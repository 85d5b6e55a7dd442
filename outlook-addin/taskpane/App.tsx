/**
 * The task pane UI (Preact): renders the controller's state. All text is rendered as text
 * (Preact escapes), nothing as HTML, so subjects and attendee names containing markup stay text.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import type { PaneController, PaneState } from './controller';
import { PolicyPanel, RiskPanel, SettingsPanel } from './SettingsPanel';
import { CodesPanel, InviteesPanel } from './CodesPanel';
import { BUTTON } from '../logic/wording';
import type { PaneTruth } from '../logic/drift';
import { AttendancePanel } from './AttendancePanel';
import { Confirm } from './Confirm';
import { meetingWasSent } from '../logic/sentInvite';

/** A question the pane asks before acting: what it is about, the button it reports to, what confirming and cancelling do. */
interface Question {
  kind: 'remove' | 'regenerate';
  id: string;
  run: () => Promise<void> | void;
  cancel?: () => void;
}

/** Asked before new codes replace those of an invite that went out (issue 22). */
export const REGENERATE_SENT =
  'This invite was already sent. New codes replace its link, access code and passcodes at once: the invite attendees have stops working. Everyone who has the invite will need the new one; press Send afterwards and Outlook sends them the update.';

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
  // Removing the block, and new codes for a sent meeting, ask first, in the pane (Office blocks window.confirm).
  const [confirming, setConfirming] = useState<Question | null>(null);
  // The control that opened the question: the focus returns there when it closes.
  const opener = useRef<HTMLElement | null>(null);
  const s = state;
  const act = (id: string, run: () => Promise<void>) => () => {
    setActed(id);
    void run();
  };
  const ask = (question: Question) => {
    opener.current = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    setConfirming(question);
  };
  // Closing the question returns the focus to the control that opened it (it stays there after the action, too).
  const closeConfirm = () => {
    setConfirming(null);
    opener.current?.focus();
  };
  /**
   * Whether the invite went out, decided once the reads already queued are shown: the click that
   * brings the organizer back to the pane after Send queues the read that learns it, and the same
   * click must not regenerate a sent meeting's codes without asking.
   */
  const whenKnownIfSent = (decide: (sent: boolean) => void) => void controller.settled().then(() => decide(meetingWasSent(controller.state.sentInvite, controller.state.registered)));
  /** New codes: at once, or, for a meeting whose invite went out (`sent`), after the organizer confirms. */
  const regenerate = (sent: boolean, id: string, run: () => Promise<void> | void, cancel?: () => void) => {
    if (!sent) return act(id, async () => run())();
    ask({ kind: 'regenerate', id, run, ...(cancel ? { cancel } : {}) });
  };
  const describedBy = s.message ? acted : null;
  // Focus rescue: when the control that had the keyboard focus leaves the page (the top button
  // once its fix is done), the focus goes to the pane's state line, which says what happened,
  // instead of dropping to the page.
  const lastFocus = useRef<Element | null>(null);
  useEffect(() => {
    const track = (e: FocusEvent) => void (lastFocus.current = e.target as Element);
    addEventListener('focusin', track);
    return () => removeEventListener('focusin', track);
  }, []);
  useEffect(() => {
    const was = lastFocus.current;
    if (was && !was.isConnected && (!document.activeElement || document.activeElement === document.body)) document.getElementById('block-status')?.focus();
  });
  return (
    <main aria-busy={s.busy || s.phase === 'loading'}>
      <h1>SecureJoin</h1>
      {s.phase === 'ready' && s.truth && <PaneTruthView state={s} controller={controller} act={act} describedBy={describedBy} />}
      {s.phase !== 'ready' && s.message && (
        <p id="message" class={`bar message ${s.message.kind}`} role="alert">
          {s.message.text}
        </p>
      )}
      {s.phase === 'loading' && <p>Loading…</p>}
      {s.loaded && <PolicyPanel loaded={s.loaded} settings={s.settings} />}
      {s.phase === 'ready' && s.settings && (
        <>
          <SettingsPanel
            state={s}
            controller={controller}
            // Unsent: the controller makes codes once it is free, if the choice still differs then. Sent: asks first.
            commit={() => whenKnownIfSent((sent) => (sent ? controller.choicesPending && regenerate(true, 'settings', () => controller.commitChoices(), () => controller.revertChoices()) : void controller.commitChoices()))}
          />
          {/* Without a block or codes there is no activation time and no code to guess: nothing beside "No SecureJoin block". */}
          {(s.inserted || s.security) && (
            <>
              <section aria-label="Activation">
                <p id="activation">{s.activation}</p>
              </section>
              <RiskPanel risk={s.risk} />
            </>
          )}
          <div class="actions">
            {/* One primary button in view: the top one while it offers a fix. */}
            <button class={s.truth?.action ? undefined : 'primary'} {...actionProps('insert', s.busy, act('insert', controller.insert), describedBy)}>
              {s.inserted ? BUTTON.update : BUTTON.insert}
            </button>
            <button {...actionProps('generate', s.busy, () => whenKnownIfSent((sent) => regenerate(sent, 'generate', controller.generate)), describedBy)}>{s.security ? BUTTON.regenerate : BUTTON.generate}</button>
            <button {...actionProps('remove', s.busy || !s.inserted, () => ask({ kind: 'remove', id: 'remove', run: controller.remove }), describedBy)}>
              {BUTTON.remove}
            </button>
          </div>
          {confirming && (
            <Confirm
              id={`confirm-${confirming.kind}`}
              question={confirming.kind === 'remove' ? 'Remove the SecureJoin block and its codes from this invite?' : REGENERATE_SENT}
              action={confirming.kind === 'remove' ? BUTTON.remove : BUTTON.confirmNewCodes}
              onConfirm={() => {
                closeConfirm();
                act(confirming.id, async () => confirming.run())();
              }}
              onCancel={() => {
                confirming.cancel?.();
                closeConfirm();
              }}
            />
          )}
          <CodesPanel state={s} />
          {s.preview && (
            <details id="preview-section" open>
              <summary>Preview of the block</summary>
              <pre id="preview">{s.preview}</pre>
            </details>
          )}
          <InviteesPanel state={s} controller={controller} />
          {s.settings.service && <AttendancePanel load={controller.attendance} />}
          {/* The details; a failure is also the pane's state at the top. */}
          <p id="provisioning" class="bar" data-state={s.provisioning.state}>
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
function PaneTruthView({ state: s, controller, act, describedBy }: { state: PaneState; controller: PaneController; act: (id: string, run: () => Promise<void>) => () => void; describedBy: string | null }) {
  const t = s.truth as PaneTruth;
  return (
    <section id="pane-state" class="bar pane-state" data-state={t.state} aria-label="Meeting state">
      <div role={t.state === 'stale' || t.state === 'unregistered' || t.state === 'unsent' ? 'alert' : 'status'}>
        <p id="block-status" tabIndex={-1}>
          {t.headline}
        </p>
        {t.drifts.length > 0 && (
          <ul id="block-problems">
            {t.drifts.map((d) => (
              <li data-kind={d.kind}>{d.text}</li>
            ))}
          </ul>
        )}
      </div>
      {s.message && (
        <p id="message" class={`message ${s.message.kind}`} role={s.message.kind === 'error' ? 'alert' : 'status'}>
          {s.message.text}
        </p>
      )}
      {t.action && (
        // (Remove block here retries withdrawing a meeting whose block is already gone: no question.)
        <button class="primary" {...actionProps('fix', s.busy, act('fix', t.action === BUTTON.signIn ? controller.signIn : t.action === BUTTON.remove ? controller.remove : t.action === BUTTON.newLinks ? controller.newLinks : controller.insert), describedBy)}>
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
