/**
 * The popup end to end: paste an invite, confirm what was found (role and PIN), save; the
 * meeting is listed and its PIN fills on the join page. Then edit it (label and role).
 */
import { describe, expect, it } from 'vitest';
import type { Page } from 'puppeteer-core';
import { waitForNotice } from './support/extensionBrowser';
import { clickNoticeButton } from './support/noticeButtons';
import { forFile, startExtensionStack } from './support/harness';

const stack = forFile(() => startExtensionStack({ rooms: [{ alias: 'invite-room', hostPin: '24682468', guestPin: '13571357', allowGuests: true }] }));

const waitForText = (page: Page, selector: string, text: string) =>
  page.waitForFunction((s, t) => [...document.querySelectorAll(s)].some((el) => el.textContent?.includes(t)), { timeout: 5_000 }, selector, text);

describe('popup', () => {
  it('saves a meeting from a pasted invite after the user confirms role and PIN, fills it, and edits it', async () => {
    const { page: popup, pasteInvite } = await stack.openPopup();
    const invite = [`Join the meeting: ${stack.node.url}/webapp3/m/invite-room`, 'Guest PIN: 1357 1357', 'Host PIN: 2468 2468'].join('\n');
    await pasteInvite(invite);
    await waitForText(popup, '#message', 'Found 1');
    // The user confirms the guest role and the guest PIN (the first found).
    expect(await popup.$eval('.draft-role', (el) => (el as HTMLSelectElement).value)).toBe('guest');
    expect(await popup.$eval('.draft-pin', (el) => (el as HTMLSelectElement).value)).toBe('13571357');
    expect(await popup.$eval('#drafts', (el) => el.textContent)).not.toContain('13571357');
    // The draft names the node by its host, not by the pasted link.
    expect(await popup.$eval('.draft .node', (el) => el.textContent)).toBe(`On ${new URL(stack.node.url).host}`);
    await popup.click('.draft-save');
    await waitForText(popup, '#meetings li', 'invite-room (guest)');
    // The saved draft's card is gone: the focus moved to the list the meeting joined.
    await popup.waitForFunction(() => document.activeElement?.id === 'meetings-heading', { timeout: 5_000 });
    // Attendee words: the node by name or host (no raw origin), plain labels, no typing "none".
    const row = await popup.$eval('#meetings li', (el) => el.textContent ?? '');
    expect(row).toContain(`On ${new URL(stack.node.url).host}`);
    expect(row).not.toContain(stack.node.url);
    const labels = await popup.$$eval('label', (els) => els.map((el) => el.textContent ?? '').join(' | '));
    expect(labels).not.toMatch(/"none"|alias|node/i);
    expect(labels).toContain('No PIN needed');

    const page = await stack.ext.browser.newPage();
    await page.goto(stack.node.joinUrl('invite-room', { name: 'Ivy Invite' }));
    await page.waitForFunction(() => document.getElementById('join')?.dataset.state === 'ready', { timeout: 10_000 });
    await page.click('#join-button');
    // The invite gave no time, so SecureJoin asks before it fills (extension-unknown-time.test.ts).
    await waitForNotice(page, 'Fill it anyway?');
    await clickNoticeButton(page, 'Fill');
    await page.waitForFunction(() => (document.getElementById('pin') as HTMLInputElement | null)?.value === '13571357', { timeout: 10_000 });
    await page.close();

    // Edit: a label and the host role with the host PIN.
    await popup.bringToFront();
    await popup.click('button[aria-label="Edit invite-room"]');
    await popup.waitForSelector('#edit');
    await popup.type('#e-label', 'Board');
    await popup.select('#e-role', 'host');
    await popup.type('#e-pin', '24682468');
    await popup.click('#edit button[type="submit"]');
    await waitForText(popup, '#meetings li', 'Board (host)');
    await popup.close();
  });
});
