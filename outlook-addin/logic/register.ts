/**
 * The network part of provisionMeeting (./provisionMeeting.ts, which loads this module on first
 * use, after the cheap checks and the token, so the task pane's first paint does without it):
 * the PUT, a 412 from the other writer resolved once, the answer read, and the aliases the
 * service minted taken into the item (./adoption.ts).
 */
import type { MeetingServicePolicy } from '../../core/policy';
import { adoptAnswer, ownMeetingWithAlias } from './adoption';
import { meetingBody, meetingUrl, serviceOutcome } from './meetingService';
import type { MeetingRecord } from './meetingService';
import type { ItemPort } from './port';
import { currentWrite, readRecord, saveRecord } from './itemRecord';
import type { ItemWrite } from './itemRecord';
import { call, currentEtag, unreachable } from './serviceCalls';
import type { ProvisionOptions, ProvisionResult } from './serviceCalls';
import type { OrganizerSettings } from './types';
import { BUTTON, press, sentences } from './wording';

/**
 * Writes `write` to the meeting `record` names (created when it has no ETag yet) with the
 * organizer's `token`, and takes the answer's aliases into the item. Never throws.
 */
export async function registerNow(port: ItemPort, settings: OrganizerSettings, service: MeetingServicePolicy, given: MeetingRecord, first: ItemWrite, sent: boolean, token: string, opts: ProvisionOptions): Promise<ProvisionResult> {
  let record = given;
  let write = first;
  const auth = { authorization: `Bearer ${token}` };
  if (!record.etag && write.security.minted?.service === service.url) {
    // Codes the service minted, but the item lost its meeting record (sessionData is not kept
    // everywhere): when the organizer's own meeting holds that web alias, carry its aliases back
    // to it; otherwise create a new meeting, whose aliases the service mints afresh.
    const own = await ownMeetingWithAlias(opts.fetch, service, auth, write.security.alias);
    if (own) record = { service: service.url, id: own.id, etag: own.etag, sent: null };
  }
  // A create carries no alias (the service refuses any); a replace carries back the minted ones.
  if (!record.etag) write = { ...write, body: meetingBody(write.meeting, write.security, settings, sent, true) };
  const url = meetingUrl(service, record.id);
  const put = (payload: string, etag: string | null) =>
    call(opts.fetch, url, { method: 'PUT', headers: { ...auth, 'content-type': 'application/json', ...(etag ? { 'if-match': etag } : { 'if-none-match': '*' }) }, body: payload });

  let res = await put(write.body, record.etag);
  if (res.status === 412) {
    // The other writer (task pane or event runtime) wrote first. The item is the truth: take its
    // state as it is now, at least as new as what either of us wrote; adopt their version when it
    // holds exactly that, else write it over their version, once.
    const current = res.etag ?? (await currentEtag(opts.fetch, url, auth));
    const fresh = await currentWrite(port, settings, sent).catch(() => null);
    const theirs = await readRecord(port, service);
    if (fresh === null) return { state: 'failed', message: 'The SecureJoin block was removed while the meeting was being registered.' };
    if (current && theirs?.etag === current && theirs.sent === fresh.body) return { state: 'unchanged' };
    if (!current) return { state: 'failed', message: 'The meeting changed on the meeting service and its current version could not be read: try again.' };
    write = fresh;
    res = await put(write.body, current);
    if (res.status === 412) return { state: 'failed', message: 'The meeting was changed elsewhere at the same moment (412 twice): try again.' };
  }
  if (res.status === 404) {
    // Deleted on the service (removed elsewhere, or revoked by an administrator): forget it, so the
    // next write creates a new meeting instead of resurrecting this one behind the admin's back.
    await saveRecord(port, null);
    return { state: 'failed', message: sentences((serviceOutcome(404, res.text) as { message: string }).message, `Open SecureJoin and ${press(BUTTON.update)} to register it again`) };
  }
  // Another organizer's meeting (the item's record came with it): forgotten, so the next write
  // ("Regenerate codes", as the words say) creates this organizer's own, with aliases of its own.
  if (res.status === 403) await saveRecord(port, null);
  if (res.status === 0) return { state: 'failed', message: unreachable(service) };
  const outcome = serviceOutcome(res.status, res.text);
  if (!outcome.ok) return outcome.aliasesRefused ? { state: 'failed', message: outcome.message, aliasesRefused: true } : { state: 'failed', message: outcome.message };
  // The service's aliases into the block and sessionData; the record keeps the body it now holds.
  const adopted = await adoptAnswer(port, settings, service, write, { etag: res.etag, text: res.text }, sent);
  if (adopted.current) await saveRecord(port, { service: service.url, id: record.id, etag: res.etag, sent: res.etag ? adopted.body : null });
  if (adopted.problem) return { state: 'failed', message: adopted.problem };
  return adopted.security ? { state: 'ok', created: outcome.created, adopted: adopted.security } : { state: 'ok', created: outcome.created };
}

