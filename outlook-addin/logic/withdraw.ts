/**
 * Withdrawing a meeting from the meeting service when the organizer removes the block (see
 * provisionMeeting.ts's withdrawMeeting, which loads this module on first use).
 */
import { meetingUrl, serviceOutcome } from './meetingService';
import { currentBody, readRecord, saveRecord } from './itemRecord';
import { call, currentEtag, unreachable } from './serviceCalls';
import type { ProvisionOptions, WithdrawResult } from './serviceCalls';
import type { ItemPort } from './port';
import { tokenOrProblem } from './tokens';
import type { OrganizerSettings } from './types';

/**
 * Deletes the meeting this item registered (the organizer removed the block), so its codes stop
 * opening the room. A 412 means the other writer wrote meanwhile: when the item holds a meeting
 * again, that write stands; otherwise the current version is deleted, once. Forgets the meeting
 * once the service confirms. Never throws.
 */
export async function withdrawMeetingNow(port: ItemPort, settings: OrganizerSettings, opts: Omit<ProvisionOptions, 'now' | 'force'>): Promise<WithdrawResult> {
  const service = settings.service;
  const record = service ? await readRecord(port, service) : null;
  if (!service || !record?.etag) return { state: 'nothing' };
  const token = await tokenOrProblem(opts.tokens, { interactive: opts.interactive });
  if (!token.ok) return { state: 'failed', message: `The meeting could not be removed from the meeting service, so its codes still open the room. ${token.message}`, signIn: true };
  const auth = { authorization: `Bearer ${token.token}` };
  const url = meetingUrl(service, record.id);
  let res = await call(opts.fetch, url, { method: 'DELETE', headers: { ...auth, 'if-match': record.etag } });
  if (res.status === 412) {
    if ((await currentBody(port, settings, false)) !== null) return { state: 'nothing' };
    const current = res.etag ?? (await currentEtag(opts.fetch, url, auth));
    res = current ? await call(opts.fetch, url, { method: 'DELETE', headers: { ...auth, 'if-match': current } }) : { status: 404, etag: null, text: '' };
  }
  if (res.status === 204 || res.status === 404) {
    await saveRecord(port, null);
    return { state: 'ok' };
  }
  const why = res.status === 0 ? unreachable(service) : (serviceOutcome(res.status, res.text) as { message: string }).message;
  return { state: 'failed', message: `The meeting could not be removed from the meeting service, so its codes still open the room. ${why}` };
}
