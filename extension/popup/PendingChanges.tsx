/**
 * Captures waiting for the user's confirmation (background/changes.ts): a link that would
 * replace or add to the PIN saved for a meeting is shown with what would change, PINs masked; a
 * link a web page opened, or a host PIN, for a room with nothing saved is shown with its room and
 * role. Each is applied only when the user presses Confirm here, in the extension's own UI.
 */
import { useEffect, useState } from 'preact/hooks';
import type { UiRequest } from '../messaging/messages';
import type { ChangeAnswer, ChangeSummary } from '../background/changes';
import type { FieldChange } from '../../core/vault';

const FIELD_NAMES: Record<FieldChange['field'], string> = {
  pin: 'PIN',
  role: 'Role',
  node: 'Conference node',
  startsAt: 'Start',
  endsAt: 'End',
  leadMinutes: 'Minutes the code opens early',
  graceMinutes: 'Minutes the code works after the end',
  recurrence: 'Repeats',
  label: 'Label',
  subject: 'Invite subject',
  displayName: 'Your name',
};

const shown = (field: FieldChange['field'], v: string | number | null): string => {
  if (v === null) return '(none)';
  if ((field === 'startsAt' || field === 'endsAt') && typeof v === 'number') return new Date(v).toLocaleString([], { dateStyle: 'medium', timeStyle: 'short' });
  return String(v);
};

/**
 * The list of pending changes with Confirm and Discard; `onApplied` runs after a change was
 * confirmed. A card that goes takes the focus with it: it moves to the next card's Confirm, else
 * to `focusWhenEmpty` (the meetings' heading), never to the page body.
 */
export function PendingChanges({ send, onApplied, focus, focusWhenEmpty }: { send: (msg: UiRequest) => Promise<unknown>; onApplied: (text: string) => void; focus: (id: string) => void; focusWhenEmpty: string }) {
  const [changes, setChanges] = useState<ChangeSummary[]>([]);
  const reload = async (): Promise<void> => {
    const answer = (await send({ type: 'changes:list' })) as ChangeAnswer;
    if (answer.ok && 'changes' in answer) setChanges(answer.changes);
  };
  useEffect(() => void reload(), []);
  if (changes.length === 0) return null;

  const focusAfter = (id: string): void => {
    const at = changes.findIndex((c) => c.id === id);
    const next = changes[at + 1] ?? changes[at - 1];
    focus(next ? `change-confirm-${next.id}` : focusWhenEmpty);
  };
  const confirm = async (id: string): Promise<void> => {
    const answer = (await send({ type: 'changes:confirm', id })) as ChangeAnswer;
    if (answer.ok && 'confirmed' in answer) onApplied(answer.confirmed === 'replaced' ? `Replaced the saved PIN for ${answer.alias}.` : answer.confirmed === 'added' ? `Saved for ${answer.alias}.` : 'Nothing to change.');
    else if (!answer.ok) onApplied(answer.error);
    await reload();
    focusAfter(id);
  };
  const discard = async (id: string): Promise<void> => {
    await send({ type: 'changes:discard', id });
    await reload();
    focusAfter(id);
  };

  return (
    <section id="pending-changes" aria-labelledby="pending-heading">
      <h2 id="pending-heading">Waiting for your confirmation</h2>
      <ul class="cards">
        {changes.map((c) => (
          <li key={c.id} class="pending-change card stack" data-id={c.id}>
            <p id={`change-${c.id}`}>
              {c.isNew ? (
                <>
                  A link opened on <strong>{c.origin}</strong> wants to save a PIN for <strong>{c.alias}</strong> ({c.role}). Confirm only if you opened
                  this meeting's link from your invitation.
                </>
              ) : (
                <>
                  A link opened on <strong>{c.origin}</strong> would {c.replaces ? 'replace' : 'add to'} what you saved for <strong>{c.alias}</strong> ({c.role}).
                  Confirm only if you expected a new PIN from the organizer.
                </>
              )}
            </p>
            <ul class="change-fields">
              {c.changes.map((f) => (
                <li key={f.field}>
                  {FIELD_NAMES[f.field]}: {shown(f.field, f.before)} → {shown(f.field, f.after)}
                </li>
              ))}
            </ul>
            <div class="buttons">
              <button type="button" class="primary change-confirm" id={`change-confirm-${c.id}`} aria-describedby={`change-${c.id}`} onClick={() => void confirm(c.id)}>Confirm</button>
              <button type="button" class="secondary change-discard" aria-describedby={`change-${c.id}`} onClick={() => void discard(c.id)}>Discard</button>
            </div>
          </li>
        ))}
      </ul>
    </section>
  );
}
