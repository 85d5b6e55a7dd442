/**
 * The popup: upcoming meetings (role, node, when the code opens, attempts used), add by hand,
 * paste an invite (core's parseInvite; the user confirms each meeting found), delete.
 * Preact escapes every text it renders; nothing here builds HTML from strings.
 */
import { useEffect, useState } from 'preact/hooks';
import type { UiRequest } from '../messaging/messages';
import type { MeetingSummary, UiAnswer } from '../background/ui';
import type { Issue } from '../../core/types';
import { parseInvite } from '../../core/invite';
import { fromParsedInvite } from '../../core/vault';
import type { InviteDraft } from '../../core/vault';

/** What the popup needs from the browser (injected, so it renders in tests without one). */
export interface PopupProps {
  send: (msg: UiRequest) => Promise<unknown>;
  /** Asks for host permission on a node (must run inside the click that asks). */
  requestOrigin: (origin: string) => Promise<boolean>;
}

const when = (ms: number | null): string => (ms === null ? 'no time set' : new Date(ms).toLocaleString([], { dateStyle: 'medium', timeStyle: 'short' }));

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
  const [invite, setInvite] = useState('');
  const [drafts, setDrafts] = useState<InviteDraft[]>([]);

  const reload = async (): Promise<void> => {
    const answer = (await send({ type: 'meetings:list' })) as UiAnswer;
    if (answer.ok && 'meetings' in answer) setMeetings(answer.meetings);
  };
  useEffect(() => void reload(), []);

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
        setMessage('SecureJoin needs access to this node to fill the PIN there.');
        return;
      }
      const input: Record<string, unknown> = { url: form.url, alias: form.alias || undefined, role: form.role, pin: form.pin };
      if (form.start) input.startsAt = new Date(form.start).getTime();
      if (await save(input)) setForm({ url: '', alias: '', role: 'guest', pin: '', start: '' });
    });
  };

  const onPaste = (): void => {
    const found = fromParsedInvite(parseInvite(invite));
    setDrafts(found);
    setMessage(found.length === 0 ? 'No meeting found in this text.' : `Found ${found.length}. Check and confirm below.`);
  };

  const confirmDraft = (draft: InviteDraft, index: number): void => {
    const origin = httpsOriginOf(draft.url);
    const granted = origin ? requestOrigin(origin).catch(() => false) : Promise.resolve(true);
    void granted.then(async (ok) => {
      if (!ok) return setMessage('SecureJoin needs access to this node to fill the PIN there.');
      const { pinOptions: _options, ...input } = draft;
      if (await save(input as unknown as Record<string, unknown>)) setDrafts(drafts.filter((_, i) => i !== index));
    });
  };

  const onDelete = async (id: string): Promise<void> => {
    await send({ type: 'meetings:delete', id });
    await reload();
  };

  const field = (name: keyof typeof form, label: string, type = 'text') => (
    <>
      <label for={`f-${name}`}>{label}</label>
      <input id={`f-${name}`} name={name} type={type} value={form[name]} onInput={(e) => setForm({ ...form, [name]: (e.target as HTMLInputElement).value })} />
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
              <small>{m.origin}</small>
              <small>Code opens: {when(m.opensAt)}</small>
              <small class={m.attemptsUsed > 0 ? 'warn' : ''}>Attempts used: {m.attemptsUsed} of {m.limit}</small>
            </span>
            <button type="button" aria-label={`Delete ${m.alias}`} onClick={() => void onDelete(m.id)}>Delete</button>
          </li>
        ))}
      </ul>
      <form id="add" onSubmit={onAdd}>
        <h1>Add a meeting</h1>
        {field('url', 'Node address or join link')}
        {field('alias', 'Meeting alias (if not in the link)')}
        <label for="f-role">Role</label>
        <select id="f-role" name="role" value={form.role} onChange={(e) => setForm({ ...form, role: (e.target as HTMLSelectElement).value })}>
          <option value="guest">Guest</option>
          <option value="host">Host</option>
        </select>
        {field('pin', 'PIN ("none" if guests need none)', 'password')}
        {field('start', 'Start (optional)', 'datetime-local')}
        <p><button type="submit">Save</button></p>
      </form>
      <h1>Paste an invite</h1>
      <textarea id="invite" rows={3} value={invite} onInput={(e) => setInvite((e.target as HTMLTextAreaElement).value)} />
      <p><button type="button" id="parse-invite" onClick={onPaste}>Find meetings</button></p>
      <ul id="drafts">
        {drafts.map((d, i) => (
          <li key={`${d.url}-${i}`}>
            <span>
              <strong>{d.alias}</strong> ({d.role}) <small>{d.url}</small> <small>{d.pin ? 'PIN found' : 'no PIN found'}</small>
            </span>
            <button type="button" onClick={() => confirmDraft(d, i)}>Save</button>
          </li>
        ))}
      </ul>
      {message ? <p id="message" role="status">{message}</p> : null}
      {errors.length > 0 ? (
        <ul class="error" id="errors">
          {errors.map((e) => (
            <li key={e.path}>{e.path}: {e.message}</li>
          ))}
        </ul>
      ) : null}
    </main>
  );
}
