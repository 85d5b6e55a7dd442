/**
 * Builds the real browser extension once before the browser tests, exactly as `npm run build`
 * does but into `.output/e2e/chrome-mv3`, so every e2e file loads the same artefact and a test run
 * never replaces the build that `npm start` (or `npm run build`) put in `.output/chrome-mv3`.
 *
 * The build (and the Firefox one, support/firefox.ts) is reused while its inputs are unchanged: a
 * SHA-256 over every file the extension build reads (EXTENSION_INPUTS: its sources, core/, the
 * build config and the dependency lock) and the environment that changes the build is kept beside
 * it; any difference rebuilds.
 * `SECUREJOIN_E2E_REBUILD=1` always rebuilds.
 */
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';

const ROOT = process.cwd();
const OUT_DIR = join(ROOT, '.output', 'e2e');
export const EXTENSION_DIR = join(OUT_DIR, 'chrome-mv3');

/** What `wxt build` of the extension reads from this repository (wxt.config.ts imports core/ and scripts/domAnchorReader.ts). */
export const EXTENSION_INPUTS = ['extension', 'core', 'scripts/domAnchorReader.ts', 'wxt.config.ts', 'package.json', 'package-lock.json', 'tsconfig.json'] as const;

function filesUnder(path: string): string[] {
  if (!existsSync(path)) return [];
  if (!statSync(path).isDirectory()) return [path];
  return readdirSync(path, { withFileTypes: true })
    .filter((e) => e.name !== 'node_modules' && !e.name.startsWith('.'))
    .sort((a, b) => a.name.localeCompare(b.name))
    .flatMap((e) => filesUnder(join(path, e.name)));
}

/** SHA-256 over the inputs' paths and contents and the build-changing environment. */
export function extensionInputsHash(root = ROOT): string {
  const hash = createHash('sha256');
  hash.update(`store=${process.env.SECUREJOIN_STORE_BUILD ?? ''}\n`);
  for (const file of EXTENSION_INPUTS.flatMap((p) => filesUnder(join(root, p)))) {
    hash.update(`${relative(root, file)}\n`);
    hash.update(readFileSync(file));
  }
  return hash.digest('hex');
}

/**
 * Builds the extension for `target` (wxt's output folder name) with `wxt build ...args` into
 * `.output/e2e/<target>`, unless the build there was made from the same inputs. Returns its folder.
 */
export function buildExtensionOnce(target: string, args: readonly string[]): string {
  const dir = join(OUT_DIR, target);
  const stamp = join(OUT_DIR, `${target}.inputs.sha256`);
  const inputs = extensionInputsHash();
  const built = existsSync(join(dir, 'manifest.json')) && existsSync(stamp) && readFileSync(stamp, 'utf8') === inputs;
  if (built && process.env.SECUREJOIN_E2E_REBUILD !== '1') return dir;
  rmSync(stamp, { force: true });
  execFileSync(join(ROOT, 'node_modules', '.bin', 'wxt'), ['build', ...args], { stdio: 'pipe', env: { ...process.env, SECUREJOIN_WXT_OUT_DIR: OUT_DIR } });
  if (!existsSync(join(dir, 'manifest.json'))) throw new Error(`wxt build ${args.join(' ')} produced no ${dir}/manifest.json`);
  writeFileSync(stamp, inputs);
  return dir;
}

export default function setup(): void {
  buildExtensionOnce('chrome-mv3', []);
}
