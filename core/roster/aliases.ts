/**
 * Personal aliases (issue 10): every invitee of a unique-passcode meeting gets a personal web
 * alias (their personal link) and a personal numeric alias (what they dial by phone), on which
 * Infinity asks for that invitee's passcode. Invitees who stay keep theirs, so links already
 * sent keep working; new invitees get fresh ones distinct from every alias of the meeting.
 */
import { generateDialAlias, generateWebAlias } from '../codes';
import type { Roster } from './roster';

/** Options of {@link withPersonalAliases}. */
export interface PersonalAliasOptions {
  /** Digits of a numeric alias (the access code's length rules, 6-15). */
  dialLength: number;
  /** The meeting's other aliases and codes, which no personal alias may equal. */
  exclude: Iterable<string>;
  /** The roster before this change: invitees still listed keep its aliases (matched by email). */
  existing?: Roster | null;
}

/**
 * `roster` with `alias` and `dialAlias` set on every invitee: kept from `roster` itself or from
 * `existing` (same email), else fresh. All aliases are distinct from each other and `exclude`.
 *
 * @throws RangeError on a bad length; CodeSpaceExhaustedError when no alias is left.
 */
export function withPersonalAliases(roster: Roster, opts: PersonalAliasOptions): Roster {
  const before = new Map((opts.existing?.invitees ?? []).map((i) => [i.email, i] as const));
  const taken = new Set<string>([...opts.exclude].map((a) => a.toLowerCase()));
  // A kept alias that clashes (with the meeting's or an earlier invitee's) is replaced, never shared.
  const keep = (value: string | undefined): string | null => {
    const v = value?.toLowerCase();
    if (!v || taken.has(v)) return null;
    taken.add(v);
    return v;
  };
  const kept = roster.invitees.map((inv) => {
    const old = inv.alias && inv.dialAlias ? inv : before.get(inv.email);
    return { inv, alias: keep(old?.alias), dialAlias: keep(old?.dialAlias) };
  });
  return {
    invitees: kept.map(({ inv, alias, dialAlias }) => {
      const web = alias ?? generateWebAlias({ exclude: taken });
      taken.add(web);
      const dial = dialAlias ?? generateDialAlias({ length: opts.dialLength, exclude: taken });
      taken.add(dial);
      return { ...inv, alias: web, dialAlias: dial };
    }),
  };
}
