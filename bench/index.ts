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
import { matchJoinPage } from '../core/autofill';
import { newSavedMeeting } from '../core/vault';
import type { SavedMeeting } from '../core/vault';
import { buildJoinPageBundle } from '../dev/conference-node/joinPage/build';
import { buildAddin, ROOT_MANIFEST_HOST, taskpaneFirstPaintFiles } from '../scripts/build/outlookAddin';
import { median, medianMs, opsPerSecond, percentile } from './measure';
import { measureFillLatency } from './fillLatency';
import { measureInsertLatency } from './insertLatency';
import { measureServiceLatency } from './serviceLatency';
import { BURST_EVENTS, measureEventSinkBurst } from './eventSinkBurst';
import { measurePolicyLatency } from './policyLatency';
import { measurePolicyScale } from './policyScale';

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

// Which saved meetings belong to a join page, among 10,000 saved ones (the extension's lookup).
const meetings: SavedMeeting[] = [];
for (let i = 0; i < 10_000; i++) {
  const made = newSavedMeeting(
    { url: `https://node${i % 50}.example.com/webapp3/m/room${i}`, role: 'guest', pin: String(10_000_000 + i * 7919) },
    Date.UTC(2026, 0, 1),
    `m${i}`,
  );
  if (!made.ok) throw new Error(`bench fixture: ${JSON.stringify(made.errors)}`);
  meetings.push(made.value);
}
figures.push({
  name: 'join-page lookup among 10,000 meetings',
  value: medianMs(() => matchJoinPage('https://node7.example.com/webapp3/m/room5007', meetings), 51, 5),
  unit: 'ms',
});

// Bundle sizes (gzip), built the way `npm run build` builds them.
const extensionDir = join(root, '.output', 'chrome-mv3');
execFileSync(join(root, 'node_modules', '.bin', 'wxt'), ['build'], { stdio: 'ignore' });
const gz = (...paths: string[]): number => paths.reduce((sum, p) => sum + gzipSync(readFileSync(p)).length, 0) / 1024;
/** The scripts an extension HTML page loads (its own chunk and the shared ones), from its <script> tags. */
const pageScripts = (html: string): string[] =>
  [...readFileSync(join(extensionDir, html), 'utf8').matchAll(/<script[^>]+src="([^"]+)"/g)].map((m) => join(extensionDir, m[1]!.replace(/^\//, '')));
const modulePreloads = (html: string): string[] =>
  [...readFileSync(join(extensionDir, html), 'utf8').matchAll(/<link[^>]+rel="modulepreload"[^>]+href="([^"]+)"/g)].map((m) => join(extensionDir, m[1]!.replace(/^\//, '')));
figures.push({ name: 'extension content script (gzip)', value: gz(join(extensionDir, 'content-scripts', 'joinpage.js')), unit: 'KiB', max: 12 });
figures.push({ name: 'extension background (gzip)', value: gz(join(extensionDir, 'background.js')), unit: 'KiB' });
for (const page of ['popup.html', 'options.html']) {
  if (!existsSync(join(extensionDir, page))) continue;
  const files = [...new Set([...pageScripts(page), ...modulePreloads(page)])];
  figures.push({ name: `extension ${page.replace('.html', '')} JS (gzip)`, value: gz(...files), unit: 'KiB' });
}
// The Outlook add-in, as built for sideloading (minified, without office.js).
const addinDir = join(root, '.output', 'bench-outlook-addin');
await buildAddin(addinDir, { hostUrl: ROOT_MANIFEST_HOST });
// The pane's first paint: taskpane.js, the chunks it imports statically, and taskpane.css.
const firstPaint = Object.values(await taskpaneFirstPaintFiles()).reduce((sum, text) => sum + gzipSync(text).length, 0) / 1024;
figures.push({ name: 'add-in task pane first paint JS + CSS (gzip, no office.js)', value: firstPaint, unit: 'KiB', max: 53 });
figures.push({ name: 'add-in classic-Windows commands.js (gzip)', value: gz(join(addinDir, 'commands.js')), unit: 'KiB', max: 60 });
figures.push({ name: 'reference node join page JS (gzip)', value: gzipSync(await buildJoinPageBundle()).length / 1024, unit: 'KiB' });

// From the PIN field appearing on a join page to the extension having filled it (real Chromium,
// built extension, reference node): the budget is on the median of 60 fills; the p90 shows how
// long the slow ones take on a busy machine.
const fills = await measureFillLatency({ extensionDir });
figures.push({ name: `extension fill latency (median of ${fills.length})`, value: median(fills), unit: 'ms', max: 16 });
figures.push({ name: `extension fill latency (p90 of ${fills.length})`, value: percentile(fills, 90), unit: 'ms' });
// From clicking Insert in the add-in's task pane to the block in the body (playground, real Chromium).
figures.push({ name: 'add-in insert -> body updated in the playground (median)', value: median(await measureInsertLatency()), unit: 'ms', max: 100 });

// The meeting service on PostgreSQL, 50 concurrent clients, beside its own no-op route in the same run.
const service = await measureServiceLatency();
figures.push({ name: 'meeting service write p50 (50 clients, PostgreSQL)', value: service.write.p50, unit: 'ms' });
figures.push({ name: 'meeting service write p99 (50 clients, PostgreSQL)', value: service.write.p99, unit: 'ms', max: 25 });
figures.push({ name: 'meeting service write throughput', value: service.write.throughput, unit: 'writes/s' });
figures.push({ name: 'meeting service read p50', value: service.read.p50, unit: 'ms' });
figures.push({ name: 'meeting service read p99', value: service.read.p99, unit: 'ms' });
figures.push({ name: 'meeting service read throughput', value: service.read.throughput, unit: 'reads/s' });
figures.push({ name: 'meeting service /healthz p50 (same run)', value: service.noop.p50, unit: 'ms' });
figures.push({ name: 'meeting service /healthz p99 (same run)', value: service.noop.p99, unit: 'ms' });
const policy = await measurePolicyLatency();
for (const [name, f] of [['service configuration', policy.serviceConfiguration], ['participant properties', policy.participantProperties], ['/healthz (same run)', policy.noop]] as const) {
  figures.push({ name: `policy API ${name} p50 (300/s, two replicas, PostgreSQL)`, value: f.p50, unit: 'ms' });
  figures.push({ name: `policy API ${name} p99 (300/s, two replicas, PostgreSQL)`, value: f.p99, unit: 'ms', ...(name.startsWith('/') ? {} : { max: 20 }) });
  figures.push({ name: `policy API ${name} throughput (50 clients, median of 5 interleaved rounds)`, value: f.maxThroughput, unit: 'requests/s' });
}
// Issue 19's targets: the policy answer costs what the no-op route does, measured side by side.
figures.push({ name: 'policy API service configuration p99 / /healthz p99 (same run)', value: policy.serviceConfiguration.p99 / policy.noop.p99, unit: 'x', max: 1.2 });
figures.push({ name: 'policy API service configuration throughput / /healthz throughput (median of 5 paired rounds)', value: policy.serviceConfiguration.throughputVsNoop, unit: 'x', min: 0.8 });
figures.push({ name: 'policy API participant properties throughput / /healthz throughput (median of 5 paired rounds)', value: policy.participantProperties.throughputVsNoop, unit: 'x' });
figures.push({ name: 'policy API participant properties p99 / /healthz p99 (same run)', value: policy.participantProperties.p99 / policy.noop.p99, unit: 'x' });
// No timing oracle: an unknown alias and a closed one are refused alike (interleaved, 150/s each).
figures.push({ name: 'policy API refusal p50: unknown alias', value: policy.unknownRejection.p50, unit: 'ms' });
figures.push({ name: 'policy API refusal p50: closed alias (same run, interleaved)', value: policy.closedRejection.p50, unit: 'ms' });
figures.push({ name: 'policy API refusal p50 closed / unknown', value: policy.closedRejection.p50 / policy.unknownRejection.p50, unit: 'x', min: 0.9, max: 1.1 });
figures.push({ name: 'policy API refusal p99 closed / unknown', value: policy.closedRejection.p99 / policy.unknownRejection.p99, unit: 'x' });
// One address guessing as fast as one client can (shut out after the guess limit) beside paced legitimate calls.
figures.push({ name: 'policy API service configuration p99 while one address guesses (300/s legit)', value: policy.serviceConfigurationUnderGuessing.p99, unit: 'ms', max: 20 });
figures.push({ name: 'policy API guessing p99 / quiet p99 (same run)', value: policy.serviceConfigurationUnderGuessing.p99 / policy.serviceConfiguration.p99, unit: 'x', max: 1.5 });
figures.push({ name: 'policy API guesses from the one address (all refused)', value: policy.guessing.rate, unit: 'requests/s' });
// Writes at a constant arrival rate (open loop: queueing shows), over both replicas with their views.
figures.push({ name: 'meeting writes p50 (100/s open-loop for 10 s, two replicas)', value: policy.openLoopWrites.p50, unit: 'ms' });
figures.push({ name: 'meeting writes p99 (100/s open-loop for 10 s, two replicas)', value: policy.openLoopWrites.p99, unit: 'ms', max: 25 });

// The policy answer at scale: 1,000 stored meetings beside 100,000 (and 1,000,000 with
// SECUREJOIN_BENCH_MILLION=1: seeding a million takes a few minutes). Measured in the steady
// state: both replicas' views current (answering from memory) before and after.
const scaleSizes = [1_000, 100_000, ...(process.env.SECUREJOIN_BENCH_MILLION === '1' ? [1_000_000] : [])];
const scales = [];
for (const n of scaleSizes) scales.push(await measurePolicyScale(n));
const small = scales[0]!;
for (const f of scales) {
  const n = f.meetings.toLocaleString('en-US');
  figures.push({ name: `policy API p99 with ${n} stored meetings (300/s, two replicas, views current)`, value: f.p99, unit: 'ms' });
  figures.push({ name: `policy API /healthz p99 beside ${n} stored meetings (same run)`, value: f.noopP99, unit: 'ms' });
  if (f !== small) figures.push({ name: `policy API p99 ${n} / 1,000 stored meetings`, value: f.p99 / small.p99, unit: 'x', max: 1.2 });
  figures.push({ name: `replica start with ${n} stored meetings (view loaded)`, value: f.startSeconds, unit: 's' });
}
const largest = scales[scales.length - 1]!;
// Each replica's view: its index's bytes, per 100,000 open meetings (two aliases each, as seeded); target 100 MB per million.
figures.push({ name: `policy view memory per 100,000 open meetings (measured at ${largest.meetings.toLocaleString('en-US')})`, value: (largest.viewBytes / largest.meetings) * 100_000 / 1_000_000, unit: 'MB', max: 10 });
// A burst of Event sink events from one node (attendance rows written) while policy requests keep coming.
const burst = await measureEventSinkBurst();
figures.push({ name: 'policy API service configuration p99, quiet (300/s, same run as below)', value: burst.quiet.p99, unit: 'ms', max: 20 });
figures.push({ name: `policy API service configuration p99 during a burst of ${BURST_EVENTS.toLocaleString('en-US')} event sink events from one node`, value: burst.underBurst.p99, unit: 'ms', max: 20 });
figures.push({ name: 'policy API p99 during the burst / quiet p99 (same run)', value: burst.underBurst.p99 / burst.quiet.p99, unit: 'x' });
figures.push({ name: 'event sink events taken from one node (one at a time, each recorded)', value: burst.eventsPerSecond, unit: 'events/s' });
figures.push({ name: 'meeting service write p99 / /healthz p99', value: service.write.p99 / service.noop.p99, unit: 'x' });
figures.push({ name: 'meeting service read p99 / /healthz p99', value: service.read.p99 / service.noop.p99, unit: 'x' });

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
