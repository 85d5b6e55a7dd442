/**
 * The attempt guard's state in the database. core/guard decides; this module loads and saves
 * its JSON state in one row, inside a transaction, so outcomes from several tabs never overwrite
 * each other and a stopped service worker loses nothing that was recorded.
 */
import { emptyGuardState, parseGuardState, recordOutcome } from '../../core/guard';
import type { GuardState, TokenOutcome } from '../../core/guard';
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

/** Records one classified outcome for room `key` and returns the new state. */
export function storeOutcome(
  db: SecureJoinDb,
  key: string,
  outcome: TokenOutcome,
  pinSent: string | null,
  now: EpochMs,
  limits: Partial<AttemptLimits>,
): Promise<GuardState> {
  return db.transaction('rw', db.guard, async () => {
    const next = recordOutcome(await loadGuardState(db), key, outcome, pinSent, now, limits);
    await db.guard.put({ key: GUARD_ROW_KEY, state: next });
    return next;
  });
}
