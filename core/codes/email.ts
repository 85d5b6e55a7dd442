/**
 * Invitee email handling for per-invitee passcodes: one normal form (trimmed, lower-case) so the
 * same person is never given two codes, and a pragmatic validity check (not full RFC 5322: the
 * addresses come from a calendar's attendee list, we only reject what cannot be an address).
 */

/** Local part: no spaces, quotes or brackets, no leading/trailing/double dots. */
const LOCAL = /^(?!\.)(?!.*\.\.)[^\s@"(),:;<>[\]\\]+(?<!\.)$/u;
/** Domain: dot-separated labels of letters/digits/hyphens (any script), at least two labels. */
const LABEL = /^[\p{L}\p{N}](?:[\p{L}\p{N}-]{0,61}[\p{L}\p{N}])?$/u;

/** Fast path for the usual ASCII address; anything else goes through the full checks. */
const SIMPLE = /^[a-z0-9_%+-]+(?:\.[a-z0-9_%+-]+)*@[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)+$/;

/** Trims and lower-cases an email address. */
export function normaliseInviteeEmail(email: string): string {
  return email.trim().toLowerCase();
}

/** Whether a (normalised) string is a plausible email address: local@domain.tld, <= 254 chars. */
export function isValidInviteeEmail(email: string): boolean {
  if (typeof email !== 'string' || email.length > 254) return false;
  const at = email.lastIndexOf('@');
  if (at > 0 && at <= 64 && SIMPLE.test(email)) return true;
  if (at <= 0 || at > 64) return false;
  const local = email.slice(0, at);
  const labels = email.slice(at + 1).split('.');
  return LOCAL.test(local) && labels.length >= 2 && labels.every((l) => LABEL.test(l));
}

/**
 * Normalises, validates and de-duplicates a list of emails, keeping first-seen order.
 *
 * @param path names the list in errors, e.g. `emails` or `people`.
 * @throws RangeError listing every invalid entry with its index.
 */
export function normaliseInviteeEmails(emails: readonly string[], path = 'emails'): string[] {
  if (!Array.isArray(emails)) throw new RangeError(`${path} must be an array of email addresses`);
  const bad: string[] = [];
  const unique = new Set<string>();
  emails.forEach((raw, i) => {
    const email = typeof raw === 'string' ? normaliseInviteeEmail(raw) : '';
    if (!isValidInviteeEmail(email)) bad.push(`${path}[${i}]: ${JSON.stringify(raw)} is not a valid email address`);
    else unique.add(email);
  });
  if (bad.length > 0) {
    const shown = bad.slice(0, 5).join('; ');
    throw new RangeError(bad.length > 5 ? `${shown}; and ${bad.length - 5} more` : shown);
  }
  return [...unique];
}
