/**
 * The task pane controller over the real stack below it: G's Office adapter on the playground's
 * fake office.js (async callbacks, Outlook body rewriting) and the shared logic over core.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it, vi } from 'vitest';
import { readSecurity } from '../../../outlook-addin/logic';
import type { ItemPort } from '../../../outlook-addin/logic';
import { createOfficeItemPort } from '../../../outlook-addin/office';
import type { OfficeLike } from '../../../outlook-addin/office';
import { createFakeOffice } from '../../../outlook-addin/playground/fakeOffice';
import { createPlaygroundHost } from '../../../outlook-addin/playground/hostState';
import type { PlaygroundItem } from '../../../outlook-addin/playground/hostState';
import { createPaneController } from '../../../outlook-addin/taskpane/controller';
import type { PaneState } from '../../../outlook-addin/taskpane/controller';

const POLICY = readFileSync('examples/policy.json', 'utf8');
const START = Date.UTC(2030, 2, 4, 9, 0); // 10:00 in Berlin
const item = (over: Partial<PlaygroundItem> = {}): PlaygroundItem => ({
  subject: 'Plan <b>it</b>',
  location: '',
  start: START,
  end: START + 3_600_000,
  timeZone: 'Europe/Berlin',
  requiredAttendees: [{ email: 'ana@example.com', name: 'Ana Lima' }],
  optionalAttendees: [],
  recurrence: null,
  bodyHtml: '<div>Agenda</div>',
  ...over,
});

async function setup(policy: string | null = POLICY, fetchStatus = 201) {
  const host = createPlaygroundHost(item());
  const office = createFakeOffice(host) as unknown as OfficeLike;
  const officePort = createOfficeItemPort(office);
  // Office delivers item events on a later task: count deliveries so a test can wait for them
  // instead of sleeping (a fixed sleep raced the update's many async Office calls on a busy machine).
  let delivered = 0;
  const waiting: Array<{ count: number; resolve: () => void }> = [];
  const port: ItemPort = {
    ...officePort,
    onItemChanged: (kind, cb) =>
      officePort.onItemChanged(kind, () => {
        cb();
        delivered += 1;
        for (const w of waiting.filter((w) => delivered >= w.count)) w.resolve();
      }),
  };
  const requests: Array<{ url: string; body: string }> = [];
  /** Bodies of the PUTs the node answered, in the order it answered them. */
  const accepted: string[] = [];
  /** Milliseconds the node takes to answer the nth PUT (0-based); none by default. */
  const node = { latency: (_nth: number) => 0 };
  const deletes: string[] = [];
  const states: PaneState[] = [];
  const controller = createPaneController(
    {
      port,
      fetchPolicy: async () => policy,
      fetch: async (url, init) => {
        if (init.method === 'DELETE') {
          deletes.push(url);
          return { status: 204, text: async () => '' };
        }
        const nth = requests.push({ url, body: init.body ?? '' }) - 1;
        const latency = node.latency(nth);
        if (latency > 0) await new Promise((r) => setTimeout(r, latency)); // a slow node, not a wait for a condition
        if (fetchStatus < 300) accepted.push(init.body ?? '');
        return { status: fetchStatus, text: async () => (fetchStatus < 300 ? (init.body ?? '') : JSON.stringify({ error: 'invalid_room', errors: [{ path: 'alias', message: 'taken' }] })) };
      },
      now: () => START - 86_400_000,
    },
    (s) => states.push(s),
  );
  await controller.init();
  /** Makes `edit` in the host, waits for its `events` item events to reach the controller and every update they started to finish. */
  const change = async (edit: () => void, events = 1) => {
    const arrived = eventsArrived(events);
    edit();
    await arrived;
    await controller.settled();
  };
  /** Resolves when `count` more item events have reached the controller. */
  const eventsArrived = (count: number) => new Promise<void>((resolve) => waiting.push({ count: delivered + count, resolve }));
  return { host, port, controller, requests, accepted, node, deletes, states, change, eventsArrived };
}

describe('task pane controller', () => {
  it('starts from the policy: access code locked on, per-invitee passcodes, activation in the organizer zone', async () => {
    const { controller } = await setup();
    const s = controller.state;
    expect(s.phase).toBe('ready');
    expect(s.loaded?.source).toBe('file');
    expect(s.choices).toEqual({ accessCode: true, passcodeMode: 'per-invitee' });
    expect(s.settings?.locked).toContain('organizer.accessCode.required');
    expect(s.activation).toMatch(/09:45/);
    expect(s.inserted).toBe(false);
  });

  it('inserts the block once (idempotent), provisions it, and keeps the rest of the body', async () => {
    const { host, controller, requests } = await setup();
    await controller.insert();
    expect(controller.state.message).toEqual({ kind: 'info', text: 'The SecureJoin block was inserted.' });
    const body = host.readItem().bodyHtml;
    expect(body).toContain('Agenda');
    expect(body).toContain(controller.state.security!.accessCode!);
    expect(body).not.toContain('<b>it</b>');
    await controller.insert();
    expect(host.readItem().bodyHtml.split('-- SecureJoin secure access --').length - 1).toBe(1);
    expect(requests[0]?.url).toBe(`https://meet.example.com/securejoin/provision/rooms/${controller.state.security!.alias}`);
    expect(controller.state.provisioning.state).toBe('ok');
  });

  it('updates the activation time in the block when the meeting moves, and passcodes when attendees change', async () => {
    const { host, controller, change } = await setup();
    await controller.insert();
    await change(() => host.updateItem({ start: START + 3_600_000, end: START + 7_200_000 }));
    expect(host.readItem().bodyHtml).toMatch(/10:45/);
    expect(controller.state.problems).toEqual([]);
    const before = controller.state.security!.roster!.invitees.map((i) => i.passcode);
    await change(() => host.updateItem({ optionalAttendees: [{ email: 'bo@example.com', name: 'Bo' }] }));
    const roster = controller.state.security!.roster!.invitees;
    expect(roster.map((i) => i.email)).toEqual(['ana@example.com', 'bo@example.com']);
    expect(roster[0]!.passcode).toBe(before[0]);
    expect(new Set(roster.map((i) => i.passcode)).size).toBe(2);
  });

  it('a move to another day at the same time updates the date in the block and registers the new window', async () => {
    const { host, controller, requests, change } = await setup();
    await controller.insert();
    expect(host.readItem().bodyHtml).toContain('Mon 4 Mar, 09:45');
    expect(controller.state.activation).toMatch(/Mon 4 Mar, 09:45/);
    await change(() => host.updateItem({ start: START + 86_400_000, end: START + 86_400_000 + 3_600_000 }));
    expect(host.readItem().bodyHtml).toContain('Tue 5 Mar, 09:45');
    expect(controller.state.problems).toEqual([]);
    expect(controller.state.activation).toMatch(/Tue 5 Mar, 09:45/);
    expect(requests.map((r) => JSON.parse(r.body).meeting.start)).toEqual([START, START + 86_400_000]);
    expect(controller.state.provisioning.state).toBe('ok');
  });

  it('one edit that moves the meeting and adds an invitee (two item events) leaves one passcode per invitee in the item, the pane and on the node', async () => {
    const { host, port, controller, requests, change } = await setup();
    await controller.insert();
    const next = START + 86_400_000;
    await change(() => host.updateItem({ start: next, end: next + 3_600_000, optionalAttendees: [{ email: 'bo@example.com', name: 'Bo' }] }), 2);
    expect(host.readItem().bodyHtml).toContain('Tue 5 Mar, 09:45');
    expect(controller.state.problems).toEqual([]);
    const shown = controller.state.security!.roster!.invitees.map((i) => [i.email, i.passcode]);
    expect(shown.map(([email]) => email)).toEqual(['ana@example.com', 'bo@example.com']);
    expect((await readSecurity(port))!.roster!.invitees.map((i) => [i.email, i.passcode])).toEqual(shown);
    const registered = JSON.parse(requests.at(-1)!.body) as { meeting: { start: number }; invitees: Array<{ email: string; passcode: string }> };
    expect(registered.meeting.start).toBe(next);
    expect(registered.invitees.map((i) => [i.email, i.passcode])).toEqual(shown);
    expect(controller.state.provisioning.state).toBe('ok');
  });

  it('an edit made while the node is still answering the previous one is applied after it, so the node ends with what the item says', async () => {
    const { host, port, controller, requests, accepted, node, change, eventsArrived } = await setup();
    await controller.insert();
    const bo = { email: 'bo@example.com', name: 'Bo' };
    const cy = { email: 'cy@example.com', name: 'Cy' };
    node.latency = (nth) => (nth === 1 ? 100 : 0); // the first edit's registration is slow
    const first = eventsArrived(1);
    host.updateItem({ optionalAttendees: [bo] });
    await first;
    await vi.waitFor(() => expect(requests).toHaveLength(2));
    await change(() => host.updateItem({ optionalAttendees: [bo, cy] }));
    const passcodes = (body: string) => Object.fromEntries((JSON.parse(body) as { invitees: Array<{ email: string; passcode: string }> }).invitees.map((i) => [i.email, i.passcode]));
    const shown = Object.fromEntries(controller.state.security!.roster!.invitees.map((i) => [i.email, i.passcode]));
    expect(Object.keys(shown)).toEqual(['ana@example.com', 'bo@example.com', 'cy@example.com']);
    expect(passcodes(accepted.at(-1)!)).toEqual(shown);
    expect(Object.fromEntries((await readSecurity(port))!.roster!.invitees.map((i) => [i.email, i.passcode]))).toEqual(shown);
    expect(passcodes(accepted[1]!)['bo@example.com']).toBe(shown['bo@example.com']); // Bo's passcode, once made, stays
    expect(controller.state.provisioning.state).toBe('ok');
  });

  it('withdraws the previous room from the node when new codes replace it, and the room when the block is removed', async () => {
    const { controller, requests, deletes } = await setup();
    await controller.insert();
    const first = requests.at(-1)!.url;
    await controller.generate();
    const second = requests.at(-1)!.url;
    expect(second).not.toBe(first);
    expect(deletes).toEqual([first]);
    expect(controller.state.provisioning.state).toBe('ok');
    await controller.remove();
    expect(deletes).toEqual([first, second]);
    expect(controller.state.provisioning.text).toMatch(/removed from the conference node/);
    await controller.remove(); // nothing registered any more: nothing to withdraw
    expect(deletes).toHaveLength(2);
  });

  it('ignores changes to locked settings and reports provisioning refusals', async () => {
    const { controller } = await setup(POLICY, 400);
    controller.setAccessCode(false);
    expect(controller.state.choices.accessCode).toBe(true);
    await controller.insert();
    expect(controller.state.provisioning.state).toBe('failed');
    expect(controller.state.provisioning.text).toMatch(/refused/);
  });

  it('falls back to the secure defaults with every error when policy.json is invalid or unreachable', async () => {
    const bad = await setup('{"version": 2, "organizer": {"accessCode": {"required": {"value": "no"}}}}');
    expect(bad.controller.state.loaded?.source).toBe('default');
    expect(bad.controller.state.loaded?.errors.length).toBeGreaterThan(0);
    expect(bad.controller.state.choices.accessCode).toBe(true);
    const gone = await setup(null);
    expect(gone.controller.state.loaded?.errors[0]?.path).toBe('policy.json');
  });

  it('saves the choices as the default for all meetings in roaming settings', async () => {
    const { host, controller } = await setup();
    await controller.setPasscodeMode('shared');
    await controller.saveDefault();
    expect(JSON.stringify(host.loadRoaming())).toContain('"shared"');
    expect(controller.state.message?.text).toBe('Saved as your default for all meetings.');
  });
});
