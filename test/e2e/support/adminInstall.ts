/**
 * Installs the built extension the way an admin does: Chromium force-installs it from an update
 * URL named in its admin policy (`ExtensionInstallForcelist`), so `management.getSelf()` reports
 * installType "admin". The policy folder is the test's own (a private mount namespace, see
 * managedPolicyBrowser.ts); the update URL and the CRX are served on 127.0.0.1.
 *
 * The CRX is packed by Chromium itself (`--pack-extension`) with a key pair made for this run:
 * its id is derived from that key, so the manifest's development `key` is replaced by it.
 * `DeveloperToolsAvailability: 1` lets puppeteer reach the extension's pages and worker
 * (Chromium keeps DevTools off policy-installed extensions by default).
 */
import { createHash, generateKeyPairSync } from 'node:crypto';
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'puppeteer-core';
import puppeteer from 'puppeteer-core';
import { CHROMIUM_ARGS, findChromium } from './chromium';
import { chromiumSeeingPolicyFolder } from './managedPolicyBrowser';

declare const chrome: any;

export interface AdminInstalledBrowser {
  browser: Browser;
  /** The id Chromium gave the force-installed extension (from this run's key). */
  extensionId: string;
  /** Writes (or replaces) an admin policy file (`3rdparty` managed storage, or browser policies). */
  writePolicyFile(name: string, content: string): void;
  /** Waits for the extension to be installed and its pages reachable; returns the popup page. */
  ready(): Promise<Page>;
  /** Sends a message to the background from the popup page and returns the answer. */
  send(msg: unknown): Promise<any>;
  /** The match patterns the join-page script is registered for right now. */
  registeredMatches(): Promise<string[]>;
  close(): Promise<void>;
}

/** Chromium's extension id for a DER SubjectPublicKeyInfo: the first 16 bytes of its SHA-256, hex digits written a-p. */
function extensionIdOf(spki: Buffer): string {
  return [...createHash('sha256').update(spki).digest().subarray(0, 16)].map((b) => String.fromCharCode(97 + (b >> 4), 97 + (b & 15))).join('');
}

/** Packs `extensionDir` as a CRX under a fresh key (Chromium's own packer); returns its id, version and bytes. */
function packCrx(extensionDir: string, work: string): { id: string; version: string; crx: Buffer } {
  const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const spki = publicKey.export({ type: 'spki', format: 'der' });
  const dir = join(work, 'ext');
  cpSync(extensionDir, dir, { recursive: true });
  const manifest = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')) as { key?: string; version: string };
  manifest.key = spki.toString('base64');
  writeFileSync(join(dir, 'manifest.json'), JSON.stringify(manifest));
  const keyFile = join(work, 'key.pem');
  writeFileSync(keyFile, privateKey.export({ type: 'pkcs8', format: 'pem' }));
  execFileSync(findChromium(), ['--no-sandbox', '--headless', `--pack-extension=${dir}`, `--pack-extension-key=${keyFile}`], { stdio: 'ignore', timeout: 60_000 });
  if (!existsSync(`${dir}.crx`)) throw new Error(`Chromium did not pack ${dir}`);
  return { id: extensionIdOf(spki), version: manifest.version, crx: readFileSync(`${dir}.crx`) };
}

/**
 * Starts Chromium with `extensionDir` force-installed by policy. `managed`: the extension's
 * managed storage (the value under `3rdparty.extensions.<id>`), written before Chromium starts.
 */
export async function launchAdminInstalled(extensionDir: string, managed: (extensionId: string) => unknown, options: { args?: readonly string[] } = {}): Promise<AdminInstalledBrowser> {
  const work = mkdtempSync(join(tmpdir(), 'sj-admin-install-'));
  const packed = packCrx(extensionDir, work);
  const server = createServer((req, res) => {
    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    if (req.url?.startsWith('/update.xml')) {
      res.setHeader('content-type', 'text/xml');
      res.end(`<?xml version="1.0" encoding="UTF-8"?><gupdate xmlns="http://www.google.com/update2/response" protocol="2.0"><app appid="${packed.id}"><updatecheck codebase="${base}/securejoin.crx" version="${packed.version}"/></app></gupdate>`);
    } else if (req.url?.startsWith('/securejoin.crx')) {
      res.setHeader('content-type', 'application/x-chrome-extension');
      res.end(packed.crx);
    } else {
      res.statusCode = 404;
      res.end();
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const updateUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/update.xml`;
  const scratch = join(work, 'etc-chromium');
  const managedDir = join(scratch, 'policies', 'managed');
  mkdirSync(managedDir, { recursive: true });
  const writePolicyFile = (name: string, content: string): void => writeFileSync(join(managedDir, name), content);
  writePolicyFile('install.json', JSON.stringify({ ExtensionInstallForcelist: [`${packed.id};${updateUrl}`], DeveloperToolsAvailability: 1 }));
  writePolicyFile('securejoin.json', JSON.stringify({ '3rdparty': { extensions: { [packed.id]: managed(packed.id) } } }));
  const cleanup = async (): Promise<void> => {
    await new Promise<void>((resolve) => server.close(() => resolve()));
    rmSync(work, { recursive: true, force: true });
  };
  let browser: Browser;
  try {
    browser = await puppeteer.launch({
      headless: true,
      executablePath: chromiumSeeingPolicyFolder(scratch),
      enableExtensions: true,
      // The force-install downloads from the update URL: background networking must stay on
      // (puppeteer turns it off by default). Everything it reaches is on 127.0.0.1.
      ignoreDefaultArgs: ['--disable-background-networking'],
      args: [...CHROMIUM_ARGS.filter((a) => a !== '--disable-background-networking'), ...(options.args ?? [])],
    });
  } catch (error) {
    await cleanup();
    throw error;
  }
  let ui: Page | null = null;
  const ready = async (): Promise<Page> => {
    if (ui && !ui.isClosed()) return ui;
    await browser.waitForTarget((t) => t.type() === 'service_worker' && t.url().startsWith(`chrome-extension://${packed.id}/`), { timeout: 30_000 });
    ui = await browser.newPage();
    await ui.goto(`chrome-extension://${packed.id}/popup.html`);
    return ui;
  };
  return {
    browser,
    extensionId: packed.id,
    writePolicyFile,
    ready,
    send: async (msg) => (await ready()).evaluate((m) => chrome.runtime.sendMessage(m), msg as never),
    registeredMatches: async () =>
      (await ready()).evaluate(async () => (await chrome.scripting.getRegisteredContentScripts()).flatMap((s: { matches?: string[] }) => s.matches ?? [])),
    close: async () => {
      await browser.close();
      await cleanup();
    },
  };
}
