/**
 * What the Outlook item holds about its registration with the meeting service: the meeting
 * record in sessionData (the meeting id and the ETag of the version this item last wrote), and
 * the write its current state would send. Shared by registering (./provisionMeeting.ts and
 * ./register.ts), adopting minted aliases (./adoption.ts) and withdrawing (./withdraw.ts).
 */
import type { MeetingServicePolicy } from '../../core/policy';
import { meetingBody, parseMeetingRecord } from './meetingService';
import type { MeetingRecord } from './meetingService';
import { MEETING_SESSION_KEY, SECURITY_SESSION_KEY } from './port';
import type { ItemPort } from './port';
import { parseSecurity } from './security';
import type { MeetingSecurity, MeetingSnapshot, OrganizerSettings } from './types';

/** The item's meeting record for `service`, or null. */
export async function readRecord(port: ItemPort, service: MeetingServicePolicy): Promise<MeetingRecord | null> {
  const record = parseMeetingRecord(await port.getSessionData(MEETING_SESSION_KEY).catch(() => null));
  return record && record.service === service.url ? record : null;
}

/** Keeps (or, with null, forgets) the item's meeting record; false when the host keeps no sessionData. */
export const saveRecord = (port: ItemPort, record: MeetingRecord | null) => port.setSessionData(MEETING_SESSION_KEY, record ? JSON.stringify(record) : '').catch(() => false);

/**
 * The write body this item last registered with the service (for the pane's comparison), null
 * when it registered none, undefined when unknown (no service, or written without an ETag).
 */
export async function registeredBody(port: ItemPort, settings: OrganizerSettings): Promise<string | null | undefined> {
  const record = settings.service ? await readRecord(port, settings.service) : undefined;
  return record === undefined ? undefined : record?.etag ? (record.sent ?? undefined) : null;
}

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
