/** Wrong-PIN accounting: per-client and per-room limits, room blocking, warning levels. */
export { DEFAULT_ATTEMPT_LIMITS, resolveAttemptLimits } from './limits';
export type { AttemptLimits } from './limits';
export { AttemptLedger, warningLevel } from './ledger';
export type { AttemptStatus, WarningLevel } from './ledger';
export { emptyLedgerState, parseLedgerState } from './state';
export type { LedgerState, RoomFailures, ClientFailures } from './state';
export { shouldAttempt } from './shouldAttempt';
