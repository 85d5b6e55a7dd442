/**
 * The store packages `npm run build` writes (scripts/build/storeZips.ts), opened and checked:
 * named with the version; store builds (no development key, no loopback hosts); the Firefox one
 * carries its gecko id; the worker defines no test hook; the sources zip for addons.mozilla.org holds no key, build output or
 * installed package.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GECKO_EXTENSION_ID } from '../../../core/extensionIdentity';
import { buildStoreZips, packageVersion, storeZipNames } from '../../../scripts/build/storeZips';
import { readZip } from '../../support/zip';

const dir = mkdtempSync(join(tmpdir(), 'sj-store-'));
let written: string[];
const { version } = packageVersion();
const names = storeZipNames(version);
const manifestOf = (file: string): Record<string, any> => JSON.parse(readZip(join(dir, 'out', file)).get('manifest.json')?.toString('utf8') ?? 'null');

beforeAll(() => {
  written = buildStoreZips(join(dir, 'out'), join(dir, 'work'), 'pipe');
}, 180_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('store packages', () => {
  it('are named with the version', () => {
    expect(written.map((f) => basename(f)).sort()).toEqual([`securejoin-${version}-chrome.zip`, `securejoin-${version}-firefox.zip`, `securejoin-${version}-sources.zip`]);
  });

  it('Chrome/Edge: a store build of this version, without the development key or loopback hosts', () => {
    const manifest = manifestOf(names.chrome);
    expect(manifest).toMatchObject({ manifest_version: 3, name: 'SecureJoin', version });
    expect(manifest).not.toHaveProperty('key');
    expect(manifest).not.toHaveProperty('host_permissions');
    expect(manifest.optional_host_permissions).toEqual(['https://*/*']);
    expect(manifest.background).toHaveProperty('service_worker');
    const files = [...readZip(join(dir, 'out', names.chrome)).keys()];
    for (const needed of ['popup.html', 'options.html', 'managed_schema.json']) expect(files).toContain(needed);
    // No test hook (extension/background/fillCommand.ts) in a store build's worker.
    const worker = readZip(join(dir, 'out', names.chrome)).get(manifest.background.service_worker)?.toString('utf8') ?? '';
    expect(worker).toContain('Fill SecureJoin PIN');
    expect(worker).not.toMatch(/__securejoin/);
  });

  it('Firefox: MV3 with its gecko id and no data collected, a store build too', () => {
    const manifest = manifestOf(names.firefox);
    expect(manifest).toMatchObject({ manifest_version: 3, version, browser_specific_settings: { gecko: { id: GECKO_EXTENSION_ID, data_collection_permissions: { required: ['none'] } } } });
    expect(manifest).not.toHaveProperty('key');
    expect(manifest).not.toHaveProperty('host_permissions');
    expect(manifest.background).toHaveProperty('scripts');
  });

  it('sources: the project\'s sources only, no key, log, build output or node_modules', () => {
    const files = [...readZip(join(dir, 'out', names.sources)).keys()];
    expect(files).toContain('package.json');
    expect(files).toContain('wxt.config.ts');
    expect(files.some((f) => f.startsWith('extension/'))).toBe(true);
    expect(files.filter((f) => /(^|\/)(node_modules|dist|\.output|\.data|\.cert)\/|\.(pem|key|log)$/.test(f))).toEqual([]);
  });
});
