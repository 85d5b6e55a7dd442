/**
 * The options page: autofill mode, warning threshold, retention (locked settings shown as
 * locked), the admin policy in force (and, when it is broken, where), access to the policy's
 * nodes, and export/import of saved PINs (import is validated by core and never drops data).
 */
import { useEffect, useState } from 'preact/hooks';
import type { UiRequest } from '../messaging/messages';
import type { UiAnswer } from '../background/ui';
import type { PolicyState } from '../policy/managedPolicy';
import type { Issue } from '../../core/types';
import { AUTOFILL_MODES } from '../../core/policy';
import { PolicyProblem } from '../policy/PolicyProblem';
import { UNREADABLE_POLICY } from '../policy/unreadable';
import { Field } from '../popup/Field';

/** What the page needs from the browser. */
export interface OptionsProps {
  send: (msg: UiRequest) => Promise<unknown>;
  /** Asks for host permission on the given origins (inside the click). */
  requestOrigins: (origins: string[]) => Promise<boolean>;
}

interface Loaded {
  policyState: PolicyState;
  prefs: Record<string, any>;
  locked: string[];
  ignored: Issue[];
}

const MODE = 'attendee.autofill.mode';
const WARN = 'attendee.autofill.warnAtRemaining';
const RETENTION = 'attendee.savedPins.retentionDays';

/** The controls of the settings, by the preference paths they hold (for errors tied to fields). */
const SETTING_FIELDS: Readonly<Record<string, string>> = { [MODE]: 'mode', [WARN]: 'warn', [RETENTION]: 'retention' };
/** What the page calls each setting when it says what is wrong with it. */
const SETTING_NAMES: Readonly<Record<string, string>> = { [MODE]: 'Mode', [WARN]: 'Attempts left', [RETENTION]: 'Days PINs are kept' };
const settingName = (path: string): string => SETTING_NAMES[path] ?? path;

/** Errors of each setting's control, in plain words ("Days PINs are kept: ..."). */
function errorsByField(issues: readonly Issue[], fields: Readonly<Record<string, string>>): Map<string, string> {
  const byField = new Map<string, string>();
  for (const issue of issues) {
    const id = fields[issue.path];
    if (id !== undefined) byField.set(id, `${byField.has(id) ? `${byField.get(id)} ` : ''}${settingName(issue.path)}: ${issue.message}`);
  }
  return byField;
}

/** A problem in an imported file, by the meeting's place in it ("Meeting 1 in the file: ..."). */
function plainFileIssue(issue: Issue): string {
  const at = /^meetings\[(\d+)\]\.?(.*)$/.exec(issue.path);
  if (at === null) return issue.path === '' ? `The file: ${issue.message}` : `The file (${issue.path}): ${issue.message}`;
  return `Meeting ${Number(at[1]) + 1} in the file${at[2] ? ` (${at[2]})` : ''}: ${issue.message}`;
}
/** The options page's root component. */
export function OptionsApp({ send, requestOrigins }: OptionsProps) {
  const [loaded, setLoaded] = useState<Loaded | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const [errors, setErrors] = useState<Issue[]>([]);
  // Which control the errors belong to: the settings above, or the import box.
  const [errorsAt, setErrorsAt] = useState<'settings' | 'import'>('settings');
  const [importText, setImportText] = useState('');

  const reload = async (): Promise<void> => {
    const answer = (await send({ type: 'settings:get' })) as UiAnswer;
    if (answer.ok && 'policyState' in answer) setLoaded({ ...answer, prefs: (answer.prefs ?? {}) as Record<string, any> });
  };
  useEffect(() => void reload(), []);
  if (!loaded) return <main class="page"><p>Loading…</p></main>;

  const { policy } = loaded.policyState;
  const attendee = policy.attendee;
  const value = <T,>(path: string, fallback: T): T => {
    const [group, sub, key] = path.split('.').slice(1) as [string, string, string?];
    void key;
    return (loaded.prefs.attendee?.[group]?.[sub] ?? fallback) as T;
  };
  const current = {
    mode: value(MODE, attendee.autofill.mode.value),
    warn: value(WARN, attendee.autofill.warnAtRemaining.value),
    retention: value(RETENTION, attendee.savedPins.retentionDays.value),
  };
  const isLocked = (path: string) => loaded.locked.includes(path);

  const save = async (prefs: Record<string, any>): Promise<void> => {
    const answer = (await send({ type: 'settings:set', prefs })) as UiAnswer;
    if (answer.ok) {
      setMessage('Saved.');
      setErrors([]);
    } else {
      setMessage(answer.error);
      setErrors(answer.errors ?? []);
      setErrorsAt('settings');
    }
    await reload();
  };
  const set = (group: 'autofill' | 'savedPins', key: string, v: unknown): void => {
    const attendeePrefs = { ...(loaded.prefs.attendee ?? {}) };
    attendeePrefs[group] = { ...(attendeePrefs[group] ?? {}), [key]: v };
    // Locked settings are never sent (the background would refuse the whole change).
    for (const path of loaded.locked) {
      const [, g, k] = path.split('.') as [string, string, string];
      if (attendeePrefs[g]) delete attendeePrefs[g][k];
    }
    void save({ ...loaded.prefs, attendee: attendeePrefs });
  };

  const onExport = async (): Promise<void> => {
    const answer = (await send({ type: 'vault:export' })) as UiAnswer;
    if (!answer.ok || !('text' in answer)) return;
    const link = document.createElement('a');
    link.href = URL.createObjectURL(new Blob([answer.text], { type: 'application/json' }));
    link.download = 'securejoin-pins.json';
    link.click();
    URL.revokeObjectURL(link.href);
    setMessage('Exported. The file contains your PINs in clear: keep it safe.');
  };
  const onImport = async (): Promise<void> => {
    const answer = (await send({ type: 'vault:import', text: importText })) as UiAnswer;
    if (!answer.ok) {
      setMessage(answer.error);
      setErrors(answer.errors ?? []);
      setErrorsAt('import');
      return;
    }
    if ('added' in answer) {
      const expired = answer.expired > 0 ? `, ${answer.expired} left out (past the days PINs are kept)` : '';
      setMessage(`Imported: ${answer.added} added, ${answer.updated} updated, ${answer.unchanged} unchanged, ${answer.conflicts.length} with a different PIN${expired}.`);
    }
    setErrors([]);
  };
  const nodes = policy.nodes.map((n) => n.origin);
  const settingErrors = errorsByField(errors, SETTING_FIELDS);
  const importError = errors.length > 0 && errorsAt === 'import' ? errors.map(plainFileIssue).join(' ') : undefined;
  // The summary sits in the card of the controls it is about, and names them.
  const errorBox =
    errors.length > 0 ? (
      <div class="form-errors" id="errors" role="alert">
        <p>{errorsAt === 'import' ? 'The file was not imported. Check the Import box.' : `Not saved. Check ${[...new Set(errors.map((e) => settingName(e.path)))].join(', ')}.`}</p>
        <ul>
          {errors.map((e) => (
            <li key={`${e.path}:${e.message}`}>{errorsAt === 'import' ? plainFileIssue(e) : `${settingName(e.path)}: ${e.message}`}</li>
          ))}
        </ul>
      </div>
    ) : null;
  const locked = (path: string, long = false) => (isLocked(path) ? (long ? ' (locked by your administrator)' : ' (locked)') : '');

  return (
    <main class="page">
      <header class="top">
        <h1>SecureJoin settings</h1>
        <p id="message" role="status" class={message ? `status ${errors.length > 0 ? 'error' : 'ok'}` : 'status'}>
          {message ?? ''}
        </p>
      </header>
      <section aria-labelledby="autofill-heading">
        <h2 id="autofill-heading">Autofill</h2>
        <div class="card stack">
          {errorsAt === 'settings' ? errorBox : null}
          <Field
            id="mode"
            label={`Mode${locked(MODE, true)}`}
            error={settingErrors.get('mode')}
            control={(aria) => (
              <select {...aria} disabled={isLocked(MODE)} value={current.mode} onChange={(e) => set('autofill', 'mode', (e.target as HTMLSelectElement).value)}>
                {AUTOFILL_MODES.map((m) => (
                  <option value={m}>{m === 'off' ? 'Off' : m === 'fill' ? 'Fill the PIN (I press Join)' : 'Fill and join'}</option>
                ))}
              </select>
            )}
          />
          <Field
            id="warn"
            label={`Stop and warn when this many attempts are left${locked(WARN)}`}
            error={settingErrors.get('warn')}
            control={(aria) => (
              <input {...aria} type="number" min={0} max={19} disabled={isLocked(WARN)} value={current.warn} onChange={(e) => set('autofill', 'warnAtRemaining', Number((e.target as HTMLInputElement).value))} />
            )}
          />
          <Field
            id="retention"
            label={`Keep PINs this many days after the meeting${locked(RETENTION)}`}
            error={settingErrors.get('retention')}
            control={(aria) => (
              <input {...aria} type="number" min={0} max={365} disabled={isLocked(RETENTION)} value={current.retention} onChange={(e) => set('savedPins', 'retentionDays', Number((e.target as HTMLInputElement).value))} />
            )}
          />
        </div>
      </section>

      <section aria-labelledby="policy-heading">
        <h2 id="policy-heading">Policy</h2>
        <div class="card stack">
          <p id="policy-source">
            {loaded.policyState.source === 'managed'
              ? "Your administrator's policy is in force."
              : loaded.policyState.source === 'invalid'
                ? "Your administrator's policy is broken: SecureJoin fills and saves nothing until it is fixed."
                : loaded.policyState.source === 'unreadable'
                  ? `${UNREADABLE_POLICY}: SecureJoin fills and saves nothing until it is fixed.`
                  : 'No administrator policy: secure defaults apply.'}
          </p>
          <PolicyProblem policyState={loaded.policyState} />
          {nodes.length > 0 ? (
            <>
              <p>Conference nodes: {nodes.join(', ')}</p>
              <div class="buttons">
                <button type="button" class="secondary" onClick={() => void requestOrigins(nodes.filter((o) => o.startsWith('https://')))}>Allow SecureJoin on these nodes</button>
              </div>
            </>
          ) : null}
          {loaded.ignored.length > 0 ? <ul class="warn">{loaded.ignored.map((e) => <li key={e.path}>Not applied: {settingName(e.path)}: {e.message}</li>)}</ul> : null}
        </div>
      </section>

      <section aria-labelledby="saved-heading">
        <h2 id="saved-heading">Saved PINs</h2>
        <div class="card stack">
          <div class="buttons">
            <button type="button" class="secondary" id="export" onClick={() => void onExport()}>Export…</button>
          </div>
          <Field
            id="import"
            label="Import (paste an exported file)"
            error={importError}
            control={(aria) => <textarea {...aria} rows={4} value={importText} onInput={(e) => { setImportText((e.target as HTMLTextAreaElement).value); if (message === 'Saved.') setMessage(null); }} />}
          />
          <div class="buttons">
            <button type="button" class="primary" id="import-button" onClick={() => void onImport()}>Import</button>
          </div>
          {errorsAt === 'import' ? errorBox : null}
        </div>
      </section>
    </main>
  );
}
