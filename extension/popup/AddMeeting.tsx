/**
 * The popup's two ways to add a meeting: the form (join link, room, role, PIN, start) and
 * "Paste an invite" (the drafts found, each confirmed with its role and PIN). Every control has a
 * label; problems are shown at their fields (Field.tsx) under a summary naming the fields.
 */
import type { Issue } from '../../core/types';
import { Field, TextField } from './Field';
import { draftOpensAt, draftsFromInvite, errorsByField, nodeLabel } from './forms';
import type { DraftChoice } from './forms';
import { FormErrors } from './MeetingList';

/** The add form's fields (strings, as inputs hold them). */
export interface AddForm {
  url: string;
  alias: string;
  role: string;
  pin: string;
  start: string;
}

/** Inputs of the add form, by the issue paths they hold. */
export const ADD_FIELDS: Readonly<Record<string, string>> = { url: 'f-url', alias: 'f-alias', role: 'f-role', pin: 'f-pin', startsAt: 'f-start' };
/** Inputs of draft `index`, by the issue paths they hold. */
export const draftFields = (index: number): Readonly<Record<string, string>> => ({ role: `d-role-${index}`, pin: `d-pin-${index}` });

type Problems = { summary: string; issues: Issue[] } | null;

const when = (ms: number): string => new Date(ms).toLocaleString([], { dateStyle: 'medium', timeStyle: 'short' });

/** The add-by-hand form. */
export function AddMeeting(props: {
  form: AddForm;
  noPin: boolean;
  problems: Problems;
  onInput: (change: Partial<AddForm>) => void;
  onNoPin: (value: boolean) => void;
  onSubmit: (event: Event) => void;
}) {
  const { form, noPin, problems } = props;
  const errors = errorsByField(problems?.issues ?? [], ADD_FIELDS);
  const text = (name: 'url' | 'alias' | 'pin' | 'start', label: string, type = 'text', hint?: string, disabled = false) => (
    <TextField id={`f-${name}`} label={label} hint={hint} error={errors.get(`f-${name}`)} type={type} name={name} value={form[name]} disabled={disabled} onValue={(value) => props.onInput({ [name]: value })} />
  );
  return (
    <section aria-labelledby="add-heading">
      <h2 id="add-heading">Add a meeting</h2>
      <form id="add" class="card stack" noValidate onSubmit={props.onSubmit}>
        {problems ? <FormErrors summary={problems.summary} issues={problems.issues} fields={ADD_FIELDS} /> : null}
        {text('url', 'Join link', 'text', 'The link from your invitation, e.g. https://meet.example.com/webapp3/m/team-room')}
        {text('alias', 'Room name (only if the link has none)', 'text', 'The part after /m/ in a join link, e.g. team-room')}
        <Field
          id="f-role"
          label="Joining as"
          error={errors.get('f-role')}
          control={(aria) => (
            <select {...aria} name="role" value={form.role} onChange={(e) => props.onInput({ role: (e.target as HTMLSelectElement).value })}>
              <option value="guest">Guest</option>
              <option value="host">Host</option>
            </select>
          )}
        />
        {text('pin', 'PIN', 'password', undefined, noPin && form.role === 'guest')}
        {form.role === 'guest' ? (
          <label class="check">
            <input id="f-no-pin" type="checkbox" checked={noPin} onChange={(e) => props.onNoPin((e.target as HTMLInputElement).checked)} /> No PIN needed (guests join without one)
          </label>
        ) : null}
        {text('start', 'Meeting start (optional)', 'datetime-local', 'With a start time, SecureJoin waits until shortly before it to fill the PIN.')}
        <div class="buttons">
          <button type="submit" class="primary">Save</button>
        </div>
      </form>
    </section>
  );
}

/** When a draft's code opens, in the user's words. */
function draftWhen(d: DraftChoice): string {
  const opens = draftOpensAt(d.draft, Date.now());
  if (opens === null) return 'Code opens: no time set in the invitation. SecureJoin will ask on the join page before filling it.';
  return `Code opens: ${when(opens)}${d.draft.recurrence ? ' (the next meeting of the series; each one opens the same way)' : ''}`;
}

/** "Paste an invite": the text box, Find meetings, and one card per meeting found. */
export function PasteInvite(props: {
  invite: string;
  drafts: DraftChoice[];
  nodeNames: ReadonlyMap<string, string>;
  problemsAt: (where: number) => Problems;
  onInvite: (text: string) => void;
  onFind: (found: DraftChoice[]) => void;
  onDraft: (index: number, change: Partial<DraftChoice>) => void;
  onSaveDraft: (choice: DraftChoice, index: number) => void;
}) {
  return (
    <section aria-labelledby="paste-heading">
      <h2 id="paste-heading">Paste an invite</h2>
      <div class="card stack">
        <Field
          id="invite"
          label="Invitation text"
          hint="Copy the whole invitation from your mail or calendar and paste it here. Nothing is saved until you press Save."
          control={(aria) => <textarea {...aria} rows={3} value={props.invite} onInput={(e) => props.onInvite((e.target as HTMLTextAreaElement).value)} />}
        />
        <div class="buttons">
          <button type="button" class="secondary" id="parse-invite" onClick={() => props.onFind(draftsFromInvite(props.invite))}>
            Find meetings
          </button>
        </div>
      </div>
      <ul id="drafts" class="cards">
        {props.drafts.map((d, i) => {
          const problems = props.problemsAt(i);
          const errors = errorsByField(problems?.issues ?? [], draftFields(i));
          const pins = d.draft.pinOptions;
          return (
            <li key={`${d.draft.url}-${i}`} class="draft card stack">
              <p class="title">
                <strong>{d.draft.alias}</strong>
              </p>
              <small class="node">On {nodeLabel(d.draft.url, props.nodeNames)}</small>
              <small class="draft-when">{draftWhen(d)}</small>
              {problems ? <FormErrors summary={problems.summary} issues={problems.issues} fields={draftFields(i)} /> : null}
              <Field
                id={`d-role-${i}`}
                label="Joining as"
                error={errors.get(`d-role-${i}`)}
                control={(aria) => (
                  <select {...aria} class="draft-role" value={d.role} onChange={(e) => props.onDraft(i, { role: (e.target as HTMLSelectElement).value as 'host' | 'guest' })}>
                    <option value="guest">Guest</option>
                    <option value="host">Host</option>
                  </select>
                )}
              />
              <Field
                id={`d-pin-${i}`}
                label={pins.length > 1 ? `PIN (${pins.length} codes found: pick yours)` : pins.length === 1 ? 'PIN (found in the invitation)' : 'PIN (not found in the text: type it)'}
                error={errors.get(`d-pin-${i}`)}
                control={(aria) =>
                  pins.length > 0 ? (
                    <select {...aria} class="draft-pin" value={d.pin} onChange={(e) => props.onDraft(i, { pin: (e.target as HTMLSelectElement).value })}>
                      {/* Masked: the PIN is shown only by its last two digits, as bank apps do. */}
                      {pins.map((p, n) => (
                        <option value={p}>{`Code ${n + 1}: ending in ${p.slice(-2)} (${p.length} characters)`}</option>
                      ))}
                    </select>
                  ) : (
                    <input {...aria} class="draft-pin" type="password" value={d.pin} onInput={(e) => props.onDraft(i, { pin: (e.target as HTMLInputElement).value })} />
                  )
                }
              />
              <div class="buttons">
                <button type="button" class="primary draft-save" aria-label={`Save ${d.draft.alias}`} onClick={() => props.onSaveDraft(d, i)}>
                  Save
                </button>
              </div>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
