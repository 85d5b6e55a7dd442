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
import { currentWrite, readRecord, saveRecord } from './itemRecord';
import type { ItemWrite } from './itemRecord';
import { bodyWasSent, meetingBody } from './meetingService';
import type { ItemPort } from './port';
import { errorText } from './serviceCalls';
import type { ProvisionOptions, ProvisionResult, WithdrawResult } from './serviceCalls';
import { tokenOrProblem } from './tokens';
import type { MeetingSecurity, MeetingSnapshot, OrganizerSettings } from './types';
import { BUTTON, press } from './wording';

/** 21 characters of A-Za-z0-9_- (the ids the service accepts), from crypto.getRandomValues without bias. */
const newMeetingId = () => nanoid();

const NO_SESSION_DATA = 'This Outlook cannot keep the meeting\'s registration with the item (it needs Mailbox requirement set 1.11), so it cannot be registered with the meeting service.';

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
