/**
 * Short plain sentences for the page warning, the popup and the badge tooltip.
 * English only for now: `locale` is accepted so callers need not change when translations come;
 * unknown locales get English.
 */
import type { GuardStatus } from './guard';

const plural = (n: number, one: string, many: string): string => `${n} ${n === 1 ? one : many}`;

/** "in 10 minutes" style phrase for a wait, or a generic one. */
function waitPhrase(status: Pick<GuardStatus, 'minutesUntilRetry' | 'windowMinutes'>): string {
  const minutes = status.minutesUntilRetry ?? status.windowMinutes;
  return `wait ${plural(minutes, 'minute', 'minutes')}`;
}

/**
 * The warning to show for a room, or null when there is nothing to warn about (no wrong PIN yet).
 * Most severe first: possible lockout (404 after wrong PINs), room blocked, no attempts left,
 * last attempt, few attempts (level `warn`), then a plain count after any wrong PIN.
 * @param locale BCP 47 tag; only English texts exist so far.
 */
export function warningText(status: GuardStatus, locale?: string): string | null {
  void locale;
  const left = status.attemptsLeft;
  const of = `${left} of ${status.limit}`;
  if (status.possibleLockout) {
    return `This room may be locked after too many wrong PINs: ${waitPhrase(status)} or ask the organizer.`;
  }
  switch (status.level) {
    case 'room_blocked':
      return `Too many wrong PINs were entered for this room, so it is locked: ${waitPhrase(status)} or ask the organizer.`;
    case 'exhausted':
      return `No PIN attempts left: ${waitPhrase(status)}, then check the PIN with the organizer before you try again.`;
    case 'last':
      return `Only 1 of ${status.limit} attempts left. SecureJoin will not use it for you: check the PIN, then enter it yourself.`;
    case 'warn':
      return `${of} attempts left. Check the PIN before you try again. Too many wrong PINs lock the room for everyone.`;
    default:
      return status.attemptsUsed > 0 ? `${plural(status.attemptsUsed, 'wrong PIN', 'wrong PINs')} so far: ${of} attempts left.` : null;
  }
}
