/**
 * The admin bundle's Linux file in real Chromium: the file `securejoin admin bundle` writes for
 * /etc/chromium/policies/managed (ExtensionInstallForcelist beside the 3rd-party policy) is read
 * by Chromium, which lists the force-install policy and delivers the extension its managed
 * storage, so the extension runs under exactly the admin's policy.
 */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bundleFiles, bundleSettings } from '../../cli/bundle';
import { CHROME_LINUX_PATH } from '../../cli/bundle/linux';
import { DEV_EXTENSION_ID } from '../../core/extensionIdentity';
import { parsePolicyJson } from '../../core/policy';
import type { Policy } from '../../core/policy';
import { EXTENSION_DIR } from './support/globalSetup';
import { launchWithManagedPolicy, type ManagedPolicyBrowser } from './support/managedPolicyBrowser';

const text = readFileSync('examples/policy.json', 'utf8');
const parsed = parsePolicyJson(text);
if (!parsed.ok) throw new Error('examples/policy.json must be valid');
const policy: Policy = parsed.value;

declare const chrome: { storage: { local: { get(key: string, cb: (v: Record<string, unknown>) => void): void } } };
interface PolicyState {
  source: 'managed' | 'default' | 'invalid';
  policy: Policy;
  errors: unknown[];
}

let session: ManagedPolicyBrowser;
beforeAll(async () => {
  session = await launchWithManagedPolicy(EXTENSION_DIR);
});
afterAll(async () => {
  await session?.close();
});

describe('the admin bundle in real Chromium', () => {
  it('its Linux policy file gives the extension the admin policy, and Chromium lists the force-install entry', async () => {
    const settings = bundleSettings(policy, text, { serviceUrl: 'https://securejoin.example.com' });
    if (!settings.ok) throw new Error(JSON.stringify(settings.problems));
    const file = bundleFiles(settings.value).find((f) => f.path === CHROME_LINUX_PATH);
    expect(session.extensionId).toBe(DEV_EXTENSION_ID);
    session.writePolicyFile('securejoin.json', file?.content ?? '');
    const deadline = Date.now() + 30_000;
    let state: PolicyState | undefined;
    while (Date.now() < deadline) {
      state = (await session.worker.evaluate(() => new Promise((resolve) => chrome.storage.local.get('policyState', (v) => resolve(v.policyState))))) as PolicyState | undefined;
      if (state?.source === 'managed') break;
      await new Promise((r) => setTimeout(r, 250));
    }
    expect(state?.source).toBe('managed');
    expect(state?.errors).toEqual([]);
    expect(state?.policy).toEqual(policy);
    // chrome://policy shows what Chromium made of the file: the force-install list with our entry.
    const page = await session.browser.newPage();
    await page.goto('chrome://policy');
    await page.waitForFunction(() => document.body.innerHTML.length > 0);
    const shown = await page.evaluate(() => {
      const texts: string[] = [];
      const walk = (root: Document | ShadowRoot | Element): void => {
        for (const el of Array.from(root.querySelectorAll('*'))) {
          if (el.shadowRoot) walk(el.shadowRoot);
          if (el.children.length === 0 && el.textContent) texts.push(el.textContent.trim());
        }
      };
      walk(document);
      return texts.filter(Boolean).join('\n');
    });
    expect(shown).toContain('ExtensionInstallForcelist');
    expect(shown).toContain(`${DEV_EXTENSION_ID};https://clients2.google.com/service/update2/crx`);
    await page.close();
  });
});
