/**
 * The attempt guard's state in the database. core/guard decides; this module loads and saves
 * its JSON state in one row, inside a transaction, so outcomes from several tabs never overwrite
 * each other and a stopped service worker loses nothing that was recorded. Reservations
 * (attempts handed out to tabs) live beside it and change in the same transactions.
 */
import { emptyGuardState, guardStatus, mayReserve, parseGuardState, recordOutcome, reservationLive } from '../../core/guard';
import type { GuardState, SentPin, TokenOutcome } from '../../core/guard';
import type { AttemptLimits } from '../../core/attempts';
import type { EpochMs } from '../../core/types';
import type { SecureJoinDb } from './db';

/** The one guard row's key. */
export const GUARD_ROW_KEY = 'guard';

/**
 * The stored guard state. A missing row is an empty state; an unreadable one is also read as
 * empty (and overwritten on the next outcome) because nothing better is known; the node keeps
 * enforcing its own limits either way.
 */
export async function loadGuardState(db: SecureJoinDb): Promise<GuardState> {
  const row = await db.guard.get(GUARD_ROW_KEY);
  return (row && parseGuardState(row.state)) || emptyGuardState();
}

const reservationId = (key: string, tabId: number): string => `${key}|${tabId}`;

/**
 * Records one classified outcome for room `key` and returns the new state. An outcome of a
 * request that carried a PIN also frees the reservation of its tab (same transaction, so no
 * other tab ever sees the attempt counted twice or not at all).
 * @param verdict false: a wrong PIN is counted but not remembered as failed (core `failureIsVerdict`).
 */
export function storeOutcome(
  db: SecureJoinDb,
  key: string,
  outcome: TokenOutcome,
  pinSent: SentPin,
  now: EpochMs,
  limits: Partial<AttemptLimits>,
  opts: { tabId?: number; verdict?: boolean } = {},
): Promise<GuardState> {
  return db.transaction('rw', db.guard, db.reservations, async () => {
    const next = recordOutcome(await loadGuardState(db), key, outcome, pinSent, now, limits, { verdict: opts.verdict ?? true });
    await db.guard.put({ key: GUARD_ROW_KEY, state: next });
    if (pinSent !== null && opts.tabId !== undefined) await db.reservations.delete(reservationId(key, opts.tabId));
    return next;
  });
}

/** Frees tab `tabId`'s reservation in room `key` (its request failed without an answer). */
export async function releaseReservation(db: SecureJoinDb, key: string, tabId: number): Promise<void> {
  await db.reservations.delete(reservationId(key, tabId));
}

/**
 * Reserves an automatic attempt in room `key` for tab `tabId` when core's `mayReserve` allows it
 * under the guard state and the other tabs' live reservations, read and written in one
 * transaction (IndexedDB runs read-write transactions on the same tables one after another, so
 * concurrent tabs are serialised). Expired reservations are dropped on the way.
 */
export function reserveAttempt(db: SecureJoinDb, key: string, tabId: number, now: EpochMs, limits: AttemptLimits): Promise<boolean> {
  return db.transaction('rw', db.guard, db.reservations, async () => {
    const rows = await db.reservations.where('key').equals(key).toArray();
    const stale = rows.filter((r) => !reservationLive(r, now)).map((r) => r.id);
    if (stale.length > 0) await db.reservations.bulkDelete(stale);
    const status = guardStatus(await loadGuardState(db), key, now, limits);
    if (!mayReserve(status, rows, tabId, now, limits.warnAtRemaining)) return false;
    await db.reservations.put({ id: reservationId(key, tabId), key, tabId, at: now });
    return true;
  });
}
