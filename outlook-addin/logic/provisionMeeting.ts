/**
 * Registering the meeting with the SecureJoin meeting service, shared by the task pane and the
 * event runtime: `PUT <service>/api/v1/meetings/<id>` with `{ subject, room }` and the
 * organizer's token. The meeting id (nanoid) and the ETag of the version this item last wrote
 * live in the item's sessionData, so both writers address one meeting: the first write creates
 * it (`If-None-Match: *`), later ones replace it (`If-Match`). The service registers the room on
 * the conference node (a changed alias withdraws the old room there).
 *
 * The service mints every alias (issue 18, ./minted.ts): a create carries none, a replace carries
 * back only those it minted for this meeting, and the aliases of its answer are adopted into the
 * block and sessionData (./register.ts writes, ./adoption.ts adopts; both load on first use, after
 * the task pane's first paint). Until then the block may show local placeholders, which
 * the send check (a registration with `sent: true`) replaces before the invite goes out.
 *
 * Outlook shares the item between the task pane and the event runtime without compare-and-set,
 * so both may write. A 412 means the other one wrote first: read the item again (the item is the
 * truth), and when the other write already holds exactly the item's current state, adopt it;
 * otherwise re-apply the item's current state over the service's current version, once. Neither
 * thus overwrites a newer write with an older state. Every failure comes back with words to show
 * (the caller shows them or refuses the send), never as a swallowed error.
 */
import { nanoid } from 'nanoid';
import type { MeetingServicePolicy } from '../../core/policy';
import { bodyWasSent, meetingBody, parseMeetingRecord } from './meetingService';
import type { MeetingRecord } from './meetingService';
import { MEETING_SESSION_KEY, SECURITY_SESSION_KEY } from './port';
import type { ItemPort } from './port';
import { parseSecurity } from './security';
import { tokenOrProblem } from './tokens';
import type { TokenSource } from './tokens';
import type { MeetingSecurity, MeetingSnapshot, OrganizerSettings } from './types';
import { BUTTON, press } from './wording';

/** A fetch answer as the logic reads it (the browser's Response fits). */
export interface ServiceResponse {
  status: number;
  headers: { get(name: string): string | null };
  text(): Promise<string>;
}

/** The fetch the caller provides (the browser's, or a test's). */
export type ProvisionFetch = (url: string, init: { method: string; headers: Record<string, string>; body?: string }) => Promise<ServiceResponse>;

/** What {@link provisionMeeting} did. */
export type ProvisionResult =
  /** The policy names no meeting service. */
  | { state: 'not-configured' }
  /** The codes were read back from the body: their PINs are unknown, nothing can be registered. */
  | { state: 'not-possible'; message: string }
  /** The service already holds exactly this meeting, as this item wrote (or adopted) it. */
  | { state: 'unchanged' }
  /** `adopted`: the codes with the aliases the service minted, now in the block and sessionData (when they changed). */
  | { state: 'ok'; created: boolean; adopted?: MeetingSecurity }
  /** `signIn`: no token could be had (the organizer must sign in); `aliasesRefused`: 400 aliases_are_minted (the fix: get new links). */
  | { state: 'failed'; message: string; signIn?: boolean; aliasesRefused?: boolean };

/** Options of {@link provisionMeeting} and {@link withdrawMeeting}. */
export interface ProvisionOptions {
  fetch: ProvisionFetch;
  /** Tokens for the service; null when this runtime cannot sign in. */
  tokens: TokenSource | null;
  /** May a sign-in window be shown (task pane: yes; event runtime: no). */
  interactive: boolean;
  /** Now, UTC ms (the body does not depend on it: a series is registered whole). */
  now: number;
  /** Send even when the service holds this very meeting already (an explicit organizer action). */
  force?: boolean;
  /**
   * The invite is being sent (the send check): register with `sent: true`. Otherwise the meeting
   * is registered as a draft, unless this item registered it as sent before (an update of a sent
   * meeting must not switch its codes off until the update goes out).
   */
  sending?: boolean;
}

/** 21 characters of A-Za-z0-9_- (the ids the service accepts), from crypto.getRandomValues without bias. */
const newMeetingId = () => nanoid();

const errorText = (error: unknown) => (error instanceof Error ? error.message : String(error));

const NO_SESSION_DATA = 'This Outlook cannot keep the meeting\'s registration with the item (it needs Mailbox requirement set 1.11), so it cannot be registered with the meeting service.';

/** The item's meeting record for `service`, or null. */
export async function readRecord(port: ItemPort, service: MeetingServicePolicy): Promise<MeetingRecord | null> {
  const record = parseMeetingRecord(await port.getSessionData(MEETING_SESSION_KEY).catch(() => null));
  return record && record.service === service.url ? record : null;
}

/**
 * The write body this item last registered with the service (for the pane's comparison), null
 * when it registered none, undefined when unknown (no service, or written without an ETag).
 */
export async function registeredBody(port: ItemPort, settings: OrganizerSettings): Promise<string | null | undefined> {
  const record = settings.service ? await readRecord(port, settings.service) : undefined;
  return record === undefined ? undefined : record?.etag ? (record.sent ?? undefined) : null;
}

export const saveRecord = (port: ItemPort, record: MeetingRecord | null) => port.setSessionData(MEETING_SESSION_KEY, record ? JSON.stringify(record) : '').catch(() => false);

/** One request to the service; a network failure becomes status 0 with its reason as text. */
export async function call(fetch: ProvisionFetch, url: string, init: { method: string; headers: Record<string, string>; body?: string }): Promise<{ status: number; etag: string | null; text: string }> {
  try {
    const res = await fetch(url, init);
    return { status: res.status, etag: res.headers.get('etag'), text: await res.text() };
  } catch (error) {
    return { status: 0, etag: null, text: errorText(error) };
  }
}

/** The service's current ETag of a meeting (after a 412 without one), or null when it has none. */
export async function currentEtag(fetch: ProvisionFetch, url: string, auth: Record<string, string>): Promise<string | null> {
  const res = await call(fetch, url, { method: 'GET', headers: auth });
  return res.status === 200 ? res.etag : null;
}

/**
 * A network failure in plain words. The browser's own reason ("Failed to fetch", "NetworkError
 * when attempting to fetch resource.") says nothing more to an organizer, so it is left out.
 */
export const unreachable = (service: MeetingServicePolicy) => `SecureJoin could not reach the meeting service (${service.url}). Check your network connection.`;

/** What a write would send for the item's state as it is now: the meeting and codes it is built from, and the body. */
export interface ItemWrite {
  meeting: MeetingSnapshot;
  security: MeetingSecurity;
  body: string;
}

/** The write of the item's state as it is now (`create`: carrying no alias), or null when it holds no registrable meeting. */
export async function currentWrite(port: ItemPort, settings: OrganizerSettings, sent: boolean, create = false): Promise<ItemWrite | null> {
  const security = parseSecurity(await port.getSessionData(SECURITY_SESSION_KEY).catch(() => null));
  if (!security || security.hostPin === '') return null;
  const meeting = await port.getSnapshot();
  return { meeting, security, body: meetingBody(meeting, security, settings, sent, create) };
}

/** The body of the item's state as it is now, or null when it holds no registrable meeting. */
export async function currentBody(port: ItemPort, settings: OrganizerSettings, sent: boolean): Promise<string | null> {
  return (await currentWrite(port, settings, sent))?.body ?? null;
}

/**
 * Registers the meeting with the policy's meeting service unless it holds this very meeting
 * already (see the module comment for ids, ETags and conflicts). The body is built from the
 * item's state as it is after the meeting record was read (the caller keeps `security` in
 * sessionData first), so an ETag is never paired with an older state than the one it names;
 * `meeting` and `security` are used where the host keeps no sessionData. Never throws.
 */
export async function provisionMeeting(port: ItemPort, meeting: MeetingSnapshot, security: MeetingSecurity, settings: OrganizerSettings, opts: ProvisionOptions): Promise<ProvisionResult> {
  const service = settings.service;
  if (!service) return { state: 'not-configured' };
  if (security.hostPin === '') return { state: 'not-possible', message: `The codes in the invite were read back from its text (their PINs are unknown), so they cannot be registered: open SecureJoin and ${press(BUTTON.regenerate)}.` };
  let record = await readRecord(port, service);
  const sent = opts.sending === true || bodyWasSent(record?.sent ?? null);
  let write: ItemWrite;
  try {
    write = (await currentWrite(port, settings, sent)) ?? { meeting, security, body: meetingBody(meeting, security, settings, sent) };
  } catch (error) {
    return { state: 'failed', message: `The meeting could not be prepared for the meeting service: ${errorText(error)}` };
  }
  if (!opts.force && record?.etag && record.sent === write.body) return { state: 'unchanged' };
  if (!record) {
    // Kept before anything is sent, so both writers address this one meeting.
    record = { service: service.url, id: newMeetingId(), etag: null, sent: null };
    if (!(await saveRecord(port, record))) return { state: 'failed', message: NO_SESSION_DATA };
  }
  const token = await tokenOrProblem(opts.tokens, { interactive: opts.interactive });
  if (!token.ok) return { state: 'failed', message: token.message, signIn: true };
  // The writing itself loads on first use (./register.ts): the task pane's first paint does without it.
  try {
    return await (await import('./register')).registerNow(port, settings, service, record, write, sent, token.token, opts);
  } catch (error) {
    return { state: 'failed', message: `SecureJoin could not load a step of the registration: ${errorText(error)}` };
  }
}

/** What {@link withdrawMeeting} did. */
export type WithdrawResult = { state: 'nothing' } | { state: 'ok' } | { state: 'failed'; message: string; signIn?: boolean };

/**
 * Deletes the meeting this item registered (the organizer removed the block), so its codes stop
 * opening the room (./withdraw). Loaded on first use: removing the block is rare, and the task
 * pane's first paint does without it. Never throws.
 */
export async function withdrawMeeting(port: ItemPort, settings: OrganizerSettings, opts: Omit<ProvisionOptions, 'now' | 'force'>): Promise<WithdrawResult> {
  try {
    return await (await import('./withdraw')).withdrawMeetingNow(port, settings, opts);
  } catch (error) {
    return { state: 'failed', message: `The meeting could not be removed from the meeting service, so its codes still open the room. SecureJoin could not load its removal step: ${errorText(error)}` };
  }
}
