/**
 * Join pages of markup the extension has never seen (test/e2e/support/joinPageShapes.ts), in real
 * Chromium with the built extension in fill-and-join mode: the PIN field is found by what its
 * labels, type and input mode say (aria-label, aria-labelledby, a wrapping label, German and
 * Spanish words, a password field a show/hide toggle turns to text, a React-controlled field),
 * the Join button by role and label next to it (in a dialog, a form, or a plain container), and
 * the decoys earlier in each page (a search form with its own submit button, a display-name
 * field, a sign-in form's password field there before the PIN prompt) are never touched.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { forFile, startExtensionStack } from './support/harness';

const PIN = '60482913';
const SHAPES = ['aria-only', 'labelledby-dialog', 'pexip-toggle', 'wrapped-de', 'react-dialog', 'late-password'] as const;

const stack = forFile(() => startExtensionStack());
beforeAll(async () => {
  for (const shape of SHAPES) {
    const added = await stack.ext.send({ type: 'meetings:add', input: { url: `${stack.pages.url}/webapp3/m/${shape}`, role: 'guest', pin: PIN } });
    expect(added.ok).toBe(true);
  }
  expect(await stack.ext.send({ type: 'settings:set', prefs: { attendee: { autofill: { mode: 'fill-and-join' } } } })).toEqual({ ok: true, saved: true });
});

describe('PIN field and Join button found by meaning', () => {
  it.each(SHAPES)('%s: fills the PIN, presses its Join, leaves the decoys alone', async (shape) => {
    const page = await stack.ext.browser.newPage();
    await page.goto(`${stack.pages.url}/webapp3/m/${shape}?shape=${shape}`);
    await page.waitForFunction(() => document.body.dataset.joined !== undefined, { timeout: 10_000 });
    const seen = await page.evaluate(() => ({
      joined: document.body.dataset.joined,
      searched: document.body.dataset.searched ?? null,
      search: (document.querySelector('input[type=search]') as HTMLInputElement).value,
      name: (document.getElementById('display-name') as HTMLInputElement).value,
      // Every other input on the page: only the PIN field holds the PIN.
      holdingPin: Array.from(document.querySelectorAll('input')).filter((i) => i.value !== '').length,
      types: Array.from(document.querySelectorAll('#prompt input')).map((i) => (i as HTMLInputElement).type),
    }));
    // What the page's own Join sends (React's state for the React shape, not only the DOM value).
    expect(seen.joined).toBe(PIN);
    expect(seen).toMatchObject({ searched: null, search: '', name: '', holdingPin: 1 });
    if (shape === 'pexip-toggle') expect(seen.types).toEqual(['text']);
    await page.close();
  });
});
