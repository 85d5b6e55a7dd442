/**
 * Issue 22, "the organizer's flow tells the truth and finishes the job", in real Chromium: the
 * real task pane and event runtime in the playground (fake office.js), registering with the real
 * meeting service, personal messages through the add-in server's Microsoft Graph stand-in.
 * - One status at a time: switch mode, edit the subject, move the time, Send: at every step the
 *   top of the pane says the one true thing, and a confirmation never outlives its state.
 * - Regenerate on a sent meeting asks; Cancel changes nothing; confirming changes the codes once
 *   and the pane says the update must be sent.
 * - Per-invitee: "Send personal messages" sends each invitee exactly their own message; a fourth
 *   invitee added later makes Send warn.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { Frame, Page } from 'puppeteer-core';
import { UNSENT_HEADLINE } from '../../outlook-addin/logic/drift';
import { forFile, pressWhenAvailable, startOutlookStack } from './support/harness';
import { loadPlayground } from './support/playground';

const DIAL_IN = ['+44 20 7946 0000', '+1 555 0100 200'];
const UP_TO_DATE = 'The block in the invite is up to date.';

const o = forFile(() => startOutlookStack());
// The node's dial-in numbers, as the invite's phone lines need them.
beforeAll(() => {
  const policy = JSON.parse(o.policyText) as { nodes: Array<{ dialIn?: string[] }> };
  policy.nodes[0]!.dialIn = DIAL_IN;
  o.addin.setPolicyText(JSON.stringify(policy));
});

async function openPlayground(): Promise<{ page: Page; pane: Frame }> {
  const page = await o.browser.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  const pane = await loadPlayground(page, o.addin.playgroundUrl);
  expect(errors).toEqual([]);
  return { page, pane };
}

const bodyText = (page: Page) => page.$eval('#body-text', (el) => el.textContent ?? '');
const aliasIn = (text: string) => /\/m\/([a-z0-9]{20})(?![a-z0-9])/.exec(text)?.[1] as string;
const waitForState = (pane: Frame, state: string, timeout = 15_000) => pane.waitForSelector(`#pane-state[data-state="${state}"]`, { timeout });
/** Back in the task pane (a click moves focus into its frame, which makes the pane read the item again). */
const backToPane = (pane: Frame) => pane.click('h1');
/**
 * Every status the pane shows: the live regions' texts (there must be none outside the top), and
 * the top's headline and confirmation.
 */
const statuses = (pane: Frame) =>
  pane.evaluate(() => ({
    outside: [...document.querySelectorAll('[role="status"], [role="alert"]')].filter((el) => !el.closest('#pane-state')).map((el) => el.textContent ?? ''),
    state: document.getElementById('pane-state')?.getAttribute('data-state') ?? null,
    headline: document.getElementById('block-status')?.textContent ?? '',
    message: document.getElementById('message')?.textContent ?? null,
  }));
/** The alias in the body once the pane has registered it (the service minted it), with the pane idle. */
async function settledAlias(page: Page, pane: Frame): Promise<string> {
  await pane.waitForSelector('main[aria-busy="false"] #provisioning[data-state="ok"]', { timeout: 15_000 });
  return aliasIn(await bodyText(page));
}

/** Clicks Send; the Smart Alert's message and whether it offers "Send anyway" (then "Don't send" is pressed), or null when the meeting was sent. */
async function send(page: Page): Promise<{ message: string; canSendAnyway: boolean } | null> {
  await page.click('#send');
  await page.waitForFunction(() => (document.getElementById('smart-alert') as HTMLDialogElement).open || document.getElementById('host-status')?.textContent === 'Meeting sent.', { timeout: 15_000 });
  if (!(await page.$eval('#smart-alert', (d) => (d as HTMLDialogElement).open))) return null;
  const message = await page.$eval('#smart-alert-message', (el) => el.textContent ?? '');
  const canSendAnyway = await page.$eval('#smart-alert-send-anyway', (el) => !(el as HTMLElement).hidden);
  await page.click('#smart-alert-dont-send');
  return { message, canSendAnyway };
}

async function addAttendee(page: Page, name: string, email: string): Promise<void> {
  await page.type('#attendee-name', name);
  await page.type('#attendee-email', email);
  await page.click('#add-attendee');
}

describe("the organizer's flow (issue 22)", () => {
  it('one status at a time: switch mode, edit the subject, move the time, Send; Remove block leaves no activation time or guess risk', async () => {
    const { page, pane } = await openPlayground();
    await waitForState(pane, 'current');
    const first = await settledAlias(page, pane);

    // Arrow keys move the choice without making codes; leaving the group makes them once.
    await pane.focus('#mode-per-invitee');
    await page.keyboard.press('ArrowUp'); // shared
    await page.keyboard.press('ArrowUp'); // none
    await page.keyboard.press('ArrowDown'); // shared
    expect(await pane.$eval('#mode-shared', (el) => (el as HTMLInputElement).checked)).toBe(true);
    expect(aliasIn(await bodyText(page))).toBe(first);
    await page.keyboard.press('Tab');
    await page.waitForFunction(() => /Passcode: [0-9]{6,}/.test(document.getElementById('body-text')?.textContent ?? ''), { timeout: 15_000 });
    const shared = await settledAlias(page, pane);
    expect(shared).not.toBe(first);
    expect(await statuses(pane)).toEqual({ outside: [], state: 'current', headline: UP_TO_DATE, message: 'New codes generated and the invite updated.' });
    // Made once, for the choice that stayed: the first codes were withdrawn, only these are registered.
    expect((await o.service.storedRoom(first)).status).toBe(404);
    expect((await o.service.storedRoom(shared)).status).toBe(200);

    // A new subject: the block names another meeting; the confirmation is history.
    await page.type('#subject', 'Budget review');
    await backToPane(pane);
    await waitForState(pane, 'stale');
    const stale = await statuses(pane);
    expect(stale).toMatchObject({ outside: [], headline: 'The block in the invite is out of date:', message: null });

    // The meeting moves: the pane rewrites the block (new time and subject) and registers it.
    await page.$eval('#start', (el) => {
      const input = el as HTMLInputElement;
      input.value = `${input.value.slice(0, 10)}T14:00`;
      input.dispatchEvent(new Event('change'));
    });
    await page.waitForFunction(() => /works from [^(]*\b(1:45 PM|13:45)/.test(document.getElementById('body-text')?.textContent ?? ''), { timeout: 15_000 });
    await waitForState(pane, 'current');
    expect(await statuses(pane)).toEqual({ outside: [], state: 'current', headline: UP_TO_DATE, message: null });

    // Send: one status, still the true one.
    expect(await send(page)).toBeNull();
    await backToPane(pane);
    await waitForState(pane, 'current');
    expect(await statuses(pane)).toEqual({ outside: [], state: 'current', headline: UP_TO_DATE, message: null });

    // Remove block: "No SecureJoin block" and nothing beside it that only a block has.
    await pressWhenAvailable(pane, '#remove');
    await pane.click('#confirm-remove-yes');
    await waitForState(pane, 'absent');
    expect(await pane.$('#activation')).toBeNull();
    expect(await pane.$('#risk')).toBeNull();
    await page.close();
  });

  it('Regenerate on a sent meeting asks; Cancel changes nothing; confirming changes the codes once and the pane says the update must be sent', async () => {
    const { page, pane } = await openPlayground();
    await pane.click('#mode-shared');
    await page.waitForFunction(() => /Passcode: [0-9]{6,}/.test(document.getElementById('body-text')?.textContent ?? ''), { timeout: 15_000 });
    const before = await settledAlias(page, pane);
    expect(await send(page)).toBeNull();
    await backToPane(pane);
    const sentBody = await bodyText(page);
    const stored = await o.service.storedRoom(before);
    expect(stored.status).toBe(200);

    await pane.click('#generate');
    await pane.waitForSelector('#confirm-regenerate');
    expect(await pane.$eval('#confirm-regenerate', (el) => el.textContent ?? '')).toMatch(/Everyone who has the invite will need the new one/);
    // Cancel: focus back on Regenerate, nothing changed in the body or on the service.
    await page.keyboard.press('Escape');
    await pane.waitForFunction(() => !document.getElementById('confirm-regenerate') && document.activeElement?.id === 'generate', { timeout: 5_000 });
    expect(await bodyText(page)).toBe(sentBody);
    expect(await o.service.storedRoom(before)).toEqual(stored);

    // A mode change on the sent meeting asks too; Cancel puts the choice back.
    await pane.click('#mode-none');
    await pane.waitForSelector('#confirm-regenerate');
    await pane.click('#confirm-regenerate-no');
    await pane.waitForFunction(() => (document.getElementById('mode-shared') as HTMLInputElement).checked, { timeout: 5_000 });
    expect(await bodyText(page)).toBe(sentBody);

    // Confirm: new codes once, and the top says the update must be sent until Send.
    await pane.click('#generate');
    await pane.click('#confirm-regenerate-yes');
    await waitForState(pane, 'unsent');
    const after = await settledAlias(page, pane);
    expect(after).not.toBe(before);
    expect((await statuses(pane)).headline).toBe(UNSENT_HEADLINE);
    expect((await o.service.storedRoom(before)).status).toBe(404);
    expect((await o.service.storedRoom(after)).status).toBe(200);
    expect(await send(page)).toBeNull();
    await backToPane(pane);
    await waitForState(pane, 'current');
    expect(aliasIn(await bodyText(page))).toBe(after);
    await page.close();
  });

  it('per invitee: "Send personal messages" sends each invitee only their own link, passcode and phone steps; a fourth invitee added later makes Send warn', async () => {
    const { page, pane } = await openPlayground();
    await page.type('#subject', 'Design review');
    const people = [
      ['Ana Lima', 'ana@example.com'],
      ['Bo Berg', 'bo@example.com'],
      ['Chen Wu', 'chen@example.com'],
    ] as const;
    for (const [name, email] of people) await addAttendee(page, name, email);
    await pane.waitForFunction(() => document.querySelectorAll('#roster li .dial-alias').length === 3, { timeout: 15_000 });
    await settledAlias(page, pane);
    await waitForState(pane, 'current');
    const roster = await pane.$$eval('#roster li', (els) =>
      els.map((li) => ({ email: li.getAttribute('data-email') ?? '', passcode: li.querySelector('.passcode')?.textContent ?? '', dialAlias: li.querySelector('.dial-alias')?.textContent ?? '' })),
    );
    const before = o.addin.graph.sent.length;

    await pane.click('#send-personal');
    await pane.waitForFunction(() => document.querySelectorAll('#roster li[data-delivery="delivered"]').length === 3, { timeout: 15_000 });
    await pane.waitForFunction(() => document.getElementById('message')?.textContent === '3 personal messages sent.', { timeout: 10_000 });
    const sent = o.addin.graph.sent.slice(before);
    expect(sent.map((m) => m.to.map((t) => t.address)).sort()).toEqual([['ana@example.com'], ['bo@example.com'], ['chen@example.com']]);
    for (const mail of sent) {
      const mine = roster.find((r) => r.email === mail.to[0]?.address) as (typeof roster)[number];
      expect(mail).toMatchObject({ from: 'olga@example.com', contentType: 'Text', saveToSentItems: true });
      expect(mail.subject).toBe('Your personal link and passcode for "Design review"');
      expect(mail.content).toContain(`is ${mine.passcode}.`);
      expect(mail.content).toContain(`By phone: call ${DIAL_IN[0]}, enter conference ID ${mine.dialAlias} followed by #, then your passcode ${mine.passcode} followed by #.`);
      expect(mail.content).toMatch(/Personal join link: https:\/\/\S+\/m\/[a-z0-9]+#sj=/);
      for (const other of roster.filter((r) => r !== mine)) {
        expect(mail.content).not.toContain(other.passcode);
        expect(mail.content).not.toContain(other.dialAlias);
      }
    }
    // Kept with the item (sessionData, which a reopened pane reads), one entry per invitee.
    const kept = await page.evaluate(() => (window as unknown as { securejoinPlayground: { sessionData: Map<string, string> } }).securejoinPlayground.sessionData.get('securejoin.delivered') ?? '');
    expect((JSON.parse(kept) as { invitees: Array<{ email: string }> }).invitees.map((d) => d.email).sort()).toEqual(['ana@example.com', 'bo@example.com', 'chen@example.com']);

    // A fourth invitee: no message yet, and Send warns (the organizer may still send).
    await addAttendee(page, 'Dara Quinn', 'dara@example.com');
    await pane.waitForFunction(() => document.querySelector('#roster li[data-email="dara@example.com"]')?.getAttribute('data-delivery') === 'pending', { timeout: 15_000 });
    const alert = await send(page);
    expect(alert?.message).toMatch(/^SecureJoin: Dara Quinn has no personal message with their link and passcode yet.* press "Send personal messages", then send again\.$/);
    expect(alert?.canSendAnyway).toBe(true);
    expect(o.addin.graph.sent.length).toBe(before + 3);
    await page.close();
  });
});
