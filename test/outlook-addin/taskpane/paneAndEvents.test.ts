/**
 * The task pane and the event runtime over ONE item, as in Outlook with the pane open: an
 * attendee change raises the pane's RecipientsChanged and the runtime's
 * OnAppointmentAttendeesChanged, both on the real stack (Office adapter on the playground's fake
 * office.js, shared logic over core). Whatever interleaving happens, the item's sessionData, the
 * pane, the personal messages and the meeting service (a real one, which registers the room on a
 * real reference node) must end with the same roster, one passcode per invitee.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createEventHandlers } from '../../../outlook-addin/events';
import { isFreshHeartbeat, markPaneOpen, MEETING_SESSION_KEY, PANE_HEARTBEAT_FRESH_MS, parseMeetingRecord, readSecurity } from '../../../outlook-addin/logic';
import type { ItemPort, ProvisionFetch } from '../../../outlook-addin/logic';
import { createOfficeItemPort } from '../../../outlook-addin/office';
import type { OfficeLike } from '../../../outlook-addin/office';
import { createFakeOffice } from '../../../dev/outlook-playground/fakeOffice';
import { createPlaygroundHost } from '../../../dev/outlook-playground/hostState';
import { createPaneController } from '../../../outlook-addin/taskpane/controller';
import { startTestStack } from '../support/meetingService';
import type { TestStack } from '../support/meetingService';

let stack: TestStack;
let POLICY: string;
beforeAll(async () => {
  stack = await startTestStack();
  POLICY = stack.policyText;
}, 60_000);
afterAll(async () => {
  await stack.close();
});
const START = Date.UTC(2030, 2, 4, 9, 0);

interface Invitee {
  email: string;
  passcode: string;
}

const tasks = async (n: number) => {
  for (let i = 0; i < n; i += 1) await new Promise((r) => setTimeout(r, 0));
};

/** `port` with every call answered `lag()` tasks later (an ordering knob, not a wait). */
function lagging(port: ItemPort, lag: () => number): ItemPort {
  const slow = <A extends unknown[], R>(f: (...args: A) => Promise<R>) => async (...args: A): Promise<R> => {
    await tasks(lag());
    return f(...args);
  };
  return {
    getSnapshot: slow(port.getSnapshot),
    setBodyHtml: slow(port.setBodyHtml),
    getSessionData: slow(port.getSessionData),
    setSessionData: slow(port.setSessionData),
    getRoaming: slow(port.getRoaming),
    setRoaming: slow(port.setRoaming),
    onItemChanged: port.onItemChanged,
  };
}

/** The room as the meeting service holds the item's meeting now (its owner's view). */
async function servedRoom(port: ItemPort): Promise<{ invitees: Invitee[]; window: { opensAt: number } }> {
  const id = parseMeetingRecord(await port.getSessionData(MEETING_SESSION_KEY))!.id;
  const res = await fetch(`${stack.service.url}/api/v1/meetings/${id}`, { headers: { authorization: `Bearer ${await stack.tokens().token({ interactive: false })}` } });
  return ((await res.json()) as { room: { invitees: Invitee[]; window: { opensAt: number } } }).room;
}

/** The attendees' emails and passcodes as sessionData and the meeting service hold them. */
async function rosters(panePort: ItemPort) {
  const security = (await readSecurity(panePort))!;
  const pick = (list: Invitee[]) => list.map(({ email, passcode }) => ({ email, passcode }));
  return { stored: pick(security.roster!.invitees), room: pick((await servedRoom(panePort)).invitees) };
}

async function setup() {
  const host = createPlaygroundHost({
    subject: 'Plan',
    location: '',
    start: START,
    end: START + 3_600_000,
    timeZone: 'Europe/Berlin',
    requiredAttendees: [{ email: 'ana@example.com', name: 'Ana' }],
    optionalAttendees: [],
    recurrence: null,
    bodyHtml: '<div>Agenda</div>',
  });
  // Two frames, two fake office.js instances over the same host item (shared body and sessionData).
  // Each frame's calls take a number of tasks the test varies, so the two writers interleave differently each round.
  const lag = { pane: 0, runtime: 0 };
  const panePort = lagging(createOfficeItemPort(createFakeOffice(host) as unknown as OfficeLike), () => lag.pane);
  const runtimeOffice = createFakeOffice(host) as unknown as OfficeLike;
  let puts = 0;
  const fetch: ProvisionFetch = async (url, init) => {
    if (init.method === 'PUT') puts += 1;
    // A network that answers after a varying number of tasks, so the writers interleave differently.
    await tasks((puts * 7) % 5);
    return stack.fetch(url, init);
  };
  const clock = { now: START - 86_400_000 };
  const tokens = () => stack.tokens();
  const controller = createPaneController({ port: panePort, fetchPolicy: async () => POLICY, fetch, tokens, now: () => clock.now }, () => undefined);
  const logs: string[] = [];
  const handlers = createEventHandlers({ port: () => lagging(createOfficeItemPort(runtimeOffice), () => lag.runtime), loadPolicyText: async () => POLICY, log: (m) => void logs.push(m), fetch, tokens, now: () => clock.now });
  // Like the playground host: an attendee edit raises the launch event in the runtime.
  const launches: Promise<void>[] = [];
  host.subscribe((change) => {
    const handler = change === 'recipients' ? handlers.onAppointmentAttendeesChanged : change === 'time' ? handlers.onAppointmentTimeChanged : null;
    if (handler) launches.push(new Promise<void>((resolve) => void handler({ completed: () => resolve() } as never)));
  });
  await controller.init();
  return { host, panePort, controller, handlers, logs, launches, lag, clock };
}

describe('task pane open while the event runtime handles the same change', () => {
  it('adding attendees one after another (some with a move) leaves one passcode per invitee, the same in sessionData, the pane and on the node', async () => {
    const { host, panePort, controller, logs, launches, lag } = await setup();
    await controller.insert();
    for (let n = 1; n <= 12; n += 1) {
      lag.pane = n % 4;
      lag.runtime = (n * 3) % 5;
      host.updateItem({ requiredAttendees: [...host.readItem().requiredAttendees, { email: `guest${n}@example.com`, name: `Guest ${n}` }] });
      // Every third round the meeting also moves by an hour (a second event for both writers).
      if (n % 3 === 0) host.updateItem({ start: host.readItem().start + 3_600_000, end: host.readItem().end + 3_600_000 });
      // Office delivers the pane's item event on a later task: wait until it has been queued, then for both writers.
      await new Promise((r) => setTimeout(r, 0));
      await Promise.all(launches);
      await controller.settled();
      const emails = host.readItem().requiredAttendees.map((a) => a.email);
      const stored = (await readSecurity(panePort))!.roster!.invitees.map(({ email, passcode }) => ({ email, passcode }));
      const pane = controller.state.security!.roster!.invitees.map(({ email, passcode }) => ({ email, passcode }));
      const served = await servedRoom(panePort);
      const room = served.invitees.map(({ email, passcode }) => ({ email, passcode }));
      expect(stored.map((i) => i.email)).toEqual(emails);
      expect(new Set(stored.map((i) => i.passcode)).size).toBe(emails.length);
      expect(pane).toEqual(stored);
      expect(room).toEqual(stored);
      expect(served.window.opensAt).toBe(host.readItem().start - 15 * 60_000);
      for (const m of controller.state.messages) expect(m.text).toContain(stored.find((i) => i.email === m.email)!.passcode);
      expect(controller.state.truth?.drifts).toEqual([]);
    }
    expect(logs).toEqual([]);
  });

  it('once the pane has closed, or its heartbeat went stale, the event runtime updates the item again', async () => {
    const { host, panePort, controller, logs, launches, clock } = await setup();
    await controller.insert();
    await controller.dispose();
    host.updateItem({ requiredAttendees: [...host.readItem().requiredAttendees, { email: 'bo@example.com', name: 'Bo' }] });
    await Promise.all(launches);
    let { stored, room } = await rosters(panePort);
    expect(stored.map((i) => i.email)).toEqual(['ana@example.com', 'bo@example.com']);
    expect(room).toEqual(stored);

    // A pane that vanished without saying so left its last heartbeat, now older than the freshness limit.
    await markPaneOpen(panePort, clock.now);
    clock.now += PANE_HEARTBEAT_FRESH_MS;
    host.updateItem({ requiredAttendees: [...host.readItem().requiredAttendees, { email: 'cy@example.com', name: 'Cy' }] });
    await Promise.all(launches);
    ({ stored, room } = await rosters(panePort));
    expect(stored.map((i) => i.email)).toEqual(['ana@example.com', 'bo@example.com', 'cy@example.com']);
    expect(room).toEqual(stored);
    expect(logs).toEqual([]);
  });

  it('an attendee change no one synced (the pane owned updates, then closed) is synced and registered at send', async () => {
    const { host, panePort, controller, handlers, launches } = await setup();
    await controller.insert();
    // The pane owns updates but never hears this change (it is closing): the runtime skips it.
    host.updateItem({ requiredAttendees: [...host.readItem().requiredAttendees, { email: 'bo@example.com', name: 'Bo' }] });
    await Promise.all(launches);
    expect((await rosters(panePort)).room.map((i) => i.email)).toEqual(['ana@example.com']);
    const completed = await new Promise<unknown>((resolve) => void handlers.onAppointmentSend({ completed: resolve } as never));
    expect(completed).toEqual({ allowEvent: true });
    const { stored, room } = await rosters(panePort);
    expect(stored.map((i) => i.email)).toEqual(['ana@example.com', 'bo@example.com']);
    expect(room).toEqual(stored);
  });
});

describe('isFreshHeartbeat', () => {
  it('counts a heartbeat younger than the limit as an open pane, and nothing else', () => {
    expect(isFreshHeartbeat(String(START), START + PANE_HEARTBEAT_FRESH_MS - 1)).toBe(true);
    expect(isFreshHeartbeat(String(START), START + PANE_HEARTBEAT_FRESH_MS)).toBe(false);
    expect(isFreshHeartbeat(String(START + PANE_HEARTBEAT_FRESH_MS), START)).toBe(false);
    for (const bad of [null, '', 'soon', '1e12', '-5', String(START) + '.5']) expect(isFreshHeartbeat(bad, START)).toBe(false);
  });
});
