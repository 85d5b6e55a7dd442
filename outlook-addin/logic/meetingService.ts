/**
 * The meeting service's Meetings API as the add-in uses it (SERVICE-CONTRACT: `PUT`, `GET`,
 * `DELETE /api/v1/meetings/:id` with ETag / If-Match): the URL, the write body, the meeting
 * record kept in the item's sessionData, and what an answer means in words an organizer can act
 * on. Pure: no fetch, no Office.
 */
import { singleLine } from '../../core/invite/escape';
import type { MeetingServicePolicy } from '../../core/policy';
import { roomSpecFor } from './provisioning';
import type { MeetingSecurity, MeetingSnapshot, OrganizerSettings } from './types';
import { BUTTON, press } from './wording';

/** Meeting ids the service accepts (the add-in makes them with nanoid: 21 of these characters). */
export const MEETING_ID = /^[A-Za-z0-9_-]{16,64}$/;

/**
 * What the item remembers about its meeting on the service (sessionData, JSON): which service,
 * the meeting's id, the ETag of the version this item last wrote or adopted (null: not created
 * yet), and the body that version holds (null: unknown), so an unchanged meeting is not sent again.
 */
export interface MeetingRecord {
  service: string;
  id: string;
  etag: string | null;
  sent: string | null;
}

/** `<service>/api/v1/meetings/<id>`. */
export function meetingUrl(service: MeetingServicePolicy, id: string): string {
  return `${service.url.replace(/\/+$/, '')}/api/v1/meetings/${encodeURIComponent(id)}`;
}

/**
 * The write body `{ subject, room }`: room is the meeting's room spec (see roomSpecFor: only
 * minted aliases are carried back, none on `create`); `sent` false registers a draft (opens
 * nothing), true a meeting whose invite went out. The subject is on one line without control
 * characters (the service refuses them), at most the 255 characters Outlook allows.
 */
export function meetingBody(meeting: MeetingSnapshot, security: MeetingSecurity, settings: OrganizerSettings, sent = false, create = false): string {
  return JSON.stringify({ subject: singleLine(meeting.subject, 255), room: roomSpecFor(meeting, security, settings, sent, create) });
}

/** Whether the body this item last wrote (a record's `sent`) registered a sent meeting. */
export function bodyWasSent(body: string | null): boolean {
  if (!body) return false;
  try {
    return (JSON.parse(body) as { room?: { sent?: unknown } }).room?.sent === true;
  } catch {
    return false;
  }
}

/** The record from its sessionData text, or null when there is none or it is malformed. */
export function parseMeetingRecord(text: string | null): MeetingRecord | null {
  if (!text) return null;
  try {
    const r = JSON.parse(text) as Partial<MeetingRecord>;
    if (typeof r.service !== 'string' || typeof r.id !== 'string' || !MEETING_ID.test(r.id)) return null;
    const etag = typeof r.etag === 'string' && r.etag !== '' ? r.etag : null;
    return { service: r.service, id: r.id, etag, sent: etag && typeof r.sent === 'string' ? r.sent : null };
  } catch {
    return null;
  }
}

/** What a meeting-service answer means. */
export type ServiceOutcome = { ok: true; created: boolean } | { ok: false; message: string; aliasesRefused?: true };

/**
 * The service refused an alias it did not mint for this meeting (400 `aliases_are_minted`): in
 * words, with the one action that fixes it (the next write then carries no alias, so it cannot
 * be refused for this again).
 */
export const ALIASES_REFUSED = `The meeting service refused this meeting's links and access code: it did not make them for this meeting. To fix it, ${press(BUTTON.newLinks)} (the service makes new ones for the invite).`;

/** The JSON body of an answer, or null. */
function jsonOf(text: string): Record<string, unknown> | null {
  try {
    const value = JSON.parse(text) as unknown;
    return value !== null && typeof value === 'object' ? (value as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}

/**
 * Reads the service's answer to a write or delete (`status`, body text) in words for the task pane
 * and Smart Alerts. 412 is not handled here: the caller resolves conflicts. Never throws.
 */
export function serviceOutcome(status: number, text: string): ServiceOutcome {
  if (status === 200 || status === 201 || status === 204) return { ok: true, created: status === 201 };
  const body = jsonOf(text);
  const detail = typeof body?.message === 'string' ? body.message.slice(0, 200) : '';
  switch (status) {
    case 400: {
      if (body?.error === 'aliases_are_minted') return { ok: false, message: ALIASES_REFUSED, aliasesRefused: true };
      const issues = Array.isArray(body?.issues) ? (body.issues as Array<{ path?: unknown; message?: unknown }>) : [];
      const list = issues.slice(0, 5).map((i) => `${String(i.path)}: ${String(i.message)}`).join('; ');
      return { ok: false, message: `The meeting service refused the meeting: ${list || detail || 'invalid request'}` };
    }
    case 401:
      return { ok: false, message: `The meeting service did not accept your sign-in (401): open SecureJoin and ${press(BUTTON.signIn)}.` };
    case 403:
      return { ok: false, message: `This meeting belongs to another organizer on the meeting service (403): open SecureJoin and ${press(BUTTON.regenerate)} to make it yours.` };
    case 404:
      return { ok: false, message: 'The meeting is no longer on the meeting service (deleted there, or by an administrator).' };
    case 413:
      return { ok: false, message: 'The meeting is too large for the meeting service (413): fewer invitees, please.' };
    case 502:
      return { ok: false, message: `The meeting service could not register the room on the conference node${detail ? `: ${detail}` : ' (502)'}.` };
    case 503:
      return { ok: false, message: 'The meeting service is unavailable right now (503): try again in a moment.' };
    default:
      return { ok: false, message: `The meeting service answered ${status}${detail ? `: ${detail}` : ''}.` };
  }
}
