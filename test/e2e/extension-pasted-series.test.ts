/**
 * Issue 13, end to end: an attendee pastes a recurring series' SecureJoin block that has no save
 * link (its words are all it has) into the popup. The series sentence states the rule, so the
 * draft and the saved meeting open at the series' current occurrence (not the first, a week ago),
 * and on the join page the extension fills the PIN in that occurrence's window without asking.
 */
import { describe, expect, it } from 'vitest';
import type { Page } from 'puppeteer-core';
import { activationSentence, activationWindow } from '../../core/time';
import { seriesActivationSentence } from '../../core/time/seriesSentence';
import { forFile, startExtensionStack } from './support/harness';

const PIN = '13571357';
const DAY = 86_400_000;

const stack = forFile(() => startExtensionStack({ rooms: [{ alias: 'series-room', hostPin: '24682468', guestPin: PIN, allowGuests: true }] }));

const waitForText = (page: Page, selector: string, text: string) =>
  page.waitForFunction((s, t) => [...document.querySelectorAll(s)].some((el) => el.textContent?.includes(t)), { timeout: 5_000 }, selector, text);

/** A weekly series (UTC) whose second occurrence started five minutes ago: its window is open now. */
function seriesBlock(): string {
  const start = Math.floor((Date.now() - 7 * DAY - 5 * 60_000) / 60_000) * 60_000;
  const meeting = { start, end: start + 3_600_000 };
  return [
    '-- SecureJoin secure access --',
    `Join link: ${stack.node.url}/webapp3/m/series-room`,
    `Passcode: ${PIN} (type it when asked for a PIN)`,
    activationSentence(activationWindow(meeting, { leadMinutes: 15 }), meeting, { timeZone: 'UTC', locale: 'en-GB', withDate: true }),
    seriesActivationSentence({ ...meeting, timeZone: 'UTC', rule: { frequency: 'weekly' } }, { locale: 'en-GB', leadMinutes: 15 }),
    '-- End of SecureJoin secure access --',
  ].join('\n');
}

describe('a pasted series block without a save link', () => {
  it('saves the series: the current occurrence opens now and its PIN fills without asking', async () => {
    const { page: popup, pasteInvite } = await stack.openPopup();
    await pasteInvite(seriesBlock());
    await waitForText(popup, '#message', 'Found 1');
    expect(await popup.$eval('#drafts', (el) => el.textContent ?? '')).toContain('the next meeting of the series; each one opens the same way');
    expect(await popup.$eval('.draft-pin', (el) => (el as HTMLSelectElement).value)).toBe(PIN);
    await popup.click('.draft-save');
    await waitForText(popup, '#meetings li', 'series-room (guest)');
    const opens = await popup.$eval('#meetings li .opens', (el) => el.textContent ?? '');
    expect(opens).toContain('Code opens:');
    expect(opens).not.toContain('no time set');

    const page = await stack.ext.browser.newPage();
    await page.goto(stack.node.joinUrl('series-room', { name: 'Sam Series' }));
    await page.waitForFunction(() => document.getElementById('join')?.dataset.state === 'ready', { timeout: 10_000 });
    await page.click('#join-button');
    await page.waitForFunction((pin) => (document.getElementById('pin') as HTMLInputElement | null)?.value === pin, { timeout: 10_000 }, PIN);
    // Filled within the window: no "Fill it anyway?" question was needed.
    expect(await page.evaluate(() => document.body.textContent ?? '')).not.toContain('Fill it anyway?');
    await page.close();
    await popup.close();
  });
});
