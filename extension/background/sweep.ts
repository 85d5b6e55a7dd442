/**
 * Clean-up of short-lived rows, at start and with the daily retention job: pending token
 * requests that can no longer be matched (core `pendingRowLive`), reservations past their TTL
 * (core `reservationLive`), and captures nobody confirmed in time (core `pendingChangeLive`;
 * they hold a PIN, so they must not outlive their purpose even if the popup is never opened).
 */
import { reservationLive } from '../../core/guard';
import { pendingChangeLive } from '../../core/vault';
import type { BackgroundContext } from './context';
import { sweepPendingRequests } from './guard';

/** How many rows of each kind were deleted. */
export interface SweepResult {
  pending: number;
  reservations: number;
  changes: number;
}

/** Deletes every expired short-lived row; returns how many of each. */
export async function sweepExpired(ctx: BackgroundContext): Promise<SweepResult> {
  const pending = await sweepPendingRequests(ctx);
  const now = ctx.now();
  const { db } = ctx;
  return db.transaction('rw', db.reservations, db.changes, async () => {
    const reservations = (await db.reservations.toArray()).filter((r) => !reservationLive(r, now)).map((r) => r.id);
    const changes = (await db.changes.toArray()).filter((c) => !pendingChangeLive(c.at, now)).map((c) => c.id);
    await db.reservations.bulkDelete(reservations);
    await db.changes.bulkDelete(changes);
    return { pending, reservations: reservations.length, changes: changes.length };
  });
}
