/**
 * Builds the playground into a folder: `index.html`, `playground.css`, `host.js` (the page, an
 * ES module) and `office.js` (the fake office.js, a classic IIFE script so it defines `Office`
 * before the add-in's scripts run, as the real one does). Node only (esbuild).
 */
import { copyFile, mkdir } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const HERE = dirname(fileURLToPath(import.meta.url));

/** Writes the playground's files into `outDir` (created when missing). Rejects on a build error. */
export async function buildPlayground(outDir: string): Promise<void> {
  await mkdir(outDir, { recursive: true });
  const common = { bundle: true, platform: 'browser', target: 'es2020', logLevel: 'silent', legalComments: 'none', minify: true, sourcemap: false } as const;
  await Promise.all([
    build({ ...common, entryPoints: [join(HERE, 'host.ts')], outfile: join(outDir, 'host.js'), format: 'esm' }),
    build({ ...common, entryPoints: [join(HERE, 'officeEntry.ts')], outfile: join(outDir, 'office.js'), format: 'iife' }),
    copyFile(join(HERE, 'index.html'), join(outDir, 'index.html')),
    copyFile(join(HERE, 'playground.css'), join(outDir, 'playground.css')),
  ]);
}
