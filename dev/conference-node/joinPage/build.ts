/**
 * Bundles the join page script (`client.ts` + Pexip's `@pexip/infinity`) with esbuild:
 * browser platform, one IIFE, minified, no source map. Built once per process and cached,
 * so starting many nodes in tests costs one build.
 */
import { build } from 'esbuild';
import { fileURLToPath } from 'node:url';

let cached: Promise<string> | null = null;

/** Absolute path of the browser entry point. */
const ENTRY = fileURLToPath(new URL('./client.ts', import.meta.url));

/**
 * Returns the join page bundle as JavaScript source. The first call builds (about a second);
 * later calls return the same promise. A failed build is not cached, so a retry rebuilds.
 * @throws the esbuild error when the bundle cannot be built.
 */
export function buildJoinPageBundle(): Promise<string> {
  if (!cached) {
    cached = bundle().catch((error: unknown) => {
      cached = null;
      throw error;
    });
  }
  return cached;
}

async function bundle(): Promise<string> {
  const result = await build({
    entryPoints: [ENTRY],
    bundle: true,
    platform: 'browser',
    format: 'iife',
    minify: true,
    target: ['chrome110', 'firefox115', 'safari16'],
    write: false,
    legalComments: 'none',
    logLevel: 'silent',
    // Some dependencies read process.env.NODE_ENV; the browser has no `process`.
    define: { 'process.env.NODE_ENV': '"production"' },
  });
  const file = result.outputFiles[0];
  if (!file) throw new Error('join page bundle: esbuild produced no output');
  return file.text;
}
