/**
 * The Outlook add-in in the playground, in real Chromium: the real task pane and event runtime
 * against the playground's fake office.js, registering meetings with the real meeting service,
 * which a real reference node over HTTPS asks as Infinity asks its policy server. Compose, insert, move the
 * meeting (time and day), add an attendee in unique mode, Smart Alerts on a stale or missing
 * block, the service holding exactly the codes of the invite, a missing sign-in and an unreachable
 * service shown and the send refused, an invalid policy, markup in names and subjects staying
 * text, and the block's "Save in SecureJoin" capture link (shared-passcode mode) checked at send.
 *
 * Set-up (what `npm start` does too): the node, the add-in server and the meeting service serve
 * HTTPS with the development certificate; the playground's organizer gets tokens from the local
 * issuer on the add-in server, the service validates them against that issuer's keys; the node
 * asks the service's policy API with the credentials made for this run. Chromium accepts the
 * self-signed certificate.
 */
import { describe, expect, it } from 'vitest';
import type { Frame, Page } from 'puppeteer-core';
import { parseInvite } from '../../core/invite';
import { buildCaptureLink, parseCaptureLink } from '../../core/links';
import { aliasIn, blockCount, forFile, pressWhenAvailable, startOutlookStack, waitForText } from './support/harness';

const SUBJECT = '<img src=x onerror="window.pwned=1">Budget & plans';
const NAME = '<b>Ana</b> "Lima"';
const MINUTE = 60_000;

const outlook = forFile(() => startOutlookStack());

/** The room the meeting service stores for the meeting with web alias `alias` (what the node will be told about it). */
const serviceRoom = (alias: string) => outlook.service.storedRoom(alias);
/** Joins `alias` with `pin` now, as a web client does. */
const requestToken = (alias: string, pin: string, name = 'E2E') => outlook.nodeApi.requestToken(alias, name, pin);
/** "Tue 24 Nov" as the add-in writes `ms` in the playground's zone and the browser's locale. */
const dayText = (page: Page, ms: number) =>
  page.evaluate((t: number) => new Intl.DateTimeFormat(navigator.language || 'en-GB', { weekday: 'short', day: 'numeric', month: 'short', timeZone: 'Europe/London' }).format(t), ms);

describe('Outlook add-in in the playground', () => {
  it('inserts the block, keeps it right when the meeting moves (time and day) and attendees change, enforces it at send, and the service holds exactly its codes', async () => {
    const p = await outlook.openPlayground();
    const { page, pane } = p;
    // The admin requires an access code: OnNewAppointmentOrganizer already put the block in.
    expect(blockCount(await p.bodyText())).toBe(1);

    await page.type('#subject', SUBJECT);
    await p.addAttendee(NAME, 'ana@example.com');
    await pane.waitForFunction(() => document.querySelectorAll('#roster li').length === 1, { timeout: 10_000 });
    // Unique passcodes: the pane says the invite's own link and access code admit hosts only.
    await waitForText(pane, '#hosts-only', /link and access code in the invite admit hosts only/);

    await p.insertBlock();
    await p.waitForBody(/Meeting: <img src=x/);
    const body = await p.bodyText();
    expect(blockCount(body)).toBe(1);
    expect(body).toContain(`Meeting: ${SUBJECT}`);
    const opened = await p.itemTimes();
    expect(body).toContain(`works from ${await dayText(page, opened.start - 15 * MINUTE)}`);
    expect(body).toMatch(/works from [^(]*\b0?9:45/);
    expect(await pane.$eval('#activation', (el) => el.textContent)).toMatch(/9:45/);
    await pane.waitForSelector('#provisioning[data-state="ok"]', { timeout: 10_000 });

    // Move the meeting: the block's activation time follows (task pane + OnAppointmentTimeChanged).
    await p.setStart('14:00');
    await p.waitForBody(/works from [^(]*\b(1:45 PM|13:45)/);
    expect(blockCount(await p.bodyText())).toBe(1);
    await waitForText(pane, '#block-status', /up to date/);

    // Move it to the next day at the same time: the block states the new date, the service gets the new window.
    await p.moveDays(1);
    const moved = await p.itemTimes();
    expect(moved.start - opened.start).toBe(24 * 60 * MINUTE + 4 * 60 * MINUTE);
    const movedDay = await dayText(page, moved.start - 15 * MINUTE);
    await p.waitForBody(new RegExp(`works from ${movedDay}, (1:45 PM|13:45)`));
    expect(blockCount(await p.bodyText())).toBe(1);
    await waitForText(pane, '#block-status', /up to date/);
    const movedAlias = aliasIn(await p.bodyText());
    await expect.poll(async () => (await serviceRoom(movedAlias)).body?.window?.opensAt, { timeout: 10_000 }).toBe(moved.start - 15 * MINUTE);

    // Unique mode: a new attendee gets a new passcode, the first keeps theirs.
    const first = await pane.$eval('#roster li[data-email="ana@example.com"] .passcode', (el) => el.textContent);
    await p.addAttendee('Bo', 'bo@example.com');
    await pane.waitForFunction(() => document.querySelectorAll('#roster li').length === 2, { timeout: 10_000 });
    const codes = await pane.$$eval('#roster .passcode', (els) => els.map((e) => e.textContent));
    expect(codes[0]).toBe(first);
    expect(new Set(codes).size).toBe(2);

    // Markup stays text everywhere: form, task pane, body.
    const markup = (root: string, tag: string, text: string) => (frame: Frame | Page) =>
      frame.$eval(root, (el, t, x) => [el.querySelector(t) === null, (el.textContent ?? '').includes(x)], tag, text);
    expect(await markup('#attendees', 'b', NAME)(page)).toEqual([true, true]);
    expect(await markup('#roster', 'b', NAME)(pane)).toEqual([true, true]);
    expect(await markup('#preview', 'img', SUBJECT)(pane)).toEqual([true, true]);
    expect(await page.evaluate(() => (window as unknown as { pwned?: number }).pwned)).toBeUndefined();

    // Stale: the organizer types the old time back into the block.
    await page.click('#compose details > summary');
    await page.$eval('#body-html', (el) => {
      const t = el as HTMLTextAreaElement;
      t.value = t.value.replace(/1:45 PM|13:45/, '9:45 AM');
    });
    await page.click('#apply-body');
    expect(await p.send()).toMatch(/^SecureJoin: .*(time|start|moved|stale|activation)/i);

    // Missing: remove the block (the pane asks first), try to send.
    await pressWhenAvailable(pane, '#remove');
    await pane.click('#confirm-remove-yes');
    await waitForText(pane, '#message', /removed/);
    expect(blockCount(await p.bodyText())).toBe(0);
    // Its codes are no longer in the invite: the service no longer has the meeting.
    await waitForText(pane, '#provisioning', /removed from the meeting service/);
    expect((await serviceRoom(movedAlias)).status).toBe(404);
    expect(await p.send()).toMatch(/requires an access code/);

    // Fixed: insert again and the meeting goes out.
    await pane.click('#insert');
    await waitForText(pane, '#message', /inserted/);
    expect(await p.send()).toBeNull();
    const sent = (await page.$eval('#sent-body', (el) => el.textContent)) ?? '';
    expect(sent).toContain('-- SecureJoin secure access --');

    // The service holds this meeting with exactly the invite's codes; tomorrow's window is not open now, so
    // the service answers the node's policy request with reject and the node says "not found", as Infinity would.
    const alias = aliasIn(sent);
    const accessCode = /Access code: ([0-9]+)/.exec(sent)?.[1] as string;
    const roster = await pane.$$eval('#roster li', (els) => els.map((li) => ({ email: li.getAttribute('data-email'), passcode: li.querySelector('.passcode')?.textContent })));
    const room = await serviceRoom(alias);
    expect(room.status).toBe(200);
    expect(room.body.accessCode).toEqual({ code: accessCode, role: 'guest' });
    expect(room.body.invitees.map((i: { email: string; passcode: string }) => ({ email: i.email, passcode: i.passcode }))).toEqual(roster);
    expect(room.body.window.opensAt).toBe(moved.start - 15 * MINUTE);
    expect(await outlook.service.serviceConfiguration(alias)).toEqual({ status: 200, body: { status: 'success', action: 'reject' } });
    expect(await outlook.service.serviceConfiguration(accessCode)).toEqual({ status: 200, body: { status: 'success', action: 'reject' } });
    expect((await requestToken(alias, 'none')).status).toBe(404);
    expect((await requestToken(accessCode, roster[0]!.passcode as string, 'Someone')).status).toBe(404);
  });

  it('attendees added while the task pane is open get one passcode each: the same in the item, the pane, the personal messages and in the service', async () => {
    const p = await outlook.openPlayground();
    const { page, pane } = p;
    await p.insertBlock();
    await pane.waitForSelector('#provisioning[data-state="ok"]', { timeout: 10_000 });
    /** Emails and passcodes as sessionData, the pane's roster and its personal messages hold them. */
    const itemRoster = () =>
      page.evaluate(() => {
        const host = (window as unknown as Record<string, { sessionData: Map<string, string> }>).securejoinPlayground!;
        const security = JSON.parse(host.sessionData.get('securejoin.security') ?? 'null') as { alias: string; roster: { invitees: Array<{ email: string; passcode: string }> } } | null;
        return { alias: security?.alias ?? '', invitees: (security?.roster?.invitees ?? []).map(({ email, passcode }) => ({ email, passcode })) };
      });
    const paneRoster = () => pane.$$eval('#roster li', (els) => els.map((li) => ({ email: li.getAttribute('data-email'), passcode: li.querySelector('.passcode')?.textContent })));
    const attendeeEvents = () => page.$$eval('#event-log li', (els) => els.filter((li) => /^OnAppointmentAttendeesChanged: \w+ completed/.test(li.textContent ?? '')).length);
    // Both the pane (RecipientsChanged) and the event runtime (OnAppointmentAttendeesChanged) hear every add; some adds come back to back.
    const emails: string[] = [];
    for (const n of [1, 2, 3, 4, 5, 6]) {
      await p.addAttendee(`Guest ${n}`, `guest${n}@example.com`);
      emails.push(`guest${n}@example.com`);
      if (n % 2 === 1) continue;
      await pane.waitForFunction((count: number) => document.querySelectorAll('#roster li').length === count, { timeout: 10_000 }, emails.length);
      await page.waitForFunction((count: number) => [...document.querySelectorAll('#event-log li')].filter((li) => /^OnAppointmentAttendeesChanged: \w+ completed/.test(li.textContent ?? '')).length >= count, { timeout: 10_000 }, emails.length);
      await pane.waitForSelector('#provisioning[data-state="ok"]', { timeout: 10_000 });
      const stored = await itemRoster();
      expect(stored.invitees.map((i) => i.email)).toEqual(emails);
      expect(new Set(stored.invitees.map((i) => i.passcode)).size).toBe(emails.length);
      await expect.poll(paneRoster, { timeout: 10_000 }).toEqual(stored.invitees);
      await expect.poll(async () => ((await serviceRoom(stored.alias)).body?.invitees ?? []).map((i: { email: string; passcode: string }) => ({ email: i.email, passcode: i.passcode })), { timeout: 10_000 }).toEqual(stored.invitees);
      const messages = await pane.$$eval('#personal-messages article', (els) => els.map((a) => ({ email: a.getAttribute('data-email'), text: a.querySelector('pre')?.textContent ?? '' })));
      expect(messages.map((m) => m.email)).toEqual(emails);
      for (const m of messages) expect(m.text).toContain(` is ${stored.invitees.find((i) => i.email === m.email)!.passcode}. Please keep it`);
    }
    expect(await attendeeEvents()).toBe(emails.length);
    expect(await p.send()).toBeNull();
    const stored = await itemRoster();
    expect(((await serviceRoom(stored.alias)).body.invitees as Array<{ email: string; passcode: string }>).map(({ email, passcode }) => ({ email, passcode }))).toEqual(stored.invitees);
    await page.close();
  });

  it('with a shared passcode the block carries a "Save in SecureJoin" capture link for the passcode and the window; an edited one is refused at send', async () => {
    const p = await outlook.openPlayground();
    const { page, pane } = p;
    await pane.click('#mode-shared');
    // Switching the mode regenerates the codes (and registers them): the buttons wait until that is done.
    await waitForText(pane, '#message', /New codes generated/);
    await p.insertBlock();
    await p.waitForBody(/Save in SecureJoin: https:/);
    const item = () => page.evaluate(() => (window as unknown as { securejoinPlayground: { readItem(): { start: number; end: number; bodyHtml: string } } }).securejoinPlayground.readItem());
    const { start, end, bodyHtml } = await item();
    // Read back from the body as the playground (like Outlook) rewrote it.
    const block = parseInvite(bodyHtml, 'html').block;
    const captured = parseCaptureLink(block?.captureUrl ?? '');
    expect(captured.ok && captured.value).toEqual({
      ...{ origin: outlook.node.url, path: 'webapp3', style: 'webapp3', role: 'guest' },
      alias: aliasIn(block?.joinUrl ?? ''),
      // The PIN the meeting link asks for: in shared mode the passcode (the access code is the numeric alias).
      pin: block?.passcode,
      startsAt: start,
      endsAt: end,
      leadMinutes: 15,
      graceMinutes: 10,
    });
    expect(block?.passcode).toMatch(/^[0-9]+$/);

    // Someone edits the link to carry another code (the visible access code untouched): refused at send.
    const forged = buildCaptureLink({ origin: outlook.node.url, path: 'webapp3', alias: 'sj-forged', role: 'guest', pin: '86420975', startsAt: start, endsAt: end });
    await page.click('#compose details > summary');
    await page.$eval('#body-html', (el, [from, to]) => {
      const t = el as HTMLTextAreaElement;
      t.value = t.value.split(from as string).join(to as string);
    }, [block?.captureUrl ?? '', forged]);
    await page.click('#apply-body');
    expect(await p.send()).toMatch(/"Save in SecureJoin" link in the invite is missing or differs/);
    await p.insertBlock();
    expect(await p.send()).toBeNull();
    await page.close();
  });

  it('a reopened meeting (sessionData lost) whose block leads to a look-alike node is refused, naming the button that fixes it', async () => {
    const p = await outlook.openPlayground();
    const { page, pane } = p;
    await p.insertBlock();
    await pane.waitForSelector('#provisioning[data-state="ok"]', { timeout: 10_000 });
    const forget = () => page.evaluate(() => (window as unknown as { securejoinPlayground: { sessionData: Map<string, string> } }).securejoinPlayground.sessionData.clear());
    const original = await page.evaluate(() => (window as unknown as { securejoinPlayground: { readItem(): { bodyHtml: string } } }).securejoinPlayground.readItem().bodyHtml);
    const setBody = async (html: string) => {
      await page.$eval('#body-html', (el, v) => void ((el as HTMLTextAreaElement).value = v as string), html);
      await page.click('#apply-body');
    };
    await page.click('#compose details > summary');
    // Reopened as it was: its link leads to the policy's node, so the block passes on its own.
    await forget();
    expect(await p.send()).toBeNull();
    // Someone pointed the block at a look-alike node: without the meeting's own codes, refused.
    const lookAlike = outlook.node.url.replace('https://', 'https://securejoin-');
    await setBody(original.split(outlook.node.url).join(lookAlike));
    await forget();
    const message = await p.send();
    expect(message).toContain(`points to ${lookAlike}, which is not one of your administrator's conference nodes`);
    expect(message).toMatch(/press "Update block", then send again\.$/);
    expect(await pane.$eval('#insert', (el) => el.textContent)).toBe('Update block');
    await pane.click('#insert');
    await waitForText(pane, '#message', /block was updated|new codes were generated/);
    expect(await p.bodyText()).not.toContain(lookAlike);
    expect(await p.send()).toBeNull();
    await page.close();
  });

  it('a weekly series set in New York from a Berlin mailbox: the block and the node use New York time', async () => {
    const p = await outlook.openPlayground('?tz=America/New_York&mailboxTz=Europe/Berlin');
    const { page, pane } = p;
    await page.select('#recurrence', 'weekly');
    await p.waitForBody(/each occurrence/);
    await pane.waitForSelector('#provisioning[data-state="ok"]', { timeout: 10_000 });
    // The new meeting starts tomorrow 10:00 New York: the code works from 09:45 there.
    expect(await p.bodyText()).toMatch(/works from [^(]*\b0?9:45[^(]*\(America\/New_York\)/);
    const alias = aliasIn(await p.bodyText());
    // The body is written before the series is registered: wait for the service, not for a state the pane showed before.
    await expect.poll(async () => JSON.stringify((await serviceRoom(alias)).body), { timeout: 10_000 }).toContain('"timeZone":"America/New_York"');
    expect((await serviceRoom(alias)).status).toBe(200);
    expect(await p.send()).toBeNull();
    await page.close();
  });

  it('without a sign-in the task pane says so and the send is refused until the organizer signs in', async () => {
    const p = await outlook.openPlayground('?signIn=refused');
    const { page, pane } = p;
    await pane.click('#insert');
    // The state settles after the text: a registration started by the click shows "pending" with the last words.
    await pane.waitForSelector('#provisioning[data-state="sign-in"]', { timeout: 10_000 });
    await waitForText(pane, '#provisioning', /did not complete \(the sign-in was declined\).*will not let it be sent/);
    // The registration's outcome shows before the insert has written the block: its message comes last.
    await waitForText(pane, '#message', /block was (inserted|updated)/);
    expect(await p.send()).toBe('SecureJoin: this meeting could not be registered with the meeting service, so its codes would not open the room. You are not signed in to the SecureJoin meeting service. Open SecureJoin and press "Sign in to the meeting service", then send again.');
    // The block shows placeholder aliases: the service made none yet.
    const placeholder = aliasIn(await p.bodyText());
    expect(placeholder).toMatch(/^[a-z0-9]{20}$/);
    expect((await serviceRoom(placeholder)).status).toBe(404);
    // The organizer signs in (here: the local issuer now gives a token) and presses "Sign in".
    await p.setSignIn('ok');
    await pressWhenAvailable(pane, '#fix');
    await pane.waitForSelector('#provisioning[data-state="ok"]', { timeout: 10_000 });
    // The service minted the meeting's aliases; the block now shows them, not the placeholders.
    const alias = aliasIn(await p.bodyText());
    expect(alias).not.toBe(placeholder);
    expect((await serviceRoom(alias)).status).toBe(200);
    expect((await serviceRoom(placeholder)).status).toBe(404);
    expect(await p.send()).toBeNull();
    await page.close();
  });

  it('an unreachable meeting service is shown in the task pane and refuses the send', async () => {
    await outlook.withPolicyText(await outlook.unreachableServicePolicy(), async () => {
      const p = await outlook.openPlayground();
      const { pane } = p;
      await pane.click('#insert');
      // The state settles after the text: a registration started by the click shows "pending" with the last words.
      await pane.waitForSelector('#provisioning[data-state="failed"]', { timeout: 10_000 });
      await waitForText(pane, '#provisioning', /SecureJoin could not reach the meeting service/);
      expect(await p.send()).toMatch(/^SecureJoin: this meeting could not be registered with the meeting service, so its codes would not open the room\. SecureJoin could not reach the meeting service \(https?:\/\/[^)]*\)\. Check your network connection\. Send again to retry\.$/);
      await p.close();
    });
  });

  it('shows every policy error and applies the secure defaults when policy.json is invalid', async () => {
    await outlook.withPolicyText('{"version": 1, "organizer": {"accessCode": {"required": {"value": false, "lockd": true}}}}', async () => {
      const { pane } = await outlook.openPlayground();
      await waitForText(pane, '#policy-errors', /organizer\.accessCode\.required/);
      expect(await pane.$eval('#policy-fallback', (el) => el.textContent)).toMatch(/secure defaults apply/);
      expect(await pane.$eval('#access-code', (el) => [(el as HTMLInputElement).checked, (el as HTMLInputElement).disabled])).toEqual([true, true]);
    });
  });

  it('still works on an older Outlook (Mailbox 1.5): no launch events, the task pane inserts the block', async () => {
    const p = await outlook.openPlayground('?mailbox=1.5');
    const { page, pane } = p;
    expect(await page.$eval('#event-log', (el) => el.textContent)).toContain('OnNewAppointmentOrganizer: skipped (needs Mailbox 1.10)');
    expect(blockCount(await p.bodyText())).toBe(0);
    await pane.click('#insert');
    await waitForText(pane, '#message', /block was (inserted|updated)/);
    expect(blockCount(await p.bodyText())).toBe(1);
  });
});
