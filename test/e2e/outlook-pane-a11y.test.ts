/**
 * The task pane's accessibility and fit, in real Chromium on the playground (the real pane, built
 * as shipped, against the playground's fake office.js; the example policy, no meeting service):
 * axe-core finds nothing in light and dark (color contrast included) before and after inserting,
 * with an error shown, in per-invitee mode with the personal messages open and with the remove
 * confirmation open; the keyboard focus stays on the control the organizer used; the passcode
 * radios follow every arrow key; Remove block asks first and Escape cancels; a 360-px pane never
 * scrolls sideways, however long the links in the personal messages are.
 */
import { describe, expect, it } from 'vitest';
import type { Frame, Page } from 'puppeteer-core';
import { axeViolations, describeViolations } from './support/axe';
import { EXAMPLE_POLICY, forFile, pressWhenAvailable, startPlaygroundStack } from './support/harness';

/** The example policy without its meeting service (registering meetings is not what these tests look at). */
const WITHOUT_SERVICE = JSON.stringify({ ...(JSON.parse(EXAMPLE_POLICY) as Record<string, unknown>), meetingService: undefined });
const playground = forFile(() => startPlaygroundStack({ policyText: WITHOUT_SERVICE }));

/** The playground (`query`: e.g. `?mailbox=1.5`, where no launch event inserts the block) and its ready pane. */
const openPane = (query = '') => playground.openPlayground(query, { viewport: { width: 1280, height: 900 } });

/** Waits until the pane has no action running. */
const idle = (pane: Frame) => pane.waitForFunction(() => document.querySelector('main')?.getAttribute('aria-busy') === 'false', { timeout: 10_000 });
const blockState = (pane: Frame) => pane.$eval('#pane-state', (el) => el.getAttribute('data-state'));
const activeId = (pane: Frame) => pane.evaluate(() => document.activeElement?.id ?? document.activeElement?.tagName ?? null);

/** axe's violations in the pane, in the light and the dark scheme; both empty when all is well. */
async function violationsInBothSchemes(page: Page, pane: Frame): Promise<Record<string, string[]>> {
  const out: Record<string, string[]> = {};
  for (const scheme of ['light', 'dark'] as const) {
    await page.emulateMediaFeatures([{ name: 'prefers-color-scheme', value: scheme }]);
    out[scheme] = describeViolations(await axeViolations(pane));
  }
  await page.emulateMediaFeatures([{ name: 'prefers-color-scheme', value: 'light' }]);
  return out;
}

const NONE = { light: [], dark: [] };

describe('task pane accessibility (axe-core, light and dark)', () => {
  it('has no violations before and after inserting, with the personal messages open, and with the remove confirmation open', async () => {
    const p = await openPane('?mailbox=1.5');
    const { page, pane } = p;
    try {
      expect(await blockState(pane)).toBe('absent');
      expect(await violationsInBothSchemes(page, pane)).toEqual(NONE);
      // (Mailbox 1.5 tells the pane of no attendee change: the insert reads them.)
      await p.addAttendee('Ana Lima', 'ana.lima@example.com');
      await p.addAttendee('Bo', 'bo@example.com');
      await pane.click('#insert');
      await pane.waitForFunction(() => document.getElementById('pane-state')?.getAttribute('data-state') === 'current', { timeout: 10_000 });
      expect(await violationsInBothSchemes(page, pane)).toEqual(NONE);
      await pane.click('#personal-messages summary');
      await pane.waitForSelector('#personal-messages article');
      expect(await violationsInBothSchemes(page, pane)).toEqual(NONE);
      await pressWhenAvailable(pane, '#remove');
      await pane.waitForSelector('#confirm-remove');
      expect(await violationsInBothSchemes(page, pane)).toEqual(NONE);
    } finally {
      await page.close();
    }
  });

  it('has no violations with errors shown: an invalid policy.json; a meeting service that cannot be signed in to', async () => {
    await playground.withPolicyText('{"version": 1, "organizer": {"accessCode": {"required": {"value": false, "lockd": true}}}}', async () => {
      const broken = await openPane();
      await broken.pane.waitForSelector('#policy-errors li');
      expect(await violationsInBothSchemes(broken.page, broken.pane)).toEqual(NONE);
      await broken.close();
    });
    // The example policy's service: no sign-in here, so the top says so with its button.
    await playground.withPolicyText(EXAMPLE_POLICY, async () => {
      const unregistered = await openPane();
      await unregistered.waitForPaneState('unregistered');
      expect(await unregistered.pane.$eval('#fix', (el) => el.textContent)).toBe('Sign in to the meeting service');
      expect(await violationsInBothSchemes(unregistered.page, unregistered.pane)).toEqual(NONE);
      await unregistered.close();
    });
  });

  it('ties a personal default that was not applied to its control, in plain words, with no violations', async () => {
    const { page } = await openPane();
    // The organizer's saved default (roaming settings, kept by the playground in localStorage)
    // switches off the access code, which the example policy locks.
    await page.evaluate(() => localStorage.setItem('securejoin.playground.roaming', JSON.stringify({ 'securejoin.prefs': { organizer: { accessCode: { required: false } } } })));
    await page.close();
    const { page: again, pane } = await openPane();
    try {
      await pane.waitForSelector('#prefs-ignored li');
      expect(await pane.$eval('#prefs-ignored', (el) => el.textContent)).toMatch(/organizer\.accessCode\.required was not applied: locked by your administrator/);
      expect(await pane.$eval('#access-code', (el) => el.getAttribute('aria-describedby'))).toBe('prefs-ignored');
      expect(await pane.$eval('#passcode-mode', (el) => el.getAttribute('aria-describedby'))).toBeNull();
      expect(await violationsInBothSchemes(again, pane)).toEqual(NONE);
    } finally {
      await again.evaluate(() => localStorage.removeItem('securejoin.playground.roaming'));
      await again.close();
    }
  });

  it('follows Office\'s dark theme when office.js tells one, whatever the system scheme', async () => {
    const { page, pane } = await openPane();
    try {
      const background = () => pane.evaluate(() => getComputedStyle(document.body).backgroundColor);
      expect(await background()).toBe('rgb(255, 255, 255)');
      await page.emulateMediaFeatures([{ name: 'prefers-color-scheme', value: 'dark' }]);
      expect(await background()).toBe('rgb(41, 41, 41)');
      // What office/theme.ts sets from Office.context.officeTheme (the playground's office.js has none).
      await pane.evaluate(() => (document.documentElement.dataset.theme = 'light'));
      expect(await background()).toBe('rgb(255, 255, 255)');
      await page.emulateMediaFeatures([{ name: 'prefers-color-scheme', value: 'light' }]);
      await pane.evaluate(() => (document.documentElement.dataset.theme = 'dark'));
      expect(await background()).toBe('rgb(41, 41, 41)');
    } finally {
      await page.close();
    }
  });
});

describe('task pane keyboard use', () => {
  it('keeps the focus on Insert block after pressing it with the keyboard', async () => {
    const { page, pane } = await openPane('?mailbox=1.5');
    try {
      await pane.focus('#insert');
      await page.keyboard.press('Enter');
      await pane.waitForFunction(() => document.getElementById('pane-state')?.getAttribute('data-state') === 'current', { timeout: 10_000 });
      await idle(pane);
      expect(await activeId(pane)).toBe('insert');
      // The pane says what happened, tied to the button.
      expect(await pane.$eval('#insert', (el) => el.getAttribute('aria-describedby'))).toBe('message');
    } finally {
      await page.close();
    }
  });

  it('moves the focus to the pane\'s state line when the top button that fixed it goes away', async () => {
    const { page, pane } = await openPane('?mailbox=1.5');
    try {
      expect(await pane.$eval('#fix', (el) => el.textContent)).toBe('Insert block');
      await pane.focus('#fix');
      await page.keyboard.press('Enter');
      await pane.waitForFunction(() => document.getElementById('pane-state')?.getAttribute('data-state') === 'current', { timeout: 10_000 });
      await idle(pane);
      expect(await pane.$('#fix')).toBeNull();
      expect(await activeId(pane)).toBe('block-status');
    } finally {
      await page.close();
    }
  });

  it('moves the passcode choice once per arrow key without making codes at each step, and makes the codes once for the choice that stays (Enter)', async () => {
    const { page, pane } = await openPane();
    try {
      await pane.waitForFunction(() => document.getElementById('pane-state')?.getAttribute('data-state') === 'current', { timeout: 10_000 });
      expect(await pane.$eval('#mode-per-invitee', (el) => (el as HTMLInputElement).checked)).toBe(true);
      await pane.focus('#mode-per-invitee');
      const preview = await pane.$eval('#preview', (el) => el.textContent);
      await page.keyboard.press('ArrowUp');
      await page.keyboard.press('ArrowUp');
      await idle(pane);
      // Issue 22: the arrows only moved the choice; the codes are still those of the first one.
      expect(await pane.$eval('#preview', (el) => el.textContent)).toBe(preview);
      await page.keyboard.press('Enter');
      await pane.waitForFunction(() => !/Passcode/.test(document.getElementById('preview')?.textContent ?? ''), { timeout: 10_000 });
      await idle(pane);
      await pane.waitForFunction(() => !document.querySelector('#code-shared-passcode') && document.getElementById('pane-state')?.getAttribute('data-state') === 'current', { timeout: 10_000 });
      await idle(pane);
      expect(await pane.$eval('#mode-none', (el) => (el as HTMLInputElement).checked)).toBe(true);
      expect(await activeId(pane)).toBe('mode-none');
      expect(await pane.$eval('#preview', (el) => el.textContent)).not.toMatch(/Passcode/);
      expect(await pane.$('#invitees')).toBeNull();
    } finally {
      await page.close();
    }
  });

  it('asks before removing the block: Escape cancels and returns to Remove block; confirming removes it and keeps the focus there', async () => {
    const { page, pane } = await openPane();
    try {
      await pane.waitForFunction(() => document.getElementById('pane-state')?.getAttribute('data-state') === 'current', { timeout: 10_000 });
      await pane.focus('#remove');
      await page.keyboard.press('Enter');
      await pane.waitForSelector('#confirm-remove');
      expect(await activeId(pane)).toBe('confirm-remove-no');
      await page.keyboard.press('Escape');
      expect(await pane.$('#confirm-remove')).toBeNull();
      expect(await activeId(pane)).toBe('remove');
      expect(await blockState(pane)).toBe('current');
      await page.keyboard.press('Enter');
      await pane.waitForSelector('#confirm-remove');
      await pane.focus('#confirm-remove-yes');
      await page.keyboard.press('Enter');
      await pane.waitForFunction(() => document.getElementById('pane-state')?.getAttribute('data-state') === 'absent', { timeout: 10_000 });
      await idle(pane);
      expect(await activeId(pane)).toBe('remove');
      expect(await pane.$eval('#remove', (el) => el.getAttribute('aria-disabled'))).toBe('true');
    } finally {
      await page.close();
    }
  });
});

describe('task pane width', () => {
  it('does not scroll sideways at 360 px with long links, names and addresses in the personal messages', async () => {
    const p = await openPane();
    const { page, pane } = p;
    try {
      await page.$eval('#taskpane', (el) => ((el as HTMLElement).style.width = '360px'));
      await p.addAttendee('Anastasia Maximiliana Lima-Verylongfamilyname', 'anastasia.maximiliana.lima.verylongfamilyname@subdivision.department.example.com');
      await pane.waitForSelector('#personal-messages summary', { timeout: 10_000 });
      await pane.click('#personal-messages summary');
      await pane.waitForSelector('#personal-messages article');
      expect(await pane.$eval('#personal-messages pre', (el) => el.textContent)).toMatch(/https:\/\/\S{80,}/);
      const width = await pane.evaluate(() => ({ scroll: document.documentElement.scrollWidth, client: document.documentElement.clientWidth }));
      expect(width.client).toBeLessThanOrEqual(360);
      expect(width.scroll).toBeLessThanOrEqual(width.client);
      // Export roster still hands over the CSV (its module is loaded on first use).
      await pane.evaluate(() => {
        const make = URL.createObjectURL.bind(URL);
        URL.createObjectURL = (blob: Blob | MediaSource) => {
          void (blob as Blob).text().then((text) => ((window as unknown as { csv?: string }).csv = text));
          return make(blob);
        };
      });
      await pane.click('#export-roster');
      await pane.waitForFunction(() => typeof (window as unknown as { csv?: string }).csv === 'string', { timeout: 10_000 });
      expect(await pane.evaluate(() => (window as unknown as { csv: string }).csv)).toMatch(/^"name","email","passcode".*\r\n"Anastasia Maximiliana/);
    } finally {
      await page.close();
    }
  });
});
