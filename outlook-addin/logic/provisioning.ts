/**
 * Registering a meeting's codes on its conference node (the reference node implements the API:
 * `PUT <provisioningUrl>/rooms/<alias>`), so the codes in the invite actually open the room.
 * Builds the request and reads the answer; the caller does the fetch and shows failures.
 */
import type { PolicyNode } from '../../core/policy';
import type { RoomSpecInput } from '../../core/room';
import type { EpochMs } from '../../core/types';
import type { MeetingSecurity, MeetingSnapshot, OrganizerSettings, ProvisioningRequest } from './types';

/** Options for {@link provisioningRequest}. */
export interface ProvisioningOptions {
  /** Sent as `Authorization: Bearer <token>` when given (the node's provisioning token). */
  bearerToken?: string;
  /**
   * Now (UTC ms). Accepted from callers that pass their clock; the request does not depend on it
   * (a series is registered whole, not as the occurrence that comes next).
   */
  now?: EpochMs;
}

/** Invitee entry that carries a 'shared' passcode (the node knows passcodes only per invitee). */
export const SHARED_PASSCODE_INVITEE = { email: 'invitees@shared.invalid', name: 'Invitee' } as const;

/**
 * The room spec body for the node: PINs, access code (guest role), invitees and the meeting time.
 * A series is registered whole: its first occurrence as `meeting` plus its zone and rule as
 * `recurrence`, so the node opens the codes in every occurrence's window, not just the next one.
 */
export function roomSpecFor(meeting: MeetingSnapshot, security: MeetingSecurity, settings: OrganizerSettings): RoomSpecInput {
  const series = meeting.recurrence;
  const time = series ? { start: series.start, end: series.end } : { start: meeting.start, end: meeting.end };
  const invitees = (security.roster?.invitees ?? []).map((i) => ({ email: i.email, name: i.name.slice(0, 200), passcode: i.passcode }));
  if (security.passcodeMode === 'shared' && security.sharedPasscode) invitees.push({ ...SHARED_PASSCODE_INVITEE, passcode: security.sharedPasscode });
  const name = meeting.subject.trim().slice(0, 200);
  return {
    alias: security.alias,
    ...(name ? { name } : {}),
    hostPin: security.hostPin,
    guestPin: security.guestPin,
    allowGuests: true,
    accessCode: security.accessCode ? { code: security.accessCode, role: 'guest' } : null,
    invitees,
    meeting: time,
    leadMinutes: settings.leadMinutes,
    graceMinutes: settings.graceMinutes,
    ...(series ? { recurrence: { timeZone: series.timeZone, rule: { ...series.rule, daysOfWeek: series.rule.daysOfWeek && [...series.rule.daysOfWeek] } } } : {}),
  };
}

/**
 * The fetch call that registers the meeting on `node`: `PUT <node.provisioningUrl>/rooms/<alias>`
 * with the room spec as JSON. A series is registered whole (see {@link roomSpecFor}).
 * Throws RangeError when the node has no provisioningUrl.
 */
export function provisioningRequest(
  meeting: MeetingSnapshot,
  security: MeetingSecurity,
  settings: OrganizerSettings,
  node: PolicyNode,
  opts: ProvisioningOptions = {},
): ProvisioningRequest {
  if (!node.provisioningUrl) throw new RangeError(`The conference node ${node.origin} has no provisioningUrl in the policy.`);
  const url = `${node.provisioningUrl.replace(/\/+$/, '')}/rooms/${encodeURIComponent(security.alias)}`;
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (opts.bearerToken) headers.authorization = `Bearer ${opts.bearerToken}`;
  const body = JSON.stringify(roomSpecFor(meeting, security, settings));
  return { url, init: { method: 'PUT', headers, body } };
}

/** What the node's answer means, in words the task pane can show. */
export type ProvisioningOutcome = { ok: true; created: boolean } | { ok: false; message: string };

/**
 * Reads the node's answer (`status` and body text): 200/201 ok; 400 lists the node's errors with
 * their paths; 401 asks for the token; 502-504 say the node could not be reached; anything else
 * names the status. Never throws.
 */
export function provisioningOutcome(status: number, bodyText: string): ProvisioningOutcome {
  if (status === 200 || status === 201) return { ok: true, created: status === 201 };
  let body: unknown = null;
  try {
    body = JSON.parse(bodyText);
  } catch {
    // Not JSON: report the status alone.
  }
  const errors = (body as { errors?: Array<{ path?: unknown; message?: unknown }> } | null)?.errors;
  if (status === 400 && Array.isArray(errors)) {
    const list = errors.slice(0, 5).map((e) => `${String(e.path)}: ${String(e.message)}`).join('; ');
    return { ok: false, message: `The conference node refused the meeting: ${list}` };
  }
  if (status === 401) return { ok: false, message: 'The conference node refused the provisioning token (401).' };
  if (status === 0) return { ok: false, message: 'The conference node could not be reached.' };
  // 502-504: a proxy or gateway in front of the node (such as the add-in server's /node pass-through) could not reach it.
  if (status === 502 || status === 503 || status === 504) return { ok: false, message: `The conference node could not be reached (${status}).` };
  return { ok: false, message: `The conference node answered ${status}.` };
}
