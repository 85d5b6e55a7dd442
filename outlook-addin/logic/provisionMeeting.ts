/**
 * Registering the meeting on its conference node, shared by the task pane and the event
 * runtime: build the request, skip it when the node already has exactly this meeting, send it,
 * read the answer, remember what the node accepted. A room registered before under another
 * alias (the organizer generated new codes, or removed the block) is withdrawn from the node, so
 * codes that are no longer in the invite stop working. Every failure comes back as a result with
 * words to show (the caller shows it or refuses to send), never as a swallowed error.
 */
import { PROVISIONED_SESSION_KEY } from './port';
import type { ItemPort } from './port';
import { provisioningOutcome, provisioningRequest } from './provisioning';
import type { MeetingSecurity, MeetingSnapshot, OrganizerSettings } from './types';

/** The fetch the caller provides (the browser's, or a test's). */
export type ProvisionFetch = (url: string, init: { method: string; headers: Record<string, string>; body?: string }) => Promise<{ status: number; text(): Promise<string> }>;

/** What {@link provisionMeeting} did. */
export type ProvisionResult =
  /** The policy names no provisioning endpoint for the node. */
  | { state: 'not-configured' }
  /** The codes were read back from the body: their PINs are unknown, nothing can be registered. */
  | { state: 'not-possible'; message: string }
  /** The node already holds exactly this meeting (same request accepted before). */
  | { state: 'unchanged' }
  | { state: 'ok'; created: boolean }
  | { state: 'failed'; message: string };

/** Options of {@link provisionMeeting}. */
export interface ProvisionOptions {
  fetch: ProvisionFetch;
  /** Now, UTC ms (the request does not depend on it: a series is registered whole). */
  now: number;
  /** Send even when the node accepted the same request before (an explicit organizer action). */
  force?: boolean;
}

const errorText = (error: unknown) => (error instanceof Error ? error.message : String(error));

/**
 * Registers `security` for `meeting` on `settings.node` (`PUT <provisioningUrl>/rooms/<alias>`)
 * unless the node already accepted this very request for this item. Never throws.
 */
export async function provisionMeeting(port: ItemPort, meeting: MeetingSnapshot, security: MeetingSecurity, settings: OrganizerSettings, opts: ProvisionOptions): Promise<ProvisionResult> {
  const node = settings.node;
  if (!node?.provisioningUrl) return { state: 'not-configured' };
  if (security.hostPin === '') return { state: 'not-possible', message: 'The codes in the invite were read back from its text (their PINs are unknown), so they cannot be registered; generate new codes.' };
  let key: string;
  let req: ReturnType<typeof provisioningRequest>;
  try {
    req = provisioningRequest(meeting, security, settings, node, { now: opts.now });
    key = `${req.url}\n${req.init.body}`;
  } catch (error) {
    return { state: 'failed', message: `The meeting could not be prepared for the conference node: ${errorText(error)}` };
  }
  const previous = await port.getSessionData(PROVISIONED_SESSION_KEY).catch(() => null);
  if (!opts.force && previous === key) return { state: 'unchanged' };
  let status: number;
  let text: string;
  try {
    const res = await opts.fetch(req.url, req.init);
    status = res.status;
    text = await res.text();
  } catch (error) {
    return { state: 'failed', message: `Could not reach the conference node (${node.provisioningUrl}): ${errorText(error)}` };
  }
  const outcome = provisioningOutcome(status, text);
  if (!outcome.ok) return { state: 'failed', message: outcome.message };
  await port.setSessionData(PROVISIONED_SESSION_KEY, key).catch(() => false);
  const oldUrl = urlOf(previous);
  if (oldUrl && oldUrl !== req.url) {
    const withdrawn = await deleteRoom(oldUrl, req.init.headers, opts.fetch);
    if (withdrawn) return { state: 'failed', message: `The new room is registered, but the previous one could not be removed, so its codes still open it: ${withdrawn}` };
  }
  return { state: 'ok', created: outcome.created };
}

/** The room URL of a remembered request (its first line), or null. */
const urlOf = (remembered: string | null): string | null => (remembered ? (remembered.split('\n', 1)[0] ?? null) || null : null);

/** DELETEs a room; null when it is gone (204, or 404: gone already), else why not. */
async function deleteRoom(url: string, headers: Record<string, string>, fetch: ProvisionFetch): Promise<string | null> {
  const { 'content-type': _json, ...rest } = headers;
  try {
    const res = await fetch(url, { method: 'DELETE', headers: rest });
    if (res.status === 204 || res.status === 404) return null;
    const outcome = provisioningOutcome(res.status, await res.text());
    return outcome.ok ? null : outcome.message;
  } catch (error) {
    return `Could not reach the conference node: ${errorText(error)}`;
  }
}

/** What {@link withdrawMeeting} did. */
export type WithdrawResult = { state: 'nothing' } | { state: 'ok' } | { state: 'failed'; message: string };

/**
 * Removes the room this item registered on the node (the organizer removed the block), so its
 * codes stop working. Forgets the registration once the node confirms. Never throws.
 */
export async function withdrawMeeting(port: ItemPort, opts: { fetch: ProvisionFetch }): Promise<WithdrawResult> {
  const url = urlOf(await port.getSessionData(PROVISIONED_SESSION_KEY).catch(() => null));
  if (!url) return { state: 'nothing' };
  const failed = await deleteRoom(url, {}, opts.fetch);
  if (failed) return { state: 'failed', message: `The room could not be removed from the conference node, so its codes still open it: ${failed}` };
  await port.setSessionData(PROVISIONED_SESSION_KEY, '').catch(() => false);
  return { state: 'ok' };
}
