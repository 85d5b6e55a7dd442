/**
 * README.txt: the steps in order, each with its file. The same order as the project README's
 * deploy section: the add-in, Entra ID, the browsers, Infinity, the service, then a check.
 */
import { ADDIN_FILES } from '../../outlook-addin/manifest';
import { serviceAuthFlags, ENTRA_PATH } from './entra';
import { generatedBy } from './file';
import { FIREFOX_PATH } from './firefox';
import { INFINITY_PATH, POLICY_PASSWORD_ENV } from './infinity';
import { CHROME_LINUX_PATH, EDGE_LINUX_PATH, LINUX_FOLDERS } from './linux';
import { CHROME_PROFILE_PATH, EDGE_PROFILE_PATH } from './macos';
import { ADDIN_POLICY_PATH, MANIFEST_PATH } from './manifest';
import type { BundleSettings, ChromiumTarget } from './settings';
import { CHROME_REG_PATH, EDGE_REG_PATH, FORCELIST_VALUE } from './windows';

export const README_PATH = 'README.txt';

function idLine(browser: string, target: ChromiumTarget, flag: string): string {
  return target.developmentId
    ? `   ${browser}: keyed by the DEVELOPMENT build's id ${target.id}. A store-published build has the id its store assigned: bundle again with ${flag} <id>.`
    : `   ${browser}: extension id ${target.id}, installed from ${target.updateUrl}.`;
}

/** The README.txt text. */
export function readmeText(settings: BundleSettings): string {
  const url = settings.serviceUrl;
  const lines = [
    `SecureJoin deployment bundle for ${url}`,
    generatedBy(url),
    '',
    'Do the steps in this order. Each names its file in this folder.',
    '',
    '1. The Outlook add-in',
    `   The meeting service serves the add-in at ${url}/ (${ADDIN_FILES.taskpane}, ${ADDIN_FILES.runtimePage}, ${ADDIN_FILES.runtimeScript}, assets/),`,
    `   Start it with --admin-policy ${ADDIN_POLICY_PATH}: it enforces that policy on every meeting write`,
    `   and serves it as the policy the add-in reads, at ${url}/policy.json.`,
    `   Deploy ${MANIFEST_PATH} (every URL in it is at ${url}):`,
    '   Microsoft 365 admin center > Settings > Integrated apps > Upload custom apps > Office Add-in >',
    '   Upload manifest file (.xml) > choose the users or groups. Only an add-in deployed this way runs',
    '   its event parts (the block on a new meeting, the check at Send). It may take up to 24 hours to appear.',
    '',
    '2. Entra ID',
    `   ${ENTRA_PATH}: the two app registrations (the meeting service's API scope and admin role, the`,
    '   add-in\'s Nested App Authentication redirect), with this deployment\'s values.',
    '',
    '3. The browser extension and its policy (each file installs the extension and sets its policy)',
    `   Windows, Chrome:  ${CHROME_REG_PATH}`,
    `   Windows, Edge:    ${EDGE_REG_PATH}`,
    '                     reg import each as administrator, or deploy its values with Group Policy',
    '                     Preferences / Intune (Chrome and Edge apply them on domain-joined or managed machines).',
    `                     SecureJoin takes ExtensionInstallForcelist entry "${FORCELIST_VALUE}": renumber it if another extension has it.`,
    `   macOS, Chrome:    ${CHROME_PROFILE_PATH}`,
    `   macOS, Edge:      ${EDGE_PROFILE_PATH}`,
    '                     configuration profiles: upload to your MDM (Jamf, Intune, Kandji ...) as a custom',
    '                     profile, or open one on a Mac and approve it in System Settings > Privacy & Security > Profiles.',
    `   Linux, Chrome:    ${CHROME_LINUX_PATH.padEnd(38)} -> ${LINUX_FOLDERS.chrome}/securejoin.json`,
    `   Linux, Chromium:  ${'the same file'.padEnd(38)} -> ${LINUX_FOLDERS.chromium}/securejoin.json`,
    `   Linux, Edge:      ${EDGE_LINUX_PATH.padEnd(38)} -> ${LINUX_FOLDERS.edge}/securejoin.json`,
    '                     as root: install -D -m 0644 <file> <destination>',
    `   Firefox:          ${FIREFOX_PATH}`,
    '                     Windows: C:\\Program Files\\Mozilla Firefox\\distribution\\policies.json',
    '                     macOS:   /Applications/Firefox.app/Contents/Resources/distribution/policies.json',
    '                     Linux:   /etc/firefox/policies/policies.json',
    '                     (Firefox reads one policies.json: merge into an existing one; it reads it at start.)',
    idLine('Chrome', settings.chrome, '--chrome-extension-id'),
    idLine('Edge', settings.edge, '--edge-extension-id'),
    `   Firefox: add-on ${settings.firefox.id}, installed from ${settings.firefox.installUrl}`,
    '   (addons.mozilla.org\'s latest listed version by default; for a self-hosted signed .xpi bundle again with --firefox-install-url).',
    '   Check: chrome://policy or edge://policy (Reload policies) lists the extension\'s policy; about:policies in Firefox.',
    '',
    '4. Pexip Infinity',
    `   ${INFINITY_PATH}: the policy profile to add on the Management Node and assign to locations.`,
    '',
    '5. Run the meeting service',
    '   On the host that answers at the service URL (HTTPS: Infinity sends its password with every request):',
    `     SECUREJOIN_POLICY_USERNAME=${settings.policyUsername}`,
    `     ${POLICY_PASSWORD_ENV}=<the password typed into the Infinity profile>`,
    '     SECUREJOIN_CODES_KEY=<32 random bytes, base64: openssl rand -base64 32; keep it, the codes are sealed with it>',
    '     DATABASE_URL=postgres://<user>@<host>/<database>',
    `     securejoin service --host 0.0.0.0 --port 443 --tls-dir <folder with cert.pem and key.pem> \\`,
    ...serviceAuthFlags(settings).map((f, i, all) => `       ${f}${i < all.length - 1 ? ' \\' : ''}`),
    '   (the production process and its monitoring: the SecureJoin README, "Run the service in production").',
    '',
    '6. Check',
    `   ${url}/healthz answers; ${url}/${ADDIN_FILES.taskpane} loads; a new meeting in Outlook gets the`,
    '   SecureJoin block; its link, opened inside the meeting\'s window, shows the PIN prompt on your node.',
    '',
    'Nothing in this folder is secret: the policy password and the codes key live only in the service\'s environment.',
    '',
  ];
  return lines.join('\n');
}
