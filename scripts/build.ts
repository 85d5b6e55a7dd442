/**
 * `npm run build`: the browser extension (`.output/chrome-mv3`, via WXT, the development build),
 * the Outlook add-in for https://localhost:3000 (`.output/outlook-addin`, what `npm start` serves;
 * the root manifest.xml is the same manifest), the reference node's join page bundle
 * (`.output/join-page/join.js`, the same bundle the node serves), and the production artefacts in
 * `dist/`: `dist/securejoin.js` + `dist/addin/` (the service that serves the add-in, run with
 * `node dist/securejoin.js service ...` after `npm ci --omit=dev`) and `dist/store/` (the
 * extension's store zips, named with the version).
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { buildJoinPageBundle } from '../dev/conference-node/joinPage/build';
import { buildAddin, ROOT_MANIFEST_HOST } from './build/outlookAddin';
import { buildServiceBundle } from './build/service';
import { buildStoreZips } from './build/storeZips';

const root = process.cwd();
const kib = (bytes: number): string => `${(bytes / 1024).toFixed(1)} KiB`;

// Store zips first: they build in .output/store, and the development build below is the one left
// in .output/chrome-mv3.
const zips = buildStoreZips();
execFileSync(join(root, 'node_modules', '.bin', 'wxt'), ['build'], { stdio: 'inherit' });

const outDir = join(root, '.output', 'join-page');
mkdirSync(outDir, { recursive: true });
const bundle = await buildJoinPageBundle();
writeFileSync(join(outDir, 'join.js'), bundle);
console.log(`join page bundle: ${join(outDir, 'join.js')} (${kib(bundle.length)})`);

const addinDir = join(root, '.output', 'outlook-addin');
const addin = await buildAddin(addinDir, { hostUrl: ROOT_MANIFEST_HOST });
console.log(`Outlook add-in for ${ROOT_MANIFEST_HOST}: ${addinDir} (${Object.keys(addin.files).length} files)`);

const service = await buildServiceBundle();
const entryText = readFileSync(service.entry);
console.log(`production service: ${service.entry} (${kib(service.bytes)}, ${kib(gzipSync(entryText).length)} gzip; packages from node_modules: ${service.packages.join(', ')})`);
console.log(`production add-in: ${join(root, 'dist', 'addin')} (${service.addinFiles} files, ${kib(service.addinBytes)})`);
for (const zip of zips) console.log(`store package: ${zip} (${kib(statSync(zip).size)})`);
console.log(`run it: npm ci --omit=dev && node dist/${basename(service.entry)} service --help`);
