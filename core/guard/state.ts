/**
 * The attempt guard's persisted state: plain JSON that survives a service-worker restart and any
 * number of JSON round trips. It holds an AttemptLedger state (core/attempts) in which this
 * browser is the only client, plus per-room facts the ledger does not track.
 */
import { emptyLedgerState, parseLedgerState } from '../attempts/state';
import type { LedgerState } from '../attempts/state';
import type { EpochMs } from '../types';
import type { TokenOutcome } from './tokenRequest';

/** A PIN that failed in a room, as a fingerprint (see `pinFingerprint`), and when. */
export interface FailedPin {
  fingerprint: string;
  at: EpochMs;
}

/** What the guard remembers about one room besides the ledger's counts. */
export interface GuardRoom {
  /** `guardKey(origin, alias)`. */
  key: string;
  /** PINs seen failing here, oldest first (fingerprints only). */
  failedPins: FailedPin[];
  /** When a 404 followed wrong PINs (the room may be blocked), or null. */
  lockoutSuspectedAt: EpochMs | null;
  lastOutcome: TokenOutcome | null;
  lastOutcomeAt: EpochMs | null;
}

/** Everything the guard knows. Arrays rather than keyed objects, so any key (`__proto__`) is safe. */
export interface GuardState {
  version: 1;
  ledger: LedgerState;
  rooms: GuardRoom[];
}

/** A guard that has seen nothing. */
export function emptyGuardState(): GuardState {
  return { version: 1, ledger: emptyLedgerState(), rooms: [] };
}

const OUTCOMES: readonly string[] = ['success', 'wrong-pin', 'pin-required', 'not-found', 'other'];
const isInstant = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);
const orNullInstant = (v: unknown): boolean => v === null || isInstant(v);

/**
 * Validates untrusted stored state and returns a deep copy. Never throws.
 * @returns the state, or null when it is malformed. A caller that gets null should start from
 *   {@link emptyGuardState} and, since counts were lost, treat the rooms it knows as unsafe for
 *   automatic joining until the user joins once (its own decision; documented in the report).
 */
export function parseGuardState(raw: unknown): GuardState | null {
  try {
    const s = raw as Partial<GuardState> | null;
    if (typeof s !== 'object' || s === null || s.version !== 1 || !Array.isArray(s.rooms)) return null;
    const ledger = parseLedgerState(s.ledger);
    const seen = new Set<string>();
    const rooms: GuardRoom[] = [];
    for (const r of s.rooms as unknown[]) {
      const room = r as Partial<GuardRoom> | null;
      if (typeof room !== 'object' || room === null || typeof room.key !== 'string' || seen.has(room.key)) return null;
      seen.add(room.key);
      if (!Array.isArray(room.failedPins)) return null;
      const failedPins: FailedPin[] = [];
      for (const f of room.failedPins as unknown[]) {
        const fp = f as Partial<FailedPin> | null;
        if (typeof fp !== 'object' || fp === null || typeof fp.fingerprint !== 'string' || !isInstant(fp.at)) return null;
        failedPins.push({ fingerprint: fp.fingerprint, at: fp.at });
      }
      if (!orNullInstant(room.lockoutSuspectedAt) || !orNullInstant(room.lastOutcomeAt)) return null;
      if (room.lastOutcome !== null && !OUTCOMES.includes(room.lastOutcome as string)) return null;
      rooms.push({
        key: room.key,
        failedPins,
        lockoutSuspectedAt: room.lockoutSuspectedAt as EpochMs | null,
        lastOutcome: room.lastOutcome as TokenOutcome | null,
        lastOutcomeAt: room.lastOutcomeAt as EpochMs | null,
      });
    }
    return { version: 1, ledger, rooms };
  } catch {
    return null;
  }
}
