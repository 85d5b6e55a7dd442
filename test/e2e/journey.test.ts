/**
 * The whole journey with real parts: the Outlook playground (real task pane and event runtime)
 * registers a meeting with the meeting service (signed in through the local issuer); the HTTPS
 * reference node, an Infinity stand-in, asks the service's External Policy API about every alias
 * it is asked to join; two invitees save their personal passcodes with the real extension in real
 * Chromium from the personal messages as received (one opens its capture link, one pastes it into
 * the popup; the window comes from the link, no time is typed), are held while their extension's
 * clock is before the window, join on their personal links when it opens and wait for the host;
 * the host PIN lets them in; a second person on Ana's personal link shows up as "Ana Lima (2)"
 * (the service's participant-properties answer); a stranger guessing PINs is warned, then the
 * meeting blocks on all its aliases and answers as if it did not exist. The node sends its events to
 * the service's Event sink, as Infinity does: the organizer's pane shows who came (both invitees
 * with their join times, the second person on Ana's link flagged, the leave time), and the CSV
 * export has the same rows. The meeting starts within
 * 15 minutes, so the service (on real time) has it open; only the extensions' clocks are moved.
 */
import { describe, expect, it } from 'vitest';
import type { Browser, Frame, Page } from 'puppeteer-core';
import { parseInvite } from '../../core/invite';
import { launchWithExtension, noticeText, waitForNotice, waitForRegistration } from './support/extensionBrowser';
import type { ExtensionBrowser } from './support/extensionBrowser';
import { EXTENSION_DIR } from './support/globalSetup';
import { ACCEPT_DEV_CERT, closeTogether, forFile, startOutlookStack, startTogether } from './support/harness';
import type { ConferenceNode, OutlookStack } from './support/harness';
import { advanceExtensionClock, enterPin, joinAs, openCaptureLink, openJoinPage, participantsShown, savePersonalMessage, waitForState } from './support/journeyParts';
import type { MeetingServiceClient } from './support/meetingServiceClient';
import type { NodeClient } from './support/nodeClient';

/** Wrong PINs a room tolerates (kept low so the stranger's part is fast); one more blocks it. */
const ROOM_FAILURES = 5;
const INVITEES = [
  { name: 'Ana Lima', email: 'ana.lima@example.com' },
  { name: 'Bo Chen', email: 'bo.chen@example.com' },
] as const;

let outlook: OutlookStack;
let node: ConferenceNode;
let api: NodeClient;
let organizer: Browser;
let ana: ExtensionBrowser;
let bo: ExtensionBrowser;
let stranger: ExtensionBrowser;
let policyGraceMinutes = 0;
let service: MeetingServiceClient;
/** The meeting's Infinity conference name, as the service answers it. */
let conferenceName = '';
/** The organizer's compose window and its task pane, kept open after Send (where the record is read). */
let organizerPage: Page;
let organizerPane: Frame;

/** What the organizer sent, as the invitees and the node see it. */
const meeting = {
  alias: '',
  hostPin: '',
  start: 0,
  end: 0,
  opensAt: 0,
  closesAt: 0,
  graceMinutes: 0,
  /** The invite body as received: the HTML as the playground (like Outlook) rewrote it. */
  invite: '',
  roomLink: '',
  messages: new Map<string, string>(),
  passcodes: new Map<string, string>(),
};
const guestPages = new Map<string, Page>();

forFile(async () => {
  // The organizer's Outlook stack (the node asks the service about every alias, as an Infinity
  // node with a policy profile) and the three invitees' browsers with the extension, side by side.
  const extension = () => launchWithExtension(EXTENSION_DIR, { args: ACCEPT_DEV_CERT });
  [outlook, ana, bo, stranger] = await startTogether<[OutlookStack, ExtensionBrowser, ExtensionBrowser, ExtensionBrowser]>([
    startOutlookStack({
      // The meeting service on PGlite, as `npm start` runs it (the other Outlook files use PostgreSQL).
      database: 'pglite',
      node: {
        limits: { roomFailures: ROOM_FAILURES },
        // The stranger's own meeting on the same node (a room of the node's own): their extension knows the node from it.
        rooms: [{ alias: 'mallory-standup', hostPin: '61803398', guestPin: '27182818', allowGuests: true }],
      },
      policy: (policy) => {
        policy.attempts.roomFailures = ROOM_FAILURES;
        policyGraceMinutes = policy.organizer.activation.graceMinutes.value;
      },
    }),
    extension(),
    extension(),
    extension(),
  ]);
  ({ node, nodeApi: api, browser: organizer, service } = outlook);
  const own = await stranger.send({ type: 'meetings:add', input: { url: node.joinUrl('mallory-standup'), role: 'guest', pin: '27182818' } });
  expect(own.ok).toBe(true);
  return { close: () => closeTogether([outlook, ana, bo, stranger]) };
});

const paneText = (pane: Frame, selector: string) => pane.$eval(selector, (el) => el.textContent ?? '');
const waitInPane = (pane: Frame, selector: string, re: RegExp) =>
  pane.waitForFunction((s: string, src: string) => new RegExp(src).test(document.querySelector(s)?.textContent ?? ''), { timeout: 10_000 }, selector, re.source);
/** The personal join link in the message the organizer prepared for `email`, as the invitee receives it. */
const personalLinkOf = (email: string): string => /Personal join link: (\S+)/.exec(meeting.messages.get(email) ?? '')?.[1] ?? '';
/** That link without its `#sj=` fragment: the invitee's personal join page on the node. */
const personalPageOf = (email: string): string => personalLinkOf(email).split('#')[0] ?? '';
/** The invitee's personal alias (the last path segment of their personal link). */
const personalAliasOf = (email: string): string => decodeURIComponent(/\/m\/([^/?#]+)/.exec(personalLinkOf(email))?.[1] ?? '');
/** The conference on the node (as an Infinity administrator would see it). */
const status = () => node.conferenceStatus(conferenceName);
/** `YYYY-MM-DDTHH:mm` of `t` in `zone`, as a datetime-local input holds it. */
const wallTime = (t: number, zone: string) => new Intl.DateTimeFormat('sv-SE', { timeZone: zone, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(t).replace(' ', 'T');
/** The meeting's subject: the invitees' popups list their saved meeting by it. */
const SUBJECT = 'Quarterly review';
/** How far the invitees' extension clocks were set back (before the window), undone when it "opens". */
let heldBack = 0;

describe('the whole journey, from the Outlook invite to the joined meeting', () => {
  it('the organizer composes a meeting starting in about 10 minutes with two invitees and unique passcodes, and sends; the service answers the node for every alias', async () => {
    const { page, pane } = await outlook.openPlayground();

    await page.type('#subject', SUBJECT);
    // Starts at the minute about 10 minutes from now (the playground's zone is Europe/London): the
    // code's window (15 minutes before the start) is open now, on the service's real clock.
    await page.$eval('#start', (el, v) => {
      (el as HTMLInputElement).value = v;
      el.dispatchEvent(new Event('change'));
    }, wallTime(Date.now() + 10 * 60_000, 'Europe/London'));
    for (const person of INVITEES) {
      await page.type('#attendee-name', person.name);
      await page.type('#attendee-email', person.email);
      await page.click('#add-attendee');
    }
    // The pane registers the new meeting's draft when it opens (the service mints the aliases): it
    // is busy (its controls ignore presses) until that is done, so the mode is chosen after it.
    // A press while it is busy is ignored, as a person would see: press again once it is not.
    const chosen = () => pane.$eval('#mode-per-invitee', (el) => (el as HTMLInputElement).checked);
    for (const until = Date.now() + 20_000; !(await chosen()) && Date.now() < until; ) {
      await pane.waitForSelector('main[aria-busy="false"]', { timeout: 20_000 });
      await pane.click('#mode-per-invitee');
      await new Promise((r) => setTimeout(r, 200));
    }
    expect(await chosen()).toBe(true);
    // The mode change regenerates the codes (and registers them): busy again until that is done.
    await pane.waitForSelector('main[aria-busy="false"]', { timeout: 20_000 });
    await pane.waitForFunction(() => document.querySelectorAll('#roster li').length === 2, { timeout: 20_000 }).catch(async (error: unknown) => {
      throw new Error(`the roster did not list both invitees: ${await paneText(pane, 'main')} (${String(error)})`);
    });
    await pane.click('#insert');
    await waitInPane(pane, '#message', /block was (inserted|updated)/);
    await pane.waitForSelector('#provisioning[data-state="ok"]', { timeout: 10_000 }).catch(async (error: unknown) => {
      throw new Error(`provisioning did not succeed: ${await paneText(pane, '#provisioning')} (${String(error)})`);
    });
    meeting.alias = await paneText(pane, '#code-alias');
    // A draft opens nothing: the service rejects its aliases until the meeting is sent.
    expect((await service.serviceConfiguration(meeting.alias)).body).toEqual({ status: 'success', action: 'reject' });

    await page.click('#send');
    await page.waitForFunction(() => document.getElementById('host-status')?.textContent === 'Meeting sent.', { timeout: 10_000 });
    const item = await page.evaluate(() => (window as unknown as { securejoinPlayground: { readItem(): { start: number; end: number; bodyHtml: string } } }).securejoinPlayground.readItem());
    meeting.invite = item.bodyHtml;
    expect(await page.$eval('#sent-body', (el) => el.textContent ?? '')).toContain('-- SecureJoin secure access --');
    meeting.start = item.start;
    meeting.end = item.end;
    meeting.hostPin = await paneText(pane, '#code-host-pin');
    for (const m of await pane.$$eval('#personal-messages article', (els) => els.map((e) => [(e as HTMLElement).dataset.email ?? '', e.querySelector('pre')?.textContent ?? '']))) {
      meeting.messages.set(m[0]!, m[1]!);
    }
    for (const [email, code] of await pane.$$eval('#roster li', (els) => els.map((e) => [(e as HTMLElement).dataset.email ?? '', e.querySelector('.passcode')?.textContent ?? '']))) {
      meeting.passcodes.set(email!, code!);
    }
    meeting.opensAt = meeting.start - 15 * 60_000;
    expect(meeting.opensAt).toBeLessThan(Date.now());

    // The invite everyone receives: one block, the meeting's link on the node, no personal passcode.
    const parsed = parseInvite(meeting.invite, 'html');
    expect(parsed.blockCount).toBe(1);
    expect(parsed.block?.personalPasscodes).toBe(true);
    meeting.roomLink = parsed.block?.joinUrl ?? '';
    expect(meeting.roomLink).toBe(`${node.url}/webapp3/m/${meeting.alias}`);
    for (const code of meeting.passcodes.values()) expect(meeting.invite).not.toContain(code);
    expect(new Set(meeting.passcodes.values()).size).toBe(2);

    // What the node will be told, asked as Infinity asks: the meeting's links and codes are one
    // conference; its shared aliases admit hosts only (unique passcodes); each personal alias
    // takes that invitee's passcode as guest PIN.
    const shared = await service.serviceConfiguration(meeting.alias);
    expect(shared.body).toMatchObject({ status: 'success', action: 'continue', result: { service_type: 'conference', service_tag: 'securejoin', pin: meeting.hostPin, allow_guests: false } });
    conferenceName = shared.body.result.name;
    const byPhone = await service.serviceConfiguration(parsed.block?.accessCode ?? '-');
    expect(byPhone.body.result).toMatchObject({ name: conferenceName, pin: meeting.hostPin, allow_guests: false });
    for (const person of INVITEES) {
      const personal = await service.serviceConfiguration(personalAliasOf(person.email));
      expect(personal.body.result).toMatchObject({ name: conferenceName, pin: meeting.hostPin, allow_guests: true, guest_pin: meeting.passcodes.get(person.email) });
    }
    // The service stores the invitees by name and the activation window.
    const room = await service.storedRoom(meeting.alias);
    expect(room.body.invitees.map((i: { email: string; name: string; passcode: string }) => [i.email, i.name, i.passcode])).toEqual(
      INVITEES.map((p) => [p.email, p.name, meeting.passcodes.get(p.email)]),
    );
    expect(room.body.window.opensAt).toBe(meeting.opensAt);
    // The admin's policy keeps codes working 10 minutes after the end.
    meeting.graceMinutes = policyGraceMinutes;
    meeting.closesAt = room.body.window.closesAt;
    expect(meeting.closesAt).toBe(meeting.end + 10 * 60_000);
    // The compose window stays open: its pane shows who came, later.
    organizerPage = page;
    organizerPane = pane;
  }, 30_000);

  it('each invitee saves their passcode from their personal message (Ana opens its link, Bo pastes it); while their clock is before the window the extension holds and no attempt is made', async () => {
    // What each personal message carries: a capture link to the invitee's own alias with the
    // passcode, role, name and window in its fragment only, never a ?pin= link.
    for (const person of INVITEES) {
      const link = personalLinkOf(person.email);
      expect(personalPageOf(person.email)).toBe(`${node.url}/webapp3/m/${personalAliasOf(person.email)}`);
      expect(personalAliasOf(person.email)).not.toBe(meeting.alias);
      expect(link).not.toContain(meeting.passcodes.get(person.email) ?? '-');
      expect(link).not.toMatch(/[?&]pin=/);
    }
    // The invitees' computers think it is a minute before the window opens.
    heldBack = meeting.opensAt - 60_000 - Date.now();
    for (const ext of [ana, bo]) expect(await advanceExtensionClock(ext, heldBack)).toBeLessThan(meeting.opensAt);

    // Ana clicks the link in her message: the extension saves the passcode and clears the address bar.
    const opened = await openCaptureLink(ana, personalLinkOf(INVITEES[0].email), personalAliasOf(INVITEES[0].email));
    expect(opened.page.url()).toBe(personalPageOf(INVITEES[0].email));
    // Bo pastes his message into the popup and confirms the draft; no times typed by either.
    // His popup lists the meeting by the invite's subject (the personal link carries it).
    await savePersonalMessage(bo, meeting.messages.get(INVITEES[1].email) ?? '', SUBJECT);

    for (const [person, ext] of [[INVITEES[0], ana], [INVITEES[1], bo]] as const) {
      await waitForRegistration(ext, 'https://127.0.0.1/*');
      // The extension and the service agree on when the code opens and closes (lead and grace from the link).
      const list = await ext.send({ type: 'meetings:list' });
      expect(list.meetings.map((m: { alias: string; opensAt: number; attemptsUsed: number }) => [m.alias, m.opensAt, m.attemptsUsed])).toEqual([[personalAliasOf(person.email), meeting.opensAt, 0]]);
      const saved = JSON.parse((await ext.send({ type: 'vault:export' })).text).meetings as Array<Record<string, unknown>>;
      expect(saved.map((m) => [m.alias, m.role, m.pin, m.startsAt, m.endsAt, m.leadMinutes, m.graceMinutes])).toEqual([
        [personalAliasOf(person.email), 'guest', meeting.passcodes.get(person.email), meeting.start, meeting.end, 15, meeting.graceMinutes],
      ]);
      expect(meeting.end + meeting.graceMinutes * 60_000).toBe(meeting.closesAt);

      // Held before the window: on the page Ana's link opened, and on Bo's visit to his personal page.
      let visit: { page: Page; pinsSent: string[] };
      if (ext === ana) {
        // Back to the tab her link opened (the extension's own page took the front meanwhile).
        await opened.page.bringToFront();
        await joinAs(opened.page, person.name);
        visit = opened;
      } else visit = await openJoinPage(ext.browser, personalPageOf(person.email), person.name);
      const { page, pinsSent } = visit;
      await waitForNotice(page, 'opens at');
      expect(await noticeText(page)).toContain('waits instead of spending an attempt');
      expect(await page.$eval('#pin', (el) => (el as HTMLInputElement).value)).toBe('');
      expect(pinsSent).toEqual([]);
      await page.close();
    }
    // Nobody is in, nothing was counted by either side.
    expect(status()).toEqual({ blocked: false, participants: [] });
    for (const ext of [ana, bo]) expect((await ext.send({ type: 'meetings:list' })).meetings[0].attemptsUsed).toBe(0);
  }, 30_000);

  it('when the window opens each invitee joins on their personal link with the PIN the extension fills and waits; the host PIN lets everyone in', async () => {
    for (const ext of [ana, bo]) expect(await advanceExtensionClock(ext, -heldBack)).toBeGreaterThanOrEqual(meeting.opensAt);

    for (const [person, ext] of [[INVITEES[0], ana], [INVITEES[1], bo]] as const) {
      const { page, pinsSent } = await openJoinPage(ext.browser, personalPageOf(person.email), person.name);
      const passcode = meeting.passcodes.get(person.email) ?? '';
      await page.waitForFunction((p) => (document.getElementById('pin') as HTMLInputElement).value === p, { timeout: 10_000 }, passcode);
      await page.click('#join-button');
      await waitForState(page, 'waiting');
      expect(pinsSent).toEqual([passcode]);
      guestPages.set(person.email, page);
    }
    // Named by the service (participant properties), waiting in the lobby of one conference.
    expect(status().participants.map((p) => [p.displayName, p.serviceType])).toEqual([
      ['Ana Lima', 'waiting_room'],
      ['Bo Chen', 'waiting_room'],
    ]);

    const { page: host } = await openJoinPage(organizer, meeting.roomLink, 'Olivia Organizer');
    await enterPin(host, meeting.hostPin);
    await waitForState(host, 'joined-host');
    for (const page of guestPages.values()) await waitForState(page, 'joined-guest');
    const ana1 = guestPages.get(INVITEES[0].email) as Page;
    // The list updates as each participant's state arrives: wait for the whole expected list, not a count.
    const everyone = ['Ana Lima (guest)', 'Bo Chen (guest)', 'Olivia Organizer (host)'];
    await ana1
      .waitForFunction((want: string[]) => JSON.stringify([...document.querySelectorAll('#participants li')].map((li) => li.textContent ?? '').sort()) === JSON.stringify(want), { timeout: 10_000 }, everyone)
      .catch(async (error: unknown) => {
        throw new Error(`participants shown: ${JSON.stringify(await participantsShown(ana1))} (${String(error)})`);
      });
    expect((await participantsShown(ana1)).sort()).toEqual(everyone);
  }, 30_000);

  it('a second person on Ana\'s personal link shows up as "Ana Lima (2)"', async () => {
    // Ana's message forwarded to someone without the extension: the link opens her personal page
    // (its fragment never reaches the node) and they type the passcode from the message.
    const message = meeting.messages.get(INVITEES[0].email) ?? '';
    const passcode = /personal passcode for ".*" is (\d+)\./.exec(message)?.[1] ?? '';
    expect(passcode).toBe(meeting.passcodes.get(INVITEES[0].email));
    const context = await organizer.createBrowserContext();
    const page = await context.newPage();
    await page.goto(personalLinkOf(INVITEES[0].email));
    await joinAs(page, 'Ana\'s colleague');
    await enterPin(page, passcode);
    await waitForState(page, 'joined-guest');
    expect(status().participants.map((p) => p.displayName)).toContain('Ana Lima (2)');
    const ana1 = guestPages.get(INVITEES[0].email) as Page;
    await ana1.waitForFunction(() => [...document.querySelectorAll('#participants li')].some((li) => li.textContent === 'Ana Lima (2) (guest)'), { timeout: 10_000 });
    await context.close();
  }, 30_000);

  it('the organizer\'s pane shows who came: both invitees with join times, the second person on Ana\'s link flagged, the leave time; the CSV has the same rows', async () => {
    // Ana's colleague closed their browser: the node lets them go and tells the sink.
    for (const until = Date.now() + 10_000; status().participants.some((p) => p.displayName === 'Ana Lima (2)'); ) {
      if (Date.now() > until) throw new Error(`the colleague is still in: ${JSON.stringify(status().participants)}`);
      await new Promise((r) => setTimeout(r, 100));
    }
    await node.eventSink?.idle();
    await organizerPage.bringToFront();
    const pane = organizerPane;
    await pane.click('#show-attendance');
    await pane.waitForSelector('#attendance-list .attendee', { timeout: 10_000 }).catch(async (error: unknown) => {
      throw new Error(`no attendance shown: ${await paneText(pane, '#attendance')} (${String(error)})`);
    });
    const shown = await pane.$$eval('#attendance-list > .attendee', (els) =>
      els.map((g) => ({
        attendee: (g as HTMLElement).dataset.attendee ?? '',
        status: g.querySelector('.attendee-status')?.textContent ?? '',
        warning: g.querySelector('.attendance-warning')?.textContent ?? null,
        rows: [...g.querySelectorAll('.attendance-row')].map((r) => ({
          name: r.querySelector('.shown-name')?.textContent ?? '',
          joined: Number((r as HTMLElement).dataset.joined || 0),
          left: Number((r as HTMLElement).dataset.left || 0),
          secondUse: (r as HTMLElement).dataset.secondUse === 'true',
          text: r.textContent ?? '',
        })),
      })),
    );
    expect(shown.map((g) => [g.attendee, g.status, g.warning, g.rows.map((r) => [r.name, r.left > 0, r.secondUse])])).toEqual([
      ['Ana Lima', 'present now (1)', "Ana Lima's link was used by 2 people", [['Ana Lima', false, false], ['Ana Lima (2)', true, true]]],
      ['Bo Chen', 'present now (1)', null, [['Bo Chen', false, false]]],
      ['Hosts', 'present now (1)', null, [['Olivia Organizer', false, false]]],
    ]);
    const rows = shown.flatMap((g) => g.rows);
    for (const r of rows) expect(r.joined).toBeGreaterThanOrEqual(meeting.opensAt);
    const second = rows.find((r) => r.secondUse);
    expect(second?.left).toBeGreaterThan(second?.joined ?? Infinity);
    expect(second?.text).toContain(', left ');

    // The export: the same rows, in the same order, times in UTC.
    await pane.evaluate(() => {
      const make = URL.createObjectURL.bind(URL);
      URL.createObjectURL = (blob: Blob | MediaSource) => {
        void (blob as Blob).text().then((text) => ((window as unknown as { attendanceCsv?: string }).attendanceCsv = text));
        return make(blob);
      };
    });
    await pane.click('#export-attendance');
    await pane.waitForFunction(() => typeof (window as unknown as { attendanceCsv?: string }).attendanceCsv === 'string', { timeout: 10_000 });
    const csv = (await pane.evaluate(() => (window as unknown as { attendanceCsv: string }).attendanceCsv)).trim().split('\r\n');
    const cells = csv.slice(1).map((line) => line.slice(1, -1).split('","'));
    expect(cells.map((c) => [c[0], c[1], c[5], c[6] !== '', c[8]])).toEqual(
      shown.flatMap((g) => g.rows.map((r) => [g.attendee, r.name, new Date(r.joined).toISOString(), r.left > 0, r.secondUse ? 'yes' : ''])),
    );
  }, 30_000);

  it('a stranger guessing PINs is warned by the extension, then the meeting blocks on all its links and codes and answers as if it did not exist', async () => {
    const accessCode = parseInvite(meeting.invite, 'html').block?.accessCode ?? '';
    const codes = new Set([meeting.hostPin, ...meeting.passcodes.values(), accessCode]);
    // Wrong PINs: three typed on the join page, the rest up to the blocking one sent directly, one more after.
    const guesses = Array.from({ length: ROOM_FAILURES + 2 }, (_, i) => String(40_414_243 + i * 1_010_101));
    for (const g of guesses) expect(codes.has(g)).toBe(false);

    const { page } = await openJoinPage(stranger.browser, meeting.roomLink, 'Mallory');
    expect(await noticeText(page)).toBe('');
    const expected = ['1 wrong PIN so far: 4 of 5 attempts left.', '2 wrong PINs so far: 3 of 5 attempts left.', '2 of 5 attempts left. Check the PIN'];
    for (const [i, warning] of expected.entries()) {
      await enterPin(page, guesses[i]!);
      await waitForState(page, 'invalid-pin');
      await waitForNotice(page, warning);
    }
    // Later guesses straight at the client API under other names, on the meeting's other aliases
    // (the access code as a conference ID, Bo's personal link): the per-person limit does not stop
    // an attacker who changes names, the per-meeting limit does, across all its aliases. The
    // meeting blocks at exactly the (ROOM_FAILURES + 1)th wrong PIN: so nothing else was counted
    // against it, not even the invitees' visits before the window.
    const otherAliases = [accessCode, personalAliasOf(INVITEES[1].email)];
    for (const [i, g] of guesses.slice(3, ROOM_FAILURES + 1).entries()) {
      expect(status().blocked).toBe(false);
      expect((await api.requestToken(otherAliases[i % 2]!, `Mallory ${i + 2}`, g)).status).toBe(403);
    }
    expect(status().blocked).toBe(true);

    // Blocked: the stranger's page is told the room does not exist, and the extension explains why.
    await enterPin(page, guesses[ROOM_FAILURES + 1]!);
    await waitForState(page, 'not-found');
    await waitForNotice(page, 'This room may be locked after too many wrong PINs');
    // Even the right passcode on Ana's own link now gets exactly what a room that never existed gets.
    const blocked = await api.requestToken(personalAliasOf(INVITEES[0].email), 'Ana Lima', meeting.passcodes.get(INVITEES[0].email));
    const missing = await api.requestToken('no-such-room', 'Ana Lima', meeting.passcodes.get(INVITEES[0].email));
    expect(blocked).toEqual({ status: 404, body: missing.body });
    expect(missing.status).toBe(404);
    // The stranger's own meeting, a room of the node's own configuration, is not affected.
    expect((await api.requestToken('mallory-standup', 'Mallory', '27182818')).status).toBe(200);
  }, 30_000);
});
