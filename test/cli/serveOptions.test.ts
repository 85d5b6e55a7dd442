/**
 * `securejoin service` production flags (cli/serveOptions.ts): the add-in at --public-url with the
 * admin's policy (checked first, problems named by path), frame ancestors, /metrics credentials;
 * each mistake refused with the flag named.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, sep } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { serviceOptions } from '../../cli/serviceCommand';
import { DEFAULT_ADDIN_DIR } from '../../cli/serveOptions';
import { runIn } from './support';

const BASE = ['--issuer', 'https://login.example.test/t/v2.0', '--audience', 'api://sj', '--jwks-url', 'https://login.example.test/keys', '--tenant', 't'];
const dir = mkdtempSync(join(tmpdir(), 'sj-serve-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const options = (args: string[], env: Record<string, string> = {}) => serviceOptions([...BASE, ...args], env, process.cwd());

describe('service: serving the add-in', () => {
  it('serves nothing extra by default', () => {
    const opts = options([]);
    expect(opts).not.toBe('help');
    expect(opts).not.toHaveProperty('addin');
    expect(opts).not.toHaveProperty('metrics');
  });

  it('--public-url with --admin-policy: the bundled build, the origin, the checked policy', () => {
    const opts = options(['--public-url', 'https://securejoin.example.com/', '--admin-policy', 'examples/policy.json']);
    if (opts === 'help') throw new Error('help');
    expect(opts.addin?.publicUrl).toBe('https://securejoin.example.com');
    expect(opts.addin?.dir).toBe(DEFAULT_ADDIN_DIR);
    expect(DEFAULT_ADDIN_DIR.endsWith(`${sep}dist${sep}addin`)).toBe(true);
    expect(opts.addin?.policyText).toContain('"version": 1');
    const fromEnv = options([], { SECUREJOIN_PUBLIC_URL: 'https://sj.example.com', SECUREJOIN_ADMIN_POLICY: 'examples/policy.json', SECUREJOIN_ADDIN_DIR: dir });
    if (fromEnv === 'help') throw new Error('help');
    expect(fromEnv.addin).toMatchObject({ publicUrl: 'https://sj.example.com', dir });
  });

  it('refuses a public URL that is not an https origin, and the add-in flags without one', () => {
    expect(() => options(['--public-url', 'http://securejoin.example.com', '--admin-policy', 'examples/policy.json'])).toThrow('--public-url must be https');
    expect(() => options(['--public-url', 'https://securejoin.example.com/addin', '--admin-policy', 'examples/policy.json'])).toThrow('--public-url must be an origin only');
    expect(() => options(['--public-url', 'securejoin.example.com', '--admin-policy', 'examples/policy.json'])).toThrow('--public-url must be a URL');
    expect(() => options(['--public-url', 'https://securejoin.example.com'])).toThrow('--public-url needs --admin-policy FILE');
    expect(() => options(['--addin-dir', 'dist/addin'])).toThrow('--addin-dir needs --public-url');
    // The admin policy alone is enforced on writes without serving the add-in.
    expect((options(['--admin-policy', 'examples/policy.json']) as { addin?: unknown }).addin).toBeUndefined();
    expect(() => options(['--frame-ancestor', 'https://mail.contoso.com/owa'])).toThrow('--frame-ancestor must be an origin only');
  });

  it('refuses an invalid policy before anything starts, each problem with its path', () => {
    const bad = join(dir, 'bad.json');
    writeFileSync(bad, JSON.stringify({ version: 1, nodes: [{ origin: 'ftp://meet.example.com' }], attempts: { web: 'five' } }));
    const result = runIn({}, 'service', ...BASE, '--public-url', 'https://securejoin.example.com', '--admin-policy', bad);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(`${bad}: invalid policy (2 problems)`);
    expect(result.stderr).toMatch(/ {2}nodes\[0\]\.origin: /);
    expect(result.stderr).toMatch(/ {2}attempts\.web: /);
    expect(runIn({}, 'service', ...BASE, '--public-url', 'https://securejoin.example.com', '--admin-policy', join(dir, 'missing.json')).stderr).toContain('no such file');
  });

  it('/metrics credentials: both or neither, no colon in the username', () => {
    const opts = options(['--metrics-username', 'prometheus'], { SECUREJOIN_METRICS_PASSWORD: 'long secret' });
    if (opts === 'help') throw new Error('help');
    expect(opts.metrics).toEqual({ username: 'prometheus', password: 'long secret' });
    expect(() => options(['--metrics-username', 'prometheus'])).toThrow('--metrics-username and --metrics-password');
    expect(() => options(['--metrics-username', 'a:b', '--metrics-password', 'x'])).toThrow('must not contain ":"');
  });

  it('--help lists the production flags', () => {
    const help = runIn({}, 'service', '--help').stdout;
    for (const flag of ['--public-url', '--admin-policy', '--addin-dir', '--frame-ancestor', '--metrics-username', 'SECUREJOIN_METRICS_PASSWORD']) expect(help).toContain(flag);
  });
});
