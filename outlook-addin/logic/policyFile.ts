/**
 * Which policy the add-in runs under, with every problem of a broken policy.json in plain words.
 * An invalid or unreachable policy.json never means "no policy": the secure defaults apply (fail
 * closed). The task pane loads this module only for a broken file (policy.ts, loadPolicyLazily),
 * and for saved defaults that do not apply as they are (organizerSettingsLazily).
 */
import { effectiveSettings } from '../../core/policy/effective';
import { DEFAULT_POLICY, parsePolicyJson } from '../../core/policy/parse';
import type { Policy, UserPrefs } from '../../core/policy';
import { organizerSettingsFrom } from './organizerSettingsFrom';
import type { LoadedPolicy, OrganizerSettings } from './types';

/**
 * The policy from policy.json's text (`null` = the file could not be fetched). Invalid JSON or
 * an invalid policy gives every error (with its path) and DEFAULT_POLICY. Never throws.
 */
export function loadPolicy(text: string | null): LoadedPolicy {
  if (text === null || typeof text !== 'string') return { policy: DEFAULT_POLICY, errors: [{ path: 'policy.json', message: 'could not be loaded; the secure defaults apply' }], source: 'default' };
  const parsed = parsePolicyJson(text);
  if (!parsed.ok) return { policy: DEFAULT_POLICY, errors: parsed.errors, source: 'default' };
  return { policy: parsed.value, errors: [], source: 'file' };
}

/**
 * The organizer's settings: the policy merged with `prefs` (personal defaults from roaming
 * settings, untrusted: anything). Locked policy values win; invalid or too-weak preferences are
 * ignored and listed in `ignored`. Never throws.
 */
export function organizerSettings(policy: Policy, prefs: unknown): OrganizerSettings {
  return organizerSettingsFrom(policy, effectiveSettings(policy, prefs as UserPrefs));
}
