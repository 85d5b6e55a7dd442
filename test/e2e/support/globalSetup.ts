/**
 * Builds the real browser extension once before the browser tests, exactly as `npm run build`
 * does, so every e2e file loads the same artefact from `.output/chrome-mv3`.
 */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';

export const EXTENSION_DIR = join(process.cwd(), '.output', 'chrome-mv3');

export default function setup(): void {
  execFileSync(join(process.cwd(), 'node_modules', '.bin', 'wxt'), ['build'], { stdio: 'pipe' });
  if (!existsSync(join(EXTENSION_DIR, 'manifest.json'))) {
    throw new Error(`wxt build produced no ${EXTENSION_DIR}/manifest.json`);
  }
}
