/**
 * Builds the real browser extension once before the browser tests, exactly as `npm run build`
 * does but into `.output/e2e/chrome-mv3`, so every e2e file loads the same artefact and a test run
 * never replaces the build that `npm start` (or `npm run build`) put in `.output/chrome-mv3`.
 */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';

const OUT_DIR = join(process.cwd(), '.output', 'e2e');
export const EXTENSION_DIR = join(OUT_DIR, 'chrome-mv3');

export default function setup(): void {
  execFileSync(join(process.cwd(), 'node_modules', '.bin', 'wxt'), ['build'], { stdio: 'pipe', env: { ...process.env, SECUREJOIN_WXT_OUT_DIR: OUT_DIR } });
  if (!existsSync(join(EXTENSION_DIR, 'manifest.json'))) {
    throw new Error(`wxt build produced no ${EXTENSION_DIR}/manifest.json`);
  }
}
