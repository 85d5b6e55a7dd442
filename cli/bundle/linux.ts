/**
 * Chrome, Chromium and Edge on Linux: one JSON policy file per browser for its managed policy
 * folder, force-installing the extension from its store (`ExtensionInstallForcelist`) and
 * carrying its policy (`3rdparty.extensions.<id>`), both read from the same file.
 */
import { policyToManaged } from '../../core/policy';
import type { BundleFile } from './file';
import type { BundleSettings, ChromiumTarget } from './settings';

const document = (settings: BundleSettings, target: ChromiumTarget): string =>
  `${JSON.stringify({ ExtensionInstallForcelist: [`${target.id};${target.updateUrl}`], '3rdparty': { extensions: { [target.id]: policyToManaged(settings.policy) } } }, null, 2)}\n`;

export const CHROME_LINUX_PATH = 'browsers/linux/securejoin-chrome.json';
export const EDGE_LINUX_PATH = 'browsers/linux/securejoin-edge.json';

/** Where each file goes (README.txt says so too). */
export const LINUX_FOLDERS = {
  chrome: '/etc/opt/chrome/policies/managed',
  chromium: '/etc/chromium/policies/managed',
  edge: '/etc/opt/edge/policies/managed',
} as const;

/** The Chrome/Chromium file and the Edge file. */
export function linuxFiles(settings: BundleSettings): BundleFile[] {
  return [
    { path: CHROME_LINUX_PATH, content: document(settings, settings.chrome), encoding: 'utf8' },
    { path: EDGE_LINUX_PATH, content: document(settings, settings.edge), encoding: 'utf8' },
  ];
}
