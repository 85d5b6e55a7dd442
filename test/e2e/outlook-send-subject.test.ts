/**
 * Issue 13, in real Chromium: the block goes in when a new meeting opens (no subject yet), the
 * organizer types the subject and presses Send. The real event runtime's send check writes the
 * subject into the block's "Meeting:" line before the meeting goes (the sent invite names it,
 * and so does the real meeting service); a new subject together with a hand-edited access code
 * is refused with the code's message, and nothing is rewritten.
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
import { createLocalIssuer, policyWithLocalService, startLocalMeetingStack } from '../../scripts/localMeetingService';
import type { LocalMeetingStack } from '../../scripts/localMeetingService';
import { launchChromium } from './support/chromium';
import { meetingServiceClient } from './support/meetingServiceClient';
import { loadPlayground } from './support/playground';

const SUBJECT = 'Budget & <b>plans</b>';

let certDir: string;
let node: ConferenceNode;
let server: AddinServer;
let meetings: LocalMeetingStack;
let browser: Browser;
let service: ReturnType<typeof meetingServiceClient>;

beforeAll(async () => {
  certDir = mkdtempSync(join(tmpdir(), 'securejoin-e2e-cert-'));
  const tls = ensureDevCertificate(certDir);
  const issuer = await createLocalIssuer();
  [server, browser] = await Promise.all([startAddinServer({ https: tls, devIssuer: issuer }), launchChromium({ args: ['--ignore-certificate-errors'] })]);
  meetings = await startLocalMeetingStack({ issuer, addinUrl: server.url, dataDir: null, port: 0, tls });
  node = await startConferenceNode({ tls, policy: { url: meetings.service.url, ...meetings.policy, ca: tls.cert } });
  service = meetingServiceClient(meetings, issuer, tls.cert);
  server.setPolicyText(policyWithLocalService(readFileSync('examples/policy.json', 'utf8'), node.url, meetings.servicePolicy));
}, 60_000);
afterAll(async () => {
  await browser?.close();
  await server?.close();
  await meetings?.close();
  await node?.close();
  if (certDir) rmSync(certDir, { recursive: true, force: true });
});

/**
 * The playground with the task pane open, once the pane has registered the block put in on open:
 * the block then shows the aliases the meeting service minted (in place of the placeholders).
 */
async function openPlayground(): Promise<{ page: Page; pane: Frame }> {
  const page = await browser.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  const pane = await loadPlayground(page, server.playgroundUrl);
  await pane.waitForSelector('#provisioning[data-state="ok"]', { timeout: 10_000 });
  expect(errors).toEqual([]);
  return { page, pane };
}

const bodyText = (page: Page) => page.$eval('#body-text', (el) => el.textContent ?? '');
const waitForText = (frame: Frame | Page, selector: string, re: RegExp) =>
  frame.waitForFunction((sel: string, source: string) => new RegExp(source).test(document.querySelector(sel)?.textContent ?? ''), { timeout: 10_000 }, selector, re.source);
const aliasIn = (text: string) => /\/m\/([a-z0-9]{20})(?![a-z0-9])/.exec(text)?.[1] as string;
const blockCount = (text: string) => text.split('-- SecureJoin secure access --').length - 1;

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

/** The organizer edits the body's HTML by hand (the playground's body editor). */
async function editBody(page: Page, edit: (html: string) => string): Promise<void> {
  if (!(await page.$eval('#compose details', (d) => (d as HTMLDetailsElement).open))) await page.click('#compose details > summary');
  const html = await page.evaluate(() => (window as unknown as { securejoinPlayground: { readItem(): { bodyHtml: string } } }).securejoinPlayground.readItem().bodyHtml);
  const edited = edit(html);
  expect(edited).not.toBe(html);
  await page.$eval('#body-html', (el, v) => void ((el as HTMLTextAreaElement).value = v as string), edited);
  await page.click('#apply-body');
}

describe('Send and a subject typed after the block went in', () => {
  it('the send check writes the subject into the block before the meeting goes, and the meeting service holds it', async () => {
    const { page } = await openPlayground();
    // The admin requires an access code: the block went in when the meeting opened, before any subject.
    const opened = await bodyText(page);
    expect(blockCount(opened)).toBe(1);
    expect(opened).not.toContain('Meeting:');
    const code = /Access code: ([0-9]+)/.exec(opened)?.[1] as string;

    await page.type('#subject', SUBJECT);
    expect(await send(page)).toBeNull();
    const sent = await page.$eval('#sent-body', (el) => el.textContent ?? '');
    expect(sent).toContain(`Meeting: ${SUBJECT}`);
    expect(blockCount(sent)).toBe(1);
    expect(sent).toContain(`Access code: ${code}`);
    expect(await bodyText(page)).toContain(`Meeting: ${SUBJECT}`);
    // The subject stays text in the invite.
    expect(await page.evaluate(() => (document.getElementById('body-view') as HTMLIFrameElement).contentDocument?.querySelector('b') ?? null)).toBeNull();
    const stored = await service.storedMeeting(aliasIn(sent));
    expect(stored.status).toBe(200);
    expect(stored.body.subject).toBe(SUBJECT);
    expect(stored.body.room.sent).toBe(true);
    // The invite carries the aliases the service minted.
    expect(stored.body.room.accessCode.code).toBe(code);
    await page.close();
  });

  it('a new subject together with a changed access-code digit is refused with the code\'s message, and nothing is rewritten', async () => {
    const { page } = await openPlayground();
    const code = /Access code: ([0-9]+)/.exec(await bodyText(page))?.[1] as string;
    const changed = `${code.slice(0, -1)}${code.endsWith('1') ? '2' : '1'}`;
    await editBody(page, (html) => html.replace(code, changed));
    await page.type('#subject', 'Budget');

    const message = await send(page);
    expect(message).toBe('SecureJoin: The access code in the invite differs from the one set for this meeting. Open SecureJoin and press "Update block", then send again.');
    const body = await bodyText(page);
    expect(body).toContain(`Access code: ${changed}`);
    expect(body).not.toContain('Meeting:');
    await page.close();
  });
});
