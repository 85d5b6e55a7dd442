import { browser } from 'wxt/browser';
import { DEFAULT_POLICY, policyFromManaged } from '../../core/policy';
import type { Policy } from '../../core/policy';
import type { Issue } from '../../core/types';

/** The policy in force and where it came from, kept in `storage.local` for the popup and options page. */
export interface PolicyState {
  source: 'managed' | 'default';
  policy: Policy;
  /** Why a managed policy was rejected (then the secure default applies). Empty when accepted. */
  errors: Issue[];
}

export const POLICY_STATE_KEY = 'policyState';

/** Decides the policy in force from what `storage.managed` holds: a bad policy falls back to the secure default. */
export function policyStateFrom(managed: unknown): PolicyState {
  const isEmpty = managed === null || managed === undefined || (typeof managed === 'object' && Object.keys(managed).length === 0);
  if (isEmpty) return { source: 'default', policy: DEFAULT_POLICY, errors: [] };
  const parsed = policyFromManaged(managed);
  return parsed.ok
    ? { source: 'managed', policy: parsed.value, errors: [] }
    : { source: 'default', policy: DEFAULT_POLICY, errors: parsed.errors };
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
