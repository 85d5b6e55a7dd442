/**
 * The extension's rule for automatic PIN entry.
 */
import type { AttemptStatus } from './ledger';

/**
 * Whether software may try a PIN on its own: not when the room is blocked, and not when only the
 * last attempt (or none) is left. The last attempt is the user's to spend, knowingly.
 */
export function shouldAttempt(status: AttemptStatus): boolean {
  return !status.roomBlocked && status.remaining >= 2;
}
