/**
 * Store-ready extension packages: `wxt zip` as a store build (SECUREJOIN_STORE_BUILD=1: no
 * development key, no loopback hosts) for Chrome/Edge and for Firefox (MV3, with its
 * `browser_specific_settings.gecko.id`), built in `.output/store` so the development build in
 * `.output/chrome-mv3` stays, then copied to `dist/store/` named with the version:
 * `securejoin-<version>-chrome.zip` (Chrome Web Store, Edge Add-ons), `securejoin-<version>-firefox.zip`
 * and `securejoin-<version>-sources.zip` (addons.mozilla.org asks for the sources).
 */
import { execFileSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');

/** The package's name and version (wxt names the zips with them). */
export function packageVersion(root = ROOT): { name: string; version: string } {
  const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { name: string; version: string };
  return { name: pkg.name, version: pkg.version };
}

/** The zips' names for a version. */
export function storeZipNames(version: string, name = 'securejoin'): { chrome: string; firefox: string; sources: string } {
  return { chrome: `${name}-${version}-chrome.zip`, firefox: `${name}-${version}-firefox.zip`, sources: `${name}-${version}-sources.zip` };
}

/** Builds both store packages (in `work`) into `outDir` (default dist/store); returns the files written. */
export function buildStoreZips(outDir = join(ROOT, 'dist', 'store'), work = join(ROOT, '.output', 'store'), stdio: 'inherit' | 'pipe' = 'inherit'): string[] {
  rmSync(work, { recursive: true, force: true });
  rmSync(outDir, { recursive: true, force: true });
  mkdirSync(outDir, { recursive: true });
  const env = { ...process.env, SECUREJOIN_STORE_BUILD: '1', SECUREJOIN_WXT_OUT_DIR: work };
  const wxt = join(ROOT, 'node_modules', '.bin', 'wxt');
  execFileSync(wxt, ['zip'], { cwd: ROOT, env, stdio });
  execFileSync(wxt, ['zip', '-b', 'firefox', '--mv3'], { cwd: ROOT, env, stdio });
  const { name, version } = packageVersion();
  return Object.values(storeZipNames(version, name)).map((file) => {
    const from = join(work, file);
    if (!existsSync(from)) throw new Error(`wxt zip wrote no ${from}`);
    copyFileSync(from, join(outDir, file));
    return join(outDir, file);
  });
}
