/**
 * `npm run bench`: prints SecureJoin's performance figures beside their budgets, and exits
 * non-zero when a budget is missed. A benchmark, not a test: figures vary with the machine.
 */
import { readFileSync, existsSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { join } from 'node:path';
import { execFileSync } from 'node:child_process';
import { generateAccessCode, generateInviteePasscodes, generatePinPair } from '../core/codes';
import { parsePolicyJson } from '../core/policy';
import { buildJoinPageBundle } from '../conference-node/joinPage/build';
import { medianMs, opsPerSecond } from './measure';

interface Figure {
  name: string;
  value: number;
  unit: string;
  /** The budget; `undefined` when the figure is informational. */
  max?: number;
  min?: number;
}

const figures: Figure[] = [];
const root = process.cwd();

// Core throughput.
figures.push({ name: 'access codes generated', value: opsPerSecond(() => generateAccessCode()), unit: 'codes/s' });
figures.push({ name: 'host/guest PIN pairs generated', value: opsPerSecond(() => generatePinPair()), unit: 'pairs/s' });
const emails = Array.from({ length: 10_000 }, (_, i) => `invitee${i}@example.com`);
figures.push({
  name: '10,000 invitee passcodes',
  value: medianMs(() => generateInviteePasscodes(emails), 9, 2),
  unit: 'ms',
  max: 50,
});
const policyText = readFileSync(join(root, 'examples', 'policy.json'), 'utf8');
figures.push({ name: 'policy parse + guess-risk check', value: medianMs(() => parsePolicyJson(policyText), 201, 20), unit: 'ms' });

// Bundle sizes (gzip), built the way `npm run build` builds them.
const extensionDir = join(root, '.output', 'chrome-mv3');
execFileSync(join(root, 'node_modules', '.bin', 'wxt'), ['build'], { stdio: 'ignore' });
const gz = (path: string): number => gzipSync(readFileSync(path)).length / 1024;
if (existsSync(join(extensionDir, 'background.js'))) {
  figures.push({ name: 'extension background.js (gzip)', value: gz(join(extensionDir, 'background.js')), unit: 'KiB' });
}
figures.push({ name: 'reference node join page JS (gzip)', value: gzipSync(await buildJoinPageBundle()).length / 1024, unit: 'KiB' });

// Report.
const rows = figures.map((f) => {
  const missed = (f.max !== undefined && f.value > f.max) || (f.min !== undefined && f.value < f.min);
  const target = f.max !== undefined ? `< ${f.max} ${f.unit}` : f.min !== undefined ? `> ${f.min} ${f.unit}` : '-';
  const shown = f.value >= 100 ? Math.round(f.value).toLocaleString('en-US') : f.value.toFixed(2);
  return { name: f.name, figure: `${shown} ${f.unit}`, target, verdict: target === '-' ? '' : missed ? 'MISSED' : 'ok', missed };
});
const width = (key: 'name' | 'figure' | 'target') => Math.max(key.length, ...rows.map((r) => r[key].length));
const line = (a: string, b: string, c: string, d: string) =>
  `${a.padEnd(width('name'))}  ${b.padStart(width('figure'))}  ${c.padEnd(width('target'))}  ${d}`;
console.log(line('name', 'figure', 'target', ''));
for (const r of rows) console.log(line(r.name, r.figure, r.target, r.verdict));
const missed = rows.filter((r) => r.missed);
if (missed.length) {
  console.error(`\n${missed.length} budget(s) missed: ${missed.map((r) => r.name).join(', ')}`);
  process.exit(1);
}
