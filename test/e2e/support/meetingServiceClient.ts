/**
 * The test's own view of the meeting service over HTTPS (trusting exactly the development
 * certificate): its External Policy API answers, asked with the credentials the node was given,
 * as an Infinity node asks them; and the rooms it stores, read through the meetings API as the
 * playground's organizer. This is how the e2e tests see what the node will be told.
 */
import { request } from 'node:https';
import { devObjectId } from './devParts';
import type { LocalMeetingStack } from './devParts';
import type { DevIssuer } from '../../../service';

/** The playground's organizer (its fake Outlook's userProfile). */
export const PLAYGROUND_ORGANIZER = 'olga@example.com';

/** One HTTP answer: status and parsed JSON body (null when empty). */
export interface ServiceAnswer {
  status: number;
  body: any;
}

/** The client's calls (see meetingServiceClient). */
export type MeetingServiceClient = ReturnType<typeof meetingServiceClient>;

export function meetingServiceClient(stack: LocalMeetingStack, issuer: DevIssuer, ca: string) {
  const get = (path: string, headers: Record<string, string>): Promise<ServiceAnswer> =>
    new Promise((resolve, reject) => {
      const req = request(`${stack.service.url}${path}`, { method: 'GET', ca, headers }, (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => (text += chunk));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body: text ? JSON.parse(text) : null }));
      });
      req.on('error', reject);
      req.end();
    });
  async function storedMeeting(alias: string, organizer: string): Promise<ServiceAnswer> {
    const token = await issuer.sign({ oid: devObjectId(organizer), preferred_username: organizer });
    const list = await get('/api/v1/meetings', { authorization: `Bearer ${token}` });
    if (list.status !== 200) return list;
    const meeting = (list.body.meetings as Array<{ room: { alias: string } }>).find((m) => m.room.alias.toLowerCase() === alias.toLowerCase());
    return meeting ? { status: 200, body: meeting } : { status: 404, body: null };
  }
  const basic = `Basic ${Buffer.from(`${stack.policy.username}:${stack.policy.password}`).toString('base64')}`;
  return {
    /** `GET /policy/v1/service/configuration` for `alias`, as a web join on Infinity asks it. */
    serviceConfiguration: (alias: string) =>
      get(`/policy/v1/service/configuration?${new URLSearchParams({ local_alias: alias, protocol: 'api', call_direction: 'dial_in', trigger: 'web' }).toString()}`, { authorization: basic }),
    /** The room the service stores for the meeting whose web alias is `alias` (status 404 when none). */
    async storedRoom(alias: string, organizer = PLAYGROUND_ORGANIZER): Promise<ServiceAnswer> {
      const found = await storedMeeting(alias, organizer);
      return found.status === 200 ? { status: 200, body: found.body.room } : found;
    },
    /** The whole meeting (subject, room, ...) the service stores with web alias `alias` (status 404 when none). */
    storedMeeting: (alias: string, organizer = PLAYGROUND_ORGANIZER) => storedMeeting(alias, organizer),
  };
}
