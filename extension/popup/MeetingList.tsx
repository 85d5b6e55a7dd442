/**
 * The popup's saved meetings: one card per meeting (name, role, node, when its code opens,
 * wrong PINs so far) with Edit and Delete. Delete asks first, inline, with Cancel; Edit opens the
 * form inside the card with the focus in its first field. Escape cancels either and puts the
 * focus back on the button that opened it; after a delete the focus goes to the next card's
 * first button (else the previous card's, else the list's heading), never to the page body.
 */
import type { Issue } from '../../core/types';
import type { MeetingSummary } from '../background/ui';
import { Field, TextField } from './Field';
import { editFormOf, errorsByField, nodeLabel, plainIssue } from './forms';
import type { EditForm } from './forms';

/** Inputs of the edit form, by the issue paths they hold. */
export const EDIT_FIELDS: Readonly<Record<string, string>> = { label: 'e-label', role: 'e-role', pin: 'e-pin', startsAt: 'e-start', endsAt: 'e-end' };

/** The heading the focus goes to when no card is left to hold it. */
export const MEETINGS_HEADING = 'meetings-heading';

const when = (ms: number): string => new Date(ms).toLocaleString([], { dateStyle: 'medium', timeStyle: 'short' });

/** When a saved meeting's code can be used, in the user's words and zone. */
export function opensText(m: Pick<MeetingSummary, 'opensAt' | 'timeUnknown'>): string {
  if (m.opensAt !== null) return `Code opens: ${when(m.opensAt)}`;
  if (m.timeUnknown) return 'Code opens: no time set. SecureJoin asks on the join page before filling it.';
  return 'No meeting time saved: SecureJoin fills the PIN whenever you open the meeting.';
}

/** Ids of a card's controls (record ids are `A-Z a-z 0-9 _ - . :`, all fine in an id). */
export const editButtonId = (id: string): string => `edit-${id}`;
export const deleteButtonId = (id: string): string => `delete-${id}`;
const cancelDeleteId = (id: string): string => `delete-cancel-${id}`;

/** What the list needs from the popup. */
export interface MeetingListProps {
  meetings: MeetingSummary[] | null;
  nodeNames: ReadonlyMap<string, string>;
  editing: { id: string; form: EditForm } | null;
  confirmingDelete: string | null;
  /** Problems of the edit form (paths as in {@link EDIT_FIELDS}), with the summary above them. */
  editErrors: { summary: string; issues: Issue[] } | null;
  /** Moves the focus to the element with this id once it is on screen. */
  focus: (id: string) => void;
  onEdit: (state: { id: string; form: EditForm } | null) => void;
  onEditInput: () => void;
  onSaveEdit: (event: Event) => void;
  onConfirmDelete: (id: string | null) => void;
  onDelete: (id: string, focusAfter: string) => void;
}

/** The list of saved meetings. */
export function MeetingList(props: MeetingListProps) {
  const { meetings, nodeNames, editing, confirmingDelete, focus } = props;
  const list = meetings ?? [];
  const cancelEdit = (id: string): void => {
    props.onEdit(null);
    focus(editButtonId(id));
  };
  const cancelDelete = (id: string): void => {
    props.onConfirmDelete(null);
    focus(deleteButtonId(id));
  };
  return (
    <section aria-labelledby={MEETINGS_HEADING}>
      <h2 id={MEETINGS_HEADING} tabIndex={-1}>Your meetings</h2>
      {meetings === null ? <p class="muted">Loading…</p> : meetings.length === 0 ? <p id="empty" class="muted">No saved meetings yet. Add one below, or open a SecureJoin link from your invitation.</p> : null}
      <ul id="meetings" class="cards">
        {list.map((m, i) => {
          const name = m.name;
          const next = list[i + 1] ?? list[i - 1];
          return (
            <li key={m.id} data-id={m.id} class="card">
              <div class="card-row">
                <div class="card-text">
                  <p class="title">
                    <strong>{name}</strong> <span class="role">({m.role})</span>
                  </p>
                  <small class="node">On {nodeLabel(m.origin, nodeNames)}</small>
                  <small class={m.timeUnknown ? 'opens warn' : 'opens'}>{opensText(m)}</small>
                  <small class={m.attemptsUsed > 0 ? 'warn' : ''}>Wrong PINs so far: {m.attemptsUsed} of {m.limit}</small>
                </div>
                <div class="actions">
                  <button
                    type="button"
                    class="secondary"
                    id={editButtonId(m.id)}
                    aria-label={`Edit ${m.alias}`}
                    aria-expanded={editing?.id === m.id}
                    onClick={() => {
                      props.onConfirmDelete(null);
                      props.onEdit({ id: m.id, form: editFormOf(m) });
                      focus(EDIT_FIELDS.label!);
                    }}
                  >
                    Edit
                  </button>
                  <button
                    type="button"
                    class="danger-quiet"
                    id={deleteButtonId(m.id)}
                    aria-label={`Delete ${m.alias}`}
                    onClick={() => {
                      props.onEdit(null);
                      props.onConfirmDelete(m.id);
                      focus(cancelDeleteId(m.id));
                    }}
                  >
                    Delete
                  </button>
                </div>
              </div>
              {confirmingDelete === m.id ? (
                <div
                  class="confirm"
                  role="group"
                  aria-labelledby={`delete-question-${m.id}`}
                  onKeyDown={(e) => {
                    if (e.key === 'Escape') {
                      e.preventDefault();
                      cancelDelete(m.id);
                    }
                  }}
                >
                  <p id={`delete-question-${m.id}`}>Delete {name}? SecureJoin forgets its PIN in this browser.</p>
                  <div class="buttons">
                    <button type="button" class="danger" id={`delete-confirm-${m.id}`} onClick={() => props.onDelete(m.id, next ? editButtonId(next.id) : MEETINGS_HEADING)}>
                      Delete meeting
                    </button>
                    <button type="button" class="secondary" id={cancelDeleteId(m.id)} onClick={() => cancelDelete(m.id)}>
                      Cancel
                    </button>
                  </div>
                </div>
              ) : null}
              {editing?.id === m.id ? <EditMeeting {...props} editing={editing} onCancel={() => cancelEdit(m.id)} /> : null}
            </li>
          );
        })}
      </ul>
    </section>
  );
}

/** The edit form inside a card. */
function EditMeeting(props: MeetingListProps & { editing: { id: string; form: EditForm }; onCancel: () => void }) {
  const { editing, editErrors } = props;
  const errors = errorsByField(editErrors?.issues ?? [], EDIT_FIELDS);
  const set = (change: Partial<EditForm>): void => {
    props.onEditInput();
    props.onEdit({ ...editing, form: { ...editing.form, ...change } });
  };
  const text = (name: 'label' | 'pin' | 'start' | 'end', label: string, type = 'text', hint?: string) => (
    <TextField id={`e-${name}`} label={label} hint={hint} error={errors.get(`e-${name}`)} type={type} value={editing.form[name]} onValue={(value) => set({ [name]: value })} />
  );
  return (
    <form
      id="edit"
      class="stack"
      aria-labelledby="edit-heading"
      noValidate
      onSubmit={props.onSaveEdit}
      onKeyDown={(e) => {
        if (e.key === 'Escape') {
          e.preventDefault();
          props.onCancel();
        }
      }}
    >
      <h3 id="edit-heading">Edit meeting</h3>
      {editErrors ? <FormErrors summary={editErrors.summary} issues={editErrors.issues} fields={EDIT_FIELDS} /> : null}
      {text('label', 'Name for this meeting')}
      <Field
        id="e-role"
        label="Joining as"
        error={errors.get('e-role')}
        control={(aria) => (
          <select {...aria} value={editing.form.role} onChange={(e) => set({ role: (e.target as HTMLSelectElement).value as 'host' | 'guest' })}>
            <option value="guest">Guest</option>
            <option value="host">Host</option>
          </select>
        )}
      />
      {text('pin', 'New PIN', 'password', 'Leave empty to keep the saved one.')}
      {text('start', 'Start', 'datetime-local')}
      {text('end', 'End', 'datetime-local')}
      <div class="buttons">
        <button type="submit" class="primary">Save changes</button>
        <button type="button" class="secondary" onClick={props.onCancel}>Cancel</button>
      </div>
    </form>
  );
}

/**
 * A form's error summary ("Not saved. Check the Join link and PIN."), read out when it appears,
 * with the problems that belong to no single field (each other one is shown at its field).
 */
export function FormErrors({ summary, issues, fields }: { summary: string; issues: Issue[]; fields: Readonly<Record<string, string>> }) {
  const loose = issues.filter((i) => fields[i.path.split('.')[0] ?? ''] === undefined);
  return (
    <div class="form-errors" id="errors" role="alert">
      <p>{summary}</p>
      {loose.length > 0 ? (
        <ul>
          {loose.map((i) => (
            <li key={`${i.path}:${i.message}`}>{plainIssue(i)}</li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
