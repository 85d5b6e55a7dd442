/**
 * "Keep PINs 0 days" in real Chromium cannot be bypassed: choosing it removes every saved PIN,
 * those without meeting times included, and neither an import of an exported file (options
 * page) nor a capture link brings one back.
 */
import { describe, expect, it } from 'vitest';
import { buildCaptureLink } from '../../core/links';
import { waitForNotice } from './support/extensionBrowser';
import { forFile, startExtensionStack } from './support/harness';

const stack = forFile(() => startExtensionStack({ rooms: [{ alias: 'keep-room', hostPin: '86420975', guestPin: '13572468', allowGuests: true }] }));

async function savedCount(expected: number): Promise<void> {
  const deadline = Date.now() + 10_000;
  let count = -1;
  while (Date.now() < deadline) {
    count = (await stack.ext.send({ type: 'meetings:list' })).meetings.length;
    if (count === expected) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`expected ${expected} saved meetings, have ${count}`);
}

describe('retention 0 = never keep PINs', () => {
  it('removes a PIN saved without times, and refuses an import and a capture link', async () => {
    // Saved without meeting times (such a record was never removed before).
    expect((await stack.ext.send({ type: 'meetings:add', input: { url: `${stack.node.url}/webapp3/m/keep-room`, role: 'guest', pin: '13572468' } })).ok).toBe(true);
    const exported = await stack.ext.send({ type: 'vault:export' });
    expect(exported.ok).toBe(true);

    const options = await stack.ext.browser.newPage();
    await options.goto(`chrome-extension://${stack.ext.extensionId}/options.html`);
    await options.waitForSelector('#retention');
    await options.$eval('#retention', (el) => {
      const input = el as HTMLInputElement;
      input.value = '0';
      input.dispatchEvent(new Event('change', { bubbles: true }));
    });
    await options.waitForFunction(() => document.getElementById('message')?.textContent === 'Saved.', { timeout: 5_000 });
    await savedCount(0);

    // Import the file exported a moment ago, as a user would to get the PIN back.
    await options.type('#import', exported.text);
    await options.click('#import-button');
    await options.waitForSelector('#errors');
    expect(await options.$eval('#message', (el) => el.textContent)).toBe('The file was not imported.');
    expect(await options.$eval('#errors', (el) => el.textContent)).toMatch(/Meeting 1 in the file: .*retention 0/);
    await options.close();
    await savedCount(0);

    const page = await stack.ext.browser.newPage();
    await page.goto(buildCaptureLink({ origin: stack.node.url, path: 'webapp3', alias: 'keep-room', role: 'guest', pin: '13572468' }));
    await waitForNotice(page, 'was not saved');
    await page.close();
    await savedCount(0);
  });
});
