/**
 * Filling a React-controlled input: real React 19 keeps the PIN in component state and only
 * mirrors it in the field. The extension fills from its isolated world (value, then `input`), which
 * React sees as typing; a fill React missed would show digits in the field and submit an empty
 * PIN. What is checked is React's own state: its length rendered beside the field, and what the
 * form submits when the user presses Join.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EXTENSION_DIR } from './support/globalSetup';
import { launchWithExtension, waitForRegistration } from './support/extensionBrowser';
import type { ExtensionBrowser } from './support/extensionBrowser';
import { startPlainJoinPages } from './support/plainJoinPages';
import type { PlainJoinPages } from './support/plainJoinPages';

let pages: PlainJoinPages;
let ext: ExtensionBrowser;
const PIN = '7531902';

beforeAll(async () => {
  pages = await startPlainJoinPages();
  ext = await launchWithExtension(EXTENSION_DIR);
  await waitForRegistration(ext, 'http://127.0.0.1/*');
  const added = await ext.send({ type: 'meetings:add', input: { url: `${pages.url}/webapp3/m/react-room`, role: 'guest', pin: PIN } });
  expect(added.ok).toBe(true);
});
afterAll(async () => {
  await ext?.close();
  await pages?.close();
});

describe('React-controlled join form', () => {
  it('fills the PIN into React state, and Join submits it', async () => {
    const page = await ext.browser.newPage();
    await page.goto(`${pages.url}/webapp3/m/react-room?ui=react`);
    await page.waitForFunction((n) => document.getElementById('state-length')?.textContent === n, { timeout: 10_000 }, String(PIN.length));
    expect(await page.$eval('#pin', (el) => (el as HTMLInputElement).value)).toBe(PIN);
    // Fill mode (the default): nothing is submitted until the user presses Join.
    expect(await page.$eval('#join', (el) => (el as HTMLElement).dataset.submitted ?? null)).toBeNull();
    await page.click('button[type="submit"]');
    await page.waitForFunction(() => document.getElementById('join')?.dataset.submitted !== undefined, { timeout: 5_000 });
    expect(await page.$eval('#join', (el) => (el as HTMLElement).dataset.submitted)).toBe(PIN);
    await page.close();
  });
});
