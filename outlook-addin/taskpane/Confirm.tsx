/**
 * An inline confirmation for a destructive action (Office blocks `window.confirm` in add-ins):
 * a warning bar with the question, the action and Cancel. Cancel takes the focus when it opens
 * (the safe choice under a stray Enter); Escape cancels.
 */
import { useEffect, useRef } from 'preact/hooks';

export function Confirm({ id, question, action, onConfirm, onCancel }: { id: string; question: string; action: string; onConfirm: () => void; onCancel: () => void }) {
  const cancel = useRef<HTMLButtonElement>(null);
  useEffect(() => cancel.current?.focus(), []);
  return (
    <div id={id} class="bar warning" role="group" aria-labelledby={`${id}-text`} onKeyDown={(e) => e.key === 'Escape' && onCancel()}>
      <p id={`${id}-text`}>{question}</p>
      <div class="actions">
        <button id={`${id}-yes`} type="button" class="primary" onClick={onConfirm}>
          {action}
        </button>
        <button id={`${id}-no`} type="button" ref={cancel} onClick={onCancel}>
          Cancel
        </button>
      </div>
    </div>
  );
}
