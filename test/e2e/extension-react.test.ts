/**
 * Filling a React-controlled input: real React 19 keeps the PIN in component state and only
 * mirrors it in the field. The extension fills from its isolated world (value, then `input`), which
 * React sees as typing; a fill React missed would show digits in the field and submit an empty
 * PIN. What is checked is React's own state: its length rendered beside the field, and what the
 * form submits when the user presses Join.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { forFile, startExtensionStack } from './support/harness';

const PIN = '7531902';

const stack = forFile(() => startExtensionStack());
beforeAll(async () => {
  const added = await stack.ext.send({ type: 'meetings:add', input: { url: `${stack.pages.url}/webapp3/m/react-room`, role: 'guest', pin: PIN } });
  expect(added.ok).toBe(true);
});

describe('React-controlled join form', () => {
  it('fills the PIN into React state, and Join submits it', async () => {
    const page = await stack.ext.browser.newPage();
    await page.goto(`${stack.pages.url}/webapp3/m/react-room?ui=react`);
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
