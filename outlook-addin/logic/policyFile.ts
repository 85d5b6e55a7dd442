/**
 * Which policy the add-in runs under, with every problem of a broken policy.json in plain words.
 * An invalid or unreachable policy.json never means "no policy": the secure defaults apply (fail
 * closed). The task pane loads this module only for a broken file (policy.ts, loadPolicyLazily),
 * and for saved defaults that do not apply as they are (organizerSettingsLazily).
 */
import { DEFAULT_POLICY, parsePolicyJson } from '../../core/policy/parse';
import type { LoadedPolicy } from './types';

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

export { organizerSettings } from './policy';
