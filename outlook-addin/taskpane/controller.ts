/**
 * The task pane's behaviour without any UI: holds the pane's state, runs the organizer's actions
 * over the ItemPort and the shared logic, and reports every change through `onState`. Errors are
 * shown (state.message), never swallowed; locked policy settings can never be changed from here.
 */
// Straight from the modules, not core/invite's index: its paste parser (six languages) is not the pane's.
import { renderInviteBlock } from '../../core/invite/render';
import { findInviteBlock } from '../../core/invite/upsert';
import { policyGuessRisk } from '../../core/policy/risk';
import type { GuessRisk } from '../../core/policy';
import { activationSentence, activationWindow, recurringActivationSentence } from '../../core/time';
import {
  blockInput,
  blockProblems,
  clearSecurity,
  createSecurity,
  enforceLocks,
  loadPolicyLazily,
  markPaneClosed,
  markPaneOpen,
  PANE_HEARTBEAT_INTERVAL_MS,
  personalMessages,
  provisionMeeting,
  withdrawMeeting,
  readSecurity,
  rebuildSecurityFromBody,
  rosterCsv,
  savePrefs,
  saveSecurity,
  settingsFor,
  syncAttendees,
  writeSecurity,
} from '../logic';
import type { MeetingServicePolicy } from '../../core/policy';
import { BUTTON, press } from '../logic/wording';
import type { ItemPort, LoadedPolicy, MeetingSecurity, MeetingSnapshot, OrganizerChoices, OrganizerSettings, PasscodeModeChoice, PersonalMessage, ProvisionFetch, TokenSource } from '../logic';

/**
 * Registration with the meeting service, as shown to the organizer. 'sign-in': no token could be
 * had (the pane offers "Sign in"; the send check refuses the send until it works).
 */
export interface ProvisioningStatus {
  state: 'not-configured' | 'idle' | 'pending' | 'ok' | 'failed' | 'sign-in';
  text: string;
}

/** Everything the task pane shows. */
export interface PaneState {
  phase: 'loading' | 'ready' | 'failed';
  loaded: LoadedPolicy | null;
  settings: OrganizerSettings | null;
  choices: OrganizerChoices;
  meeting: MeetingSnapshot | null;
  security: MeetingSecurity | null;
  /** True when the body holds a SecureJoin block. */
  inserted: boolean;
  /** Why the block in the body is out of date or wrong (empty when fine or absent). */
  problems: string[];
  preview: string | null;
  activation: string | null;
  risk: GuessRisk | null;
  messages: PersonalMessage[];
  provisioning: ProvisioningStatus;
  busy: boolean;
  message: { kind: 'info' | 'error'; text: string } | null;
}

/** What the controller needs from outside: the item, the policy file, the network, sign-in, the clock. */
export interface PaneDeps {
  port: ItemPort;
  /** policy.json's text, or null when it cannot be fetched. */
  fetchPolicy(): Promise<string | null>;
  fetch: ProvisionFetch;
  /**
   * Tokens for the policy's meeting service; called once, only when the policy names one (so
   * the sign-in library is loaded only then). Null: this Outlook cannot sign in.
   */
  tokens?(service: MeetingServicePolicy): TokenSource | null;
  now(): number;
}

/** Shown when the policy names no meeting service. */
const NOT_CONFIGURED = `The policy names no meeting service: register the codes on the conference node yourself (${press(BUTTON.exportRoster)}).`;

/** True for security read back from the body (sessionData lost): its PINs are unknown. */
const isRecovered = (security: MeetingSecurity) => security.hostPin === '';

const errorText = (error: unknown) => (error instanceof Error ? error.message : String(error));

/** The initial (loading) state. */
export const INITIAL_STATE: PaneState = {
  phase: 'loading',
  loaded: null,
  settings: null,
  choices: { accessCode: true, passcodeMode: 'per-invitee' },
  meeting: null,
  security: null,
  inserted: false,
  problems: [],
  preview: null,
  activation: null,
  risk: null,
  messages: [],
  provisioning: { state: 'idle', text: '' },
  busy: false,
  message: null,
};

/** The sentence "code works from Tue 24 Nov, 09:45, 15 minutes before the start" for the meeting, in its zone. */
function activationText(meeting: MeetingSnapshot, settings: OrganizerSettings): string {
  const time = { start: meeting.start, end: meeting.end };
  const window = activationWindow(time, { leadMinutes: settings.leadMinutes, graceMinutes: settings.graceMinutes });
  const sentence = activationSentence(window, time, { timeZone: meeting.timeZone, locale: meeting.locale, leadMinutes: settings.leadMinutes, withDate: true });
  return meeting.recurrence ? `${sentence} ${recurringActivationSentence(settings.leadMinutes)}` : sentence;
}

/** Guess risk of the organizer's current choices under the policy's limits. */
function riskOf(loaded: LoadedPolicy, settings: OrganizerSettings, choices: OrganizerChoices): GuessRisk {
  return policyGuessRisk(loaded.policy, {
    accessCodeRequired: { value: choices.accessCode, locked: true },
    accessCodeLength: settings.accessCodeLength,
    passcodeMode: { value: choices.passcodeMode, locked: true },
    passcodeLength: settings.passcodeLength,
    pinMinLength: settings.pinLength,
    leadMinutes: settings.leadMinutes,
    graceMinutes: settings.graceMinutes,
  });
}

/** Creates the controller; call `init()` once Office is ready. */
export function createPaneController(deps: PaneDeps, onState: (state: PaneState) => void) {
  let state: PaneState = INITIAL_STATE;
  const set = (patch: Partial<PaneState>) => {
    state = { ...state, ...patch };
    onState(state);
  };

  // Actions and item-change updates each read the item, write the body and sessionData and
  // register the room on the node. Interleaved, an older update's slower PUT could land on the
  // node after a newer one (the node keeps stale passcodes or times), or two updates could each
  // make a passcode for the same new invitee. So they run one at a time, in arrival order.
  let queue: Promise<void> = Promise.resolve();
  const serially = (task: () => Promise<void>): Promise<void> => {
    const run = queue.then(task);
    queue = run.catch(() => undefined);
    return run;
  };
  // Several events for one edit (time and attendees) or quick edits while an update runs need one
  // more update, not one each: the update reads the item afresh.
  let changeQueued = false;
  let disposed = false;
  const itemChanged = () => {
    if (changeQueued || disposed) return;
    changeQueued = true;
    void serially(() => {
      changeQueued = false;
      return onItemChanged();
    });
  };

  // While open, the pane owns updates to the item (logic/ownership.ts): the event runtime skips
  // the same changes, so only this queue writes passcodes. The heartbeat says the pane is alive.
  let heartbeat: ReturnType<typeof setInterval> | null = null;
  const beat = () => void markPaneOpen(deps.port, deps.now()).catch(() => false);

  /** Recomputes everything derived from meeting + security + choices. */
  function derive(meeting: MeetingSnapshot, security: MeetingSecurity | null): Partial<PaneState> {
    const settings = state.settings as OrganizerSettings;
    const inserted = findInviteBlock(meeting.bodyHtml, 'html') !== null;
    const out: Partial<PaneState> = { meeting, security, inserted, problems: [], preview: null, messages: [] };
    try {
      out.activation = activationText(meeting, settings);
    } catch (error) {
      out.activation = `The meeting time is not valid: ${errorText(error)}`;
    }
    if (state.loaded) out.risk = riskOf(state.loaded, settings, state.choices);
    if (security) {
      try {
        out.preview = renderInviteBlock(blockInput(meeting, security, settings)).text;
        if (inserted) out.problems = blockProblems(meeting, security, settings).map((p) => p.message);
        if (security.passcodeMode === 'per-invitee') out.messages = personalMessages(meeting, security, settings);
      } catch (error) {
        out.problems = [errorText(error)];
      }
    }
    return out;
  }

  /** Runs one organizer action: busy while it runs, its error shown when it fails. */
  async function act(what: string, run: () => Promise<string | null>): Promise<void> {
    if (state.busy) return;
    set({ busy: true, message: null });
    await serially(async () => {
      try {
        const info = await run();
        set({ busy: false, message: info ? { kind: 'info', text: info } : null });
      } catch (error) {
        set({ busy: false, message: { kind: 'error', text: `${what} failed: ${errorText(error)}` } });
      }
    });
  }

  // The token source, made once and only when the policy names a meeting service.
  let tokenSource: { service: MeetingServicePolicy; source: TokenSource | null } | null = null;
  function tokens(service: MeetingServicePolicy): TokenSource | null {
    if (tokenSource?.service !== service) {
      let source: TokenSource | null = null;
      try {
        source = deps.tokens?.(service) ?? null;
      } catch {
        source = null;
      }
      tokenSource = { service, source };
    }
    return tokenSource.source;
  }

  /** Registers the meeting with the meeting service and shows the outcome (`force`: also when unchanged). */
  async function provision(meeting: MeetingSnapshot, security: MeetingSecurity, force: boolean): Promise<void> {
    const service = state.settings?.service;
    if (!service) return set({ provisioning: { state: 'not-configured', text: NOT_CONFIGURED } });
    set({ provisioning: { state: 'pending', text: 'Registering the meeting with the meeting service…' } });
    const result = await provisionMeeting(deps.port, meeting, security, state.settings as OrganizerSettings, { fetch: deps.fetch, tokens: tokens(service), interactive: true, now: deps.now(), force });
    switch (result.state) {
      case 'ok':
        if (result.redrawn) set(derive(await deps.port.getSnapshot(), result.redrawn));
        return set({ provisioning: { state: 'ok', text: `Room ${(result.redrawn ?? security).alias} ${result.created ? 'registered' : 'updated'} with the meeting service.` } });
      case 'unchanged':
        return set({ provisioning: { state: 'ok', text: `Room ${security.alias} is registered with the meeting service.` } });
      case 'not-configured':
        return set({ provisioning: { state: 'not-configured', text: NOT_CONFIGURED } });
      case 'failed':
        return set({ provisioning: { state: result.signIn ? 'sign-in' : 'failed', text: result.signIn ? `${result.message} Until you sign in, the meeting is not registered and SecureJoin will not let it be sent.` : result.message } });
      default:
        return set({ provisioning: { state: 'failed', text: result.message } });
    }
  }

  /** Writes `security` into the body (insert or update), keeps it, provisions it. */
  async function write(security: MeetingSecurity): Promise<MeetingSecurity> {
    const meeting = await deps.port.getSnapshot();
    const written = await writeSecurity(deps.port, meeting, security, state.settings as OrganizerSettings);
    const after = await deps.port.getSnapshot();
    set(derive(after, written));
    await provision(after, written, true);
    return written;
  }

  async function fresh(): Promise<MeetingSecurity> {
    const meeting = await deps.port.getSnapshot();
    const loaded = state.loaded as LoadedPolicy;
    return createSecurity(meeting, enforceLocks(state.choices, loaded.policy), state.settings as OrganizerSettings, loaded.policy);
  }

  /** The item changed (time, attendees, recurrence): keep an inserted block right. */
  async function onItemChanged(): Promise<void> {
    try {
      const meeting = await deps.port.getSnapshot();
      // The event runtime may have synced the roster already: start from what the item keeps, so
      // both write the same passcodes (syncing is idempotent).
      let security = state.security && !isRecovered(state.security) ? ((await readSecurity(deps.port)) ?? state.security) : state.security;
      if (security && state.inserted && findInviteBlock(meeting.bodyHtml, 'html')) {
        // Codes read back from the body have no PINs: update the block, but never keep or provision them.
        const recovered = isRecovered(security);
        security = await writeSecurity(deps.port, meeting, syncAttendees(meeting, security, state.settings as OrganizerSettings), state.settings as OrganizerSettings, { save: !recovered });
        if (recovered) return set(derive(await deps.port.getSnapshot(), security));
        const after = await deps.port.getSnapshot();
        set(derive(after, security));
        await provision(after, security, false);
        return;
      }
      if (security) security = syncAttendees(meeting, security, state.settings as OrganizerSettings);
      set(derive(meeting, security));
    } catch (error) {
      set({ message: { kind: 'error', text: `Updating after the meeting changed failed: ${errorText(error)}` } });
    }
  }

  return {
    get state() {
      return state;
    },
    /** Resolves once every action and item-change update started so far has finished. */
    async settled(): Promise<void> {
      let seen: Promise<void>;
      do {
        seen = queue;
        await seen;
      } while (seen !== queue);
    },
    async init(): Promise<void> {
      try {
        const loaded = await loadPolicyLazily(await deps.fetchPolicy().catch(() => null));
        const settings = await settingsFor(deps.port, loaded.policy);
        set({ loaded, settings });
        const meeting = await deps.port.getSnapshot();
        const security = (await readSecurity(deps.port)) ?? rebuildSecurityFromBody(meeting.bodyHtml);
        const choices = security
          ? enforceLocks({ accessCode: security.accessCode !== null, passcodeMode: security.passcodeMode }, loaded.policy)
          : enforceLocks(settings.choices, loaded.policy);
        set({ choices });
        set({ ...derive(meeting, security), phase: 'ready', provisioning: settings.service ? { state: 'idle', text: '' } : { state: 'not-configured', text: NOT_CONFIGURED } });
        let hearsChanges = true;
        for (const kind of ['time', 'recipients', 'recurrence'] as const) hearsChanges = (await deps.port.onItemChanged(kind, itemChanged)) && hearsChanges;
        // Own updates only when this pane hears every change it takes over from the event runtime.
        if (hearsChanges && (await markPaneOpen(deps.port, deps.now()).catch(() => false))) heartbeat = setInterval(beat, PANE_HEARTBEAT_INTERVAL_MS);
        // A block inserted before the pane opened (the event runtime's): check that the service
        // holds it as it is now, so a missing sign-in shows here, not first at Send.
        if (settings.service && security && !isRecovered(security) && state.inserted) void serially(async () => provision(await deps.port.getSnapshot(), security, false));
      } catch (error) {
        set({ phase: 'failed', message: { kind: 'error', text: `SecureJoin could not start: ${errorText(error)}` } });
      }
    },
    /**
     * The pane is closing: stop handling item changes and the heartbeat, and hand updates back to the event runtime once the
     * updates already started have finished.
     */
    async dispose(): Promise<void> {
      disposed = true;
      if (heartbeat === null) return;
      clearInterval(heartbeat);
      heartbeat = null;
      await this.settled();
      await markPaneClosed(deps.port).catch(() => false);
    },
    /** Switches the one-time access code on or off (ignored when locked). */
    setAccessCode(on: boolean) {
      if (state.settings?.locked.includes('organizer.accessCode.required')) return;
      return this.rechoose({ ...state.choices, accessCode: on });
    },
    /** Chooses the passcode mode (ignored when locked). */
    setPasscodeMode(mode: PasscodeModeChoice) {
      if (state.settings?.locked.includes('organizer.passcodes.mode')) return;
      return this.rechoose({ ...state.choices, passcodeMode: mode });
    },
    /** New choices: codes made for the old ones are regenerated (and the block updated if inserted). */
    rechoose(choices: OrganizerChoices) {
      set({ choices: enforceLocks(choices, (state.loaded as LoadedPolicy).policy) });
      if (!state.security) return set(derive(state.meeting as MeetingSnapshot, null));
      // Chosen while an action runs (the choices stay usable then, so the keyboard focus stays on
      // them): the codes follow once it ends. However many changes come meanwhile, the first
      // generate takes the latest choices and the others find it busy.
      if (state.busy) return this.settled().then(() => this.generate());
      return this.generate();
    },
    /** Generates (or regenerates) every code; updates the block when it is inserted. */
    generate: () =>
      act('Generating codes', async () => {
        const security = await fresh();
        if (state.inserted) await write(security);
        else {
          await saveSecurity(deps.port, security);
          set(derive(await deps.port.getSnapshot(), security));
        }
        return state.inserted ? 'New codes generated and the invite updated.' : `New codes generated. Press "${BUTTON.insert}" to put them into the invite.`;
      }),
    /** Inserts the block, or updates it in place. */
    insert: () =>
      act('Inserting the block', async () => {
        const had = state.inserted;
        const current = state.security && !isRecovered(state.security) ? state.security : null;
        const replaced = state.security !== null && current === null;
        await write(current ?? (await fresh()));
        if (replaced) return 'The codes in the invite could not be recovered completely, so new codes were generated and inserted.';
        return had ? 'The SecureJoin block was updated.' : 'The SecureJoin block was inserted.';
      }),
    /** Removes the block and forgets the codes. */
    remove: () =>
      act('Removing the block', async () => {
        await clearSecurity(deps.port, await deps.port.getSnapshot());
        set(derive(await deps.port.getSnapshot(), null));
        // Codes that are no longer in the invite must stop opening the room.
        const settings = state.settings as OrganizerSettings;
        const withdrawn = await withdrawMeeting(deps.port, settings, { fetch: deps.fetch, tokens: settings.service ? tokens(settings.service) : null, interactive: true });
        if (withdrawn.state === 'failed') set({ provisioning: { state: withdrawn.signIn ? 'sign-in' : 'failed', text: withdrawn.message } });
        if (withdrawn.state === 'ok') set({ provisioning: { state: 'idle', text: 'The meeting was removed from the meeting service, so its codes no longer open the room.' } });
        return 'The SecureJoin block was removed.';
      }),
    /** Signs in (a window may open) and registers the meeting as it is now. */
    signIn: () =>
      act('Signing in', async () => {
        const security = state.security;
        if (!security || !state.inserted || isRecovered(security)) return null;
        await provision(await deps.port.getSnapshot(), security, true);
        return null;
      }),
    /** Saves the current choices as the default for all meetings (roaming settings). */
    saveDefault: () =>
      act('Saving your default', async () => {
        await savePrefs(deps.port, state.choices, state.settings?.locked ?? []);
        return 'Saved as your default for all meetings.';
      }),
    /** The roster as CSV (invitee, passcode, personal link), or null when there is none. */
    rosterCsv: (): string | null =>
      state.security?.roster && state.meeting && state.settings ? rosterCsv(state.meeting, state.security, state.settings) : null,
  };
}

/** The controller's type. */
export type PaneController = ReturnType<typeof createPaneController>;
