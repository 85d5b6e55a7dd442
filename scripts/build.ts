/**
 * `npm run build`: the browser extension (`.output/chrome-mv3`, via WXT) and the reference
 * node's join page bundle (`.output/join-page/join.js`, the same bundle the node serves).
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildJoinPageBundle } from '../conference-node/joinPage/build';

const root = process.cwd();
execFileSync(join(root, 'node_modules', '.bin', 'wxt'), ['build'], { stdio: 'inherit' });

const outDir = join(root, '.output', 'join-page');
mkdirSync(outDir, { recursive: true });
const bundle = await buildJoinPageBundle();
writeFileSync(join(outDir, 'join.js'), bundle);
console.log(`join page bundle: ${join(outDir, 'join.js')} (${(bundle.length / 1024).toFixed(1)} KiB)`);
