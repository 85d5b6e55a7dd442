/**
 * `npm run build`: the browser extension (`.output/chrome-mv3`, via WXT), the Outlook add-in
 * for https://localhost:3000 (`.output/outlook-addin`, what `npm start` serves; the root
 * manifest.xml is the same manifest) and the reference node's join page bundle
 * (`.output/join-page/join.js`, the same bundle the node serves).
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildJoinPageBundle } from '../conference-node/joinPage/build';
import { buildAddin, ROOT_MANIFEST_HOST } from '../outlook-addin/build';

const root = process.cwd();
execFileSync(join(root, 'node_modules', '.bin', 'wxt'), ['build'], { stdio: 'inherit' });

const outDir = join(root, '.output', 'join-page');
mkdirSync(outDir, { recursive: true });
const bundle = await buildJoinPageBundle();
writeFileSync(join(outDir, 'join.js'), bundle);
console.log(`join page bundle: ${join(outDir, 'join.js')} (${(bundle.length / 1024).toFixed(1)} KiB)`);

const addinDir = join(root, '.output', 'outlook-addin');
const addin = await buildAddin(addinDir, { hostUrl: ROOT_MANIFEST_HOST });
console.log(`Outlook add-in for ${ROOT_MANIFEST_HOST}: ${addinDir} (${Object.keys(addin.files).length} files)`);
