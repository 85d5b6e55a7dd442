/**
 * The popup: saved meetings (role, node, when the code opens, attempts used) with edit and
 * delete (MeetingList.tsx), add by hand, paste an invite (core's parseInvite; the user confirms
 * each meeting found). It speaks to attendees: a node by the name the admin's policy gives it
 * (else its host name), plain labels with hints, each problem shown at its field (`aria-invalid`,
 * `aria-describedby`) with a summary naming the fields. A status ("Saved.") lasts until the user
 * types again or does the next thing. Preact escapes every text it renders; nothing here builds
 * HTML from strings.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import type { UiRequest } from '../messaging/messages';
import type { MeetingSummary, UiAnswer } from '../background/ui';
import type { Issue } from '../../core/types';
import { draftToInput, editChangesOf, errorSummary, nodeNamesOf } from './forms';
import type { DraftChoice, EditForm } from './forms';
import { MeetingList, EDIT_FIELDS, MEETINGS_HEADING, editButtonId } from './MeetingList';
import { AddMeeting, ADD_FIELDS, PasteInvite, draftFields } from './AddMeeting';
import type { AddForm } from './AddMeeting';
import { PendingChanges } from './PendingChanges';
import { PolicyProblem } from '../policy/PolicyProblem';
import type { PolicyState } from '../policy/managedPolicy';

/** What the popup needs from the browser (injected, so it renders in tests without one). */
export interface PopupProps {
  send: (msg: UiRequest) => Promise<unknown>;
  /** Asks for host permission on a node (must run inside the click that asks). */
  requestOrigin: (origin: string) => Promise<boolean>;
}

const NEEDS_PERMISSION = 'SecureJoin needs your permission for this meeting site to fill the PIN there.';
/** What the background says when only the fields are wrong; the popup's own summary names them instead. */
const GENERIC_FIELD_ERROR = 'Please check the highlighted fields.';
const EMPTY_FORM: AddForm = { url: '', alias: '', role: 'guest', pin: '', start: '' };

/** The https origin typed in a node/link field, or null (loopback development nodes need no prompt). */
function httpsOriginOf(url: string): string | null {
  try {
    const u = new URL(url.trim());
    return u.protocol === 'https:' ? u.origin : null;
  } catch {
    return null;
  }
}

/** A line under the header: what just happened. `ok` lines go when the user acts again. */
interface Status {
  text: string;
  tone: 'ok' | 'info' | 'error';
}

/** Which form the problems belong to: the add form, the edit form, or draft number n. */
export type ErrorPlace = 'add' | 'edit' | number;
interface FormProblems {
  where: ErrorPlace;
  summary: string;
  issues: Issue[];
}

/** The popup's root component. */
export function PopupApp({ send, requestOrigin }: PopupProps) {
  const [meetings, setMeetings] = useState<MeetingSummary[] | null>(null);
  const [status, setStatus] = useState<Status | null>(null);
  const [problems, setProblems] = useState<FormProblems | null>(null);
  const [form, setForm] = useState<AddForm>(EMPTY_FORM);
  const [noPin, setNoPin] = useState(false);
  const [nodeNames, setNodeNames] = useState<Map<string, string>>(new Map());
  const [invite, setInvite] = useState('');
  const [drafts, setDrafts] = useState<DraftChoice[]>([]);
  const [editing, setEditing] = useState<{ id: string; form: EditForm } | null>(null);
  const [confirmingDelete, setConfirmingDelete] = useState<string | null>(null);
  const [policyState, setPolicyState] = useState<PolicyState | null>(null);

  // Focus moves after the render that shows its target (a card, a form field, a heading).
  const pendingFocus = useRef<string | null>(null);
  const [, setFocusTick] = useState(0);
  const focus = (id: string): void => {
    pendingFocus.current = id;
    setFocusTick((n) => n + 1);
  };
  useEffect(() => {
    const id = pendingFocus.current;
    if (id === null) return;
    const el = document.getElementById(id);
    if (el) {
      pendingFocus.current = null;
      el.focus();
    }
  });

  const reload = async (): Promise<void> => {
    const answer = (await send({ type: 'meetings:list' })) as UiAnswer;
    if (answer.ok && 'meetings' in answer) setMeetings(answer.meetings);
  };
  useEffect(() => {
    void reload();
    void (send({ type: 'settings:get' }) as Promise<UiAnswer>).then((a) => {
      // The admin's names for conference nodes ("EU meeting platform"), shown instead of addresses.
      setNodeNames(nodeNamesOf(a));
      if (a.ok && 'policyState' in a) setPolicyState(a.policyState);
    }, () => undefined);
  }, []);

  /** The user typed or chose something: an old "Saved." no longer describes the screen. */
  const touched = (): void => {
    if (status?.tone === 'ok') setStatus(null);
  };
  /** Shows a form's problems at its fields, with the summary, and puts the focus on the first field named. */
  const showProblems = (where: ErrorPlace, error: string, issues: Issue[], fields: Readonly<Record<string, string>>): void => {
    const summary = issues.length > 0 && error === GENERIC_FIELD_ERROR ? errorSummary(issues) : error;
    setProblems({ where, summary, issues });
    setStatus(null);
    const first = issues.map((i) => fields[i.path.split('.')[0] ?? '']).find((id) => id !== undefined);
    if (first) focus(first);
  };
  const done = (text: string): void => {
    setProblems(null);
    setStatus({ text, tone: 'ok' });
  };

  const save = async (input: Record<string, unknown>, where: ErrorPlace, fields: Readonly<Record<string, string>>): Promise<boolean> => {
    const answer = (await send({ type: 'meetings:add', input })) as UiAnswer;
    if (!answer.ok) {
      showProblems(where, answer.error, answer.errors ?? [], fields);
      return false;
    }
    done('Saved.');
    await reload();
    return true;
  };

  const permitted = (url: string): Promise<boolean> => {
    // Ask for the node's host permission inside this click (browsers require a user gesture).
    const origin = httpsOriginOf(url);
    return origin ? requestOrigin(origin).catch(() => false) : Promise.resolve(true);
  };

  const onAdd = (event: Event): void => {
    event.preventDefault();
    void permitted(form.url).then(async (ok) => {
      if (!ok) return setStatus({ text: NEEDS_PERMISSION, tone: 'error' });
      // "No PIN needed" is the vault's `none`: a guest of a room whose guests need no PIN.
      const pin = noPin && form.role === 'guest' ? 'none' : form.pin;
      const input: Record<string, unknown> = { url: form.url, alias: form.alias || undefined, role: form.role, pin };
      if (form.start) input.startsAt = new Date(form.start).getTime();
      if (await save(input, 'add', ADD_FIELDS)) {
        setForm(EMPTY_FORM);
        setNoPin(false);
      }
    });
  };

  const onFind = (found: DraftChoice[]): void => {
    setDrafts(found);
    setProblems(null);
    setStatus({
      text:
        found.length === 0
          ? 'No meeting link found in this text. Paste the whole invitation, including its join link.'
          : `Found ${found.length} ${found.length === 1 ? 'meeting' : 'meetings'}. Check each one and press Save.`,
      tone: found.length === 0 ? 'error' : 'info',
    });
  };

  const confirmDraft = (choice: DraftChoice, index: number): void => {
    void permitted(choice.draft.url).then(async (ok) => {
      if (!ok) return setStatus({ text: NEEDS_PERMISSION, tone: 'error' });
      if (!(await save(draftToInput(choice), index, draftFields(index)))) return;
      // The saved draft's card goes: the focus moves to the next draft (it takes this index), else to the list it joined.
      focus(index < drafts.length - 1 ? `d-role-${index}` : MEETINGS_HEADING);
      setDrafts((all) => all.filter((_, i) => i !== index));
    });
  };

  const onSaveEdit = (event: Event): void => {
    event.preventDefault();
    if (!editing) return;
    const checked = editChangesOf(editing.form);
    if (!checked.ok) return showProblems('edit', GENERIC_FIELD_ERROR, checked.errors, EDIT_FIELDS);
    void (send({ type: 'meetings:update', id: editing.id, changes: checked.changes }) as Promise<UiAnswer>).then(async (answer) => {
      if (!answer.ok) return showProblems('edit', answer.error, answer.errors ?? [], EDIT_FIELDS);
      done('Saved.');
      setEditing(null);
      focus(editButtonId(editing.id));
      await reload();
    });
  };

  const onDelete = async (id: string, focusAfter: string): Promise<void> => {
    await send({ type: 'meetings:delete', id });
    setConfirmingDelete(null);
    done('Deleted.');
    await reload();
    focus(focusAfter);
  };

  const problemsAt = (where: ErrorPlace) => (problems !== null && problems.where === where ? { summary: problems.summary, issues: problems.issues } : null);

  return (
    <main>
      <header class="top">
        <h1>SecureJoin</h1>
        <p id="message" role="status" class={status ? `status ${status.tone}` : 'status'}>
          {status?.text ?? ''}
        </p>
      </header>
      <PolicyProblem policyState={policyState} />
      <PendingChanges
        send={send}
        focus={focus}
        focusWhenEmpty={MEETINGS_HEADING}
        onApplied={(text) => {
          setStatus({ text, tone: 'ok' });
          void reload();
        }}
      />
      <MeetingList
        meetings={meetings}
        nodeNames={nodeNames}
        editing={editing}
        confirmingDelete={confirmingDelete}
        editErrors={problemsAt('edit')}
        focus={focus}
        onEdit={(state) => {
          touched();
          if (problems?.where === 'edit') setProblems(null);
          setEditing(state);
        }}
        onEditInput={touched}
        onSaveEdit={onSaveEdit}
        onConfirmDelete={(id) => {
          touched();
          setConfirmingDelete(id);
        }}
        onDelete={(id, focusAfter) => void onDelete(id, focusAfter)}
      />
      <AddMeeting
        form={form}
        noPin={noPin}
        problems={problemsAt('add')}
        onInput={(change) => {
          touched();
          setForm({ ...form, ...change });
        }}
        onNoPin={(v) => {
          touched();
          setNoPin(v);
        }}
        onSubmit={onAdd}
      />
      <PasteInvite
        invite={invite}
        drafts={drafts}
        nodeNames={nodeNames}
        problemsAt={problemsAt}
        onInvite={(text) => {
          touched();
          setInvite(text);
        }}
        onFind={onFind}
        onDraft={(index, change) => {
          touched();
          setDrafts(drafts.map((d, i) => (i === index ? { ...d, ...change } : d)));
        }}
        onSaveDraft={confirmDraft}
      />
      <p class="muted footer">
        <a href="/options.html" target="_blank" rel="noopener">Settings</a>
      </p>
    </main>
  );
}
