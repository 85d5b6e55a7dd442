/**
 * The admin bundle: every file an admin deploys, generated from one policy and the service URL.
 * Pure: {@link bundleFiles} returns the files; cli/adminCommand.ts writes them.
 */
import { entraFiles } from './entra';
import type { BundleFile } from './file';
import { firefoxFiles } from './firefox';
import { infinityFiles } from './infinity';
import { linuxFiles } from './linux';
import { macosFiles } from './macos';
import { outlookFiles } from './manifest';
import { README_PATH, readmeText } from './readme';
import type { BundleSettings } from './settings';
import { windowsFiles } from './windows';

export { bundleSettings } from './settings';
export type { BundleOptions, BundleProblem, BundleSettings } from './settings';
export type { BundleFile } from './file';

/**
 * The file that marks a folder as a SecureJoin bundle: `--force` replaces only such a folder,
 * and only when it holds nothing but the files it lists.
 */
export const MARKER_PATH = '.securejoin-bundle.json';

/** Every file of the bundle, README.txt first, then in step order, the marker last. */
export function bundleFiles(settings: BundleSettings): BundleFile[] {
  const files: BundleFile[] = [
    { path: README_PATH, content: readmeText(settings), encoding: 'utf8' },
    ...outlookFiles(settings),
    ...entraFiles(settings),
    ...windowsFiles(settings),
    ...macosFiles(settings),
    ...linuxFiles(settings),
    ...firefoxFiles(settings),
    ...infinityFiles(settings),
  ];
  const marker = { securejoinBundle: 1, serviceUrl: settings.serviceUrl, files: files.map((f) => f.path) };
  return [...files, { path: MARKER_PATH, content: `${JSON.stringify(marker, null, 2)}\n`, encoding: 'utf8' }];
}
