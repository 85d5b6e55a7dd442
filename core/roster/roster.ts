/**
 * The invitee roster: one personal passcode per invitee, so the organizer sees who joined with
 * which code (and who shared theirs).
 */
import { generateInviteePasscodes, normaliseInviteeEmail, normaliseInviteeEmails } from '../codes';
import type { CodeOptions } from '../codes';

/** One invitee and their personal passcode. `email` is normalised (trimmed, lower-case). */
export interface Invitee {
  email: string;
  name: string;
  passcode: string;
  /** Personal web alias (their personal link; issue 10), set by {@link withPersonalAliases}. */
  alias?: string;
  /** Personal numeric alias (what they dial by phone, then the passcode), set with `alias`. */
  dialAlias?: string;
}

/** A meeting's invitees. Passcodes are unique within a roster. */
export interface Roster {
  invitees: Invitee[];
}

/** Options for {@link createRoster}: code options plus the roster being updated, if any. */
export type CreateRosterOptions = CodeOptions & { existing?: Roster };

/**
 * Builds a roster for `people` (in their order, de-duplicated by normalised email, first entry
 * wins). With `existing`, invitees already there keep their passcode (their name is updated),
 * new invitees get fresh passcodes distinct from every kept one and from `exclude`, and invitees
 * no longer listed are dropped (their codes stop working).
 *
 * @throws RangeError for invalid emails, empty names, an existing roster with repeated
 *   passcodes, or bad code options; CodeSpaceExhaustedError when the codes do not fit.
 */
export function createRoster(people: Array<{ email: string; name: string }>, opts: CreateRosterOptions = {}): Roster {
  if (!Array.isArray(people)) throw new RangeError('people must be an array of {email, name}');
  const badNames: string[] = [];
  people.forEach((p, i) => {
    if (typeof p !== 'object' || p === null || typeof p.name !== 'string' || p.name.trim() === '') badNames.push(`people[${i}].name must be a non-empty string`);
  });
  if (badNames.length > 0) throw new RangeError(badNames.slice(0, 5).join('; '));
  const emails = normaliseInviteeEmails(people.map((p) => p.email), 'people.email');
  const nameOf = new Map<string, string>();
  for (const p of people) {
    const email = normaliseInviteeEmail(p.email);
    if (!nameOf.has(email)) nameOf.set(email, p.name.trim());
  }

  const kept = new Map<string, string>(); // email -> passcode, for invitees who stay
  const previous = existingPasscodes(opts.existing);
  for (const email of emails) {
    const code = previous.get(email);
    if (code !== undefined) kept.set(email, code);
  }
  const fresh = emails.filter((e) => !kept.has(e));
  if (typeof opts.exclude === 'string') throw new RangeError('exclude must be an iterable of strings (array or Set), not a single string');
  const exclude = [...(opts.exclude ?? []), ...kept.values()];
  const issued = new Map(
    generateInviteePasscodes(fresh, { ...opts, exclude }).map((x) => [x.email, x.passcode] as const),
  );
  return {
    invitees: emails.map((email) => ({
      email,
      name: nameOf.get(email) ?? email,
      passcode: kept.get(email) ?? issued.get(email) ?? '',
    })),
  };
}

/** Email -> passcode of an existing roster, checking it is well-formed. */
function existingPasscodes(existing: Roster | undefined): Map<string, string> {
  const byEmail = new Map<string, string>();
  if (existing === undefined) return byEmail;
  if (typeof existing !== 'object' || existing === null || !Array.isArray(existing.invitees)) {
    throw new RangeError('existing must be a roster {invitees: [...]}');
  }
  const seen = new Set<string>();
  existing.invitees.forEach((inv, i) => {
    if (typeof inv?.passcode !== 'string' || inv.passcode === '' || typeof inv.email !== 'string') {
      throw new RangeError(`existing.invitees[${i}] must have a string email and a non-empty passcode`);
    }
    if (seen.has(inv.passcode)) throw new RangeError(`existing.invitees[${i}] repeats a passcode used by another invitee`);
    seen.add(inv.passcode);
    byEmail.set(normaliseInviteeEmail(inv.email), inv.passcode);
  });
  return byEmail;
}

/** The invitee whose passcode this is (exact match), or null. */
export function resolvePasscode(roster: Roster, passcode: string): Invitee | null {
  if (typeof passcode !== 'string' || passcode === '') return null;
  return roster.invitees.find((inv) => inv.passcode === passcode) ?? null;
}
