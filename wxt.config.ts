import { defineConfig } from 'wxt';
import preact from '@preact/preset-vite';
import { managedStorageSchema } from './core/policy';
import { domAnchorReaderVite } from './scripts/domAnchorReader';
import { DEV_EXTENSION_KEY, GECKO_EXTENSION_ID } from './core/extensionIdentity';

/** A build for a store: `SECUREJOIN_STORE_BUILD=1 wxt build` (no dev key, no loopback hosts). */
function isStoreBuild(mode: string): boolean {
  return mode === 'production' && Boolean(process.env.SECUREJOIN_STORE_BUILD);
}

// The browser extension for attendees. Sources live in extension/ (srcDir); publicDir and
// modulesDir resolve from the project root, not srcDir (platform-facts §2).
export default defineConfig({
  srcDir: 'extension',
  publicDir: 'extension/public',
  // The e2e tests build into their own folder (SECUREJOIN_WXT_OUT_DIR, see test/e2e/support/globalSetup.ts)
  // so a test run never rebuilds the extension a running `npm start` browser has loaded.
  outDir: process.env.SECUREJOIN_WXT_OUT_DIR ?? '.output',
  // The popup and options page read invite HTML with the browser's own parser (core/html). Test
  // hooks (extension/background/fillCommand.ts) exist in development and test builds only.
  vite: ({ mode }) => ({ plugins: [preact(), domAnchorReaderVite()], define: { __SECUREJOIN_TEST_HOOKS__: JSON.stringify(!isStoreBuild(mode)) } }),
  manifest: ({ mode }) => ({
    name: 'SecureJoin',
    description: 'Keeps your meeting PINs and fills them only on the right conference node.',
    // scripting: join-page script registered at runtime for known nodes only; webRequest: the
    // attempt guard sees request_token status codes (never bodies) on hosts we hold permission for;
    // alarms: the daily retention job (deletes past meetings after N days); contextMenus: "Fill
    // SecureJoin PIN" on editable fields (background/fillCommand.ts).
    permissions: ['storage', 'scripting', 'webRequest', 'alarms', 'contextMenus'],
    // The same fill as a keyboard command on the focused field (users change keys at chrome://extensions/shortcuts).
    commands: { 'fill-pin': { suggested_key: { default: 'Alt+Shift+P' }, description: 'Fill SecureJoin PIN' } },
    // Real conference nodes: the popup asks for `https://<node>/*` with a user gesture when a
    // meeting is saved for a node not yet granted (or the options page, for the policy's nodes).
    optional_host_permissions: ['https://*/*'],
    // Development and test builds only: the reference node on loopback (127.0.0.1 and localhost,
    // any port, http or https) is granted up front so e2e tests need no permission prompt. Store
    // builds ask.
    ...(isStoreBuild(mode) ? {} : { host_permissions: ['http://127.0.0.1/*', 'http://localhost/*', 'https://127.0.0.1/*', 'https://localhost/*'] }),
    // Admins deploy the policy as managed storage; the schema is derived from core's zod schema
    // (`securejoin policy schema` prints the same file) and written at build time below.
    storage: { managed_schema: 'managed_schema.json' },
    // Firefox: the add-on id (fixed: Firefox's policies are keyed by it) and, as addons.mozilla.org
    // requires of new add-ons, the data it sends off the device: none (PINs stay in the browser).
    browser_specific_settings: { gecko: { id: GECKO_EXTENSION_ID, data_collection_permissions: { required: ['none'] } } },
    // A fixed id for development and tests only (managed-policy files are keyed by it);
    // production builds get their id from the store.
    ...(isStoreBuild(mode) ? {} : { key: DEV_EXTENSION_KEY }),
  }),
  hooks: {
    'build:publicAssets': (_wxt, files) => {
      files.push({ relativeDest: 'managed_schema.json', contents: JSON.stringify(managedStorageSchema(), null, 2) });
    },
  },
  // The sources zip (addons.mozilla.org) holds the sources only: no keys, logs, local data or build output.
  zip: { excludeSources: ['**/*.pem', '**/*.key', '**/*.log', '.env*', '.output/**', 'node_modules/**', 'dist/**', '.data/**', '.cert/**', 'bench-results/**'] },
});
