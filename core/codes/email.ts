/**
 * Invitee email handling for per-invitee passcodes: one normal form (trimmed, lower-case) so the
 * same person is never given two codes, and a pragmatic validity check (not full RFC 5322: the
 * addresses come from a calendar's attendee list, we only reject what cannot be an address).
 */

// These patterns stay within ES2016 syntax (no lookbehind, no \p{...}): the classic-Windows
// Outlook runtime bundles core/ for ES2016 engines, where a newer literal fails to load the file.

/** Local part characters: no spaces, quotes or brackets (dots are checked separately). */
const LOCAL = /^[^\s@"(),:;<>[\]\\]+$/;
/** A domain label: ASCII letters/digits or any non-ASCII character (other scripts), inner hyphens. */
const LABEL = /^[a-z0-9\u0080-\uffff](?:[a-z0-9\u0080-\uffff-]{0,61}[a-z0-9\u0080-\uffff])?$/i;

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
  const localOk = LOCAL.test(local) && !local.startsWith('.') && !local.endsWith('.') && !local.includes('..');
  // \s covers Unicode spaces too, which the non-ASCII range in LABEL would otherwise admit.
  return localOk && labels.length >= 2 && labels.every((l) => LABEL.test(l) && !/\s/.test(l));
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

/** An address listed more than once: its normal form and every entry (trimmed, as given). */
export interface RepeatedInviteeEmail {
  email: string;
  entries: string[];
}

/**
 * The addresses that appear more than once in `emails` once normalised (`Bob@Example.com` and
 * `bob@example.com` are one invitee), in first-seen order. For callers that must not merge
 * repeats silently (the CLI refuses them; normaliseInviteeEmails merges them).
 */
export function repeatedInviteeEmails(emails: readonly string[]): RepeatedInviteeEmail[] {
  const groups = new Map<string, string[]>();
  for (const raw of emails) {
    const key = normaliseInviteeEmail(raw);
    const entries = groups.get(key);
    if (entries) entries.push(raw.trim());
    else groups.set(key, [raw.trim()]);
  }
  return [...groups].filter(([, entries]) => entries.length > 1).map(([email, entries]) => ({ email, entries }));
}
