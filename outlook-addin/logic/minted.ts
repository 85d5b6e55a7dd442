/**
 * Aliases are the meeting service's to mint (issue 18): the web alias, the access code (the
 * numeric alias) and every invitee's personal web and numeric alias. The add-in draws local
 * placeholders only so the block can be shown before the service answers; a write carries back
 * exactly the values the service minted for this meeting (anything else is refused with
 * `aliases_are_minted`), and leaves every other one out, so the service mints it.
 *
 * Which values were minted is kept with the codes (`MeetingSecurity.minted`): the service that
 * minted them and the values themselves, compared by value, so a placeholder drawn later (a new
 * invitee) or a stale value from a race between the two writers is never sent as if minted.
 * Pure: no fetch, no Office. (Reading the answer is ./adoption.ts's, loaded after the first paint.)
 */
import type { MeetingServicePolicy } from '../../core/policy';
import { aliasesOf } from './security';
import type { MeetingSecurity } from './types';

/** What the service minted for a meeting: the service (its policy URL) and the aliases, lower-case. */
export interface MintedAliases {
  service: string;
  aliases: string[];
}

/** The aliases a meeting-service answer carries: the room's, its access code, each invitee's by email. */
export interface AnsweredAliases {
  alias: string;
  accessCode: string | null;
  invitees: Array<{ email: string; alias: string; dialAlias: string }>;
}

/** True when `value` is one `service` minted for this meeting (a write may carry it back). */
export function isMinted(security: Pick<MeetingSecurity, 'minted'>, service: MeetingServicePolicy, value: string | null | undefined): value is string {
  return typeof value === 'string' && security.minted?.service === service.url && security.minted.aliases.includes(value.toLowerCase());
}

/**
 * `security` with the aliases of the service's answer: the web alias, the access code (when the
 * meeting has one), and each invitee's personal aliases (matched by email), all recorded as
 * minted by `service`. An invitee the answer does not list (added meanwhile) keeps placeholders,
 * which are not recorded, so the next write leaves them out. PINs and passcodes stay as they are.
 */
export function adoptAliases(security: MeetingSecurity, answer: AnsweredAliases, service: MeetingServicePolicy): MeetingSecurity {
  const byEmail = new Map(answer.invitees.map((i) => [i.email.toLowerCase(), i] as const));
  // In aliasesOf's order: web alias, access code, each invitee's web and numeric alias.
  const minted = [answer.alias];
  if (security.accessCode !== null && answer.accessCode !== null) minted.push(answer.accessCode);
  const roster = security.roster && {
    invitees: security.roster.invitees.map((inv) => {
      const got = byEmail.get(inv.email.toLowerCase());
      if (!got) return inv;
      minted.push(got.alias, got.dialAlias);
      return { ...inv, alias: got.alias.toLowerCase(), dialAlias: got.dialAlias };
    }),
  };
  const accessCode = security.accessCode !== null ? (answer.accessCode ?? security.accessCode) : null;
  return { ...security, alias: answer.alias, accessCode, roster, minted: { service: service.url, aliases: minted.map((a) => a.toLowerCase()) } };
}

/** The aliases of `security` the service did not mint (placeholders): none may be in an invite that goes out. */
export function unmintedAliases(security: MeetingSecurity, service: MeetingServicePolicy): string[] {
  return aliasesOf(security).filter((a) => !isMinted(security, service, a));
}

/** `security` with no alias counted as minted: the next write leaves every one out, so the service mints them all afresh. */
export function withoutMinted(security: MeetingSecurity): MeetingSecurity {
  const { minted: _m, ...rest } = security;
  return rest;
}
