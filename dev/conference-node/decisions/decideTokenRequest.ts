/**
 * The one decision of `request_token`: given a room, who is asking and with which PIN, the
 * time and the attempt ledger, answer with Pexip's exact status and body and the new state.
 * Pure: the HTTP shell parses, calls this, stores `ledger`/`rosterUsage`, and writes the answer.
 *
 * Order of checks (each one fails closed):
 * 1. unknown room, or a room blocked by too many wrong PINs -> 404 "Neither conference nor gateway found"
 *    (a blocked room must look like it does not exist);
 * 2. a client that used up its PIN attempts -> 403 "Participant exceeded PIN entry retries",
 *    before looking at the PIN, so an exhausted client learns nothing more;
 * 3. no `pin` header and the room needs one -> 403 pin-required (not a failure: every client's first try);
 * 4. host PIN -> host; guest PIN (or `none` where guests need no PIN) -> guest;
 *    an active access code -> its role; an active invitee passcode -> guest named after the invitee;
 * 5. anything else -> 403 "Invalid PIN", counted as a failure for the client and the room.
 *
 * Meeting codes work inside the room's window; for a series, inside the window of whichever
 * occurrence is current (`roomWindowAt`). A meeting code outside its window is answered and counted exactly like a wrong PIN: the
 * answer must not reveal that the code exists, and an uncounted "right code, wrong time" would
 * be detectable by watching the attempt counter (an oracle for valid codes). The cost is that a
 * very early attendee spends one attempt; the lead time (default 15 min) keeps that rare.
 */
import { AttemptLedger } from '../../../core/attempts';
import type { AttemptLimits, AttemptStatus, LedgerState } from '../../../core/attempts';
import { constantTimeEqual, guestsWaitForHost, pinPrompt, resolveRole } from '../../../core/pin';
import type { PinConfig } from '../../../core/pin';
import { recordJoin } from '../../../core/roster';
import type { RosterUsage } from '../../../core/roster';
import type { Channel, EpochMs, Role } from '../../../core/types';
import { invalidPinBody, notFoundBody, pinRequiredBody, retriesExceededBody } from './bodies';
import type { ErrorBody, PinRequiredBody, ServiceType } from './bodies';
import type { RoomSpec } from '../../../core/roomSpec/types';
import { roomWindowAt } from '../../../core/roomSpec/window';

/** The part of a room's live state that token decisions depend on. */
export interface RoomPresence {
  /** Hosts currently in the conference (not waiting). Guests wait in the lobby while this is 0. */
  hostsPresent: number;
}

/** What the client sent, already parsed by the shell. */
export interface TokenRequest {
  /** Value of the `pin` header, or null when there was none. */
  pin: string | null;
  /** `display_name` from the body (trimmed, non-empty: the shell checks). */
  displayName: string;
  /** Who is asking, for per-client attempt limits (see `clientKeyOf`). */
  clientKey: string;
  /** Web/desktop clients get 5 attempts, SIP 3. Default `web`. */
  channel?: Channel;
}

/** Which credential admitted a participant (for logs and the roster). */
export type Credential = 'no_pin' | 'host_pin' | 'guest_pin' | 'access_code' | 'invitee_passcode';

/** Why a request was refused. */
export type RejectReason = 'not_found' | 'room_blocked' | 'retries_exceeded' | 'pin_required' | 'invalid_pin';

/** Admission: the shell creates the participant and token, then answers 200 with `tokenBody`. */
export interface AdmitDecision {
  kind: 'admit';
  status: 200;
  role: Role;
  /** The participant's name: the invitee's roster name ("Ana Lima (2)") for passcodes, else as sent. */
  displayName: string;
  serviceType: ServiceType;
  credential: Credential;
  rosterUsage: RosterUsage;
  ledger: LedgerState;
}

/** Refusal: answer `status` with `body` as is. */
export interface RejectDecision {
  kind: 'reject';
  status: 403 | 404;
  body: PinRequiredBody | ErrorBody;
  reason: RejectReason;
  rosterUsage: RosterUsage;
  ledger: LedgerState;
  /** The client's attempts after this request (absent for unknown rooms). */
  attempts?: AttemptStatus;
  /** For `retries_exceeded`: when this client may try again (UTC ms), for the shell's Retry-After. */
  retryAt?: EpochMs;
}

/** Result of `decideTokenRequest`. */
export type TokenDecision = AdmitDecision | RejectDecision;

/** Everything the decision reads. `room` null = no such alias. */
export interface TokenDecisionInput {
  room: RoomSpec | null;
  presence: RoomPresence;
  rosterUsage: RosterUsage;
  request: TokenRequest;
  /** Current instant (UTC ms), from the node's injectable clock. */
  now: EpochMs;
  /** The node's attempt ledger state (`AttemptLedger#toJSON()`); undefined = empty. */
  ledger: LedgerState | undefined;
  /** Attempt limits; defaults are Pexip's (core/attempts DEFAULT_ATTEMPT_LIMITS). */
  limits?: Partial<AttemptLimits>;
  /**
   * The key failures are counted under; default `room.alias`. A policy conference counts per
   * conference `name` (`policyConferenceKey`), so all its aliases share one count, as in Infinity.
   */
  ledgerKey?: string;
}

/** The room's static PINs as core/pin sees them. */
export function pinConfigOf(room: RoomSpec): PinConfig {
  return { hostPin: room.hostPin, guestPin: room.guestPin, allowGuests: room.allowGuests };
}

/** True when guests need a credential because the room has meeting codes (even without a guest PIN). */
export function hasMeetingCodes(room: RoomSpec): boolean {
  return room.accessCode !== null || room.invitees.length > 0;
}

/** The pin-required prompt: core/pin's, with `guest_pin: required` when meeting codes exist. */
export function roomPinPrompt(room: RoomSpec): { pin: 'required' | 'none'; guest_pin: 'required' | 'none' } {
  const prompt = pinPrompt(pinConfigOf(room));
  return hasMeetingCodes(room) ? { pin: prompt.pin, guest_pin: 'required' } : prompt;
}

/** Lobby rule: a guest waits while no host is in the conference (when core/pin says guests wait). */
export function serviceTypeFor(room: RoomSpec, role: Role, presence: RoomPresence): ServiceType {
  if (role === 'host') return 'conference';
  return guestsWaitForHost(pinConfigOf(room)) && presence.hostsPresent === 0 ? 'waiting_room' : 'conference';
}

/** Decides one `request_token`. Never throws on client input; see the module comment for the rules. */
export function decideTokenRequest(input: TokenDecisionInput): TokenDecision {
  const { room, request, now, rosterUsage } = input;
  const ledger = new AttemptLedger(input.limits, () => now, input.ledger);
  const channel = request.channel ?? 'web';
  const reject = (status: 403 | 404, body: PinRequiredBody | ErrorBody, reason: RejectReason, attempts?: AttemptStatus): RejectDecision => ({
    kind: 'reject', status, body, reason, rosterUsage, ledger: ledger.toJSON(), ...(attempts ? { attempts } : {}),
  });

  if (room === null) return reject(404, notFoundBody(), 'not_found');
  const key = input.ledgerKey ?? room.alias;
  if (ledger.isRoomBlocked(key)) return reject(404, notFoundBody(), 'room_blocked');
  const before = ledger.status(key, request.clientKey, channel);
  if (before.level === 'exhausted') {
    const retryAt = ledger.clientRetryAt(key, request.clientKey, channel);
    return { ...reject(403, retriesExceededBody(), 'retries_exceeded', before), ...(retryAt === null ? {} : { retryAt }) };
  }

  const match = matchCredential(room, request.pin, now, rosterUsage);
  if (match === 'pin_required') return reject(403, pinRequiredBody(roomPinPrompt(room)), 'pin_required', before);
  if (match === null) {
    const after = ledger.recordFailure(key, request.clientKey, channel);
    return reject(403, invalidPinBody(), 'invalid_pin', after);
  }
  if (request.pin !== null) ledger.recordSuccess(key, request.clientKey);
  return {
    kind: 'admit',
    status: 200,
    role: match.role,
    displayName: match.displayName ?? request.displayName,
    serviceType: serviceTypeFor(room, match.role, input.presence),
    credential: match.credential,
    rosterUsage: match.rosterUsage ?? rosterUsage,
    ledger: ledger.toJSON(),
  };
}

interface CredentialMatch {
  role: Role;
  credential: Credential;
  displayName?: string;
  rosterUsage?: RosterUsage;
}

/** Which credential `pin` is, if any; `'pin_required'` when no header was sent and one is needed. */
function matchCredential(room: RoomSpec, pin: string | null, now: EpochMs, usage: RosterUsage): CredentialMatch | 'pin_required' | null {
  const cfg = pinConfigOf(room);
  const role = resolveRole(cfg, pin);
  if (role === 'pin_required') return 'pin_required';
  if (role === 'host') return { role, credential: pin === null ? 'no_pin' : 'host_pin' };
  if (role === 'guest') {
    // Without a guest PIN, core/pin lets guests in with `none`; meeting codes close that door.
    if (cfg.guestPin !== null) return { role, credential: 'guest_pin' };
    if (!hasMeetingCodes(room)) return { role, credential: 'no_pin' };
  }
  if (pin === null || roomWindowAt(room, now) === null) return null;
  if (room.accessCode !== null && constantTimeEqual(pin, room.accessCode.code)) {
    return { role: room.accessCode.role, credential: 'access_code' };
  }
  const joined = recordJoin({ invitees: room.invitees }, usage, pin);
  if (joined) return { role: 'guest', credential: 'invitee_passcode', displayName: joined.displayName, rosterUsage: joined.usage };
  return null;
}
