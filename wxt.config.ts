import { defineConfig } from 'wxt';
import preact from '@preact/preset-vite';
import { managedStorageSchema } from './core/policy';
import { DEV_EXTENSION_KEY, GECKO_EXTENSION_ID } from './core/extensionIdentity';

// The browser extension for attendees. Sources live in extension/ (srcDir); publicDir and
// modulesDir resolve from the project root, not srcDir (platform-facts §2).
export default defineConfig({
  srcDir: 'extension',
  publicDir: 'extension/public',
  outDir: '.output',
  vite: () => ({ plugins: [preact()] }),
  manifest: ({ mode }) => ({
    name: 'SecureJoin',
    description: 'Keeps your meeting PINs and fills them only on the right conference node.',
    permissions: ['storage'],
    // Admins deploy the policy as managed storage; the schema is derived from core's zod schema
    // (`securejoin policy schema` prints the same file) and written at build time below.
    storage: { managed_schema: 'managed_schema.json' },
    browser_specific_settings: { gecko: { id: GECKO_EXTENSION_ID } },
    // A fixed id for development and tests only (managed-policy files are keyed by it);
    // production builds get their id from the store.
    ...(mode === 'production' && process.env.SECUREJOIN_STORE_BUILD ? {} : { key: DEV_EXTENSION_KEY }),
  }),
  hooks: {
    'build:publicAssets': (_wxt, files) => {
      files.push({ relativeDest: 'managed_schema.json', contents: JSON.stringify(managedStorageSchema(), null, 2) });
    },
  },
  zip: { excludeSources: ['**/*.pem', '**/*.key', '**/*.log', '.env*', '.output/**', 'node_modules/**'] },
});
