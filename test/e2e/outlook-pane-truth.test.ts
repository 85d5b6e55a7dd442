/**
 * Issue 13, "the pane always tells the truth", in real Chromium: the real task pane and event
 * runtime in the playground (fake office.js), registering with the real meeting service.
 * - Mailbox 1.5 (on-premises: no change events, no send check): the pane says once that it cannot
 *   be told about changes, and while open a moved meeting's block and registration follow anyway.
 * - Hand edits the pane hears nothing about (a deleted access-code line, a changed digit, the whole
 *   block deleted, a new subject): the top of the pane says what differs and offers the one button
 *   that fixes it; pressing it does.
 * - A registration that failed (no sign-in, service unreachable), or a removed meeting the service
 *   still has, is the pane's state at the top, never "up to date".
 */
import { describe, expect, it } from 'vitest';
import { axeViolations, describeViolations } from './support/axe';
import { aliasIn, forFile, pressWhenAvailable, startOutlookStack, waitForText } from './support/harness';

const MINUTE = 60_000;
const NO_EVENTS = /does not tell SecureJoin when the meeting changes and has no send check/;

const outlook = forFile(() => startOutlookStack());
/** The HTML paragraph of the block that holds `label` ("Access code:"), as Outlook rewrote it. */
const paragraphWith = (html: string, label: string) => new RegExp(`<p[^>]*>(?:(?!</p>).)*${label}(?:(?!</p>).)*</p>`, 's');

describe('the task pane tells the truth', () => {
  it('a join link whose real URL sits only in a title or data-href beside another href: out of date in the pane (the browser\'s own parser) and refused at Send (issue 24)', async () => {
    const p = await outlook.openPlayground();
    const { page, pane } = p;
    await page.type('#subject', 'Tamper');
    await p.insertBlock();
    await p.waitForPaneState('current');
    for (const trick of [(url: string) => `title='href="${url}"' href="https://evil.example/steal"`, (url: string) => `data-href="${url}" href="https://evil.example/steal"`]) {
      await p.editBody((html) => {
        const url = /href="(https?:\/\/[^"]+\/m\/[a-z0-9]+)"/.exec(html)?.[1] as string;
        return html.replace(`href="${url}"`, trick(url));
      });
      await p.backToPane();
      await p.waitForPaneState('stale');
      expect(await p.paneState()).toMatchObject({ headline: 'The block in the invite is out of date:', button: 'Update block' });
      expect((await p.paneState()).drifts.join(' ')).toMatch(/leads to another address than the one it shows/);
      expect(await p.send()).toMatch(/leads to another address than the one it shows/);
      await pressWhenAvailable(pane, '#fix');
      await p.waitForPaneState('current');
    }
    await page.close();
  });

  it('Mailbox 1.5: says once that it cannot follow changes, and while open keeps the block and the meeting service right when the meeting moves', async () => {
    const p = await outlook.openPlayground('?mailbox=1.5');
    const { page, pane } = p;
    await waitForText(pane, '#no-events', NO_EVENTS);
    expect(describeViolations(await axeViolations(pane))).toEqual([]);
    await pane.click('#insert');
    await waitForText(pane, '#message', /block was inserted/);
    await p.waitForPaneState('current');
    const alias = aliasIn(await p.bodyText());
    const opened = await p.itemTimes();
    await expect.poll(async () => (await outlook.service.storedRoom(alias)).body?.window?.opensAt, { timeout: 10_000 }).toBe(opened.start - 15 * MINUTE);

    // Move the meeting to 14:00: Outlook 1.5 raises no event; the pane's poll sees it.
    await page.$eval('#start', (el) => {
      const input = el as HTMLInputElement;
      input.value = `${input.value.slice(0, 10)}T14:00`;
      input.dispatchEvent(new Event('change'));
    });
    const moved = await p.itemTimes();
    expect(moved.start - opened.start).toBe(4 * 60 * MINUTE);
    await p.waitForBody(/works from [^(]*\b(1:45 PM|13:45)/, 15_000);
    await expect.poll(async () => (await outlook.service.storedRoom(alias)).body?.window?.opensAt, { timeout: 15_000 }).toBe(moved.start - 15 * MINUTE);
    await p.waitForPaneState('current');
    expect((await p.paneState()).headline).toBe('The block in the invite is up to date.');
    expect(await pane.$eval('#activation', (el) => el.textContent)).toMatch(/1:45 PM|13:45/);
    // Said plainly, once.
    expect((await pane.$eval('body', (el) => el.textContent ?? '')).match(new RegExp(NO_EVENTS.source, 'g'))).toHaveLength(1);

    // An attendee added: the pane gives them a passcode and registers it, as the event would.
    await page.type('#attendee-name', 'Ana');
    await page.type('#attendee-email', 'ana@example.com');
    await page.click('#add-attendee');
    await pane.waitForFunction(() => document.querySelectorAll('#roster li').length === 1, { timeout: 15_000 });
    await expect.poll(async () => ((await outlook.service.storedRoom(alias)).body?.invitees ?? []).map((i: { email: string }) => i.email), { timeout: 15_000 }).toEqual(['ana@example.com']);
    await p.waitForPaneState('current');
    await page.close();
  });

  it('Mailbox 1.5: a hand edit to the block is shown, not overwritten when the poll sees the meeting move; "Update block" fixes both', async () => {
    const p = await outlook.openPlayground('?mailbox=1.5');
    const { page, pane } = p;
    await pane.click('#insert');
    await p.waitForPaneState('current');
    const code = /Access code: ([0-9]+)/.exec(await p.bodyText())?.[1] as string;
    const changed = `${code.slice(0, -1)}${code.endsWith('1') ? '2' : '1'}`;
    await p.editBody((html) => html.replace(code, changed));
    await p.waitForPaneState('stale', 15_000);
    expect((await p.paneState()).drifts).toContain(`The access code in the invite was changed: it reads ${changed}, but this meeting's code is ${code}.`);
    // The meeting moves meanwhile: the poll sees it, but the organizer's edit stays (shown) until they press the button.
    await page.$eval('#start', (el) => {
      const input = el as HTMLInputElement;
      input.value = `${input.value.slice(0, 10)}T14:00`;
      input.dispatchEvent(new Event('change'));
    });
    await pane.waitForFunction(() => [...document.querySelectorAll('#block-problems li')].some((li) => /meeting time changed/.test(li.textContent ?? '')), { timeout: 15_000 });
    expect(await p.bodyText()).toContain(`Access code: ${changed}`);
    expect(await p.paneState()).toMatchObject({ state: 'stale', button: 'Update block', role: 'alert' });
    await pressWhenAvailable(pane, '#fix');
    await p.waitForPaneState('current');
    expect(await p.bodyText()).toContain(`Access code: ${code}`);
    expect(await p.bodyText()).toMatch(/works from [^(]*\b(1:45 PM|13:45)/);
    const moved = await p.itemTimes();
    await expect.poll(async () => (await outlook.service.storedRoom(aliasIn(await p.bodyText()))).body?.window?.opensAt, { timeout: 10_000 }).toBe(moved.start - 15 * MINUTE);
    await page.close();
  });

  it('hand edits (access-code line deleted, a digit changed, the block deleted, a new subject) are the pane\'s state at the top, and its one button fixes each', async () => {
    const p = await outlook.openPlayground();
    const { page, pane } = p;
    await page.type('#subject', 'Budget');
    await p.insertBlock();
    await p.waitForPaneState('current');
    expect(await p.paneState()).toEqual({ state: 'current', headline: 'The block in the invite is up to date.', drifts: [], button: null, role: 'status' });
    const code = /Access code: ([0-9]+)/.exec(await p.bodyText())?.[1] as string;

    // The access-code line deleted.
    await p.editBody((html) => html.replace(paragraphWith(html, 'Access code:'), ''));
    expect(await p.bodyText()).not.toContain('Access code:');
    await p.backToPane();
    await p.waitForPaneState('stale');
    expect(await p.paneState()).toMatchObject({ headline: 'The block in the invite is out of date:', button: 'Update block', role: 'alert' });
    expect((await p.paneState()).drifts).toContain('The access code line was deleted from the invite.');
    expect(describeViolations(await axeViolations(pane))).toEqual([]);
    await pressWhenAvailable(pane, '#fix');
    await p.waitForPaneState('current');
    expect(await p.bodyText()).toContain(`Access code: ${code}`);

    // A digit changed.
    const changed = `${code.slice(0, -1)}${code.endsWith('1') ? '2' : '1'}`;
    await p.editBody((html) => html.replace(code, changed));
    await p.backToPane();
    await p.waitForPaneState('stale');
    expect((await p.paneState()).drifts).toContain(`The access code in the invite was changed: it reads ${changed}, but this meeting's code is ${code}.`);
    expect((await p.paneState()).button).toBe('Update block');
    await pressWhenAvailable(pane, '#fix');
    await p.waitForPaneState('current');
    expect(await p.bodyText()).toContain(`Access code: ${code}`);

    // The whole block deleted.
    await p.editBody((html) => html.replace(/<p[^>]*>(?:(?!<\/p>).)*-- SecureJoin secure access --[\s\S]*-- End of SecureJoin secure access --(?:(?!<\/p>).)*<\/p>/, ''));
    expect(await p.bodyText()).not.toContain('SecureJoin');
    await p.backToPane();
    await p.waitForPaneState('stale');
    expect(await p.paneState()).toMatchObject({ button: 'Insert block', role: 'alert' });
    expect((await p.paneState()).drifts).toEqual(['The SecureJoin block was deleted from the invite: attendees would get no link and no code.']);
    await pressWhenAvailable(pane, '#fix');
    await p.waitForPaneState('current');
    expect(await p.bodyText()).toContain(`Access code: ${code}`);

    // The subject changed after the block was put in: the block still names the old one.
    await page.type('#subject', ' and plans');
    await p.backToPane();
    await p.waitForPaneState('stale');
    expect((await p.paneState()).drifts).toContain('The meeting\'s subject is now "Budget and plans", but the block in the invite says "Budget".');
    await pressWhenAvailable(pane, '#fix');
    await p.waitForPaneState('current');
    expect(await p.bodyText()).toContain('Meeting: Budget and plans');
    await page.close();
  });

  it('a registration that failed for want of a sign-in is the pane\'s state at the top, with "Sign in to the meeting service" right there', async () => {
    const p = await outlook.openPlayground('?signIn=refused');
    const { page, pane } = p;
    await pane.click('#insert');
    // The message comes once the action (write and registration) is done; the pane's own registration at open failed the same way before.
    await waitForText(pane, '#message', /block was (inserted|updated)/);
    await p.waitForPaneState('unregistered');
    const shown = await p.paneState();
    expect(shown).toMatchObject({ headline: 'The meeting service does not hold this meeting as the invite says:', button: 'Sign in to the meeting service', role: 'alert' });
    expect(shown.drifts.join(' ')).toMatch(/did not complete \(the sign-in was declined\)/);
    expect(await pane.$eval('body', (el) => el.textContent ?? '')).not.toContain('up to date');
    // Until the service answers, the block's aliases are placeholders it never made.
    const placeholder = aliasIn(await p.bodyText());
    await p.setSignIn('ok');
    await pressWhenAvailable(pane, '#fix');
    await p.waitForPaneState('current');
    const alias = aliasIn(await p.bodyText());
    expect(alias).not.toBe(placeholder);
    expect((await outlook.service.storedRoom(alias)).status).toBe(200);
    await page.close();
  });

  it('a removed block whose meeting could not be taken off the service is the pane\'s state at the top, with "Remove block" to try again', async () => {
    const p = await outlook.openPlayground();
    const { page, pane } = p;
    await p.insertBlock();
    await p.waitForPaneState('current');
    const alias = aliasIn(await p.bodyText());
    await p.setSignIn('refused');
    await pressWhenAvailable(pane, '#remove');
    await pane.click('#confirm-remove-yes');
    await waitForText(pane, '#message', /removed/);
    await p.waitForPaneState('unregistered');
    const shown = await p.paneState();
    expect(shown).toMatchObject({ button: 'Remove block', role: 'alert' });
    expect(shown.drifts.join(' ')).toMatch(/^The meeting could not be removed from the meeting service, so its codes still open the room/);
    expect((await outlook.service.storedRoom(alias)).status).toBe(200);
    await p.setSignIn('ok');
    await pressWhenAvailable(pane, '#fix');
    await p.waitForPaneState('absent');
    expect((await outlook.service.storedRoom(alias)).status).toBe(404);
    await page.close();
  });

  it('an unreachable meeting service is the pane\'s state at the top, with "Update block" to try again', async () => {
    await outlook.withPolicyText(await outlook.unreachableServicePolicy(), async () => {
      const p = await outlook.openPlayground();
      const { pane } = p;
      await p.insertBlock();
      await p.waitForPaneState('unregistered');
      const shown = await p.paneState();
      expect(shown).toMatchObject({ button: 'Update block', role: 'alert' });
      expect(shown.drifts.join(' ')).toMatch(/^The meeting is not registered with the meeting service: SecureJoin could not reach the meeting service/);
      expect(await pane.$eval('body', (el) => el.textContent ?? '')).not.toContain('up to date');
      await p.close();
    });
  });
});
