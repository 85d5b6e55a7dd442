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
import { waitForExtensionApi } from './extensionBrowser';

export interface ManagedPolicyBrowser {
  browser: Browser;
  worker: WebWorker;
  extensionId: string;
  /** Writes (or replaces) the policy file Chromium reads, as an admin would deploy it. */
  writePolicyFile(name: string, content: string): void;
  close(): Promise<void>;
}

export async function launchWithManagedPolicy(extensionDir: string): Promise<ManagedPolicyBrowser> {
  const scratch = mkdtempSync(join(tmpdir(), 'sj-etc-chromium-'));
  const managedDir = join(scratch, 'policies', 'managed');
  mkdirSync(managedDir, { recursive: true });
  const wrapper = join(scratch, 'chromium-in-namespace.sh');
  writeFileSync(
    wrapper,
    `#!/bin/sh\nexec unshare --mount -- sh -c 'mount --bind "$0" /etc/chromium && exec "$@"' '${scratch}' '${findChromium()}' "$@"\n`,
  );
  chmodSync(wrapper, 0o755);
  const browser = await puppeteer.launch({
    headless: true,
    executablePath: wrapper,
    enableExtensions: true,
    args: [...CHROMIUM_ARGS, `--disable-extensions-except=${extensionDir}`, `--load-extension=${extensionDir}`],
  });
  try {
    const target = await browser.waitForTarget((t) => t.type() === 'service_worker', { timeout: 15_000 });
    const worker = await target.worker();
    if (!worker) throw new Error('extension service worker did not start');
    await waitForExtensionApi(worker);
    return {
      browser,
      worker,
      extensionId: new URL(target.url()).host,
      writePolicyFile: (name, content) => writeFileSync(join(managedDir, name), content),
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
