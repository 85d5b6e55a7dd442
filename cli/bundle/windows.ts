/**
 * Chrome and Edge on Windows: one .reg file each that force-installs the extension from its store
 * (`ExtensionInstallForcelist`, a list policy: values named "1", "2", ... under its key, each
 * "<id>;<update URL>") and carries its managed policy under the browser's 3rd-party extension key
 * (`...\3rdparty\extensions\<id>\policy`, typed values as `policy export` writes them).
 */
import { regPolicyLines, regQuoted } from '../export';
import type { RegVendor } from '../export';
import { generatedBy } from './file';
import type { BundleFile } from './file';
import type { BundleSettings, ChromiumTarget } from './settings';

/** The value name of SecureJoin's entry in ExtensionInstallForcelist. */
export const FORCELIST_VALUE = '1';

/** The registry key of a browser's ExtensionInstallForcelist policy. */
export const forcelistKey = (vendor: RegVendor): string => `HKEY_LOCAL_MACHINE\\Software\\Policies\\${vendor}\\ExtensionInstallForcelist`;

function regFile(settings: BundleSettings, target: ChromiumTarget, vendor: RegVendor, browser: string): string {
  const lines = [
    'Windows Registry Editor Version 5.00',
    '',
    `; SecureJoin for ${browser}. ${generatedBy(settings.serviceUrl)}`,
    `; 1. Force-install the extension ${target.id} from its store. ExtensionInstallForcelist is a list:`,
    `;    SecureJoin takes entry "${FORCELIST_VALUE}"; if your machines force-install other extensions, renumber it.`,
    `[${forcelistKey(vendor)}]`,
    `${regQuoted(FORCELIST_VALUE)}=${regQuoted(`${target.id};${target.updateUrl}`)}`,
    '',
    '; 2. The extension\'s policy (the first line removes an earlier one, so no stale value survives).',
    ...regPolicyLines(settings.policy, target.id, vendor),
    '',
  ];
  return lines.join('\r\n');
}

export const CHROME_REG_PATH = 'browsers/windows/securejoin-chrome.reg';
export const EDGE_REG_PATH = 'browsers/windows/securejoin-edge.reg';

/** The two .reg files. */
export function windowsFiles(settings: BundleSettings): BundleFile[] {
  return [
    { path: CHROME_REG_PATH, content: regFile(settings, settings.chrome, 'Google\\Chrome', 'Google Chrome'), encoding: 'utf16le' },
    { path: EDGE_REG_PATH, content: regFile(settings, settings.edge, 'Microsoft\\Edge', 'Microsoft Edge'), encoding: 'utf16le' },
  ];
}
