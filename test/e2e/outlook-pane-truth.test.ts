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
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Frame, Page } from 'puppeteer-core';
import { startConferenceNode } from '../../dev/conference-node/server';
import type { ConferenceNode } from '../../dev/conference-node/server';
import { ensureDevCertificate } from '../../dev/devcert';
import { startAddinServer } from '../../dev/addin-server/server';
import type { AddinServer } from '../../dev/addin-server/server';
import { createLocalIssuer, localServicePolicy, policyWithLocalService, startLocalMeetingStack } from '../../scripts/localMeetingService';
import type { LocalMeetingStack } from '../../scripts/localMeetingService';
import { axeViolations, describeViolations } from './support/axe';
import { launchChromium } from './support/chromium';
import { meetingServiceClient } from './support/meetingServiceClient';
import { loadPlayground } from './support/playground';

const MINUTE = 60_000;
const NO_EVENTS = /does not tell SecureJoin when the meeting changes and has no send check/;

let certDir: string;
let node: ConferenceNode;
let server: AddinServer;
let meetings: LocalMeetingStack;
let browser: Browser;
let POLICY: string;
let service: ReturnType<typeof meetingServiceClient>;
const EXAMPLE = readFileSync('examples/policy.json', 'utf8');

beforeAll(async () => {
  certDir = mkdtempSync(join(tmpdir(), 'securejoin-e2e-cert-'));
  const tls = ensureDevCertificate(certDir);
  const issuer = await createLocalIssuer();
  [server, browser] = await Promise.all([startAddinServer({ https: tls, devIssuer: issuer }), launchChromium({ args: ['--ignore-certificate-errors'] })]);
  meetings = await startLocalMeetingStack({ issuer, addinUrl: server.url, dataDir: null, port: 0, tls });
  node = await startConferenceNode({ tls, policy: { url: meetings.service.url, ...meetings.policy, ca: tls.cert } });
  service = meetingServiceClient(meetings, issuer, tls.cert);
  POLICY = policyWithLocalService(EXAMPLE, node.url, meetings.servicePolicy);
  server.setPolicyText(POLICY);
}, 60_000);
afterAll(async () => {
  await browser?.close();
  await server?.close();
  await meetings?.close();
  await node?.close();
  if (certDir) rmSync(certDir, { recursive: true, force: true });
});

async function openPlayground(query = ''): Promise<{ page: Page; pane: Frame }> {
  const page = await browser.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  const pane = await loadPlayground(page, `${server.playgroundUrl}${query}`);
  expect(errors).toEqual([]);
  return { page, pane };
}

const bodyText = (page: Page) => page.$eval('#body-text', (el) => el.textContent ?? '');
const waitForBody = (page: Page, re: RegExp, timeout = 10_000) =>
  page.waitForFunction((source: string) => new RegExp(source).test(document.getElementById('body-text')?.textContent ?? ''), { timeout }, re.source);
const waitForText = (frame: Frame | Page, selector: string, re: RegExp) =>
  frame.waitForFunction((sel: string, source: string) => new RegExp(source).test(document.querySelector(sel)?.textContent ?? ''), { timeout: 10_000 }, selector, re.source);
/** The pane's state at its top: data-state, headline, differences, the button's label, the live region's role. */
const top = (pane: Frame) =>
  pane.$eval('#pane-state', (el) => ({
    state: el.getAttribute('data-state'),
    headline: el.querySelector('#block-status')?.textContent ?? '',
    drifts: [...el.querySelectorAll('#block-problems li')].map((li) => li.textContent ?? ''),
    button: el.querySelector('#fix')?.textContent ?? null,
    role: el.querySelector('#block-status')?.parentElement?.getAttribute('role') ?? null,
  }));
const waitForState = (pane: Frame, state: string, timeout = 10_000) => pane.waitForSelector(`#pane-state[data-state="${state}"]`, { timeout });
/** The organizer edits the body's HTML by hand (the playground's body editor). */
async function editBody(page: Page, edit: (html: string) => string): Promise<void> {
  if (!(await page.$eval('#compose details', (d) => (d as HTMLDetailsElement).open))) await page.click('#compose details > summary');
  const html = await page.evaluate(() => (window as unknown as { securejoinPlayground: { readItem(): { bodyHtml: string } } }).securejoinPlayground.readItem().bodyHtml);
  const edited = edit(html);
  expect(edited).not.toBe(html);
  await page.$eval('#body-html', (el, v) => void ((el as HTMLTextAreaElement).value = v as string), edited);
  await page.click('#apply-body');
}
/** Back in the task pane (a click moves focus into its frame, as the organizer's would). */
const backToPane = (pane: Frame) => pane.click('h1');
const itemTimes = (page: Page) =>
  page.evaluate(() => {
    const item = (window as unknown as { securejoinPlayground: { readItem(): { start: number; end: number } } }).securejoinPlayground.readItem();
    return { start: item.start, end: item.end };
  });
const aliasIn = (text: string) => /\/m\/([a-z0-9]{20})(?![a-z0-9])/.exec(text)?.[1] as string;
/** The HTML paragraph of the block that holds `label` ("Access code:"), as Outlook rewrote it. */
const paragraphWith = (html: string, label: string) => new RegExp(`<p[^>]*>(?:(?!</p>).)*${label}(?:(?!</p>).)*</p>`, 's');

/** Clicks Send and returns the Smart Alert's message, or null when the meeting was sent. */
async function send(page: Page): Promise<string | null> {
  await page.click('#send');
  await page.waitForFunction(() => (document.getElementById('smart-alert') as HTMLDialogElement).open || document.getElementById('host-status')?.textContent === 'Meeting sent.', { timeout: 10_000 });
  if (!(await page.$eval('#smart-alert', (d) => (d as HTMLDialogElement).open))) return null;
  const message = await page.$eval('#smart-alert-message', (el) => el.textContent ?? '');
  await page.click('#smart-alert-dont-send');
  await waitForText(page, '#host-status', /^Not sent\.$/);
  return message;
}

describe('the task pane tells the truth', () => {
  it('a join link whose real URL sits only in a title or data-href beside another href: out of date in the pane (the browser\'s own parser) and refused at Send (issue 24)', async () => {
    const { page, pane } = await openPlayground();
    await page.type('#subject', 'Tamper');
    await pane.click('#insert');
    await waitForText(pane, '#message', /block was (inserted|updated)/);
    await waitForState(pane, 'current');
    for (const trick of [(url: string) => `title='href="${url}"' href="https://evil.example/steal"`, (url: string) => `data-href="${url}" href="https://evil.example/steal"`]) {
      await editBody(page, (html) => {
        const url = /href="(https?:\/\/[^"]+\/m\/[a-z0-9]+)"/.exec(html)?.[1] as string;
        return html.replace(`href="${url}"`, trick(url));
      });
      await backToPane(pane);
      await waitForState(pane, 'stale');
      expect(await top(pane)).toMatchObject({ headline: 'The block in the invite is out of date:', button: 'Update block' });
      expect((await top(pane)).drifts.join(' ')).toMatch(/leads to another address than the one it shows/);
      expect(await send(page)).toMatch(/leads to another address than the one it shows/);
      await pane.click('#fix');
      await waitForState(pane, 'current');
    }
    await page.close();
  });


  it('Mailbox 1.5: says once that it cannot follow changes, and while open keeps the block and the meeting service right when the meeting moves', async () => {
    const { page, pane } = await openPlayground('?mailbox=1.5');
    await waitForText(pane, '#no-events', NO_EVENTS);
    expect(describeViolations(await axeViolations(pane))).toEqual([]);
    await pane.click('#insert');
    await waitForText(pane, '#message', /block was inserted/);
    await waitForState(pane, 'current');
    const alias = aliasIn(await bodyText(page));
    const opened = await itemTimes(page);
    await expect.poll(async () => (await service.storedRoom(alias)).body?.window?.opensAt, { timeout: 10_000 }).toBe(opened.start - 15 * MINUTE);

    // Move the meeting to 14:00: Outlook 1.5 raises no event; the pane's poll sees it.
    await page.$eval('#start', (el) => {
      const input = el as HTMLInputElement;
      input.value = `${input.value.slice(0, 10)}T14:00`;
      input.dispatchEvent(new Event('change'));
    });
    const moved = await itemTimes(page);
    expect(moved.start - opened.start).toBe(4 * 60 * MINUTE);
    await waitForBody(page, /works from [^(]*\b(1:45 PM|13:45)/, 15_000);
    await expect.poll(async () => (await service.storedRoom(alias)).body?.window?.opensAt, { timeout: 15_000 }).toBe(moved.start - 15 * MINUTE);
    await waitForState(pane, 'current');
    expect((await top(pane)).headline).toBe('The block in the invite is up to date.');
    expect(await pane.$eval('#activation', (el) => el.textContent)).toMatch(/1:45 PM|13:45/);
    // Said plainly, once.
    expect((await pane.$eval('body', (el) => el.textContent ?? '')).match(new RegExp(NO_EVENTS.source, 'g'))).toHaveLength(1);

    // An attendee added: the pane gives them a passcode and registers it, as the event would.
    await page.type('#attendee-name', 'Ana');
    await page.type('#attendee-email', 'ana@example.com');
    await page.click('#add-attendee');
    await pane.waitForFunction(() => document.querySelectorAll('#roster li').length === 1, { timeout: 15_000 });
    await expect.poll(async () => ((await service.storedRoom(alias)).body?.invitees ?? []).map((i: { email: string }) => i.email), { timeout: 15_000 }).toEqual(['ana@example.com']);
    await waitForState(pane, 'current');
    await page.close();
  });

  it('Mailbox 1.5: a hand edit to the block is shown, not overwritten when the poll sees the meeting move; "Update block" fixes both', async () => {
    const { page, pane } = await openPlayground('?mailbox=1.5');
    await pane.click('#insert');
    await waitForState(pane, 'current');
    const code = /Access code: ([0-9]+)/.exec(await bodyText(page))?.[1] as string;
    const changed = `${code.slice(0, -1)}${code.endsWith('1') ? '2' : '1'}`;
    await editBody(page, (html) => html.replace(code, changed));
    await waitForState(pane, 'stale', 15_000);
    expect((await top(pane)).drifts).toContain(`The access code in the invite was changed: it reads ${changed}, but this meeting's code is ${code}.`);
    // The meeting moves meanwhile: the poll sees it, but the organizer's edit stays (shown) until they press the button.
    await page.$eval('#start', (el) => {
      const input = el as HTMLInputElement;
      input.value = `${input.value.slice(0, 10)}T14:00`;
      input.dispatchEvent(new Event('change'));
    });
    await pane.waitForFunction(() => [...document.querySelectorAll('#block-problems li')].some((li) => /meeting time changed/.test(li.textContent ?? '')), { timeout: 15_000 });
    expect(await bodyText(page)).toContain(`Access code: ${changed}`);
    expect(await top(pane)).toMatchObject({ state: 'stale', button: 'Update block', role: 'alert' });
    await pane.click('#fix');
    await waitForState(pane, 'current');
    expect(await bodyText(page)).toContain(`Access code: ${code}`);
    expect(await bodyText(page)).toMatch(/works from [^(]*\b(1:45 PM|13:45)/);
    const moved = await itemTimes(page);
    await expect.poll(async () => (await service.storedRoom(aliasIn(await bodyText(page)))).body?.window?.opensAt, { timeout: 10_000 }).toBe(moved.start - 15 * MINUTE);
    await page.close();
  });

  it('hand edits (access-code line deleted, a digit changed, the block deleted, a new subject) are the pane\'s state at the top, and its one button fixes each', async () => {
    const { page, pane } = await openPlayground();
    await page.type('#subject', 'Budget');
    await pane.click('#insert');
    await waitForText(pane, '#message', /block was (inserted|updated)/);
    await waitForState(pane, 'current');
    expect(await top(pane)).toEqual({ state: 'current', headline: 'The block in the invite is up to date.', drifts: [], button: null, role: 'status' });
    const code = /Access code: ([0-9]+)/.exec(await bodyText(page))?.[1] as string;

    // The access-code line deleted.
    await editBody(page, (html) => html.replace(paragraphWith(html, 'Access code:'), ''));
    expect(await bodyText(page)).not.toContain('Access code:');
    await backToPane(pane);
    await waitForState(pane, 'stale');
    expect(await top(pane)).toMatchObject({ headline: 'The block in the invite is out of date:', button: 'Update block', role: 'alert' });
    expect((await top(pane)).drifts).toContain('The access code line was deleted from the invite.');
    expect(describeViolations(await axeViolations(pane))).toEqual([]);
    await pane.click('#fix');
    await waitForState(pane, 'current');
    expect(await bodyText(page)).toContain(`Access code: ${code}`);

    // A digit changed.
    const changed = `${code.slice(0, -1)}${code.endsWith('1') ? '2' : '1'}`;
    await editBody(page, (html) => html.replace(code, changed));
    await backToPane(pane);
    await waitForState(pane, 'stale');
    expect((await top(pane)).drifts).toContain(`The access code in the invite was changed: it reads ${changed}, but this meeting's code is ${code}.`);
    expect((await top(pane)).button).toBe('Update block');
    await pane.click('#fix');
    await waitForState(pane, 'current');
    expect(await bodyText(page)).toContain(`Access code: ${code}`);

    // The whole block deleted.
    await editBody(page, (html) => html.replace(/<p[^>]*>(?:(?!<\/p>).)*-- SecureJoin secure access --[\s\S]*-- End of SecureJoin secure access --(?:(?!<\/p>).)*<\/p>/, ''));
    expect(await bodyText(page)).not.toContain('SecureJoin');
    await backToPane(pane);
    await waitForState(pane, 'stale');
    expect(await top(pane)).toMatchObject({ button: 'Insert block', role: 'alert' });
    expect((await top(pane)).drifts).toEqual(['The SecureJoin block was deleted from the invite: attendees would get no link and no code.']);
    await pane.click('#fix');
    await waitForState(pane, 'current');
    expect(await bodyText(page)).toContain(`Access code: ${code}`);

    // The subject changed after the block was put in: the block still names the old one.
    await page.type('#subject', ' and plans');
    await backToPane(pane);
    await waitForState(pane, 'stale');
    expect((await top(pane)).drifts).toContain('The meeting\'s subject is now "Budget and plans", but the block in the invite says "Budget".');
    await pane.click('#fix');
    await waitForState(pane, 'current');
    expect(await bodyText(page)).toContain('Meeting: Budget and plans');
    await page.close();
  });

  it('a registration that failed for want of a sign-in is the pane\'s state at the top, with "Sign in to the meeting service" right there', async () => {
    const { page, pane } = await openPlayground('?signIn=refused');
    await pane.click('#insert');
    // The message comes once the action (write and registration) is done; the pane's own registration at open failed the same way before.
    await waitForText(pane, '#message', /block was (inserted|updated)/);
    await waitForState(pane, 'unregistered');
    const shown = await top(pane);
    expect(shown).toMatchObject({ headline: 'The meeting service does not hold this meeting as the invite says:', button: 'Sign in to the meeting service', role: 'alert' });
    expect(shown.drifts.join(' ')).toMatch(/did not complete \(the sign-in was declined\)/);
    expect(await pane.$eval('body', (el) => el.textContent ?? '')).not.toContain('up to date');
    // Until the service answers, the block's aliases are placeholders it never made.
    const placeholder = aliasIn(await bodyText(page));
    await page.evaluate(() => void ((window as unknown as Record<string, { options: { signIn: string } }>).securejoinPlayground!.options.signIn = 'ok'));
    await pane.click('#fix');
    await waitForState(pane, 'current');
    const alias = aliasIn(await bodyText(page));
    expect(alias).not.toBe(placeholder);
    expect((await service.storedRoom(alias)).status).toBe(200);
    await page.close();
  });

  it('a removed block whose meeting could not be taken off the service is the pane\'s state at the top, with "Remove block" to try again', async () => {
    const { page, pane } = await openPlayground();
    await pane.click('#insert');
    await waitForText(pane, '#message', /block was (inserted|updated)/);
    await waitForState(pane, 'current');
    const alias = aliasIn(await bodyText(page));
    const signIn = (value: string) => page.evaluate((v) => void ((window as unknown as Record<string, { options: { signIn: string } }>).securejoinPlayground!.options.signIn = v), value);
    await signIn('refused');
    await pane.click('#remove');
    await pane.click('#confirm-remove-yes');
    await waitForText(pane, '#message', /removed/);
    await waitForState(pane, 'unregistered');
    const shown = await top(pane);
    expect(shown).toMatchObject({ button: 'Remove block', role: 'alert' });
    expect(shown.drifts.join(' ')).toMatch(/^The meeting could not be removed from the meeting service, so its codes still open the room/);
    expect((await service.storedRoom(alias)).status).toBe(200);
    await signIn('ok');
    await pane.click('#fix');
    await waitForState(pane, 'absent');
    expect((await service.storedRoom(alias)).status).toBe(404);
    await page.close();
  });

  it('an unreachable meeting service is the pane\'s state at the top, with "Update block" to try again', async () => {
    const closed = await startConferenceNode({});
    await closed.close();
    server.setPolicyText(policyWithLocalService(EXAMPLE, node.url, localServicePolicy(closed.url, server.url)));
    try {
      const { page, pane } = await openPlayground();
      await pane.click('#insert');
      await waitForText(pane, '#message', /block was (inserted|updated)/);
      await waitForState(pane, 'unregistered');
      const shown = await top(pane);
      expect(shown).toMatchObject({ button: 'Update block', role: 'alert' });
      expect(shown.drifts.join(' ')).toMatch(/^The meeting is not registered with the meeting service: SecureJoin could not reach the meeting service/);
      expect(await pane.$eval('body', (el) => el.textContent ?? '')).not.toContain('up to date');
      await page.close();
    } finally {
      server.setPolicyText(POLICY);
    }
  });
});
