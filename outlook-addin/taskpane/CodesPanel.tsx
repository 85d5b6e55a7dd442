/** The meeting's codes, and per-invitee passcodes: personal messages and the roster export. */
import type { PaneController, PaneState } from './controller';
import { BUTTON } from '../logic/wording';
import { download } from './download';
import { deliveryOf, wasDelivered } from '../logic/delivery';
import type { Invitee } from '../../core/roster';

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

/** An invitee's delivery as the pane says it: delivered (when), failed or throttled (why, with a retry), or not sent yet. */
function deliveryState(state: PaneState, invitee: Invitee): { state: 'delivered' | 'failed' | 'pending'; text: string } {
  const record = deliveryOf(state.deliveries, invitee.email);
  if (record && wasDelivered(state.deliveries, invitee)) {
    const at = new Intl.DateTimeFormat(state.meeting?.locale || undefined, { hour: '2-digit', minute: '2-digit', timeZone: state.meeting?.timeZone || undefined }).format(record.at);
    return { state: 'delivered', text: `Personal message delivered (${at})` };
  }
  const last = state.lastRun[invitee.email];
  if (last && last.state !== 'delivered') return { state: 'failed', text: `Not delivered: ${last.message}` };
  return { state: 'pending', text: record ? 'No personal message for the current codes yet' : 'No personal message yet' };
}

/** One personal message per invitee: sent through Microsoft Graph in one step (or by hand), the roster CSV export. */
export function InviteesPanel({ state, controller }: { state: PaneState; controller: PaneController }) {
  const roster = state.security?.roster;
  if (!roster) return null;
  const missing = roster.invitees.filter((i) => !wasDelivered(state.deliveries, i)).length;
  return (
    <section id="invitees" aria-label="Invitees">
      <h2>Personal passcodes ({roster.invitees.length})</h2>
      <p id="hosts-only" class="bar">
        The link and access code in the invite admit hosts only (with the host PIN). Every invitee gets the same invite, and from you a personal message with
        their own link, passcode and phone steps.
      </p>
      <ul id="roster">
        {roster.invitees.map((i) => {
          const delivery = deliveryState(state, i);
          return (
            <li data-email={i.email} data-delivery={delivery.state}>
              <span class="invitee">{i.name}</span> <span class="email">({i.email})</span> <code class="passcode">{i.passcode}</code>
              {i.dialAlias && <> <code class="dial-alias">{i.dialAlias}</code></>}
              <br />
              <span class="delivery">{delivery.text}</span>
              {delivery.state === 'failed' && (
                <>
                  {' '}
                  <button type="button" class="retry" aria-disabled={state.busy || undefined} onClick={() => state.busy || void controller.sendPersonal([i.email])}>
                    Retry {i.name}
                  </button>
                </>
              )}
            </li>
          );
        })}
      </ul>
      {missing > 0 && (
        <button id="send-personal" type="button" class="primary" aria-disabled={state.busy || undefined} onClick={() => state.busy || void controller.sendPersonal()}>
          {BUTTON.sendPersonal} ({missing})
        </button>
      )}
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
