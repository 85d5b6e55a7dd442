/** The attempt guard: what webRequest shows of join attempts, counted per node and alias, and the warnings. */
export { parseTokenRequestUrl, classifyTokenOutcome } from './tokenRequest';
export type { TokenRequestTarget, TokenOutcome } from './tokenRequest';
export { guardKey, guardKeyOf, pinFingerprint, PIN_FINGERPRINT_PREFIX } from './key';
export { emptyGuardState, parseGuardState } from './state';
export type { GuardState, GuardRoom, FailedPin } from './state';
export { recordOutcome, guardStatus, pinFailedBefore, THIS_BROWSER, FAILED_PIN_MEMORY_MS } from './guard';
export type { GuardStatus, SentPin } from './guard';
export { warningText } from './warning';
export { PENDING_REQUEST_TTL_MS, pendingRowLive, pendingRowKey } from './pending';
export type { PendingFacts } from './pending';
export { failureIsVerdict } from './verdict';
export { mayReserve, reservationLive, RESERVATION_TTL_MS } from './reserve';
export type { Reservation } from './reserve';
