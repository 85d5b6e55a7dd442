import { browser } from 'wxt/browser';
import { DEFAULT_POLICY, policyFromManaged } from '../../core/policy';
import type { Policy } from '../../core/policy';
import type { Issue } from '../../core/types';

/**
 * The policy in force and where it came from, kept in `storage.local` for the popup and options page.
 * - `default`: no admin policy deployed; the secure defaults apply.
 * - `managed`: the admin's policy, valid, applies.
 * - `invalid`: an admin policy is deployed but does not parse (a cross-field error, an unknown
 *   key, a newer version). The extension fails closed: it fills nowhere and saves nothing until
 *   the admin fixes it (falling back to the defaults would drop the admin's node list and locks).
 *   `policy` is then the defaults, for display only.
 */
export interface PolicyState {
  source: 'managed' | 'default' | 'invalid';
  policy: Policy;
  /** Why a managed policy was rejected (zod paths and messages). Empty unless `invalid`. */
  errors: Issue[];
}

export const POLICY_STATE_KEY = 'policyState';

/** Decides the policy in force from what `storage.managed` holds: a present but bad policy is `invalid` (fail closed). */
export function policyStateFrom(managed: unknown): PolicyState {
  const isEmpty = managed === null || managed === undefined || (typeof managed === 'object' && Object.keys(managed).length === 0);
  if (isEmpty) return { source: 'default', policy: DEFAULT_POLICY, errors: [] };
  const parsed = policyFromManaged(managed);
  return parsed.ok
    ? { source: 'managed', policy: parsed.value, errors: [] }
    : { source: 'invalid', policy: DEFAULT_POLICY, errors: parsed.errors };
}

async function readManaged(): Promise<unknown> {
  try {
    return await browser.storage.managed.get();
  } catch {
    // Firefox throws when no policy is deployed; that is the same as an empty policy.
    return {};
  }
}

/**
 * The policy in force, read from managed storage now (not from the cached copy, so a policy
 * that just arrived is never missed: fail closed).
 */
export async function currentPolicyState(): Promise<PolicyState> {
  return policyStateFrom(await readManaged());
}

async function refresh(): Promise<void> {
  const state = await currentPolicyState();
  await browser.storage.local.set({ [POLICY_STATE_KEY]: state });
}

/**
 * Applies the managed policy now and again whenever the admin changes it.
 * @param onChange called after each refresh (e.g. to re-register content scripts).
 */
export function watchManagedPolicy(onChange: () => void = () => undefined): void {
  void refresh().then(onChange);
  browser.storage.onChanged.addListener((_changes, area) => {
    if (area === 'managed') void refresh().then(onChange);
  });
}
