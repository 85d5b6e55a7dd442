/**
 * Launches Chromium with the built extension and a *managed policy folder of the test's own*.
 *
 * Chromium on Linux reads managed policy only from /etc/chromium/policies/managed. To test the
 * real delivery path without touching the machine's /etc, Chromium runs in a private mount
 * namespace (`unshare --mount`, we are root) with a scratch folder bind-mounted over /etc/chromium
 * (platform-facts §3). Only `--load-extension` (not the DevTools-protocol loading) delivers
 * managed storage, so that is how the extension is loaded here.
 */
import { chmodSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, WebWorker } from 'puppeteer-core';
import puppeteer from 'puppeteer-core';
import { CHROMIUM_ARGS, findChromium } from './chromium';
import { popupPage, waitForExtensionApi } from './extensionBrowser';

export interface ManagedPolicyBrowser {
  browser: Browser;
  worker: WebWorker;
  extensionId: string;
  /** Writes (or replaces) the policy file Chromium reads, as an admin would deploy it. */
  writePolicyFile(name: string, content: string): void;
  /** Sends a message to the background from the extension's popup page (as the popup does) and returns the answer. */
  send(msg: unknown): Promise<any>;
  /** The match patterns the join-page script is registered for right now. */
  registeredMatches(): Promise<string[]>;
  close(): Promise<void>;
}

/** Options of {@link launchWithManagedPolicy}. */
export interface ManagedPolicyLaunchOptions {
  /** Extra Chromium flags, e.g. `--ignore-certificate-errors` for a node with a self-signed certificate. */
  args?: readonly string[];
}

declare const chrome: any;

/**
 * Writes (into `scratch`) and returns a Chromium wrapper that runs Chromium in a private mount
 * namespace with `scratch` bind-mounted over /etc/chromium: `scratch/policies/managed/*.json`
 * are then the admin's policies, for that Chromium only.
 */
export function chromiumSeeingPolicyFolder(scratch: string): string {
  const wrapper = join(scratch, 'chromium-in-namespace.sh');
  writeFileSync(
    wrapper,
    `#!/bin/sh\nexec unshare --mount -- sh -c 'mount --bind "$0" /etc/chromium && exec "$@"' '${scratch}' '${findChromium()}' "$@"\n`,
  );
  chmodSync(wrapper, 0o755);
  return wrapper;
}

export async function launchWithManagedPolicy(extensionDir: string, options: ManagedPolicyLaunchOptions = {}): Promise<ManagedPolicyBrowser> {
  const scratch = mkdtempSync(join(tmpdir(), 'sj-etc-chromium-'));
  const managedDir = join(scratch, 'policies', 'managed');
  mkdirSync(managedDir, { recursive: true });
  const wrapper = chromiumSeeingPolicyFolder(scratch);
  const browser = await puppeteer.launch({
    headless: true,
    executablePath: wrapper,
    enableExtensions: true,
    args: [...CHROMIUM_ARGS, ...(options.args ?? []), `--disable-extensions-except=${extensionDir}`, `--load-extension=${extensionDir}`],
  });
  try {
    const target = await browser.waitForTarget((t) => t.type() === 'service_worker', { timeout: 15_000 });
    const worker = await target.worker();
    if (!worker) throw new Error('extension service worker did not start');
    await waitForExtensionApi(worker);
    const extensionId = new URL(target.url()).host;
    const uiPage = popupPage(browser, extensionId);
    return {
      browser,
      worker,
      extensionId,
      writePolicyFile: (name, content) => writeFileSync(join(managedDir, name), content),
      send: async (msg) => (await uiPage()).evaluate((m) => chrome.runtime.sendMessage(m), msg as never),
      registeredMatches: async () =>
        (await uiPage()).evaluate(async () => (await chrome.scripting.getRegisteredContentScripts()).flatMap((s: { matches?: string[] }) => s.matches ?? [])),
      close: async () => {
        await browser.close();
        rmSync(scratch, { recursive: true, force: true });
      },
    };
  } catch (error) {
    await browser.close();
    rmSync(scratch, { recursive: true, force: true });
    throw error;
  }
}
