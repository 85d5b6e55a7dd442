/**
 * The event-based activation handlers. Each one reads the item through the ItemPort, decides
 * with the shared logic, writes back, and calls `event.completed()` exactly once on every path,
 * errors included (Outlook otherwise waits for the handler until it times out).
 */
import { findInviteBlock } from '../../core/invite';
import { checkBeforeSend, createSecurity, loadPolicy, organizerSettings } from '../logic';
import type { ItemPort, LoadedPolicy, OrganizerSettings } from '../logic';
import { readPrefs, readSecurity, saveSecurity, securityForUpdate, writeSecurity } from '../logic/session';
import { syncAttendees } from '../logic/security';
import type { OfficeLaunchEvent } from '../office/officeTypes';
import type { LaunchFunctionName } from './launchEvents';

/** What the handlers need from their runtime. */
export interface EventDeps {
  /** The ItemPort for the item the event is about. */
  port(): ItemPort;
  /** policy.json's text, or null when it cannot be fetched (then the secure defaults apply). */
  loadPolicyText(): Promise<string | null>;
  /** Where errors go (the runtime has no UI); default: nowhere. */
  log?(message: string): void;
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

/** Re-renders an existing block after the time or the recurrence changed. */
async function refreshBlock(deps: EventDeps, port: ItemPort): Promise<void> {
  const meeting = await port.getSnapshot();
  if (!findInviteBlock(meeting.bodyHtml, 'html')) return;
  const found = await securityForUpdate(port, meeting.bodyHtml);
  if (!found) return;
  const { settings } = await context(deps, port);
  await writeSecurity(port, meeting, found.security, settings, { save: !found.fromBody });
}

/**
 * The five handlers, by the FunctionName the manifest uses:
 * - `onNewAppointmentOrganizer`: inserts the block when the settings say so (access code on) and
 *   the body has none yet;
 * - `onAppointmentTimeChanged` / `onAppointmentRecurrenceChanged`: re-renders an existing block
 *   (activation time, "before each occurrence");
 * - `onAppointmentAttendeesChanged`: keeps per-invitee passcodes matched to the attendees;
 * - `onAppointmentSend`: Smart Alerts; `completed({ allowEvent: false, errorMessage })` when the
 *   check fails, also when the check itself fails (fail closed).
 */
export function createEventHandlers(deps: EventDeps): Record<LaunchFunctionName, LaunchHandler> {
  return {
    onNewAppointmentOrganizer: completing(deps, 'onNewAppointmentOrganizer', async (port) => {
      const { loaded, settings } = await context(deps, port);
      if (!settings.autoInsert || !settings.node) return;
      const meeting = await port.getSnapshot();
      if (findInviteBlock(meeting.bodyHtml, 'html')) return;
      const security = createSecurity(meeting, settings.choices, settings, loaded.policy);
      await writeSecurity(port, meeting, security, settings);
    }),
    onAppointmentTimeChanged: completing(deps, 'onAppointmentTimeChanged', (port) => refreshBlock(deps, port)),
    onAppointmentRecurrenceChanged: completing(deps, 'onAppointmentRecurrenceChanged', (port) => refreshBlock(deps, port)),
    onAppointmentAttendeesChanged: completing(deps, 'onAppointmentAttendeesChanged', async (port) => {
      const security = await readSecurity(port);
      if (!security || security.passcodeMode !== 'per-invitee') return;
      const meeting = await port.getSnapshot();
      const { settings } = await context(deps, port);
      if (findInviteBlock(meeting.bodyHtml, 'html')) await writeSecurity(port, meeting, security, settings);
      else await saveSecurity(port, syncAttendees(meeting, security, settings));
    }),
    onAppointmentSend: async (event) => {
      let options: { allowEvent: boolean; errorMessage?: string };
      try {
        const port = deps.port();
        const meeting = await port.getSnapshot();
        const { loaded, settings } = await context(deps, port);
        const decision = checkBeforeSend(meeting, await readSecurity(port), loaded.policy, settings);
        options = decision.allow ? { allowEvent: true } : { allowEvent: false, errorMessage: decision.message };
      } catch (error) {
        deps.log?.(`onAppointmentSend: ${error instanceof Error ? error.message : String(error)}`);
        options = { allowEvent: false, errorMessage: 'SecureJoin could not check this invite. Open SecureJoin and choose "Insert or update", then send again.' };
      }
      event.completed(options);
    },
  };
}
