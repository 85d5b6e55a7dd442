/**
 * The production service: `dist/securejoin.js`, the whole `securejoin` CLI (and so the meeting
 * service) bundled by esbuild for Node 20 as one ES module. Packages stay external: they load
 * from the `node_modules` that `npm ci --omit=dev` installs (everything the CLI imports is a
 * runtime dependency; the test in test/scripts/prodBundle.test.ts proves it on a clean copy).
 * Beside it `dist/addin/`, the Outlook add-in built for a placeholder origin that the service
 * replaces with its public URL when it serves it (service/addin/files.ts).
 */
import { build } from 'esbuild';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildAddin } from './outlookAddin';
import { ADDIN_PLACEHOLDER_URL } from '../../service/addin/files';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
/** The deployable folder. */
export const DIST_DIR = join(ROOT, 'dist');
export const SERVICE_ENTRY = 'securejoin.js';

/** What {@link buildServiceBundle} wrote. */
export interface ServiceBuild {
  /** `dist/securejoin.js` and its size in bytes. */
  entry: string;
  bytes: number;
  /** Packages the bundle imports at run time (each must be a dependency). */
  packages: string[];
  addinFiles: number;
  addinBytes: number;
}

/** The bare package name of an import (`@scope/name/sub` -> `@scope/name`), or null for node: built-ins. */
export function packageOf(specifier: string): string | null {
  if (specifier.startsWith('node:')) return null;
  const parts = specifier.split('/');
  return specifier.startsWith('@') ? parts.slice(0, 2).join('/') : (parts[0] ?? null);
}

/** Builds `dist/securejoin.js` and `dist/addin/` into `outDir` (default dist/), replacing both. */
export async function buildServiceBundle(outDir = DIST_DIR): Promise<ServiceBuild> {
  const entry = join(outDir, SERVICE_ENTRY);
  const addinDir = join(outDir, 'addin');
  rmSync(addinDir, { recursive: true, force: true });
  mkdirSync(outDir, { recursive: true });
  const result = await build({
    entryPoints: [join(ROOT, 'cli', 'main.ts')],
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    packages: 'external',
    outfile: entry,
    write: false,
    metafile: true,
    legalComments: 'none',
    logLevel: 'silent',
    banner: { js: '#!/usr/bin/env node' },
  });
  const text = result.outputFiles[0]?.text ?? '';
  writeFileSync(entry, text, { mode: 0o755 });
  const packages = new Set<string>();
  for (const input of Object.values(result.metafile.inputs)) {
    for (const imp of input.imports) if (imp.external) packages.add(packageOf(imp.path) ?? '');
  }
  packages.delete('');
  const addin = await buildAddin(addinDir, { hostUrl: ADDIN_PLACEHOLDER_URL });
  return {
    entry,
    bytes: Buffer.byteLength(text),
    packages: [...packages].sort(),
    addinFiles: Object.keys(addin.files).length,
    addinBytes: Object.values(addin.files).reduce((a, b) => a + b, 0),
  };
}
