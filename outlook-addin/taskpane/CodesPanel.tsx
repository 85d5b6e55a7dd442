/** The meeting's codes, and per-invitee passcodes: personal messages and the roster export. */
import type { PaneController, PaneState } from './controller';
import { BUTTON } from '../logic/wording';
import { download } from './download';

/** Host and guest PIN, access code, shared passcode. */
export function CodesPanel({ state }: { state: PaneState }) {
  const s = state.security;
  if (!s) return null;
  return (
    <section id="codes" aria-label="Codes">
      <dl>
        <dt>Meeting link alias</dt>
        <dd id="code-alias">{s.alias}</dd>
        {s.hostPin && (
          <>
            <dt>Host PIN (keep to yourself)</dt>
            <dd id="code-host-pin">{s.hostPin}</dd>
          </>
        )}
        {s.guestPin && (
          <>
            <dt>Guest PIN</dt>
            <dd id="code-guest-pin">{s.guestPin}</dd>
          </>
        )}
        {s.accessCode && (
          <>
            <dt>Access code (the meeting's conference ID{s.passcodeMode === 'per-invitee' ? ', hosts only' : ''})</dt>
            <dd id="code-access">{s.accessCode}</dd>
          </>
        )}
        {s.sharedPasscode && (
          <>
            <dt>Shared passcode</dt>
            <dd id="code-shared-passcode">{s.sharedPasscode}</dd>
          </>
        )}
      </dl>
    </section>
  );
}

/** One personal message per invitee (mailto link + text) and the roster CSV export. */
export function InviteesPanel({ state, controller }: { state: PaneState; controller: PaneController }) {
  const roster = state.security?.roster;
  if (!roster) return null;
  return (
    <section id="invitees" aria-label="Invitees">
      <h2>Personal passcodes ({roster.invitees.length})</h2>
      <p id="hosts-only" class="bar">
        The link and access code in the invite admit hosts only (with the host PIN). Every invitee gets the same invite; send each one their
        personal message: their own link, passcode and dial-in conference ID.
      </p>
      <ul id="roster">
        {roster.invitees.map((i) => (
          <li data-email={i.email}>
            <span class="invitee">{i.name}</span> <span class="email">({i.email})</span> <code class="passcode">{i.passcode}</code>
            {i.dialAlias && <> <code class="dial-alias">{i.dialAlias}</code></>}
          </li>
        ))}
      </ul>
      <details id="personal-messages">
        <summary>Personal messages</summary>
        {state.messages.map((m) => (
          <article data-email={m.email}>
            <a href={`mailto:${encodeURIComponent(m.email)}?subject=${encodeURIComponent(m.subject)}&body=${encodeURIComponent(m.text)}`}>Email {m.name} ({m.email})</a>
            <pre>{m.text}</pre>
          </article>
        ))}
      </details>
      <button
        id="export-roster"
        type="button"
        onClick={() => {
          void controller.rosterCsv().then((csv) => csv && download(`securejoin-roster-${state.security?.alias ?? 'meeting'}.csv`, csv));
        }}
      >
        {BUTTON.exportRoster}
      </button>
    </section>
  );
}
