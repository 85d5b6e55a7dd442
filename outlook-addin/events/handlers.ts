/**
 * The event-based activation handlers. Each one reads the item through the ItemPort, decides
 * with the shared logic, writes back, and calls `event.completed()` exactly once on every path,
 * errors included (Outlook otherwise waits for the handler until it times out).
 */
import { findInviteBlock } from '../../core/invite/upsert';
import { createSecurity, organizerSettings, provisionMeeting, smartAlertText } from '../logic';
import { planSend, subjectNotUpdatedText } from '../logic/sendPlan';
import type { SendPlan } from '../logic/sendPlan';
import { loadPolicy } from '../logic/policyFile';
import type { MeetingServicePolicy, Policy } from '../../core/policy';
import type { ItemPort, LoadedPolicy, MeetingSecurity, MeetingSnapshot, OrganizerSettings, ProvisionFetch, TokenSource } from '../logic';
import { readPrefs, readSecurity, saveSecurity, securityForUpdate, writeSecurity } from '../logic/session';
import { securityFromBody, syncAttendees } from '../logic/security';
import { unmintedAliases } from '../logic/minted';
import { paneOwnsUpdates } from '../logic/ownership';
import { saveSentInvite } from '../logic/sentInvite';
import { deliveryWarning, readDeliveries } from '../logic/delivery';
import type { OfficeLaunchEvent } from '../office/officeTypes';
import type { LaunchFunctionName } from './launchEvents';
import { BUTTON, press, sentences } from '../logic/wording';

/** What the handlers need from their runtime. */
export interface EventDeps {
  /** The ItemPort for the item the event is about. */
  port(): ItemPort;
  /** policy.json's text, or null when it cannot be fetched (then the secure defaults apply). */
  loadPolicyText(): Promise<string | null>;
  /** Where errors go (the runtime has no UI); default: nowhere. */
  log?(message: string): void;
  /**
   * The runtime's fetch, for registering meetings with the meeting service (policy
   * `meetingService`); without it nothing is registered and a send that needs it is refused.
   */
  fetch?: ProvisionFetch;
  /**
   * Tokens for the policy's meeting service (silent only: the runtime has no UI). Called only when
   * the policy names one; without it (or when it gives no token) a send that needs it is refused.
   */
  tokens?(service: MeetingServicePolicy): TokenSource | null;
  /** Now in UTC ms; default Date.now. */
  now?(): number;
}

/** A launch-event handler as `Office.actions.associate` takes it. */
export type LaunchHandler = (event: OfficeLaunchEvent) => Promise<void>;

/** The policy and this organizer's settings under it. */
async function context(deps: EventDeps, port: ItemPort): Promise<{ loaded: LoadedPolicy; settings: OrganizerSettings }> {
  let text: string | null = null;
  try {
    text = await deps.loadPolicyText();
  } catch {
    text = null;
  }
  const loaded = loadPolicy(text);
  return { loaded, settings: organizerSettings(loaded.policy, await readPrefs(port)) };
}

/** Runs `work`, then completes the event once, whatever happened. */
function completing(deps: EventDeps, name: string, work: (port: ItemPort) => Promise<void>): LaunchHandler {
  return async (event) => {
    try {
      await work(deps.port());
    } catch (error) {
      deps.log?.(`${name}: ${error instanceof Error ? error.message : String(error)}`);
    } finally {
      event.completed();
    }
  };
}

/**
 * Like {@link completing} for a change handler: skips the work while an open task pane owns
 * updates (logic/ownership.ts), so the item has one writer and one set of passcodes.
 */
function changeHandler(deps: EventDeps, name: string, work: (port: ItemPort) => Promise<void>): LaunchHandler {
  return completing(deps, name, async (port) => {
    if (await paneOwnsUpdates(port, deps.now?.() ?? Date.now())) return;
    await work(port);
  });
}

/** Why a registration failed, and whether signing in would help. */
interface RegisterFailure {
  message: string;
  signIn: boolean;
  /** The service refused the aliases carried back (the fix is new ones, in the pane). */
  aliasesRefused?: boolean;
}

/**
 * Registers the meeting with the meeting service when it does not hold exactly this meeting yet.
 * Null when done (or nothing to do), else why it failed.
 */
async function register(deps: EventDeps, port: ItemPort, meeting: MeetingSnapshot, security: MeetingSecurity, settings: OrganizerSettings, sending = false): Promise<RegisterFailure | null> {
  if (!settings.service) return null;
  if (!deps.fetch) return { message: 'This Outlook gives SecureJoin no network access while sending.', signIn: false };
  let tokens: TokenSource | null = null;
  try {
    tokens = deps.tokens?.(settings.service) ?? null;
  } catch {
    tokens = null;
  }
  const result = await provisionMeeting(port, meeting, security, settings, { fetch: deps.fetch, tokens, interactive: false, now: deps.now?.() ?? Date.now(), sending });
  if (result.state === 'failed') return { message: result.message, signIn: result.signIn === true, aliasesRefused: result.aliasesRefused === true };
  if (result.state === 'not-possible') return { message: result.message, signIn: false };
  return sending ? await unmintedInInvite(port, settings.service) : null;
}

/**
 * After the send check registered the meeting: null when the invite about to go out shows only
 * aliases the service minted (its block's link and access code are the codes' own, and every
 * alias of the codes is minted), else why not. Never lets a local placeholder go out.
 */
async function unmintedInInvite(port: ItemPort, service: MeetingServicePolicy): Promise<RegisterFailure | null> {
  const security = await readSecurity(port);
  const shown = securityFromBody((await port.getSnapshot()).bodyHtml);
  const placeholders = security ? unmintedAliases(security, service) : ['?'];
  // Without an access code the block's "Access code" line shows the guest PIN (not an alias).
  const code = security ? (security.accessCode ?? security.guestPin) : null;
  if (security && shown && shown.alias === security.alias && (shown.accessCode ?? null) === code && placeholders.length === 0) return null;
  return { message: `The invite's links or access code are not the ones the meeting service made for this meeting. Open SecureJoin and ${press(BUTTON.update)}`, signIn: false };
}

/** Re-renders an existing block after the time or the recurrence changed, and re-registers the meeting. */
async function refreshBlock(deps: EventDeps, port: ItemPort, name: string): Promise<void> {
  const meeting = await port.getSnapshot();
  if (!findInviteBlock(meeting.bodyHtml, 'html')) return;
  const found = await securityForUpdate(port, meeting.bodyHtml);
  if (!found) return;
  const { settings } = await context(deps, port);
  const written = await writeSecurity(port, meeting, found.security, settings, { save: !found.fromBody });
  if (found.fromBody) return;
  // No UI here: a failure is logged, and the send check registers again (and refuses if it fails).
  const failed = await register(deps, port, await port.getSnapshot(), written, settings);
  if (failed) deps.log?.(`${name}: ${failed.message}`);
}

/**
 * The security to check and register at send: sessionData's, its per-invitee roster matched to
 * the attendees as sent (kept when it changed). An attendee change no one synced (the task pane
 * owned updates but closed, or a handler failed) thus still reaches the node with the item.
 */
async function sendSecurity(port: ItemPort, meeting: MeetingSnapshot, settings: OrganizerSettings): Promise<MeetingSecurity | null> {
  const stored = await readSecurity(port);
  if (!stored || stored.passcodeMode !== 'per-invitee') return stored;
  const synced = syncAttendees(meeting, stored, settings);
  if (JSON.stringify(synced) !== JSON.stringify(stored)) await saveSecurity(port, synced);
  return synced;
}

/**
 * Writes the body {@link planSend} re-rendered with the item's current subject, reads the item
 * back and plans again: the meeting as it now is and what to do with it. A failed write, or a
 * write that did not stick (the plan still wants a rewrite), refuses with words naming "Update block".
 */
async function writeSubject(deps: EventDeps, port: ItemPort, bodyHtml: string, security: MeetingSecurity | null, policy: Policy, settings: OrganizerSettings): Promise<{ meeting: MeetingSnapshot | null; plan: SendPlan }> {
  try {
    await port.setBodyHtml(bodyHtml);
  } catch (error) {
    deps.log?.(`onAppointmentSend: the new subject could not be written into the block: ${error instanceof Error ? error.message : String(error)}`);
    return { meeting: null, plan: { action: 'refuse', message: subjectNotUpdatedText() } };
  }
  const meeting = await port.getSnapshot();
  const plan = planSend(meeting, security, policy, settings);
  return { meeting, plan: plan.action === 'rewrite-subject' ? { action: 'refuse', message: subjectNotUpdatedText() } : plan };
}

/** The Smart Alerts text when the meeting could not be registered with the meeting service (at most 500 characters). */
function registerDenial(failure: RegisterFailure): string {
  const next = failure.signIn
    ? ` Open SecureJoin and ${press(BUTTON.signIn)}, then send again.`
    : failure.aliasesRefused
      ? ` Open SecureJoin and ${press(BUTTON.newLinks)}, then send again.`
      : ' Send again to retry.';
  return smartAlertText(sentences('SecureJoin: this meeting could not be registered with the meeting service, so its codes would not open the room', failure.message), next);
}

/**
 * The five handlers, by the FunctionName the manifest uses:
 * - `onNewAppointmentOrganizer`: inserts the block when the settings say so (access code on) and
 *   the body has none yet, registering the draft first when the policy names a meeting service
 *   (the block then carries the aliases it minted);
 * - the change handlers below do nothing while an open task pane owns updates (logic/ownership.ts);
 * - `onAppointmentTimeChanged` / `onAppointmentRecurrenceChanged`: re-renders an existing block
 *   (activation date and time, "before each occurrence") and registers the meeting's new window
 *   with the meeting service;
 * - `onAppointmentAttendeesChanged`: keeps per-invitee passcodes matched to the attendees and
 *   registers the new roster with the meeting service;
 * - `onAppointmentSend`: Smart Alerts; first brings the block's "Meeting:" line up to date with
 *   the item's subject when that is the only difference (logic/sendPlan.ts: written, read back
 *   and checked again; refused naming "Update block" when the write fails). Then
 *   `completed({ allowEvent: false, errorMessage })` when the check fails, also when the check
 *   itself fails (fail closed), and when the meeting cannot be
 *   registered with the meeting service (policy `meetingService`) as it is now, a missing
 *   sign-in included (per-invitee roster synced with the attendees first); a warning the organizer
 *   may send past (`sendModeOverride: 'promptUser'`) when personal messages went out but invitees
 *   added since have none (logic/delivery.ts). Until this check
 *   registers it with `sent: true`, the service holds the meeting as a draft that opens nothing.
 */
export function createEventHandlers(deps: EventDeps): Record<LaunchFunctionName, LaunchHandler> {
  return {
    onNewAppointmentOrganizer: completing(deps, 'onNewAppointmentOrganizer', async (port) => {
      const { loaded, settings } = await context(deps, port);
      if (!settings.autoInsert || !settings.node) return;
      const meeting = await port.getSnapshot();
      if (findInviteBlock(meeting.bodyHtml, 'html')) return;
      const security = createSecurity(meeting, settings.choices, settings, loaded.policy);
      // With a meeting service the draft is registered first, so the block goes in once, with the
      // aliases the service minted; when that fails (logged) it shows placeholders until the pane
      // or the send check registers it.
      if (settings.service && (await saveSecurity(port, syncAttendees(meeting, security, settings)))) {
        const failed = await register(deps, port, meeting, security, settings);
        if (failed) deps.log?.(`onNewAppointmentOrganizer: ${failed.message}`);
        await writeSecurity(port, await port.getSnapshot(), (await readSecurity(port)) ?? security, settings);
        return;
      }
      await writeSecurity(port, meeting, security, settings);
    }),
    onAppointmentTimeChanged: changeHandler(deps, 'onAppointmentTimeChanged', (port) => refreshBlock(deps, port, 'onAppointmentTimeChanged')),
    onAppointmentRecurrenceChanged: changeHandler(deps, 'onAppointmentRecurrenceChanged', (port) => refreshBlock(deps, port, 'onAppointmentRecurrenceChanged')),
    onAppointmentAttendeesChanged: changeHandler(deps, 'onAppointmentAttendeesChanged', async (port) => {
      const security = await readSecurity(port);
      if (!security || security.passcodeMode !== 'per-invitee') return;
      const meeting = await port.getSnapshot();
      const { settings } = await context(deps, port);
      if (!findInviteBlock(meeting.bodyHtml, 'html')) return void (await saveSecurity(port, syncAttendees(meeting, security, settings)));
      const written = await writeSecurity(port, meeting, security, settings);
      // New invitees' passcodes must open the room; a failure is logged and the send check retries.
      const failed = await register(deps, port, await port.getSnapshot(), written, settings);
      if (failed) deps.log?.(`onAppointmentAttendeesChanged: ${failed.message}`);
    }),
    onAppointmentSend: async (event) => {
      let options: { allowEvent: boolean; errorMessage?: string; sendModeOverride?: 'promptUser' };
      try {
        const port = deps.port();
        let meeting = await port.getSnapshot();
        const { loaded, settings } = await context(deps, port);
        const security = await sendSecurity(port, meeting, settings);
        let plan = planSend(meeting, security, loaded.policy, settings);
        // Only the subject line is stale (a subject typed after the block went in): write it, then check again.
        if (plan.action === 'rewrite-subject') {
          const written = await writeSubject(deps, port, plan.bodyHtml, security, loaded.policy, settings);
          plan = written.plan;
          meeting = written.meeting ?? meeting;
        }
        // The block is right: make sure the service (and through it the node) holds this very meeting (a move by drag and drop
        // raises no time-changed event, a new subject none at all), or the codes in the invite would not open the room.
        const failed = plan.action === 'allow' && security && findInviteBlock(meeting.bodyHtml, 'html') ? await register(deps, port, meeting, security, settings, true) : null;
        if (plan.action !== 'allow') options = { allowEvent: false, errorMessage: plan.action === 'refuse' ? plan.message : subjectNotUpdatedText() };
        else options = failed ? { allowEvent: false, errorMessage: registerDenial(failed) } : { allowEvent: true };
        // Invitees added since the personal messages went out would get an invite they cannot use: a warning (send anyway possible).
        const missing = options.allowEvent ? deliveryWarning(await readSecurity(port), await readDeliveries(port)) : null;
        if (missing) options = { allowEvent: false, errorMessage: smartAlertText(missing, ''), sendModeOverride: 'promptUser' };
        // What the invite going out says: the pane then knows an update is due when the block changes after this.
        if (options.allowEvent) await saveSentInvite(port, (await port.getSnapshot()).bodyHtml);
      } catch (error) {
        deps.log?.(`onAppointmentSend: ${error instanceof Error ? error.message : String(error)}`);
        options = { allowEvent: false, errorMessage: `SecureJoin could not check this invite. Open SecureJoin and ${press(BUTTON.update)} (or ${press(BUTTON.insert)}), then send again.` };
      }
      event.completed(options);
    },
  };
}
