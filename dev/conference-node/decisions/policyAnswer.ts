/**
 * What a conference node makes of Pexip Infinity's External Policy API (platform facts §6), as
 * pure functions: the query a node sends for a web join, and the meaning of the answers. The
 * reference node (../policyClient.ts) is the thin HTTP adapter around these.
 *
 * Infinity uses a `success` answer with a valid `result` as is; `reject` means "not found";
 * `continue` without a result, a non-200 status or an invalid answer means "use your own
 * database" (here: the node's local rooms). Nothing is guessed from a malformed answer.
 */
import { z } from 'zod';
import { isValidPinFormat } from '../../../core/pin';
import { pinLengthsAcceptable } from '../../../core/roomSpec/aliases';
import type { RoomSpec } from '../../../core/roomSpec/types';

/** Infinity refuses any answer value longer than this. */
const MAX_VALUE = 250;
const text = z.string().max(MAX_VALUE);
const pin = z.string().refine(isValidPinFormat, 'must be 4-20 digits, optionally ending in #');

/** A service-configuration answer's `result` for a conference (extra fields ignored, as Infinity does). */
const conferenceResultSchema = z.object({
  service_type: z.literal('conference'),
  name: z.string().min(1).max(MAX_VALUE),
  service_tag: text,
  description: text.optional(),
  pin: pin.optional(),
  guest_pin: pin.optional(),
  allow_guests: z.boolean().optional(),
});

const envelopeSchema = z.object({
  status: z.literal('success'),
  action: z.enum(['continue', 'reject']),
  result: z.unknown().optional(),
});

/** A conference as the policy server answered it for one alias. */
export interface PolicyConference {
  /** The conference's identity: every alias answered with this name is the same conference. */
  name: string;
  serviceTag: string;
  description: string | null;
  hostPin: string | null;
  guestPin: string | null;
  allowGuests: boolean;
}

/** The meaning of a service-configuration answer. `fallback`: use the node's own rooms. */
export type ServiceConfigurationOutcome = { kind: 'conference'; conference: PolicyConference } | { kind: 'fallback'; why: string };

/**
 * Reads a service-configuration answer (`status` = HTTP status, `body` = parsed JSON or
 * undefined). Infinity's PIN rules are checked too: `allow_guests` without a host PIN, or host and
 * guest PINs of different lengths unless both end in `#`, make Infinity refuse the answer.
 */
export function readServiceConfiguration(status: number, body: unknown): ServiceConfigurationOutcome {
  if (status !== 200) return { kind: 'fallback', why: `HTTP ${status}` };
  const envelope = envelopeSchema.safeParse(body);
  if (!envelope.success) return { kind: 'fallback', why: 'not a policy answer' };
  if (envelope.data.action === 'reject') return { kind: 'fallback', why: 'rejected' };
  if (envelope.data.result === undefined) return { kind: 'fallback', why: 'continue without a result' };
  const parsed = conferenceResultSchema.safeParse(envelope.data.result);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return { kind: 'fallback', why: `invalid result${issue ? ` at ${issue.path.join('.') || '(root)'}: ${issue.message}` : ''}` };
  }
  const r = parsed.data;
  const allowGuests = r.allow_guests ?? false;
  if (allowGuests && r.pin === undefined) return { kind: 'fallback', why: 'allow_guests without a host pin' };
  if (r.pin !== undefined && r.guest_pin !== undefined && !pinLengthsAcceptable(r.pin, r.guest_pin)) {
    return { kind: 'fallback', why: 'host and guest PINs differ in length' };
  }
  return {
    kind: 'conference',
    conference: {
      name: r.name,
      serviceTag: r.service_tag,
      description: r.description ?? null,
      hostPin: r.pin ?? null,
      guestPin: allowGuests ? (r.guest_pin ?? null) : null,
      allowGuests,
    },
  };
}

/**
 * The conference as a RoomSpec for ./decideTokenRequest.ts: Pexip's static PIN rules
 * only (no meeting codes, no window: the policy server already decided those). `alias` carries
 * the conference name, which is what participants see as `conference_name`.
 */
export function roomSpecOfPolicyConference(c: PolicyConference): RoomSpec {
  return { alias: c.name, name: c.name, hostPin: c.hostPin, guestPin: c.guestPin, allowGuests: c.allowGuests, accessCode: null, invitees: [], window: null, sent: true };
}

/** The attempt ledger's key for a policy conference: per conference `name`, apart from local aliases. */
export function policyConferenceKey(name: string): string {
  return `policy:${name}`;
}

const participantEnvelopeSchema = z.object({
  status: z.literal('success'),
  action: z.enum(['continue', 'reject']),
  result: z.object({ remote_display_name: z.string().trim().min(1).max(MAX_VALUE).optional() }).optional(),
});

/** The meaning of a participant-properties answer: a name to use, default behaviour, or refusal. */
export type ParticipantPropertiesOutcome = { kind: 'name'; displayName: string } | { kind: 'default' } | { kind: 'reject' };

/** Reads a participant-properties answer; anything but a valid `success` is default behaviour. */
export function readParticipantProperties(status: number, body: unknown): ParticipantPropertiesOutcome {
  if (status !== 200) return { kind: 'default' };
  const parsed = participantEnvelopeSchema.safeParse(body);
  if (!parsed.success) return { kind: 'default' };
  if (parsed.data.action === 'reject') return { kind: 'reject' };
  const name = parsed.data.result?.remote_display_name;
  return name === undefined ? { kind: 'default' } : { kind: 'name', displayName: name };
}

/** Who is joining, as the node knows it when it asks. */
export interface WebJoinCaller {
  /** The alias in the join request's path. */
  alias: string;
  displayName: string;
  remoteAddress: string;
  remotePort: number;
  /** The node's own address and location name, and its version. */
  nodeIp: string;
  location: string;
  versionId: string;
}

/**
 * The service-configuration query for a web join (`request_token` from a browser), with the
 * parameters Infinity sends for one: the display name stands in as `remote_alias`, as Infinity's
 * web joins do.
 */
export function serviceConfigurationQuery(c: WebJoinCaller): Record<string, string> {
  return {
    local_alias: c.alias,
    remote_alias: c.displayName,
    remote_display_name: c.displayName,
    remote_address: c.remoteAddress,
    remote_port: String(c.remotePort),
    call_direction: 'dial_in',
    protocol: 'api',
    trigger: 'web',
    vendor: 'SecureJoin reference node',
    location: c.location,
    node_ip: c.nodeIp,
    version_id: c.versionId,
    pseudo_version_id: c.versionId,
    bandwidth: '0',
    registered: 'False',
    has_authenticated_display_name: 'False',
  };
}

/** The participant-properties query for an admitted web participant of `conference`. */
export function participantPropertiesQuery(c: WebJoinCaller, conference: PolicyConference, ids: { participantUuid: string; callUuid: string }): Record<string, string> {
  return {
    ...serviceConfigurationQuery(c),
    participant_uuid: ids.participantUuid,
    call_uuid: ids.callUuid,
    participant_type: 'standard',
    service_name: conference.name,
    unique_service_name: conference.name,
    service_tag: conference.serviceTag,
  };
}
