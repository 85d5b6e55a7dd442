/**
 * The production path, end to end on a clean copy: `buildServiceBundle` writes dist/securejoin.js
 * and dist/addin into a temporary folder holding only package.json and package-lock.json;
 * `npm ci --omit=dev --prefer-offline` installs the runtime dependencies there from npm's cache
 * (which the checkout's own `npm ci` filled: CI runs it first; the lockfile names no tarball URLs,
 * so a cache that lacks a package's metadata fetches it from the registry rather than failing),
 * so no dev dependency (tsx, esbuild, vitest...) exists in it and nothing above it has a node_modules. Then `node dist/securejoin.js
 * service` runs on PostgreSQL (a database of its own, as in production): /healthz, the task pane at the service URL, a meeting write
 * and a policy decision, and /metrics with the families after that journey.
 */
import { spawn, spawnSync } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { copyFileSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildServiceBundle } from '../../../scripts/build/service';
import type { ServiceBuild } from '../../../scripts/build/service';
import { basic, policyGet, webJoinQuery } from '../../service/infinityRequests';
import { families, sample } from '../../service/metrics/scrape';
import { aliasesOf, call, CODES_KEY, createTestDatabase, meetingBody, meetingId, SCOPE, startIssuer } from '../../service/support';
import type { TestDatabase, TestIssuer } from '../../service/support';

const ROOT = process.cwd();
const PUBLIC_URL = 'https://securejoin.example.test';
const POLICY = { username: 'infinity', password: 'policy password 123' };
const METRICS = { username: 'prometheus', password: 'metrics password 456' };
/** npm's own variables (set when the tests run under `npm test`) must not steer the install. */
const cleanEnv = (): Record<string, string> =>
  Object.fromEntries(Object.entries(process.env).filter((e): e is [string, string] => !e[0].toLowerCase().startsWith('npm_') && e[0] !== 'INIT_CWD' && e[1] !== undefined));

let dir: string;
let built: ServiceBuild;
let issuer: TestIssuer;
let db: TestDatabase;
let child: ChildProcess | null = null;
let url = '';
let stderr = '';

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'sj-prod-'));
  for (const file of ['package.json', 'package-lock.json']) copyFileSync(join(ROOT, file), join(dir, file));
  built = await buildServiceBundle(join(dir, 'dist'));
  const install = spawnSync('npm', ['ci', '--omit=dev', '--prefer-offline', '--ignore-scripts', '--no-audit', '--no-fund'], { cwd: dir, env: cleanEnv(), encoding: 'utf8', timeout: 240_000 });
  if (install.status !== 0) throw new Error(`npm ci --omit=dev failed in ${dir}:\n${install.stderr.slice(-2000)}`);
  [issuer, db] = await Promise.all([startIssuer(), createTestDatabase()]);
  child = spawn(process.execPath, [join(dir, 'dist', 'securejoin.js'), 'service', '--port', '0', '--database-url', db.url,
    '--issuer', issuer.issuer, '--audience', issuer.audience, '--jwks-url', issuer.jwksUrl, '--tenant', issuer.tenant, '--scope', SCOPE,
    '--public-url', PUBLIC_URL, '--admin-policy', join(ROOT, 'examples', 'policy.json'), '--log-level', 'warn'], {
    cwd: dir,
    env: { ...cleanEnv(), SECUREJOIN_CODES_KEY: CODES_KEY, SECUREJOIN_POLICY_USERNAME: POLICY.username, SECUREJOIN_POLICY_PASSWORD: POLICY.password, SECUREJOIN_METRICS_USERNAME: METRICS.username, SECUREJOIN_METRICS_PASSWORD: METRICS.password },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  url = await new Promise<string>((resolve, reject) => {
    child?.stderr?.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
      const match = /listening on (http\S+)/.exec(stderr);
      if (match?.[1]) resolve(match[1]);
    });
    child?.once('exit', (code) => reject(new Error(`the production service exited (${code}) before listening:\n${stderr}`)));
  });
}, 300_000);
afterAll(async () => {
  if (child && child.exitCode === null) {
    child.kill('SIGKILL');
    await new Promise((r) => child?.once('exit', r));
  }
  await Promise.all([issuer?.close(), db?.drop()]);
  if (dir) rmSync(dir, { recursive: true, force: true });
}, 60_000);

describe('the production bundle on a clean copy with npm ci --omit=dev', () => {
  it('bundles the CLI into one file whose packages are all runtime dependencies, and nothing of the dev tooling is installed', async () => {
    const pkg = (await import(join(ROOT, 'package.json'), { with: { type: 'json' } })).default as { version: string; dependencies: Record<string, string> };
    expect(built.packages.filter((p) => !(p in pkg.dependencies))).toEqual([]);
    for (const dev of ['tsx', 'esbuild', 'vitest', 'typescript', 'wxt', 'puppeteer-core']) expect(existsSync(join(dir, 'node_modules', dev)), dev).toBe(false);
    const version = spawnSync(process.execPath, [join(dir, 'dist', 'securejoin.js'), '--version'], { cwd: dir, encoding: 'utf8' });
    expect(version.stdout).toBe(`securejoin ${pkg.version}\n`);
  });

  it('answers /healthz and serves the task pane at the service URL, built for the public URL', async () => {
    expect(await (await fetch(`${url}/healthz`)).json()).toEqual({ status: 'ok' });
    const pane = await fetch(`${url}/taskpane.html`);
    expect(pane.status).toBe(200);
    expect(pane.headers.get('content-security-policy')).toContain('frame-ancestors');
    expect(await pane.text()).toContain('taskpane.js');
    expect((await fetch(`${url}/taskpane.js`)).status).toBe(200);
    expect(await (await fetch(`${url}/manifest.xml`)).text()).toContain(`${PUBLIC_URL}/taskpane.html`);
  });

  it('after a meeting write and a policy decision, /metrics has every family (and only with its credentials)', async () => {
    const token = await issuer.sign({ oid: 'ann-oid', preferred_username: 'ann@example.com' });
    const created = await call(url, 'PUT', `/api/v1/meetings/${meetingId()}`, { token, body: meetingBody({ sent: true, graceMinutes: 10 }, Date.now()), headers: { 'if-none-match': '*' } });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    const alias = aliasesOf(created.body).web;
    expect((await policyGet(url, 'service/configuration', webJoinQuery(alias), basic(POLICY.username, POLICY.password))).body.action).toBe('continue');

    expect((await fetch(`${url}/metrics`)).status).toBe(401);
    const text = await (await fetch(`${url}/metrics`, { headers: { authorization: basic(METRICS.username, METRICS.password) } })).text();
    expect(sample(text, 'securejoin_meeting_writes_total', { outcome: 'created' })).toBe(1);
    expect(sample(text, 'securejoin_policy_decisions_total', { outcome: 'continue' })).toBe(1);
    expect(sample(text, 'securejoin_http_request_duration_seconds_count', { route: '/api/v1/meetings/:id', method: 'PUT', status_code: '201' })).toBe(1);
    for (const family of ['securejoin_http_request_duration_seconds', 'securejoin_policy_decisions_total', 'securejoin_meeting_writes_total', 'securejoin_drafts_swept_total', 'securejoin_db_pool_connections', 'process_cpu_seconds_total', 'nodejs_heap_size_used_bytes']) {
      expect(families(text)).toContain(family);
    }
    expect(text).not.toContain(alias);
  });

  it('stops on SIGTERM with exit code 0', async () => {
    const exited = new Promise<number | null>((resolve) => child?.once('exit', (code) => resolve(code)));
    child?.kill('SIGTERM');
    expect(await exited).toBe(0);
    expect(stderr).toContain('meeting service stopped');
  });
});
