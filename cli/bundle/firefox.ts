/**
 * Firefox: `policies.json` with `ExtensionSettings` (force-install the add-on from its install
 * URL; it cannot be removed by the user) and the add-on's policy under `3rdparty.Extensions`.
 * Firefox reads one policies.json: an existing one must be merged with this.
 */
import { policyToManaged } from '../../core/policy';
import type { BundleFile } from './file';
import type { BundleSettings } from './settings';

export const FIREFOX_PATH = 'browsers/firefox/policies.json';

/** The policies.json file. */
export function firefoxFiles(settings: BundleSettings): BundleFile[] {
  const { id, installUrl } = settings.firefox;
  const policies = {
    policies: {
      ExtensionSettings: { [id]: { installation_mode: 'force_installed', install_url: installUrl } },
      '3rdparty': { Extensions: { [id]: policyToManaged(settings.policy) } },
    },
  };
  return [{ path: FIREFOX_PATH, content: `${JSON.stringify(policies, null, 2)}\n`, encoding: 'utf8' }];
}
