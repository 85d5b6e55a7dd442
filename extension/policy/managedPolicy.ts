import { browser } from 'wxt/browser';
import { DEFAULT_POLICY, policyFromManaged } from '../../core/policy';
import type { Policy } from '../../core/policy';
import type { Issue } from '../../core/types';
import { UNREADABLE_POLICY } from './unreadable';

/**
 * The policy in force and where it came from, kept in `storage.local` for the popup and options page.
 * - `default`: no admin policy deployed; the secure defaults apply.
 * - `managed`: the admin's policy, valid, applies.
 * - `invalid`: an admin policy is deployed but does not parse (a cross-field error, an unknown
 *   key, a newer version). The extension fails closed: it fills nowhere and saves nothing until
 *   the admin fixes it (falling back to the defaults would drop the admin's node list and locks).
 *   `policy` is then the defaults, for display only.
 * - `unreadable`: the extension was installed by the admin's policy (`management.getSelf()`
 *   reports installType `admin`), so a policy is meant, but managed storage is empty (Chromium
 *   silently drops values that fail the manifest's schema, e.g. `"version": "1"` or a registry
 *   value of the wrong type) or could not be read. Fails closed exactly like `invalid`.
 */
export interface PolicyState {
  source: 'managed' | 'default' | 'invalid' | 'unreadable';
  policy: Policy;
  /** Why a managed policy was rejected (zod paths and messages). Empty unless `invalid`. */
  errors: Issue[];
}

export const POLICY_STATE_KEY = 'policyState';

/** What reading `storage.managed` gave: its contents, or the error it threw. */
export type ManagedRead = { ok: true; value: unknown } | { ok: false; error: string };

export { UNREADABLE_POLICY };

/**
 * Firefox's answer to `storage.managed.get()` when no policy names the extension: the one read
 * error that means "no policy" (Chromium answers `{}` instead).
 */
const FIREFOX_NO_POLICY = /managed storage manifest not found/i;

/**
 * Decides the policy in force from what `storage.managed` gave. A present but bad policy is
 * `invalid`; an empty or unreadable one is `unreadable` when the admin installed the extension
 * (a policy is meant), else it means no policy. A read error is never "empty", except Firefox's
 * own "no policy for this extension" when the user installed it. Fails closed.
 */
export function policyStateFrom(read: ManagedRead, adminInstalled: boolean): PolicyState {
  const unreadable = (why: string): PolicyState => ({ source: 'unreadable', policy: DEFAULT_POLICY, errors: [{ path: '', message: `${UNREADABLE_POLICY}: ${why}` }] });
  if (!read.ok) {
    if (!adminInstalled && FIREFOX_NO_POLICY.test(read.error)) return { source: 'default', policy: DEFAULT_POLICY, errors: [] };
    return unreadable(`the browser could not read it (${read.error}).`);
  }
  const managed = read.value;
  const isEmpty = managed === null || managed === undefined || (typeof managed === 'object' && Object.keys(managed).length === 0);
  if (isEmpty) {
    return adminInstalled
      ? unreadable('SecureJoin was installed by your administrator, but the browser delivered no policy settings (values of the wrong type are dropped).')
      : { source: 'default', policy: DEFAULT_POLICY, errors: [] };
  }
  const parsed = policyFromManaged(managed);
  return parsed.ok
    ? { source: 'managed', policy: parsed.value, errors: [] }
    : { source: 'invalid', policy: DEFAULT_POLICY, errors: parsed.errors };
}

async function readManaged(): Promise<ManagedRead> {
  try {
    return { ok: true, value: await browser.storage.managed.get() };
  } catch (error) {
    return { ok: false, error: error instanceof Error ? error.message : String(error) };
  }
}

let adminInstall: Promise<boolean> | null = null;

/**
 * True when the browser installed SecureJoin by the admin's policy (it stays so for the
 * extension's life, so it is asked once). When the browser cannot say, a policy is assumed to
 * be meant (fail closed): an empty policy then stops the extension rather than lifting the admin's rules.
 */
export function installedByAdmin(): Promise<boolean> {
  adminInstall ??= browser.management.getSelf().then(
    (self) => self.installType === 'admin',
    () => true,
  );
  return adminInstall;
}

/**
 * The policy in force, read from managed storage now (not from the cached copy, so a policy
 * that just arrived is never missed: fail closed).
 */
export async function currentPolicyState(): Promise<PolicyState> {
  const [read, admin] = await Promise.all([readManaged(), installedByAdmin()]);
  return policyStateFrom(read, admin);
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
