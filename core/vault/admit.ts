/**
 * Whether a record may be kept at all, under the rules the admin and the user set: the policy's
 * nodes, the retention ("0 = never keep PINs"), a policy that is broken (keep nothing new). One
 * rule for every way a record gets in (capture, pasted invite, typed by hand, edit, import) and
 * for filling, so none of them is a way around it.
 */
import type { EpochMs, Issue } from '../types';
import type { SavedMeeting } from './schema';
import { expiredMeetings } from './window';

/** The rules a record must meet to be kept. */
export interface KeepRules {
  /** Days PINs are kept after the meeting (0: never keep PINs). */
  retentionDays: number;
  /** The policy's node origins, or null when no admin policy restricts nodes. */
  policyOrigins: readonly string[] | null;
  /** An admin policy is deployed but invalid: keep nothing new until it is fixed. */
  policyBroken?: boolean;
}

/** What {@link admitMeeting} decided. `expired`: valid, but already past its retention (it would be deleted at once). */
export type Admission = { verdict: 'keep' } | { verdict: 'expired'; errors: Issue[] } | { verdict: 'refused'; errors: Issue[] };

/**
 * Decides whether `m` may be kept at `now` under `rules`; error paths are under `prefix`
 * (`meetings[3]`), naming the field at fault (`origin`, `endsAt`) or the record itself.
 * Never throws: bad rules refuse.
 */
export function admitMeeting(m: SavedMeeting, rules: KeepRules, now: EpochMs, prefix = ''): Admission {
  const at = (field: string): string => (prefix === '' ? field : field === '' ? prefix : `${prefix}.${field}`);
  if (rules.policyBroken === true) {
    return { verdict: 'refused', errors: [{ path: at('') || 'record', message: "your administrator's policy is broken, so SecureJoin saves nothing until it is fixed" }] };
  }
  if (rules.retentionDays === 0) {
    return { verdict: 'refused', errors: [{ path: at('') || 'record', message: 'no PINs are kept (retention 0 days)' }] };
  }
  if (rules.policyOrigins !== null && !rules.policyOrigins.includes(m.origin)) {
    return { verdict: 'refused', errors: [{ path: at('origin'), message: 'this conference node is not one your administrator allows' }] };
  }
  try {
    if (expiredMeetings([m], now, rules.retentionDays).length > 0) {
      const days = rules.retentionDays;
      return { verdict: 'expired', errors: [{ path: at(m.endsAt !== undefined ? 'endsAt' : 'startsAt'), message: `the meeting is over and past the ${days} day${days === 1 ? '' : 's'} PINs are kept` }] };
    }
  } catch {
    return { verdict: 'refused', errors: [{ path: at('') || 'record', message: 'the retention setting is not valid' }] };
  }
  return { verdict: 'keep' };
}
