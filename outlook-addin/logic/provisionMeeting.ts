/**
 * Registering the meeting with the SecureJoin meeting service, shared by the task pane and the
 * event runtime: `PUT <service>/api/v1/meetings/<id>` with `{ subject, room }` and the
 * organizer's token. The meeting id (nanoid) and the ETag of the version this item last wrote
 * live in the item's sessionData, so both writers address one meeting: the first write creates
 * it (`If-None-Match: *`), later ones replace it (`If-Match`). The service registers the room on
 * the conference node (a changed alias withdraws the old room there).
 *
 * Outlook shares the item between the task pane and the event runtime without compare-and-set,
 * so both may write. A 412 means the other one wrote first: read the item again (the item is the
 * truth), and when the other write already holds exactly the item's current state, adopt it;
 * otherwise re-apply the item's current state over the service's current version, once. Neither
 * thus overwrites a newer write with an older state. Every failure comes back with words to show
 * (the caller shows them or refuses the send), never as a swallowed error.
 */
import { nanoid } from 'nanoid';
// The file, not core/meeting's index: that pulls classic zod and JSON-schema conversion into the task pane.
import { etagOf } from '../../core/meeting/preconditions';
import type { MeetingServicePolicy } from '../../core/policy';
import { bodyWasSent, meetingBody, meetingUrl, parseMeetingRecord, serviceOutcome } from './meetingService';
import type { MeetingRecord } from './meetingService';
import { MEETING_SESSION_KEY, SECURITY_SESSION_KEY } from './port';
import type { ItemPort } from './port';
import { parseSecurity, redrawAliases } from './security';
import { writeSecurity } from './session';
import { tokenOrProblem } from './tokens';
import type { TokenSource } from './tokens';
import type { MeetingSecurity, MeetingSnapshot, OrganizerSettings } from './types';
import { BUTTON, press, sentences } from './wording';

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
  /** `redrawn`: the service answered 409 (an alias taken) and the meeting was registered with fresh aliases, now in the body and sessionData. */
  | { state: 'ok'; created: boolean; redrawn?: MeetingSecurity }
  /** `signIn`: no token could be had (the organizer must sign in). */
  | { state: 'failed'; message: string; signIn?: boolean };

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

/** The body of the item's state as it is now, or null when it holds no registrable meeting. */
export async function currentBody(port: ItemPort, settings: OrganizerSettings, sent: boolean): Promise<string | null> {
  const security = parseSecurity(await port.getSessionData(SECURITY_SESSION_KEY).catch(() => null));
  if (!security || security.hostPin === '') return null;
  return meetingBody(await port.getSnapshot(), security, settings, sent);
}

/**
 * After a 409 (an alias is taken by another meeting): draws every alias again, writes the block
 * and sessionData with them, and returns the new security and body. Null when it cannot be written.
 */
async function redraw(port: ItemPort, meeting: MeetingSnapshot, security: MeetingSecurity, settings: OrganizerSettings, sent: boolean): Promise<{ security: MeetingSecurity; body: string } | null> {
  try {
    const current = parseSecurity(await port.getSessionData(SECURITY_SESSION_KEY).catch(() => null)) ?? security;
    const snapshot = await port.getSnapshot().catch(() => meeting);
    const written = await writeSecurity(port, snapshot, redrawAliases(snapshot, current, settings), settings);
    return { security: written, body: meetingBody(await port.getSnapshot().catch(() => snapshot), written, settings, sent) };
  } catch {
    return null;
  }
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
  let body: string;
  try {
    body = (await currentBody(port, settings, sent)) ?? meetingBody(meeting, security, settings, sent);
  } catch (error) {
    return { state: 'failed', message: `The meeting could not be prepared for the meeting service: ${errorText(error)}` };
  }
  if (!opts.force && record?.etag && record.sent === body) return { state: 'unchanged' };
  if (!record) {
    // Kept before anything is sent, so both writers address this one meeting.
    record = { service: service.url, id: newMeetingId(), etag: null, sent: null };
    if (!(await saveRecord(port, record))) return { state: 'failed', message: 'This Outlook cannot keep the meeting\'s registration with the item (it needs Mailbox requirement set 1.11), so it cannot be registered with the meeting service.' };
  }
  const token = await tokenOrProblem(opts.tokens, { interactive: opts.interactive });
  if (!token.ok) return { state: 'failed', message: token.message, signIn: true };
  const auth = { authorization: `Bearer ${token.token}` };
  const url = meetingUrl(service, record.id);
  const put = (payload: string, etag: string | null) =>
    call(opts.fetch, url, { method: 'PUT', headers: { ...auth, 'content-type': 'application/json', ...(etag ? { 'if-match': etag } : { 'if-none-match': '*' }) }, body: payload });

  let res = await put(body, record.etag);
  if (res.status === 412) {
    // The other writer (task pane or event runtime) wrote first. The item is the truth: take its
    // state as it is now, at least as new as what either of us wrote; adopt their version when it
    // holds exactly that, else write it over their version, once.
    const current = res.etag ?? (await currentEtag(opts.fetch, url, auth));
    const fresh = await currentBody(port, settings, sent).catch(() => null);
    const theirs = await readRecord(port, service);
    if (fresh === null) return { state: 'failed', message: 'The SecureJoin block was removed while the meeting was being registered.' };
    if (current && theirs?.etag === current && theirs.sent === fresh) return { state: 'unchanged' };
    if (!current) return { state: 'failed', message: 'The meeting changed on the meeting service and its current version could not be read: try again.' };
    body = fresh;
    res = await put(body, current);
    if (res.status === 412) return { state: 'failed', message: 'The meeting was changed elsewhere at the same moment (412 twice): try again.' };
  }
  if (res.status === 409 && record.etag === null) {
    // The create found the room's alias taken. When it is this organizer's own meeting (the item
    // lost its meeting record: sessionData is not kept everywhere), adopt that meeting and write
    // the item's state over it, once; another organizer's room stays theirs (409 below).
    const own = await ownMeetingWithAlias(opts.fetch, service, auth, body);
    if (own) {
      record = { service: service.url, id: own.id, etag: own.etag, sent: null };
      res = await call(opts.fetch, meetingUrl(service, own.id), { method: 'PUT', headers: { ...auth, 'content-type': 'application/json', 'if-match': own.etag }, body });
    }
  }
  let redrawn: MeetingSecurity | undefined;
  if (res.status === 409) {
    // An alias is taken by another meeting (aliases are random, so this is rare): draw them all
    // again, write the block with them, and try once more.
    const again = await redraw(port, meeting, security, settings, sent);
    if (!again) return { state: 'failed', message: `An alias of this meeting is already used by another meeting, and new ones could not be written into the invite: open SecureJoin and ${press(BUTTON.regenerate)}.` };
    redrawn = again.security;
    body = again.body;
    res = await put(body, record.etag);
  }
  if (res.status === 404) {
    // Deleted on the service (removed elsewhere, or revoked by an administrator): forget it, so the
    // next write creates a new meeting instead of resurrecting this one behind the admin's back.
    await saveRecord(port, null);
    return { state: 'failed', message: sentences((serviceOutcome(404, res.text) as { message: string }).message, `Open SecureJoin and ${press(BUTTON.update)} to register it again`) };
  }
  if (res.status === 0) return { state: 'failed', message: unreachable(service) };
  const outcome = serviceOutcome(res.status, res.text);
  if (!outcome.ok) return { state: 'failed', message: outcome.message };
  await saveRecord(port, { service: service.url, id: record.id, etag: res.etag, sent: res.etag ? body : null });
  return redrawn ? { state: 'ok', created: outcome.created, redrawn } : { state: 'ok', created: outcome.created };
}

/** The caller's meeting on the service whose room has the alias of `body`'s room, with its ETag, or null. */
async function ownMeetingWithAlias(fetch: ProvisionFetch, service: MeetingServicePolicy, auth: Record<string, string>, body: string): Promise<{ id: string; etag: string } | null> {
  const alias = (JSON.parse(body) as { room: { alias: string } }).room.alias.toLowerCase();
  const list = await call(fetch, `${service.url.replace(/\/+$/, '')}/api/v1/meetings`, { method: 'GET', headers: auth });
  if (list.status !== 200) return null;
  try {
    const { meetings } = JSON.parse(list.text) as { meetings: Array<{ id: string; version: number; room: { alias: string } }> };
    const own = meetings.find((m) => m.room.alias.toLowerCase() === alias);
    return own ? { id: own.id, etag: etagOf(own.version) } : null;
  } catch {
    return null;
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
