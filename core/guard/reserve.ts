/**
 * Reserving an attempt before a PIN leaves the background. Several tabs of one join page ask for
 * the PIN at the same moment, before any of their attempts has an outcome; counting each PIN
 * handed out but not yet answered as a possible failure keeps all of them together within the
 * rule "never the last attempt automatically" (and the warning threshold), as one tab is.
 */
import { shouldAttempt } from '../attempts/shouldAttempt';
import { warningLevel } from '../attempts/ledger';
import type { EpochMs } from '../types';
import type { GuardStatus } from './guard';

/**
 * How long a reservation holds without an answer (2 minutes): a PIN filled (fill mode) but never
 * sent frees its attempt then. A request sent with a PIN frees it as soon as its outcome is known.
 */
export const RESERVATION_TTL_MS = 120_000;

/** A PIN handed to tab `tabId` for room `key` at `at`, not yet answered by the node. */
export interface Reservation {
  key: string;
  tabId: number;
  at: EpochMs;
}

/** Whether a reservation still holds at `now`. */
export function reservationLive(r: Reservation, now: EpochMs): boolean {
  return Number.isFinite(r.at) && r.at <= now && now - r.at < RESERVATION_TTL_MS;
}

/**
 * Whether tab `tabId` may reserve an automatic attempt in the room of `status`, given the
 * room's `reservations`: the attempts left, minus every live reservation of other tabs (the
 * tab's own earlier one is replaced), must still allow an automatic attempt (`shouldAttempt`:
 * two or more left) at warning level `ok`, exactly as `decideFill` demands of one tab.
 */
export function mayReserve(status: Pick<GuardStatus, 'key' | 'attempts'>, reservations: readonly Reservation[], tabId: number, now: EpochMs, warnAtRemaining: number): boolean {
  const held = reservations.filter((r) => r.key === status.key && r.tabId !== tabId && reservationLive(r, now)).length;
  const remaining = status.attempts.remaining - held;
  const level = warningLevel(remaining, status.attempts.roomBlocked, warnAtRemaining);
  return shouldAttempt({ ...status.attempts, remaining }) && level === 'ok';
}
