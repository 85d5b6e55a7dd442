/**
 * Browser script of the reference join page, bundled with esbuild (see `build.ts`).
 *
 * It drives Pexip's real browser SDK `@pexip/infinity` through the token phase of a call:
 * `call()` -> `request_token` (PIN prompt via `onPinRequired`, `setPin`) -> event stream.
 * We join as a control-only participant (`ClientCallType.None`): no camera, no microphone, no
 * media negotiation, so the page works headless and the node never has to speak WebRTC.
 *
 * What the page shows comes only from SDK signals: `onPinRequired`, `onError`, `onServiceType`
 * (`waiting_room` / `conference`) and `onParticipants`/`onParticipantJoined`/`onParticipantLeft`.
 * Every text is set with `textContent`, never `innerHTML`.
 */
import {
  ClientCallType,
  createCallSignals,
  createInfinityClient,
  createInfinityClientSignals,
} from '@pexip/infinity';
import type { InfinityClient, Participant } from '@pexip/infinity';

/** The join parameters webapp3 understands: `?name=&pin=&role=&join=1`. */
interface JoinParams {
  name: string | null;
  pin: string | null;
  role: 'host' | 'guest' | null;
  join: boolean;
}

/** The PIN the SDK must send for "no PIN": an empty `setPin('')` sends no header and loops. */
const NO_PIN = 'none';

const byId = <T extends HTMLElement>(id: string): T => {
  const el = document.getElementById(id);
  if (!el) throw new Error(`join page: missing #${id}`);
  return el as T;
};

/**
 * Watches the SDK's `request_token` answers for the node's Retry-After: Pexip's error only says
 * "Participant exceeded PIN entry retries", the header says when the limit lifts. The SDK calls
 * `window.fetch` at request time, so wrapping it here sees every answer; nothing else changes.
 * Returns the latest retry instant (page clock, ms), or null.
 */
function watchRetryAfter(): () => number | null {
  let retryAt: number | null = null;
  const nativeFetch = window.fetch.bind(window);
  window.fetch = async (input, init) => {
    const res = await nativeFetch(input, init);
    const url = input instanceof Request ? input.url : String(input);
    if (/\/request_token$/.test(new URL(url, window.location.href).pathname)) {
      const seconds = res.headers.get('retry-after');
      retryAt = seconds !== null && /^[0-9]{1,6}$/.test(seconds) ? Date.now() + Number(seconds) * 1000 : null;
    }
    return res;
  };
  return () => retryAt;
}

/** "Too many wrong PINs" with when to try again, in the reader's own time zone and language. */
function lockoutText(retryAt: number | null): string {
  if (retryAt === null) return 'Too many wrong PINs. Try again later.';
  const at = new Intl.DateTimeFormat(undefined, { hour: 'numeric', minute: '2-digit' }).format(retryAt);
  const minutes = Math.max(1, Math.ceil((retryAt - Date.now()) / 60_000));
  return `Too many wrong PINs. Try again at ${at} (in ${minutes} minute${minutes === 1 ? '' : 's'}).`;
}

/** Reads the join parameters, then strips them from the address bar (webapp3 does the same since v25). */
function takeJoinParams(): JoinParams {
  const url = new URL(window.location.href);
  const q = url.searchParams;
  const role = q.get('role');
  const params: JoinParams = {
    name: q.get('name'),
    pin: q.get('pin'),
    role: role === 'host' || role === 'guest' ? role : null,
    join: q.get('join') === '1' || q.get('join') === 'true',
  };
  for (const key of ['name', 'pin', 'role', 'join']) q.delete(key);
  const rest = q.toString();
  window.history.replaceState(window.history.state, '', url.pathname + (rest ? `?${rest}` : '') + url.hash);
  return params;
}

function main(): void {
  const root = byId<HTMLElement>('join');
  const alias = root.dataset.alias ?? '';
  const form = byId<HTMLFormElement>('join-form');
  const nameInput = byId<HTMLInputElement>('display-name');
  const pinRow = byId<HTMLElement>('pin-row');
  const pinLabel = byId<HTMLElement>('pin-label');
  const pinInput = byId<HTMLInputElement>('pin');
  const joinButton = byId<HTMLButtonElement>('join-button');
  const status = byId<HTMLElement>('status');
  const participantList = byId<HTMLUListElement>('participants');

  const params = takeJoinParams();
  const retryAt = watchRetryAfter();
  if (params.name) nameInput.value = params.name;
  let pendingPin: string | null = params.pin;
  let role: 'host' | 'guest' | null = null;
  let joined = false;

  const setStatus = (text: string, state: string): void => {
    status.textContent = text;
    root.dataset.state = state;
  };

  const signals = createInfinityClientSignals([], { batchScheduleTimeoutMS: 50, batchBufferSize: 50 });
  const callSignals = createCallSignals([]);
  const client: InfinityClient = createInfinityClient(signals, callSignals);

  const renderParticipants = (): void => {
    const people: Participant[] = joined ? client.getParticipants('main') : [];
    participantList.replaceChildren(
      ...people.map((p) => {
        const li = document.createElement('li');
        const who = p.isHost ? 'host' : 'guest';
        li.textContent = `${p.displayName} (${p.isWaiting ? 'waiting' : who})`;
        li.dataset.waiting = String(p.isWaiting);
        return li;
      }),
    );
  };

  const showServiceType = (serviceType: string | undefined): void => {
    if (serviceType === 'waiting_room') setStatus('Waiting for the host', 'waiting');
    else if (role === 'host') setStatus('Joined as host', 'joined-host');
    else setStatus('Joined as guest', 'joined-guest');
  };

  signals.onPinRequired.add(({ hasHostPin, hasGuestPin }) => {
    pinRow.hidden = false;
    pinLabel.textContent = hasGuestPin
      ? 'PIN'
      : hasHostPin
        ? 'Host PIN (leave empty to join as a guest)'
        : 'PIN';
    root.dataset.hasHostPin = String(hasHostPin);
    root.dataset.hasGuestPin = String(hasGuestPin);
    // A guest link (`role=guest`, no PIN) into a room without a guest PIN joins straight away.
    if (pendingPin === null && params.role === 'guest' && !hasGuestPin) pendingPin = NO_PIN;
    if (pendingPin !== null) {
      const pin = pendingPin;
      pendingPin = null;
      void join(pin);
      return;
    }
    setStatus(hasGuestPin || !hasHostPin ? 'Enter the PIN' : 'Enter the host PIN, or join as a guest', 'pin-required');
    joinButton.disabled = false;
    pinInput.focus();
  });

  signals.onError.add(({ error }) => {
    joinButton.disabled = false;
    if (error === 'Invalid PIN') {
      setStatus('Invalid PIN', 'invalid-pin');
      pinInput.value = '';
      pinInput.focus();
    } else if (error === 'Neither conference nor gateway found') {
      setStatus('Room not found', 'not-found');
    } else if (error === 'Participant exceeded PIN entry retries') {
      setStatus(lockoutText(retryAt()), 'exhausted');
      joinButton.disabled = true;
    } else {
      setStatus(`Could not join: ${String(error)}`, 'error');
    }
  });

  signals.onServiceType.add((serviceType) => {
    if (joined) showServiceType(serviceType);
  });
  signals.onParticipants.add(renderParticipants);
  signals.onParticipantJoined.add(renderParticipants);
  signals.onParticipantLeft.add(renderParticipants);
  signals.onParticipantUpdated.add(renderParticipants);
  signals.onMe.add(renderParticipants);
  // Observed only so the SDK does not warn about signals nobody listens to.
  signals.onConnected.add(() => undefined);
  signals.onAuthenticatedWithConference.add(() => undefined);
  signals.onConferenceStatus.add(() => undefined);
  signals.onDisconnected.add(() => {
    joined = false;
    setStatus('Disconnected', 'disconnected');
    renderParticipants();
  });

  /** One `call()`: the SDK requests a token (with the PIN header if given) and opens the event stream. */
  async function join(pin: string | null): Promise<void> {
    const displayName = nameInput.value.trim();
    if (!displayName) {
      setStatus('Enter your name', 'name-required');
      nameInput.focus();
      return;
    }
    joinButton.disabled = true;
    setStatus('Joining…', 'joining');
    if (pin !== null) client.setPin(pin === '' ? NO_PIN : pin);
    try {
      const res = await client.call({
        conferenceAlias: alias,
        displayName,
        bandwidth: 0,
        callType: ClientCallType.None,
        directMedia: false,
      });
      if (res?.status === 200) {
        role = res.data.result.role === 'HOST' ? 'host' : 'guest';
        joined = true;
        pinRow.hidden = true;
        showServiceType(client.serviceType);
        renderParticipants();
      }
    } catch (error) {
      joinButton.disabled = false;
      setStatus(`Could not join: ${error instanceof Error ? error.message : String(error)}`, 'error');
    }
  }

  form.addEventListener('submit', (event) => {
    event.preventDefault();
    if (joined) return;
    void join(pinRow.hidden ? null : pinInput.value.trim());
  });
  window.addEventListener('pagehide', () => {
    if (joined) void client.disconnect({ reason: 'Browser closed' });
  });

  joinButton.disabled = false;
  setStatus('Ready', 'ready');
  if (params.join && nameInput.value.trim()) void join(null);
}

main();
