/**
 * The attempt guard: pure functions over {@link GuardState}. The background calls
 * `recordOutcome` for every classified `request_token` response to a known node (from any tab),
 * persists the returned state, and answers content scripts with `guardStatus`.
 *
 * Counting uses core/attempts' AttemptLedger with this browser as the only client on the `web`
 * channel (Pexip: 5 wrong PINs per web user). The ledger's room count is a lower bound of the
 * room-wide count: the node also counts other people's wrong PINs, which the browser cannot see.
 */
import { AttemptLedger } from '../attempts/ledger';
import type { AttemptStatus, WarningLevel } from '../attempts/ledger';
import type { AttemptLimits } from '../attempts/limits';
import type { EpochMs } from '../types';
import { pinFingerprint } from './key';
import { parseGuardState } from './state';
import type { GuardRoom, GuardState } from './state';
import type { TokenOutcome } from './tokenRequest';

/** The PIN a request sent: the PIN itself, only its room fingerprint, or null when none was sent. */
export type SentPin = string | { fingerprint: string } | null;

/** The ledger's client name for this browser. */
export const THIS_BROWSER = 'this-browser';
/** How long a failed PIN is remembered without a success in its room: one day. */
export const FAILED_PIN_MEMORY_MS = 86_400_000;
/** Rooms with no news for this long are forgotten (their ledger counts expire much sooner). */
const ROOM_MEMORY_MS = FAILED_PIN_MEMORY_MS;

/** What the popup, badge, page warning and `decideFill` need to know about one room. */
export interface GuardStatus {
  key: string;
  /** Wrong PINs this browser made in the room within the window. */
  attemptsUsed: number;
  /** Wrong PINs that can still be made (min of this browser's and the room's), 0 when blocked. */
  attemptsLeft: number;
  /** This browser's limit (Pexip: 5). */
  limit: number;
  /** core/attempts warning level: ok, warn, last, exhausted, room_blocked. */
  level: WarningLevel;
  /** Fingerprints of PINs that failed here (compare with `pinFingerprint(key, pin)`). */
  failedPins: string[];
  /** A 404 came after wrong PINs within the window: the room may be blocked for everyone. */
  possibleLockout: boolean;
  /** Minutes a block or lockout lasts (the limits' window), for the warning text. */
  windowMinutes: number;
  /** Whole minutes (rounded up) until a known or suspected block ends, or null. */
  minutesUntilRetry: number | null;
  /** The full ledger status, as `decideFill` takes it. */
  attempts: AttemptStatus;
}

function ledgerOf(state: GuardState, now: EpochMs, limits: Partial<AttemptLimits>): AttemptLedger {
  return new AttemptLedger(limits, () => now, state.ledger);
}

function checked(state: GuardState): GuardState {
  const parsed = parseGuardState(state);
  if (parsed === null) throw new TypeError('guard state: malformed (validate stored state with parseGuardState first)');
  return parsed;
}

/** Drops failed PINs and suspicions past their memory, and rooms with nothing left. */
function pruneRooms(rooms: GuardRoom[], now: EpochMs, windowMs: number): GuardRoom[] {
  const out: GuardRoom[] = [];
  for (const r of rooms) {
    const failedPins = r.failedPins.filter((f) => now - f.at < FAILED_PIN_MEMORY_MS);
    const lockoutSuspectedAt = r.lockoutSuspectedAt !== null && now - r.lockoutSuspectedAt < windowMs ? r.lockoutSuspectedAt : null;
    const fresh = r.lastOutcomeAt !== null && now - r.lastOutcomeAt < ROOM_MEMORY_MS;
    if (failedPins.length > 0 || lockoutSuspectedAt !== null || fresh) out.push({ ...r, failedPins, lockoutSuspectedAt });
  }
  return out;
}

/**
 * The state after one classified `request_token` response in room `key`. Returns a new state;
 * the input is not changed. Rules:
 * - `wrong-pin`: counts one failure for this browser and the room; the PIN's fingerprint is
 *   remembered (a day) so it is never filled again, unless `opts.verdict` is false (the failure
 *   came too close to the code's opening to say the code is wrong: see `failureIsVerdict`);
 * - `success`: this browser's count in the room starts over, failed PINs and lockout suspicion
 *   are forgotten (a PIN that failed before its code's window opened may work later);
 * - `not-found` after wrong PINs within the window: the room may be blocked (`possibleLockout`);
 * - `pin-required` and `other`: recorded as the last outcome only (not attempts).
 * @param pinSent the `pin` header sent (or only its `pinFingerprint(key, pin)`), or null.
 * @param limits attempt limits (policy `attempts`, with the attendee `warnAtRemaining`); validated.
 * @throws TypeError for malformed state, RangeError for bad limits.
 */
export function recordOutcome(
  state: GuardState,
  key: string,
  outcome: TokenOutcome,
  pinSent: SentPin,
  now: EpochMs,
  limits: Partial<AttemptLimits> = {},
  opts: { verdict?: boolean } = {},
): GuardState {
  const current = checked(state);
  const ledger = ledgerOf(current, now, limits);
  const windowMs = ledger.limits.roomWindowMinutes * 60_000;
  const rooms = pruneRooms(current.rooms, now, windowMs);
  let room = rooms.find((r) => r.key === key);
  if (room === undefined) {
    room = { key, failedPins: [], lockoutSuspectedAt: null, lastOutcome: null, lastOutcomeAt: null };
    rooms.push(room);
  }
  const before = ledger.status(key, THIS_BROWSER, 'web');
  if (outcome === 'wrong-pin') {
    ledger.recordFailure(key, THIS_BROWSER, 'web');
    if (pinSent !== null && opts.verdict !== false) {
      const fingerprint = typeof pinSent === 'string' ? pinFingerprint(key, pinSent) : pinSent.fingerprint;
      room.failedPins = [...room.failedPins.filter((f) => f.fingerprint !== fingerprint), { fingerprint, at: now }];
    }
  } else if (outcome === 'success') {
    ledger.recordSuccess(key, THIS_BROWSER);
    room.failedPins = [];
    room.lockoutSuspectedAt = null;
  } else if (outcome === 'not-found' && (before.used > 0 || before.roomFailuresInWindow > 0)) {
    room.lockoutSuspectedAt = now;
  }
  room.lastOutcome = outcome;
  room.lastOutcomeAt = now;
  ledger.prune(now);
  return { version: 1, ledger: ledger.toJSON(), rooms };
}

/**
 * The guard's view of room `key` at `now` (read-only).
 * @throws TypeError for malformed state, RangeError for bad limits.
 */
export function guardStatus(state: GuardState, key: string, now: EpochMs, limits: Partial<AttemptLimits> = {}): GuardStatus {
  const current = checked(state);
  const ledger = ledgerOf(current, now, limits);
  const windowMs = ledger.limits.roomWindowMinutes * 60_000;
  const room = pruneRooms(current.rooms, now, windowMs).find((r) => r.key === key);
  const attempts = ledger.status(key, THIS_BROWSER, 'web');
  const possibleLockout = room?.lockoutSuspectedAt != null;
  let retryAt: number | null = attempts.roomBlockedUntil;
  if (possibleLockout && room?.lockoutSuspectedAt != null) retryAt = Math.max(retryAt ?? 0, room.lockoutSuspectedAt + windowMs);
  if (retryAt === null && attempts.clientRemaining === 0) {
    // This browser's own failures expire one by one: the oldest one frees the next attempt.
    const mine = current.ledger.rooms.find((r) => r.room === key)?.clients.find((c) => c.client === THIS_BROWSER)?.failures ?? [];
    const oldest = mine.filter((t) => now - t < windowMs)[0];
    if (oldest !== undefined) retryAt = oldest + windowMs;
  }
  return {
    key,
    attemptsUsed: attempts.used,
    attemptsLeft: attempts.remaining,
    limit: attempts.limit,
    level: attempts.level,
    failedPins: (room?.failedPins ?? []).map((f) => f.fingerprint),
    possibleLockout,
    windowMinutes: ledger.limits.roomWindowMinutes,
    minutesUntilRetry: retryAt === null ? null : Math.max(1, Math.ceil((retryAt - now) / 60_000)),
    attempts,
  };
}

/** Whether `pin` failed before in room `key`, per a {@link GuardStatus}. */
export function pinFailedBefore(status: Pick<GuardStatus, 'key' | 'failedPins'>, pin: string): boolean {
  return status.failedPins.includes(pinFingerprint(status.key, pin));
}
