/**
 * The settings in force for the extension: the admin policy (managed storage, see
 * policy/managedPolicy.ts) merged with the user's own preferences by core's
 * `effectiveSettings` (locked policy settings always win).
 */
import { effectiveSettings } from '../../core/policy';
import type { AutofillMode, EffectiveSettingsResult } from '../../core/policy';
import type { AttemptLimits } from '../../core/attempts';
import type { KeepRules } from '../../core/vault';
import type { PolicyState } from '../policy/managedPolicy';

/** storage.local key of the user's preferences (same shape as core's UserPrefs). */
export const USER_PREFS_KEY = 'userPrefs';

/** What the background decides with. Plain data, rebuilt from storage on every use (the worker may restart). */
export interface ExtensionSettings {
  mode: AutofillMode;
  warnAtRemaining: number;
  retentionDays: number;
  /** Attempt limits for core/guard: the policy's node limits with the attendee's warning threshold. */
  limits: AttemptLimits;
  /**
   * Origins the policy restricts filling to, or null when no admin policy is deployed (then the
   * user's own saved meetings decide). A managed policy with an empty node list fills nowhere.
   */
  policyOrigins: string[] | null;
  /** Web app paths the policy names (admin-defined paths count as join pages). */
  webAppPaths: string[];
  /**
   * The admin deployed a policy that does not parse, or installed the extension by policy and no
   * readable policy arrived: fill nowhere, save nothing, delete nothing (mode off, no origins)
   * until it is fixed. See PolicyState `invalid` and `unreadable`.
   */
  policyBroken: boolean;
  /** The merge result, for the options page (locked paths, ignored preferences). */
  effective: EffectiveSettingsResult;
}

/** Settings from the stored policy state and preferences. Never throws: bad preferences are ignored and reported by core. */
export function settingsFrom(policyState: PolicyState, prefs: unknown): ExtensionSettings {
  const { policy } = policyState;
  const effective = effectiveSettings(policy, prefs);
  const attendee = effective.settings.attendee;
  const warnAtRemaining = Math.min(attendee.autofill.warnAtRemaining, policy.attempts.web - 1);
  // Deployed but not usable (does not parse, or meant by an admin install but empty/unreadable).
  const policyBroken = policyState.source === 'invalid' || policyState.source === 'unreadable';
  return {
    mode: policyBroken ? 'off' : attendee.autofill.mode,
    warnAtRemaining,
    retentionDays: attendee.savedPins.retentionDays,
    limits: {
      web: policy.attempts.web,
      sip: policy.attempts.sip,
      roomFailures: policy.attempts.roomFailures,
      roomWindowMinutes: policy.attempts.roomWindowMinutes,
      warnAtRemaining: Math.max(0, warnAtRemaining),
    },
    policyOrigins: policyBroken ? [] : policyState.source === 'managed' ? policy.nodes.map((n) => n.origin) : null,
    webAppPaths: [...new Set(['webapp3', ...policy.nodes.map((n) => n.webAppPath)])],
    policyBroken,
    effective,
  };
}

/** The rules every kept record must meet (core `admitMeeting`), under these settings. */
export function keepRulesOf(settings: Pick<ExtensionSettings, 'retentionDays' | 'policyOrigins' | 'policyBroken'>): KeepRules {
  return { retentionDays: settings.retentionDays, policyOrigins: settings.policyOrigins, policyBroken: settings.policyBroken };
}

/**
 * The retention to delete by now, or null to delete nothing: while the admin's policy is broken
 * its retention is unknown, and the defaults' may be shorter (the user's PINs stay until it is fixed).
 */
export function retentionToApply(settings: Pick<ExtensionSettings, 'retentionDays' | 'policyBroken'>): number | null {
  return settings.policyBroken ? null : settings.retentionDays;
}
