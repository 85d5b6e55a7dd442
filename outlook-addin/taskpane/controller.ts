/**
 * The task pane's behaviour without any UI: holds the pane's state, runs the organizer's actions
 * over the ItemPort and the shared logic, and reports every change through `onState`. Errors are
 * shown (state.message), never swallowed; locked policy settings can never be changed from here.
 */
import {
  clearSecurity,
  createSecurity,
  enforceLocks,
  itemMoved,
  loadPolicyLazily,
  markPaneClosed,
  markPaneOpen,
  PANE_HEARTBEAT_INTERVAL_MS,
  provisionMeeting,
  withdrawMeeting,
  readSecurity,
  rebuildSecurityFromBody,
  registeredBody,
  savePrefs,
  saveSecurity,
  settingsFor,
  syncAttendees,
  withPaneMemory,
  writeSecurity,
} from '../logic';
import { findInviteBlock } from '../../core/invite/upsert';
import { withoutMinted } from '../logic/minted';
import { BUTTON } from '../logic/wording';
import { readSentInvite } from '../logic/sentInvite';
import { choicesDiffer, currentMessage, statusKey } from '../logic/status';
import { readDeliveries } from '../logic/delivery';
import type { DriftKind, LoadedPolicy, MeetingSecurity, MeetingSnapshot, OrganizerChoices, OrganizerSettings, PasscodeModeChoice } from '../logic';
import { derive as deriveFrom, truthOf } from './derive';
import { errorText, INITIAL_STATE, isRecovered, NOT_CONFIGURED, PENDING, provisioningStatus, tokenCache } from './paneState';
import type { PaneDeps, PaneState } from './paneState';

export { INITIAL_STATE } from './paneState';
export type { PaneDeps, PaneState, ProvisioningStatus } from './paneState';

/** How often the pane re-reads the item where Outlook sends it no change events (Mailbox < 1.7), and where it does (body and subject edits raise none anywhere). */
export const POLL_MS = { withoutEvents: 5_000, withEvents: 15_000 };

/** Differences that are the organizer's edits to the block's text (not a moved meeting or a new subject). */
const HAND_EDITS: DriftKind[] = ['access-code-deleted', 'access-code-changed', 'block', 'block-damaged'];

/** Creates the controller; call `init()` once Office is ready. */
export function createPaneController(deps: PaneDeps, onState: (state: PaneState) => void) {
  let state: PaneState = INITIAL_STATE;
  // Every change recomputes the top line, so it can never lag behind what the pane shows below it.
  // A message belongs to the state it was said in: once the top line (or what was sent) changes, it is dropped (one status at a time).
  const set = (patch: Partial<PaneState>) => {
    state = { ...state, ...patch };
    state.truth = truthOf(state);
    state.message = currentMessage(state.message, statusKey(state.truth, state.sentInvite));
    onState(state);
  };
  /** Shows `text` for the state as it is now. */
  const say = (kind: 'info' | 'error', text: string) => set({ message: { kind, text, key: statusKey(state.truth, state.sentInvite) } });
  /** What this item registered and last sent, read again (the event runtime's send check writes both). */
  const sessionFacts = async () => ({ registered: await registeredBody(port, state.settings as OrganizerSettings), sentInvite: await readSentInvite(port), deliveries: await readDeliveries(port) });
  const port = withPaneMemory(deps.port);
  const derive = (meeting: MeetingSnapshot, security: MeetingSecurity | null) => deriveFrom(state, meeting, security);

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

  // Re-reads (focus, visibility, poll) run in the queue too, never overlapping an update, and
  // never more than one waiting: each reads the item afresh.
  let recheckQueued = false;
  const recheck = (): Promise<void> => {
    if (recheckQueued || disposed || state.phase !== 'ready') return Promise.resolve();
    recheckQueued = true;
    return serially(() => {
      recheckQueued = false;
      return onRecheck();
    });
  };
  let poll: ReturnType<typeof setInterval> | null = null;

  // While open, the pane owns updates to the item (logic/ownership.ts): the event runtime skips
  // the same changes, so only this queue writes passcodes. The heartbeat says the pane is alive.
  let heartbeat: ReturnType<typeof setInterval> | null = null;
  const beat = () => void markPaneOpen(port, deps.now()).catch(() => false);

  /** Runs one organizer action: busy while it runs, its error shown when it fails. */
  async function act(what: string, run: () => Promise<string | null>): Promise<void> {
    if (state.busy) return;
    set({ busy: true, message: null });
    await serially(async () => {
      try {
        const info = await run();
        set({ busy: false, ...(await sessionFacts()) });
        if (info) say('info', info);
      } catch (error) {
        set({ busy: false });
        say('error', `${what} failed: ${errorText(error)}`);
      }
    });
  }

  const tokens = tokenCache(deps);
  // Set together with the block's new state, so the top never flashes "not registered" before a registration starts.
  const pending = () => (state.settings?.service ? { provisioning: PENDING } : {});

  /** Registers the meeting with the meeting service and shows the outcome (`force`: also when unchanged). */
  async function provision(meeting: MeetingSnapshot, security: MeetingSecurity, force: boolean): Promise<void> {
    const settings = state.settings as OrganizerSettings;
    if (!settings.service) return set({ provisioning: NOT_CONFIGURED });
    set({ provisioning: PENDING });
    const result = await provisionMeeting(port, meeting, security, settings, { fetch: deps.fetch, tokens: tokens(settings.service), interactive: true, now: deps.now(), force });
    // The service minted the aliases: the block and sessionData hold them now, and so does the pane.
    if (result.state === 'ok' && result.adopted) set(derive(await port.getSnapshot(), result.adopted));
    set({ provisioning: provisioningStatus(result, security), registered: await registeredBody(port, settings) });
  }

  /**
   * Writes `security` into the body (insert or update), keeps it, provisions it. With a meeting
   * service the codes are registered first (kept in sessionData) and the block is written once,
   * with the aliases the service minted: the local placeholders reach the invite only when the
   * registration fails, and then the pane says the meeting is not registered.
   */
  async function write(security: MeetingSecurity): Promise<MeetingSecurity> {
    const settings = state.settings as OrganizerSettings;
    const meeting = await port.getSnapshot();
    if (settings.service && (await saveSecurity(port, syncAttendees(meeting, security, settings)))) {
      set(pending());
      await provision(meeting, security, true);
      const written = await writeSecurity(port, await port.getSnapshot(), (await readSecurity(port)) ?? security, settings);
      set(derive(await port.getSnapshot(), written));
      return written;
    }
    const written = await writeSecurity(port, meeting, security, settings);
    const after = await port.getSnapshot();
    set({ ...derive(after, written), ...pending() });
    await provision(after, written, true);
    return written;
  }

  async function fresh(): Promise<MeetingSecurity> {
    const meeting = await port.getSnapshot();
    const loaded = state.loaded as LoadedPolicy;
    return createSecurity(meeting, enforceLocks(state.choices, loaded.policy), state.settings as OrganizerSettings, loaded.policy);
  }

  /** The item changed (time, attendees, recurrence): keep an inserted block right. */
  async function onItemChanged(): Promise<void> {
    try {
      const meeting = await port.getSnapshot();
      // The event runtime may have synced the roster already: start from what the item keeps, so
      // both write the same passcodes (syncing is idempotent).
      let security = state.security && !isRecovered(state.security) ? ((await readSecurity(port)) ?? state.security) : state.security;
      if (security && state.inserted && findInviteBlock(meeting.bodyHtml, 'html')) {
        // Codes read back from the body have no PINs: update the block, but never keep or provision them.
        const recovered = isRecovered(security);
        security = await writeSecurity(port, meeting, syncAttendees(meeting, security, state.settings as OrganizerSettings), state.settings as OrganizerSettings, { save: !recovered });
        if (recovered) return set(derive(await port.getSnapshot(), security));
        const after = await port.getSnapshot();
        set({ ...derive(after, security), ...pending() });
        await provision(after, security, false);
        return;
      }
      if (security) security = syncAttendees(meeting, security, state.settings as OrganizerSettings);
      set(derive(meeting, security));
    } catch (error) {
      say('error', `Updating after the meeting changed failed: ${errorText(error)}`);
    }
  }

  /**
   * Reads the item again and shows how it differs from what SecureJoin wrote and registered.
   * Where Outlook sends no change events, a moved meeting (time, attendees, recurrence) is updated
   * here as the events would have it; hand edits to the block or subject are shown, never overwritten.
   */
  async function onRecheck(): Promise<void> {
    try {
      const meeting = await port.getSnapshot();
      // Not over the organizer's own edits to the block (in this read): those stay, shown, until they press the button.
      const handEdited = truthOf({ ...state, meeting })?.drifts.some((d) => HAND_EDITS.includes(d.kind));
      if (state.followsChanges === false && state.meeting && itemMoved(state.meeting, meeting) && !handEdited) return await onItemChanged();
      set({ ...derive(meeting, state.security), ...(await sessionFacts()) });
    } catch {
      // A read refused now (Outlook busy) is retried by the next focus or poll; the pane keeps showing the last read.
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
        const settings = await settingsFor(port, loaded.policy);
        set({ loaded, settings });
        const meeting = await port.getSnapshot();
        const security = (await readSecurity(port)) ?? rebuildSecurityFromBody(meeting.bodyHtml);
        const choices = security
          ? enforceLocks({ accessCode: security.accessCode !== null, passcodeMode: security.passcodeMode }, loaded.policy)
          : enforceLocks(settings.choices, loaded.policy);
        set({ choices });
        // A block inserted before the pane opened (the event runtime's) is checked with the service
        // below: "registering" until then, not a passing "not registered" alert.
        const check = settings.service && security && !isRecovered(security) && findInviteBlock(meeting.bodyHtml, 'html') ? security : null;
        set({ ...derive(meeting, security), phase: 'ready', provisioning: check ? PENDING : settings.service ? { state: 'idle', text: '' } : NOT_CONFIGURED, ...(await sessionFacts()) });
        let hearsChanges = true;
        for (const kind of ['time', 'recipients', 'recurrence'] as const) hearsChanges = (await port.onItemChanged(kind, itemChanged)) && hearsChanges;
        set({ followsChanges: hearsChanges });
        if (!disposed) poll = setInterval(() => void (deps.visible?.() !== false && recheck()), hearsChanges ? POLL_MS.withEvents : POLL_MS.withoutEvents);
        // Own updates only when this pane hears every change it takes over from the event runtime.
        if (hearsChanges && (await markPaneOpen(port, deps.now()).catch(() => false))) heartbeat = setInterval(beat, PANE_HEARTBEAT_INTERVAL_MS);
        // Check that the service holds that block's meeting as it is now, so a missing sign-in shows here, not first at Send.
        if (check) void serially(async () => provision(await port.getSnapshot(), check, false));
      } catch (error) {
        set({ phase: 'failed' });
        say('error', `SecureJoin could not start: ${errorText(error)}`);
      }
    },
    /**
     * The pane is closing: stop handling item changes and the heartbeat, and hand updates back to the event runtime once the
     * updates already started have finished.
     */
    async dispose(): Promise<void> {
      disposed = true;
      if (poll !== null) clearInterval(poll);
      if (heartbeat === null) return;
      clearInterval(heartbeat);
      heartbeat = null;
      await this.settled();
      await markPaneClosed(port).catch(() => false);
    },
    /** Reads the item again now (the pane got focus or became visible); resolves when shown. */
    recheck,
    /** Switches the one-time access code on or off (ignored when locked). */
    setAccessCode(on: boolean) {
      if (state.settings?.locked.includes('organizer.accessCode.required')) return;
      return this.rechoose({ ...state.choices, accessCode: on });
    },
    /** Chooses the passcode mode and makes codes for it (ignored when locked). */
    setPasscodeMode(mode: PasscodeModeChoice) {
      if (state.settings?.locked.includes('organizer.passcodes.mode')) return;
      return this.rechoose({ ...state.choices, passcodeMode: mode });
    },
    /**
     * Moves the passcode choice without making codes (arrow keys through the radios): the pane
     * shows the choice and its guess risk; {@link commitChoices} makes codes once, for the choice that stays.
     */
    pickPasscodeMode(mode: PasscodeModeChoice) {
      if (state.settings?.locked.includes('organizer.passcodes.mode')) return;
      this.rechooseLater({ ...state.choices, passcodeMode: mode });
    },
    /** Takes new choices without making codes (ignoring locked ones); {@link commitChoices} makes them. */
    rechooseLater(choices: OrganizerChoices) {
      set({ choices: enforceLocks(choices, (state.loaded as LoadedPolicy).policy) });
      if (!state.security && state.meeting) set(derive(state.meeting, null));
    },
    /** True when the choices differ from what the meeting's codes were made for. */
    get choicesPending(): boolean {
      return choicesDiffer(state.security, state.choices);
    },
    /** Makes codes for the choices when they differ from the codes' (nothing otherwise). */
    commitChoices(): Promise<void> | void {
      // While an action runs, decide once it ends: it may have made codes for these very choices.
      if (state.busy) return this.settled().then(() => this.commitChoices());
      if (!choicesDiffer(state.security, state.choices)) return;
      return this.generate();
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
    /** Puts the choices back to what the codes were made for (the organizer cancelled a change). */
    revertChoices() {
      const s = state.security;
      if (!s) return;
      set({ choices: enforceLocks({ accessCode: s.accessCode !== null, passcodeMode: s.passcodeMode }, (state.loaded as LoadedPolicy).policy) });
    },
    /** Generates (or regenerates) every code; updates the block when it is inserted. */
    generate: () =>
      act('Generating codes', async () => {
        const security = await fresh();
        if (state.inserted) await write(security);
        else {
          await saveSecurity(port, security);
          set(derive(await port.getSnapshot(), security));
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
        await clearSecurity(port, await port.getSnapshot());
        set({ ...derive(await port.getSnapshot(), null), written: false });
        // Codes that are no longer in the invite must stop opening the room.
        const settings = state.settings as OrganizerSettings;
        const withdrawn = await withdrawMeeting(port, settings, { fetch: deps.fetch, tokens: settings.service ? tokens(settings.service) : null, interactive: true });
        if (withdrawn.state === 'failed') set({ provisioning: { state: withdrawn.signIn ? 'sign-in' : 'failed', text: withdrawn.message } });
        if (withdrawn.state === 'ok') set({ provisioning: { state: 'idle', text: 'The meeting was removed from the meeting service, so its codes no longer open the room.' } });
        return 'The SecureJoin block was removed.';
      }),
    /**
     * The service refused the aliases this item carried back (400 aliases_are_minted): registers
     * the meeting without any, so the service mints new ones, and writes those into the block.
     * The codes (PINs, passcodes) stay. The write carries no alias, so it cannot be refused again.
     */
    newLinks: () =>
      act('Getting new links', async () => {
        const security = state.security;
        if (!security || isRecovered(security)) return null;
        await write(withoutMinted(security));
        return state.provisioning.state === 'ok' ? 'The meeting service made new links and a new access code; the invite shows them now.' : null;
      }),
    /** Signs in (a window may open) and registers the meeting as it is now. */
    signIn: () =>
      act('Signing in', async () => {
        const security = state.security;
        if (!security || !state.inserted || isRecovered(security)) return null;
        await provision(await port.getSnapshot(), security, true);
        return null;
      }),
    /**
     * Sends each invitee without a message for their current codes (or only `emails`) their
     * personal message through Microsoft Graph, and shows per invitee what happened. Where Graph
     * cannot be used (no sign-in, a refusal) each message is opened for the organizer to send.
     */
    sendPersonal: (emails?: readonly string[]) =>
      act('Sending personal messages', async () => {
        const security = state.security;
        const settings = state.settings as OrganizerSettings;
        if (!security || isRecovered(security) || !state.meeting) return null;
        const mail = settings.service ? (deps.mail?.(settings.service) ?? null) : null;
        // Loaded on first use: the pane's first paint does without it.
        const out = await (await import('../logic/sendPersonal')).deliverPersonalMessages(port, mail && { fetch: deps.fetch, tokens: mail.tokens, root: mail.root, now: deps.now }, security, state.messages, emails);
        set({ lastRun: { ...state.lastRun, ...Object.fromEntries(out.results.map((r) => [r.email, r])) }, deliveries: await readDeliveries(port) });
        return out.text;
      }),
    /** Saves the current choices as the default for all meetings (roaming settings). */
    saveDefault: () =>
      act('Saving your default', async () => {
        await savePrefs(port, state.choices, state.settings?.locked ?? []);
        return 'Saved as your default for all meetings.';
      }),
    /** The roster as CSV (invitee, passcode, personal link), or null when there is none. */
    /** The roster as CSV, or null without one (the export is loaded on first use). */
    rosterCsv: async (): Promise<string | null> =>
      state.security?.roster && state.meeting && state.settings ? (await import('../logic/rosterCsv')).rosterCsv(state.meeting, state.security, state.settings) : null,
    /** Who came (the meeting service's attendance record of this meeting; loaded on first use). */
    attendance: async () => (await import('../logic/attendance')).loadAttendance(port, state.settings?.service ?? null, { fetch: deps.fetch, tokens: state.settings?.service ? tokens(state.settings.service) : null }),
  };
}

/** The controller's type. */
export type PaneController = ReturnType<typeof createPaneController>;
