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

/** The options page's root component. */
export function OptionsApp({ send, requestOrigins }: OptionsProps) {
  const [loaded, setLoaded] = useState<Loaded | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const [errors, setErrors] = useState<Issue[]>([]);
  const [importText, setImportText] = useState('');

  const reload = async (): Promise<void> => {
    const answer = (await send({ type: 'settings:get' })) as UiAnswer;
    if (answer.ok && 'policyState' in answer) setLoaded({ ...answer, prefs: (answer.prefs ?? {}) as Record<string, any> });
  };
  useEffect(() => void reload(), []);
  if (!loaded) return <main><p>Loading…</p></main>;

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
      return;
    }
    if ('added' in answer) {
      const expired = answer.expired > 0 ? `, ${answer.expired} left out (past the days PINs are kept)` : '';
      setMessage(`Imported: ${answer.added} added, ${answer.updated} updated, ${answer.unchanged} unchanged, ${answer.conflicts.length} with a different PIN${expired}.`);
    }
    setErrors([]);
  };
  const nodes = policy.nodes.map((n) => n.origin);

  return (
    <main>
      <h1>Autofill</h1>
      <label for="mode">Mode {isLocked(MODE) ? '(locked by your administrator)' : ''}</label>
      <select id="mode" disabled={isLocked(MODE)} value={current.mode} onChange={(e) => set('autofill', 'mode', (e.target as HTMLSelectElement).value)}>
        {AUTOFILL_MODES.map((m) => (
          <option value={m}>{m === 'off' ? 'Off' : m === 'fill' ? 'Fill the PIN (I press Join)' : 'Fill and join'}</option>
        ))}
      </select>
      <label for="warn">Stop and warn when this many attempts are left {isLocked(WARN) ? '(locked)' : ''}</label>
      <input id="warn" type="number" min={0} max={19} disabled={isLocked(WARN)} value={current.warn} onChange={(e) => set('autofill', 'warnAtRemaining', Number((e.target as HTMLInputElement).value))} />
      <label for="retention">Keep PINs this many days after the meeting {isLocked(RETENTION) ? '(locked)' : ''}</label>
      <input id="retention" type="number" min={0} max={365} disabled={isLocked(RETENTION)} value={current.retention} onChange={(e) => set('savedPins', 'retentionDays', Number((e.target as HTMLInputElement).value))} />

      <h1>Policy</h1>
      <p id="policy-source">
        {loaded.policyState.source === 'managed'
          ? "Your administrator's policy is in force."
          : loaded.policyState.source === 'invalid'
            ? "Your administrator's policy is broken: SecureJoin fills and saves nothing until it is fixed."
            : 'No administrator policy: secure defaults apply.'}
      </p>
      <PolicyProblem policyState={loaded.policyState} />
      {nodes.length > 0 ? (
        <p>
          Conference nodes: {nodes.join(', ')}{' '}
          <button type="button" onClick={() => void requestOrigins(nodes.filter((o) => o.startsWith('https://')))}>Allow SecureJoin on these nodes</button>
        </p>
      ) : null}

      <h1>Saved PINs</h1>
      <p><button type="button" id="export" onClick={() => void onExport()}>Export…</button></p>
      <label for="import">Import (paste an exported file)</label>
      <textarea id="import" rows={4} value={importText} onInput={(e) => setImportText((e.target as HTMLTextAreaElement).value)} />
      <p><button type="button" id="import-button" onClick={() => void onImport()}>Import</button></p>
      {message ? <p id="message" role="status">{message}</p> : null}
      {errors.length > 0 ? <ul class="error" id="errors">{errors.map((e) => <li key={e.path}>{e.path}: {e.message}</li>)}</ul> : null}
      {loaded.ignored.length > 0 ? <ul class="warn">{loaded.ignored.map((e) => <li key={e.path}>Not applied: {e.path}: {e.message}</li>)}</ul> : null}
    </main>
  );
}
