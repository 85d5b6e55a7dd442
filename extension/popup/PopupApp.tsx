/**
 * The popup: upcoming meetings (role, node, when the code opens, attempts used), add by hand,
 * paste an invite (core's parseInvite; the user confirms each meeting found), delete.
 * It speaks to attendees: a node by the name the admin's policy gives it (else its host name),
 * plain labels with hints, problems named by field. Preact escapes every text it renders;
 * nothing here builds HTML from strings.
 */
import { useEffect, useState } from 'preact/hooks';
import type { UiRequest } from '../messaging/messages';
import type { MeetingSummary, UiAnswer } from '../background/ui';
import type { Issue } from '../../core/types';
import { draftOpensAt, draftsFromInvite, draftToInput, editChangesOf, editFormOf, nodeLabel, nodeNamesOf, plainIssue } from './forms';
import type { DraftChoice, EditForm } from './forms';

/** What the popup needs from the browser (injected, so it renders in tests without one). */
export interface PopupProps {
  send: (msg: UiRequest) => Promise<unknown>;
  /** Asks for host permission on a node (must run inside the click that asks). */
  requestOrigin: (origin: string) => Promise<boolean>;
}

const when = (ms: number | null): string => new Date(ms ?? 0).toLocaleString([], { dateStyle: 'medium', timeStyle: 'short' });
/** When the saved PIN can be used, in the user's words and zone. */
const opensText = (ms: number | null): string => (ms === null ? 'No meeting time saved: SecureJoin fills the PIN whenever you open the meeting.' : `You can join from ${when(ms)}.`);
const NEEDS_PERMISSION = 'SecureJoin needs your permission for this meeting site to fill the PIN there.';

/** The https origin typed in a node/link field, or null (loopback development nodes need no prompt). */
function httpsOriginOf(url: string): string | null {
  try {
    const u = new URL(url.trim());
    return u.protocol === 'https:' ? u.origin : null;
  } catch {
    return null;
  }
}

/** The popup's root component. */
export function PopupApp({ send, requestOrigin }: PopupProps) {
  const [meetings, setMeetings] = useState<MeetingSummary[] | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const [errors, setErrors] = useState<Issue[]>([]);
  const [form, setForm] = useState({ url: '', alias: '', role: 'guest', pin: '', start: '' });
  const [noPin, setNoPin] = useState(false);
  const [nodeNames, setNodeNames] = useState<Map<string, string>>(new Map());
  const [invite, setInvite] = useState('');
  const [drafts, setDrafts] = useState<DraftChoice[]>([]);
  const [editing, setEditing] = useState<{ id: string; form: EditForm } | null>(null);

  const reload = async (): Promise<void> => {
    const answer = (await send({ type: 'meetings:list' })) as UiAnswer;
    if (answer.ok && 'meetings' in answer) setMeetings(answer.meetings);
  };
  useEffect(() => {
    void reload();
    // The admin's names for conference nodes ("EU meeting platform"), shown instead of addresses.
    void send({ type: 'settings:get' }).then((answer) => setNodeNames(nodeNamesOf(answer)), () => undefined);
  }, []);

  const save = async (input: Record<string, unknown>): Promise<boolean> => {
    const answer = (await send({ type: 'meetings:add', input })) as UiAnswer;
    if (!answer.ok) {
      setMessage(answer.error);
      setErrors(answer.errors ?? []);
      return false;
    }
    setMessage('Saved.');
    setErrors([]);
    await reload();
    return true;
  };

  const onAdd = (event: Event): void => {
    event.preventDefault();
    // Ask for the node's host permission inside this click (browsers require a user gesture).
    const origin = httpsOriginOf(form.url);
    const granted = origin ? requestOrigin(origin).catch(() => false) : Promise.resolve(true);
    void granted.then(async (ok) => {
      if (!ok) {
        setMessage(NEEDS_PERMISSION);
        return;
      }
      // "No PIN needed" is the vault's `none`: a guest of a room whose guests need no PIN.
      const pin = noPin && form.role === 'guest' ? 'none' : form.pin;
      const input: Record<string, unknown> = { url: form.url, alias: form.alias || undefined, role: form.role, pin };
      if (form.start) input.startsAt = new Date(form.start).getTime();
      if (await save(input)) {
        setForm({ url: '', alias: '', role: 'guest', pin: '', start: '' });
        setNoPin(false);
      }
    });
  };

  const onPaste = (): void => {
    const found = draftsFromInvite(invite);
    setDrafts(found);
    setMessage(
      found.length === 0
        ? 'No meeting link found in this text. Paste the whole invitation, including its join link.'
        : `Found ${found.length} ${found.length === 1 ? 'meeting' : 'meetings'}. Check each one and press Save.`,
    );
  };

  const confirmDraft = (choice: DraftChoice, index: number): void => {
    const origin = httpsOriginOf(choice.draft.url);
    const granted = origin ? requestOrigin(origin).catch(() => false) : Promise.resolve(true);
    void granted.then(async (ok) => {
      if (!ok) return setMessage(NEEDS_PERMISSION);
      if (await save(draftToInput(choice))) setDrafts(drafts.filter((_, i) => i !== index));
    });
  };
  const setDraft = (index: number, change: Partial<DraftChoice>): void => setDrafts(drafts.map((d, i) => (i === index ? { ...d, ...change } : d)));

  const onSaveEdit = async (event: Event): Promise<void> => {
    event.preventDefault();
    if (!editing) return;
    const checked = editChangesOf(editing.form);
    if (!checked.ok) {
      setMessage('Please check the highlighted fields.');
      setErrors(checked.errors);
      return;
    }
    const answer = (await send({ type: 'meetings:update', id: editing.id, changes: checked.changes })) as UiAnswer;
    if (!answer.ok) {
      setMessage(answer.error);
      setErrors(answer.errors ?? []);
      return;
    }
    setMessage('Saved.');
    setErrors([]);
    setEditing(null);
    await reload();
  };
  const editField = (name: 'label' | 'pin' | 'start' | 'end', label: string, type = 'text') =>
    editing ? (
      <>
        <label for={`e-${name}`}>{label}</label>
        <input id={`e-${name}`} type={type} value={editing.form[name]} onInput={(e) => setEditing({ ...editing, form: { ...editing.form, [name]: (e.target as HTMLInputElement).value } })} />
      </>
    ) : null;

  const onDelete = async (id: string): Promise<void> => {
    await send({ type: 'meetings:delete', id });
    await reload();
  };

  const field = (name: keyof typeof form, label: string, type = 'text', hint?: string, disabled = false) => (
    <>
      <label for={`f-${name}`}>{label}</label>
      <input id={`f-${name}`} name={name} type={type} value={form[name]} disabled={disabled} aria-describedby={hint ? `f-${name}-hint` : undefined} onInput={(e) => setForm({ ...form, [name]: (e.target as HTMLInputElement).value })} />
      {hint ? <small id={`f-${name}-hint`} class="hint">{hint}</small> : null}
    </>
  );

  return (
    <main>
      <h1>Your meetings</h1>
      {meetings === null ? <p>Loading…</p> : meetings.length === 0 ? <p id="empty">No saved meetings.</p> : null}
      <ul id="meetings">
        {(meetings ?? []).map((m) => (
          <li key={m.id} data-id={m.id}>
            <span>
              <strong>{m.label ?? m.alias}</strong> ({m.role})
              <small class="node">On {nodeLabel(m.origin, nodeNames)}</small>
              <small>{opensText(m.opensAt)}</small>
              <small class={m.attemptsUsed > 0 ? 'warn' : ''}>Wrong PINs so far: {m.attemptsUsed} of {m.limit}</small>
            </span>
            <button type="button" aria-label={`Edit ${m.alias}`} onClick={() => setEditing({ id: m.id, form: editFormOf(m) })}>Edit</button>
            <button type="button" aria-label={`Delete ${m.alias}`} onClick={() => void onDelete(m.id)}>Delete</button>
          </li>
        ))}
      </ul>
      {editing ? (
        <form id="edit" onSubmit={(e) => void onSaveEdit(e)}>
          <h1>Edit meeting</h1>
          {editField('label', 'Name for this meeting')}
          <label for="e-role">Joining as</label>
          <select id="e-role" value={editing.form.role} onChange={(e) => setEditing({ ...editing, form: { ...editing.form, role: (e.target as HTMLSelectElement).value as 'host' | 'guest' } })}>
            <option value="guest">Guest</option>
            <option value="host">Host</option>
          </select>
          {editField('pin', 'New PIN (leave empty to keep the saved one)', 'password')}
          {editField('start', 'Start', 'datetime-local')}
          {editField('end', 'End', 'datetime-local')}
          <p>
            <button type="submit">Save changes</button> <button type="button" onClick={() => setEditing(null)}>Cancel</button>
          </p>
        </form>
      ) : null}
      <form id="add" onSubmit={onAdd}>
        <h1>Add a meeting</h1>
        {field('url', 'Meeting link', 'text', 'The join link from your invitation, e.g. https://meet.example.com/webapp3/m/team-room')}
        {field('alias', 'Room name (only if the link has none)', 'text', 'The part after /m/ in a join link, e.g. team-room')}
        <label for="f-role">Joining as</label>
        <select id="f-role" name="role" value={form.role} onChange={(e) => setForm({ ...form, role: (e.target as HTMLSelectElement).value })}>
          <option value="guest">Guest</option>
          <option value="host">Host</option>
        </select>
        {field('pin', 'PIN', 'password', undefined, noPin && form.role === 'guest')}
        {form.role === 'guest' ? (
          <label class="check">
            <input id="f-no-pin" type="checkbox" checked={noPin} onChange={(e) => setNoPin((e.target as HTMLInputElement).checked)} /> No PIN needed (guests join without one)
          </label>
        ) : null}
        {field('start', 'Meeting start (optional)', 'datetime-local', 'With a start time, SecureJoin waits until shortly before it to fill the PIN.')}
        <p><button type="submit">Save</button></p>
      </form>
      <h1>Paste an invite</h1>
      <label for="invite">Invitation text</label>
      <textarea id="invite" rows={3} value={invite} aria-describedby="invite-hint" onInput={(e) => setInvite((e.target as HTMLTextAreaElement).value)} />
      <small id="invite-hint" class="hint">Copy the whole invitation from your mail or calendar and paste it here. Nothing is saved until you press Save.</small>
      <p><button type="button" id="parse-invite" onClick={onPaste}>Find meetings</button></p>
      <ul id="drafts">
        {drafts.map((d, i) => (
          <li key={`${d.draft.url}-${i}`} class="draft">
            <span>
              <strong>{d.draft.alias}</strong> <small class="node">On {nodeLabel(d.draft.url, nodeNames)}</small> <small class="draft-when">{opensText(draftOpensAt(d.draft, Date.now()))}{d.draft.recurrence ? ' (the next meeting of the series; each one opens the same way)' : ''}</small>
              <label for={`d-role-${i}`}>Joining as</label>
              <select id={`d-role-${i}`} class="draft-role" value={d.role} onChange={(e) => setDraft(i, { role: (e.target as HTMLSelectElement).value as 'host' | 'guest' })}>
                <option value="guest">Guest</option>
                <option value="host">Host</option>
              </select>
              <label for={`d-pin-${i}`}>{d.draft.pinOptions.length > 1 ? `PIN (${d.draft.pinOptions.length} codes found: pick yours)` : d.draft.pinOptions.length === 1 ? 'PIN (found in the invitation)' : 'PIN (not found in the text: type it)'}</label>
              {d.draft.pinOptions.length > 0 ? (
                <select id={`d-pin-${i}`} class="draft-pin" value={d.pin} onChange={(e) => setDraft(i, { pin: (e.target as HTMLSelectElement).value })}>
                  {/* Masked: the PIN is shown only by its last two digits, as bank apps do. */}
                  {d.draft.pinOptions.map((p, n) => <option value={p}>{`Code ${n + 1}: ending in ${p.slice(-2)} (${p.length} characters)`}</option>)}
                </select>
              ) : (
                <input id={`d-pin-${i}`} class="draft-pin" type="password" value={d.pin} onInput={(e) => setDraft(i, { pin: (e.target as HTMLInputElement).value })} />
              )}
            </span>
            <button type="button" class="draft-save" onClick={() => confirmDraft(d, i)}>Save</button>
          </li>
        ))}
      </ul>
      {message ? <p id="message" role="status">{message}</p> : null}
      {errors.length > 0 ? (
        <ul class="error" id="errors">
          {errors.map((e) => (
            <li key={e.path}>{plainIssue(e)}</li>
          ))}
        </ul>
      ) : null}
    </main>
  );
}
