/**
 * A meeting's aliases, as Pexip Infinity's External Policy API sees them: the web alias (the
 * invite's meeting link), the numeric alias (the access code a phone caller types), and each
 * invitee's personal web and numeric aliases. All are keys of one meeting: unique within it and
 * (checked by the service's store) across meetings, compared case-insensitively.
 */
import type { Issue } from '../types';

/** What an alias is for: it decides which guest PIN the policy answers with. */
export type AliasKind = 'web' | 'dial' | 'inviteeWeb' | 'inviteeDial';

/** One alias of a meeting: its lower-cased key, where it sits in the room spec, and its kind. */
export interface MeetingAlias {
  key: string;
  path: string;
  kind: AliasKind;
  /** The invitee it belongs to (personal aliases), else null. */
  inviteeIndex: number | null;
}

/** The aliases a room spec holds (only the ones present), in spec order. */
export function meetingAliases(room: {
  alias: string;
  accessCode: { code: string } | null;
  invitees: ReadonlyArray<{ alias?: string | undefined; dialAlias?: string | undefined }>;
}): MeetingAlias[] {
  const out: MeetingAlias[] = [{ key: aliasKey(room.alias), path: 'alias', kind: 'web', inviteeIndex: null }];
  if (room.accessCode) out.push({ key: aliasKey(room.accessCode.code), path: 'accessCode.code', kind: 'dial', inviteeIndex: null });
  room.invitees.forEach((inv, i) => {
    if (inv.alias !== undefined) out.push({ key: aliasKey(inv.alias), path: `invitees[${i}].alias`, kind: 'inviteeWeb', inviteeIndex: i });
    if (inv.dialAlias !== undefined) out.push({ key: aliasKey(inv.dialAlias), path: `invitees[${i}].dialAlias`, kind: 'inviteeDial', inviteeIndex: i });
  });
  return out;
}

/** How aliases are compared and stored: case-insensitively. */
export function aliasKey(alias: string): string {
  return alias.toLowerCase();
}

/** An issue for every alias that repeats an earlier one of the same meeting. */
export function duplicateAliasIssues(aliases: readonly MeetingAlias[]): Issue[] {
  const seen = new Map<string, string>();
  const issues: Issue[] = [];
  for (const a of aliases) {
    const first = seen.get(a.key);
    if (first !== undefined) issues.push({ path: a.path, message: `must differ from ${first} (aliases are compared ignoring case)` });
    else seen.set(a.key, a.path);
  }
  return issues;
}

/** Infinity's rule: host and guest PINs have the same length, or both end in `#`. */
export function pinLengthsAcceptable(hostPin: string, guestPin: string): boolean {
  return hostPin.length === guestPin.length || (hostPin.endsWith('#') && guestPin.endsWith('#'));
}

/**
 * Infinity refuses a policy answer whose host PIN and guest PIN differ in length unless both end
 * in `#`. Every guest PIN the policy can answer with (guest PIN, each invitee passcode) must
 * therefore match the host PIN's length, or both end in `#`.
 */
export function pinLengthIssues(hostPin: string | null, guestPins: ReadonlyArray<{ path: string; pin: string | null }>): Issue[] {
  if (hostPin === null) return [];
  return guestPins.flatMap(({ path, pin }) =>
    pin === null || pinLengthsAcceptable(hostPin, pin)
      ? []
      : [{ path, message: `must have the host PIN's length (${hostPin.length}), or both must end in # (Pexip Infinity refuses the room otherwise)` }],
  );
}
