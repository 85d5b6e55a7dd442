/**
 * The popup and options page with the keyboard and a screen reader in mind, in real Chromium:
 * every problem is tied to its field (`aria-invalid`, `aria-describedby` pointing at plain words)
 * under a summary naming the fields; Delete asks first (inline, with Cancel); Escape cancels an
 * edit or a confirmation and puts the focus back on the button that opened it; after a delete the
 * focus goes to the next card (else the list's heading); an old "Saved." goes when the user
 * types again.
 */
import { describe, expect, it } from 'vitest';
import type { Page } from 'puppeteer-core';
import { forFile, startExtensionStack } from './support/harness';

const stack = forFile(() => startExtensionStack());

/** The focused element's id once it is `id` (focus moves in an effect after the render), else whatever holds the focus after 5 s. */
const focusedId = async (page: Page, id: string) => {
  await page.waitForFunction((i) => document.activeElement?.id === i, { timeout: 5_000 }, id).catch(() => undefined);
  return page.evaluate(() => document.activeElement?.id ?? '');
};
const waitForFocus = (page: Page, id: string) => page.waitForFunction((i) => document.activeElement?.id === i, { timeout: 5_000 }, id);
/** The focused control's aria-label once it is `label` (focus moves in an effect after the render), else what holds the focus after 5 s. */
const focusedLabel = async (page: Page, label: string) => {
  await page.waitForFunction((l) => document.activeElement?.getAttribute('aria-label') === l, { timeout: 5_000 }, label).catch(() => undefined);
  return page.evaluate(() => document.activeElement?.getAttribute('aria-label'));
};
const messageText = (page: Page) => page.$eval('#message', (el) => el.textContent ?? '');

/** The control's error as assistive technology reads it: invalid flag and the texts it is described by. */
const described = (page: Page, selector: string) =>
  page.$eval(selector, (el) => ({
    invalid: el.getAttribute('aria-invalid'),
    description: (el.getAttribute('aria-describedby') ?? '')
      .split(' ')
      .filter(Boolean)
      .map((id) => document.getElementById(id)?.textContent ?? `(missing #${id})`)
      .join(' | '),
  }));

const openPopup = async (): Promise<Page> => (await stack.openPopup()).page;

describe('popup forms', () => {
  it('ties each problem to its field in plain words, names the fields in the summary, and focuses the first', async () => {
    const popup = await openPopup();
    await popup.type('#f-url', 'http://meet.example.com/webapp3/m/team');
    await popup.click('#add button[type="submit"]');
    await popup.waitForSelector('#errors');
    expect(await popup.$eval('#errors', (el) => el.textContent)).toBe('Not saved. Check the Join link and PIN.');
    const url = await described(popup, '#f-url');
    expect(url.invalid).toBe('true');
    expect(url.description).toMatch(/^The link from your invitation.* \| Join link: must use https:\/\//);
    expect(url.description).not.toMatch(/\burl:/);
    expect(await described(popup, '#f-pin')).toEqual({ invalid: 'true', description: 'PIN: enter the PIN, or tick "No PIN needed" if guests join without one.' });
    expect(await described(popup, '#f-alias')).toMatchObject({ invalid: null });
    expect(await focusedId(popup, 'f-url')).toBe('f-url');

    // Fixed and saved: the problems go, "Saved." shows, and goes again when the user types.
    await popup.click('#f-url', { count: 3 });
    await popup.type('#f-url', `${stack.node.url}/webapp3/m/first-room`);
    await popup.type('#f-pin', '24681357');
    await popup.click('#add button[type="submit"]');
    await popup.waitForFunction(() => document.getElementById('message')?.textContent === 'Saved.', { timeout: 5_000 });
    expect(await popup.$('#errors')).toBeNull();
    expect(await described(popup, '#f-url')).toMatchObject({ invalid: null });
    await popup.type('#f-url', 'h');
    expect(await messageText(popup)).toBe('');

    // The paste box has a label of its own.
    expect(await popup.$eval('#invite', (el) => (el as HTMLTextAreaElement).labels?.[0]?.textContent)).toBe('Invitation text');
    await popup.close();
  });

  it('Edit puts the focus in the form, Escape cancels it and returns the focus to Edit; a bad time is tied to its field', async () => {
    const popup = await openPopup();
    await popup.waitForSelector('#meetings li');
    await popup.focus('button[aria-label="Edit first-room"]');
    await popup.keyboard.press('Enter');
    await waitForFocus(popup, 'e-label');
    await popup.keyboard.press('Escape');
    await popup.waitForFunction(() => document.getElementById('edit') === null, { timeout: 5_000 });
    expect(await focusedLabel(popup, 'Edit first-room')).toBe('Edit first-room');

    // A problem the edit form finds: shown at its field, summary names it.
    await popup.keyboard.press('Enter');
    await waitForFocus(popup, 'e-label');
    await popup.$eval('#e-end', (el) => {
      // A browser without a date picker lets any text through; the form must still say what is wrong.
      (el as HTMLInputElement).type = 'text';
    });
    await popup.type('#e-end', 'tomorrow');
    await popup.click('#edit button[type="submit"]');
    await popup.waitForSelector('#edit #errors');
    expect(await popup.$eval('#errors', (el) => el.textContent)).toBe('Not saved. Check the End.');
    expect(await described(popup, '#e-end')).toEqual({ invalid: 'true', description: 'End: enter a valid date and time' });
    expect(await focusedId(popup, 'e-end')).toBe('e-end');
    await popup.click('#edit button.secondary');
    await popup.waitForFunction(() => document.getElementById('edit') === null, { timeout: 5_000 });
    await popup.close();
  });

  it('Delete asks first; Escape keeps the meeting and returns the focus; after a delete the focus goes to the next card, then the heading', async () => {
    for (const alias of ['second-room', 'third-room']) {
      expect((await stack.ext.send({ type: 'meetings:add', input: { url: `${stack.node.url}/webapp3/m/${alias}`, role: 'guest', pin: '24681357' } })).ok).toBe(true);
    }
    const popup = await openPopup();
    await popup.waitForFunction(() => document.querySelectorAll('#meetings li').length === 3, { timeout: 5_000 });
    const aliases = () => popup.$$eval('#meetings li .title strong', (els) => els.map((el) => el.textContent));
    const order = await aliases();
    const [firstAlias, secondAlias] = order as [string, string];

    await popup.focus(`button[aria-label="Delete ${firstAlias}"]`);
    await popup.keyboard.press('Enter');
    await popup.waitForSelector('.confirm');
    expect(await popup.$eval('.confirm', (el) => el.textContent)).toContain(`Delete ${firstAlias}?`);
    // The focus is on the harmless choice.
    await popup.waitForFunction(() => document.activeElement?.textContent === 'Cancel', { timeout: 5_000 }).catch(() => undefined);
    expect(await popup.evaluate(() => document.activeElement?.textContent)).toBe('Cancel');
    await popup.keyboard.press('Escape');
    await popup.waitForFunction(() => document.querySelector('.confirm') === null, { timeout: 5_000 });
    expect(await focusedLabel(popup, `Delete ${firstAlias}`)).toBe(`Delete ${firstAlias}`);
    expect(await aliases()).toEqual(order);

    // Confirmed: gone, and the focus is on the next card's first button.
    await popup.keyboard.press('Enter');
    await popup.waitForSelector('.confirm');
    await popup.click('.confirm button.danger');
    await popup.waitForFunction(() => document.querySelectorAll('#meetings li').length === 2, { timeout: 5_000 });
    await popup.waitForFunction((a) => document.activeElement?.getAttribute('aria-label') === `Edit ${a}`, { timeout: 5_000 }, secondAlias);
    expect(await messageText(popup)).toBe('Deleted.');

    // The last card of the list: the focus goes to the one before it; with none left, to the heading.
    for (const expected of ['Edit', 'heading']) {
      const rows = await aliases();
      const last = rows[rows.length - 1]!;
      await popup.click(`button[aria-label="Delete ${last}"]`);
      await popup.click('.confirm button.danger');
      await popup.waitForFunction((n) => document.querySelectorAll('#meetings li').length === n, { timeout: 5_000 }, rows.length - 1);
      if (expected === 'Edit') await popup.waitForFunction((a) => document.activeElement?.getAttribute('aria-label') === `Edit ${a}`, { timeout: 5_000 }, rows[0]);
      else await waitForFocus(popup, 'meetings-heading');
    }
    await popup.close();
  });
});

describe('options page', () => {
  it('ties a refused setting and a refused import to their fields', async () => {
    const options = await stack.ext.browser.newPage();
    await options.goto(`chrome-extension://${stack.ext.extensionId}/options.html`);
    await options.waitForSelector('#warn');
    await options.$eval('#warn', (el) => {
      (el as HTMLInputElement).value = '50';
      el.dispatchEvent(new Event('change', { bubbles: true }));
    });
    await options.waitForSelector('#errors');
    const warn = await described(options, '#warn');
    expect(warn.invalid).toBe('true');
    expect(warn.description).toMatch(/^Attempts left: /);
    expect(await options.$eval('#errors', (el) => el.textContent)).toMatch(/^Not saved\. Check Attempts left\./);

    await options.type('#import', '{"not": "a vault"}');
    await options.click('#import-button');
    await options.waitForFunction(() => document.getElementById('message')?.textContent === 'The file was not imported.', { timeout: 5_000 });
    expect(await described(options, '#import')).toMatchObject({ invalid: 'true' });
    expect(await described(options, '#warn')).toMatchObject({ invalid: null });
    expect((await described(options, '#import')).description).toMatch(/^The file/);
    await options.close();
  });
});
