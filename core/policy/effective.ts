/**
 * Merging a user's own preferences with the admin policy, with every preference that is not
 * applied listed in plain words. The merge itself is merge.ts; this adds the words for zod's
 * problems (issues.ts).
 */
import type { $ZodIssue } from 'zod/v4/core';
import { describeType, toIssues } from './issues';
import { mergeSettings } from './merge';
import type { EffectiveSettingsResult, PrefsExplainer, UserPrefs } from './merge';
import type { Policy } from './schema';

export { SETTING_PATHS } from './merge';
export type { EffectiveSettings, EffectiveSettingsResult, UserPrefs } from './merge';

const EXPLAIN: PrefsExplainer = {
  notAnObject: (prefs) => `preferences must be an object, got ${describeType(prefs)}`,
  notAGroup: (value) => `must be an object of settings, got ${describeType(value)}`,
  unknown: 'unknown setting',
  locked: 'locked by your administrator',
  invalid: (issues: readonly $ZodIssue[], value: unknown) =>
    issues
      .flatMap((issue) => toIssues(issue, value, () => []))
      .map((i) => i.message)
      .join('; '),
  tooGuessable: (weak, max) => `not applied: with these preferences the ${weak} would be too easy to guess (policy maxGuessProbability ${max})`,
};

/**
 * Merges `prefs` into `policy`'s settings.
 *
 * - A locked setting keeps the policy value; a preference for it is reported.
 * - Each preference is validated with the same zod schema as the policy value; an invalid or
 *   unknown entry is reported and the policy value stays.
 * - If the accepted organizer preferences together would make a code exceed
 *   `maxGuessProbability`, all of them are dropped and reported (fail closed).
 *
 * Never throws; `prefs` may be anything (null/undefined = no preferences).
 */
export function effectiveSettings(policy: Policy, prefs: UserPrefs): EffectiveSettingsResult {
  return mergeSettings(policy, prefs, EXPLAIN) as EffectiveSettingsResult;
}
