/**
 * Event-based activation in the playground: runs the handler the manifest names for a launch
 * event in the event runtime frame, one event at a time (Outlook queues them too), and decides
 * what Send does with the Smart Alerts answer.
 */
import type { CompletedOptions, LaunchEventInit, PlaygroundHost } from './hostState';
import type { ManifestInfo } from './manifestInfo';

/** Lowest Mailbox requirement set per launch event (platform facts, section 5). */
export const LAUNCH_EVENT_MIN_VERSION: Readonly<Record<string, string>> = {
  OnNewAppointmentOrganizer: '1.10',
  OnAppointmentTimeChanged: '1.11',
  OnAppointmentAttendeesChanged: '1.11',
  OnAppointmentRecurrenceChanged: '1.11',
  OnAppointmentSend: '1.12',
};

/** What one dispatch did. `completed` is null when no handler ran. */
export interface DispatchOutcome {
  type: string;
  functionName: string | null;
  completed: CompletedOptions | null;
  /** Why no handler ran: not in the manifest, not supported, or never associated. */
  skipped: string | null;
}

/** How long a launch event waits for the runtime to associate its handler, in ms. */
export const ASSOCIATE_WAIT_MS = 5_000;

/** Runs launch events against `host` as the manifest says, strictly one after another. */
export function createLauncher(host: PlaygroundHost, manifest: () => ManifestInfo, supports: (version: string) => boolean) {
  let queue: Promise<unknown> = Promise.resolve();

  async function waitForAction(name: string) {
    const until = Date.now() + ASSOCIATE_WAIT_MS;
    for (;;) {
      const action = host.action(name);
      if (action || Date.now() > until) return action;
      await new Promise((r) => setTimeout(r, 50));
    }
  }

  async function run(type: string, init: LaunchEventInit): Promise<DispatchOutcome> {
    const entry = manifest().launchEvents.find((e) => e.type === type);
    if (!entry) return { type, functionName: null, completed: null, skipped: 'not declared in the manifest' };
    const min = LAUNCH_EVENT_MIN_VERSION[type] ?? '1.10';
    if (!supports(min)) return { type, functionName: entry.functionName, completed: null, skipped: `needs Mailbox ${min}` };
    const action = await waitForAction(entry.functionName);
    if (!action) return { type, functionName: entry.functionName, completed: null, skipped: `${entry.functionName} was never associated` };
    return { type, functionName: entry.functionName, completed: await action(init), skipped: null };
  }

  return {
    /** Queues `type`; resolves when its handler called completed() (or was skipped). */
    dispatch(type: string, init: LaunchEventInit): Promise<DispatchOutcome> {
      const next = queue.then(() => run(type, init));
      queue = next.catch(() => undefined);
      return next;
    },
  };
}

/** What Send does after OnAppointmentSend: send, or show the alert (optionally with "Send anyway"). */
export type SendVerdict = { send: true; note: string | null } | { send: false; message: string; canSendAnyway: boolean };

/**
 * The Smart Alerts decision for `outcome` under the manifest's SendMode. An add-in that did not
 * run blocks only with SendMode Block (SoftBlock and PromptUser let the mail go when the add-in
 * is unavailable, as Outlook documents).
 */
export function sendVerdict(outcome: DispatchOutcome, sendMode: string | null): SendVerdict {
  if (!outcome.completed) {
    if (sendMode === 'Block' && outcome.functionName) return { send: false, message: 'The SecureJoin add-in is unavailable, so this meeting cannot be sent.', canSendAnyway: false };
    return { send: true, note: outcome.skipped };
  }
  if (outcome.completed.allowEvent !== false) return { send: true, note: null };
  const message = outcome.completed.errorMessage?.trim() || 'The SecureJoin add-in stopped this meeting from being sent.';
  const canSendAnyway = sendMode === 'PromptUser' || outcome.completed.sendModeOverride === 'promptUser';
  return { send: false, message, canSendAnyway };
}
