/**
 * axe-core (Deque's accessibility engine, WCAG 2.x A/AA and best practices, colour contrast
 * included) on the attendee's screens in real Chromium, in the light and the dark scheme
 * (`prefers-color-scheme`): the popup empty, with saved meetings, with a form error, with a
 * delete confirmation, with an edit open, with drafts from a pasted invite and with pending
 * changes; the options page (also with an error); the reference node's join page before and
 * after a wrong PIN. Every state must have zero violations.
 */
import { describe, expect, it } from 'vitest';
import type { Page } from 'puppeteer-core';
import { buildCaptureLink } from '../../core/links';
import { axeViolations, describeViolations } from './support/axe';
import { waitForNotice } from './support/extensionBrowser';
import { forFile, startExtensionStack } from './support/harness';
import { setValue } from './support/popup';

const GUEST_PIN = '13572468';

const stack = forFile(() => startExtensionStack({
    rooms: [
      { alias: 'a11y-room', hostPin: '86420975', guestPin: GUEST_PIN, allowGuests: true },
      { alias: 'join-room', hostPin: '75319864', guestPin: '24681357', allowGuests: true },
    ],
  }));

/** Violations of the page as it is now, in both colour schemes (each line names the scheme). */
async function violationsInBothSchemes(page: Page): Promise<string[]> {
  const found: string[] = [];
  for (const scheme of ['light', 'dark'] as const) {
    await page.emulateMediaFeatures([{ name: 'prefers-color-scheme', value: scheme }]);
    // Let the style change land before axe reads colours.
    await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
    found.push(...describeViolations(await axeViolations(page)).map((v) => `${scheme}: ${v}`));
  }
  await page.emulateMediaFeatures([{ name: 'prefers-color-scheme', value: 'light' }]);
  return found;
}

async function openPopup(ready: (page: Page) => Promise<unknown>): Promise<Page> {
  const popup = await stack.ext.browser.newPage();
  await popup.setViewport({ width: 400, height: 700 });
  await popup.goto(`chrome-extension://${stack.ext.extensionId}/popup.html`);
  await ready(popup);
  return popup;
}

const setInvite = (popup: Page, text: string) => setValue(popup, '#invite', text);

describe('axe-core: zero violations, light and dark', () => {
  it('the popup: empty, with a form error, with drafts, with saved meetings, a delete confirmation and an edit open', async () => {
    const popup = await openPopup((p) => p.waitForSelector('#empty'));
    expect(await violationsInBothSchemes(popup)).toEqual([]);

    await popup.click('#add button[type="submit"]');
    await popup.waitForSelector('#errors');
    expect(await violationsInBothSchemes(popup)).toEqual([]);

    await setInvite(popup, [`Join the meeting: ${stack.node.url}/webapp3/m/a11y-room`, `Guest PIN: ${GUEST_PIN}`, 'Host PIN: 86420975'].join('\n'));
    await popup.click('#parse-invite');
    await popup.waitForSelector('.draft-save');
    expect(await violationsInBothSchemes(popup)).toEqual([]);
    await popup.click('.draft-save');
    await popup.waitForSelector('#meetings li');
    const startsAt = Date.now() + 26 * 3_600_000;
    expect((await stack.ext.send({ type: 'meetings:add', input: { url: `${stack.node.url}/webapp3/m/join-room`, role: 'guest', pin: '24681357', startsAt, endsAt: startsAt + 3_600_000 } })).ok).toBe(true);
    await popup.reload();
    await popup.waitForFunction(() => document.querySelectorAll('#meetings li').length === 2, { timeout: 5_000 });
    expect(await violationsInBothSchemes(popup)).toEqual([]);

    await popup.click('button[aria-label="Delete a11y-room"]');
    await popup.waitForSelector('.confirm');
    expect(await violationsInBothSchemes(popup)).toEqual([]);

    await popup.click('button[aria-label="Edit a11y-room"]');
    await popup.waitForSelector('#edit');
    await popup.$eval('#e-end', (el) => {
      (el as HTMLInputElement).type = 'text';
    });
    await popup.type('#e-end', 'soon');
    await popup.click('#edit button[type="submit"]');
    await popup.waitForSelector('#edit #errors');
    expect(await violationsInBothSchemes(popup)).toEqual([]);
    await popup.close();
  });

  it('the popup with a change waiting for confirmation', async () => {
    const page = await stack.ext.browser.newPage();
    await page.goto(buildCaptureLink({ origin: stack.node.url, path: 'webapp3', alias: 'a11y-room', role: 'guest', pin: '99990000', name: 'Ann Axe' }));
    await waitForNotice(page, 'waiting for your confirmation');
    await page.close();
    const popup = await openPopup((p) => p.waitForSelector('#pending-changes .change-confirm'));
    expect(await violationsInBothSchemes(popup)).toEqual([]);
    await popup.close();
  });

  it('the options page, also with a refused setting', async () => {
    const options = await stack.ext.browser.newPage();
    await options.goto(`chrome-extension://${stack.ext.extensionId}/options.html`);
    await options.waitForSelector('#mode');
    expect(await violationsInBothSchemes(options)).toEqual([]);
    await options.$eval('#warn', (el) => {
      (el as HTMLInputElement).value = '50';
      el.dispatchEvent(new Event('change', { bubbles: true }));
    });
    await options.waitForSelector('#errors');
    expect(await violationsInBothSchemes(options)).toEqual([]);
    await options.close();
  });

  it('the reference node\'s join page, before and after a wrong PIN', async () => {
    const page = await stack.ext.browser.newPage();
    await page.goto(stack.node.joinUrl('join-room', { name: 'Jo Join' }));
    await page.waitForFunction(() => document.getElementById('join')?.dataset.state === 'ready', { timeout: 10_000 });
    expect(await violationsInBothSchemes(page)).toEqual([]);
    await page.click('#join-button');
    await page.waitForFunction(() => document.getElementById('join')?.dataset.state === 'pin-required', { timeout: 10_000 });
    expect(await violationsInBothSchemes(page)).toEqual([]);
    await page.type('#pin', '0000');
    await page.click('#join-button');
    await page.waitForFunction(() => document.getElementById('join')?.dataset.state === 'invalid-pin', { timeout: 10_000 });
    expect(await violationsInBothSchemes(page)).toEqual([]);
    await page.close();
  });
});
