/**
 * The task pane controller over the real stack below it: G's Office adapter on the playground's
 * fake office.js (async callbacks, Outlook body rewriting), the shared logic over core, and a
 * real meeting service (local issuer) that registers rooms on a real reference node.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { BUTTON, readSecurity, TokenUnavailableError } from '../../../outlook-addin/logic';
import type { ItemPort, TokenSource } from '../../../outlook-addin/logic';
import { createOfficeItemPort } from '../../../outlook-addin/office';
import type { OfficeLike } from '../../../outlook-addin/office';
import { createFakeOffice } from '../../../dev/outlook-playground/fakeOffice';
import { createPlaygroundHost } from '../../../dev/outlook-playground/hostState';
import type { PlaygroundItem } from '../../../dev/outlook-playground/hostState';
import { PLAYGROUND_START, playgroundItem } from '../../support/playgroundItem';
import { createPaneController } from '../../../outlook-addin/taskpane/controller';
import type { PaneState } from '../../../outlook-addin/taskpane/controller';
import { requestToken } from '../../dev/conference-node/support';
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
const START = PLAYGROUND_START;
const item = (over: Partial<PlaygroundItem> = {}): PlaygroundItem => playgroundItem({ subject: 'Plan <b>it</b>', ...over });

/** The organizer's sign-in: 'ok', 'none' (no token can be had) or 'expired' (the service refuses it). */
type SignIn = { state: 'ok' | 'none' | 'expired' };

async function setup(policy: string | null = POLICY, signIn: SignIn = { state: 'ok' }, mailboxVersion = '1.13') {
  const host = createPlaygroundHost(item(), { mailboxVersion });
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
  /** Bodies of the PUTs the service accepted, in the order it answered them. */
  const accepted: string[] = [];
  /** Milliseconds added before the nth PUT reaches the service (0-based); none by default. */
  const node = { latency: (_nth: number) => 0 };
  const deletes: string[] = [];
  const states: PaneState[] = [];
  const tokens: TokenSource = {
    token: async (request) => {
      if (signIn.state === 'none') throw new TokenUnavailableError('failed', 'Signing in to the SecureJoin meeting service did not complete (the sign-in was declined).');
      return signIn.state === 'expired' ? stack.issuer.sign({ oid: 'olga', ttlSeconds: -60 }) : stack.tokens().token(request);
    },
  };
  const controller = createPaneController(
    {
      port,
      fetchPolicy: async () => policy,
      fetch: async (url, init) => {
        if (init.method === 'DELETE') deletes.push(url);
        if (init.method !== 'PUT') return fetch(url, init);
        const nth = requests.push({ url, body: init.body ?? '' }) - 1;
        const latency = node.latency(nth);
        if (latency > 0) await new Promise((r) => setTimeout(r, latency)); // a slow network, not a wait for a condition
        const res = await fetch(url, init);
        if (res.status < 300) accepted.push(init.body ?? '');
        return res;
      },
      tokens: () => tokens,
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
  it('Mailbox 1.5 (no change events, no sessionData): a re-read after a move updates the block and registers the new window; a hand edit is shown, not overwritten', async () => {
    const { host, controller } = await setup(POLICY, { state: 'ok' }, '1.5');
    expect(controller.state.followsChanges).toBe(false);
    await controller.insert();
    expect(controller.state.truth?.state).toBe('current');
    const alias = controller.state.security!.alias;
    host.updateItem({ start: START + 2 * 3_600_000, end: START + 3 * 3_600_000 });
    await controller.recheck();
    expect(host.readItem().bodyHtml).toMatch(/works from [^(]*11:45/);
    expect((await stack.storedRoom(alias))?.window?.opensAt).toBe(START + 2 * 3_600_000 - 15 * 60_000);
    expect(controller.state.truth).toMatchObject({ state: 'current', drifts: [] });
    // A hand edit, then a move: the edit stays and is shown with the move; nothing is overwritten.
    const code = controller.state.security!.accessCode!;
    host.typeBody(host.readItem().bodyHtml.split(code).join('7'.repeat(code.length)));
    host.updateItem({ start: START + 3 * 3_600_000, end: START + 4 * 3_600_000 });
    await controller.recheck();
    expect(host.readItem().bodyHtml).toContain('7'.repeat(code.length));
    // (Also: a weak code typed in, the time moved, the dial-in's conference ID differs, the service holds the old time.)
    expect(controller.state.truth?.drifts.map((d) => d.kind)).toEqual(['access-code-changed', 'block', 'time', 'block', 'service-behind']);
    await controller.insert();
    expect(controller.state.truth).toMatchObject({ state: 'current', drifts: [] });
    expect((await stack.storedRoom(alias))?.window?.opensAt).toBe(START + 3 * 3_600_000 - 15 * 60_000);
  });

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
    expect(controller.state.message).toMatchObject({ kind: 'info', text: 'The SecureJoin block was inserted.' });
    const body = host.readItem().bodyHtml;
    expect(body).toContain('Agenda');
    expect(body).toContain(controller.state.security!.accessCode!);
    expect(body).not.toContain('<b>it</b>');
    await controller.insert();
    expect(host.readItem().bodyHtml.split('-- SecureJoin secure access --').length - 1).toBe(1);
    expect(requests[0]?.url).toMatch(new RegExp(`^${stack.service.url}/api/v1/meetings/[A-Za-z0-9_-]{21}$`));
    // Insert is an explicit action: the meeting is written again, replacing (If-Match) the one the first insert created.
    expect(requests.map((r) => r.url)).toEqual([requests[0]!.url, requests[0]!.url]);
    expect(controller.state.provisioning).toEqual({ state: 'ok', text: `Room ${controller.state.security!.alias} updated with the meeting service.` });
    // The service holds the meeting (a draft, its window in 2030): the node, asking it, opens nothing yet.
    expect((await stack.storedRoom(controller.state.security!.alias))?.accessCode?.code).toBe(controller.state.security!.accessCode);
    expect((await requestToken(stack.node!, controller.state.security!.alias, 'Olga', controller.state.security!.hostPin)).status).toBe(404);
  });

  it('updates the activation time in the block when the meeting moves, and passcodes when attendees change', async () => {
    const { host, controller, change, states } = await setup();
    await controller.insert();
    const seen = states.length;
    await change(() => host.updateItem({ start: START + 3_600_000, end: START + 7_200_000 }));
    expect(host.readItem().bodyHtml).toMatch(/10:45/);
    expect(controller.state.truth?.drifts).toEqual([]);
    // From the move on, the top says "registering", then up to date: no passing "not registered" alert on the way.
    expect([...new Set(states.slice(seen).map((s) => s.truth?.state))]).toEqual(['pending', 'current']);
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
    expect(controller.state.truth?.drifts).toEqual([]);
    expect(controller.state.activation).toMatch(/Tue 5 Mar, 09:45/);
    expect(requests.map((r) => JSON.parse(r.body).room.meeting.start)).toEqual([START, START + 86_400_000]);
    expect(controller.state.provisioning.state).toBe('ok');
  });

  it('one edit that moves the meeting and adds an invitee (two item events) leaves one passcode per invitee in the item, the pane and on the node', async () => {
    const { host, port, controller, requests, change } = await setup();
    await controller.insert();
    const next = START + 86_400_000;
    await change(() => host.updateItem({ start: next, end: next + 3_600_000, optionalAttendees: [{ email: 'bo@example.com', name: 'Bo' }] }), 2);
    expect(host.readItem().bodyHtml).toContain('Tue 5 Mar, 09:45');
    expect(controller.state.truth?.drifts).toEqual([]);
    const shown = controller.state.security!.roster!.invitees.map((i) => [i.email, i.passcode]);
    expect(shown.map(([email]) => email)).toEqual(['ana@example.com', 'bo@example.com']);
    expect((await readSecurity(port))!.roster!.invitees.map((i) => [i.email, i.passcode])).toEqual(shown);
    const registered = (JSON.parse(requests.at(-1)!.body) as { room: { meeting: { start: number }; invitees: Array<{ email: string; passcode: string }> } }).room;
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
    const passcodes = (body: string) => Object.fromEntries((JSON.parse(body) as { room: { invitees: Array<{ email: string; passcode: string }> } }).room.invitees.map((i) => [i.email, i.passcode]));
    const shown = Object.fromEntries(controller.state.security!.roster!.invitees.map((i) => [i.email, i.passcode]));
    expect(Object.keys(shown)).toEqual(['ana@example.com', 'bo@example.com', 'cy@example.com']);
    expect(passcodes(accepted.at(-1)!)).toEqual(shown);
    expect(Object.fromEntries((await readSecurity(port))!.roster!.invitees.map((i) => [i.email, i.passcode]))).toEqual(shown);
    expect(passcodes(accepted[1]!)['bo@example.com']).toBe(shown['bo@example.com']); // Bo's passcode, once made, stays
    expect(controller.state.provisioning.state).toBe('ok');
  });

  it('new codes replace the meeting (same id, the service drops the old aliases); removing the block deletes it', async () => {
    const { controller, requests, deletes } = await setup();
    await controller.insert();
    const first = controller.state.security!;
    await controller.generate();
    const second = controller.state.security!;
    expect(second.alias).not.toBe(first.alias);
    expect(new Set(requests.map((r) => r.url)).size).toBe(1);
    expect(controller.state.provisioning.state).toBe('ok');
    expect(await stack.storedRoom(first.alias)).toBeNull();
    expect((await stack.storedRoom(second.alias))?.hostPin).toBe(second.hostPin);
    await controller.remove();
    expect(deletes).toEqual([requests[0]!.url]);
    expect(controller.state.provisioning.text).toMatch(/removed from the meeting service/);
    expect(await stack.storedRoom(second.alias)).toBeNull();
    await controller.remove(); // nothing registered any more: nothing to delete
    expect(deletes).toHaveLength(1);
  });

  it('ignores changes to locked settings; with no token says so, offers sign-in and registers once signed in', async () => {
    const signIn: SignIn = { state: 'none' };
    const { controller, requests } = await setup(POLICY, signIn);
    controller.setAccessCode(false);
    expect(controller.state.choices.accessCode).toBe(true);
    await controller.insert();
    expect(controller.state.provisioning).toEqual({ state: 'sign-in', text: expect.stringMatching(/^Signing in to the SecureJoin meeting service did not complete.*Until you sign in, the meeting is not registered and SecureJoin will not let it be sent\.$/) });
    expect(requests).toEqual([]);
    signIn.state = 'expired';
    await controller.signIn();
    expect(controller.state.provisioning).toEqual({ state: 'failed', text: expect.stringMatching(/did not accept your sign-in \(401\)/) });
    signIn.state = 'ok';
    await controller.signIn();
    expect(controller.state.provisioning).toEqual({ state: 'ok', text: expect.stringMatching(/registered with the meeting service/) });
    expect((await stack.storedRoom(controller.state.security!.alias))?.hostPin).toBe(controller.state.security!.hostPin);
  });

  it('until the service answers the block shows placeholders and the pane says "not registered"; then the service\'s aliases, in the block and the pane', async () => {
    const signIn: SignIn = { state: 'none' };
    const { host, controller } = await setup(POLICY, signIn);
    await controller.insert();
    const placeholders = controller.state.security!;
    expect(placeholders.minted).toBeUndefined();
    expect(controller.state.truth).toMatchObject({ state: 'unregistered', action: BUTTON.signIn });
    expect(host.readItem().bodyHtml).toContain(placeholders.accessCode!);
    signIn.state = 'ok';
    await controller.signIn();
    const minted = controller.state.security!;
    expect(minted.accessCode).not.toBe(placeholders.accessCode);
    expect(minted.minted?.aliases).toContain(minted.alias);
    expect(controller.state.truth).toMatchObject({ state: 'current', drifts: [] });
    expect(host.readItem().bodyHtml).toContain(minted.accessCode!);
    expect(host.readItem().bodyHtml).not.toContain(placeholders.accessCode!);
    expect((await stack.storedRoom(minted.alias))?.accessCode).toEqual({ code: minted.accessCode, role: 'guest' });
  });

  it('aliases the service refuses as not this meeting\'s: plain words and "Get new links", which registers fresh ones once', async () => {
    // Another meeting of the organizer, registered.
    const other = await setup();
    await other.controller.insert();
    const theirs = other.controller.state.security!;
    const { host, port, controller, requests, change } = await setup();
    await controller.insert();
    const mine = controller.state.security!;
    // This item's codes come to claim the other meeting's link and access code as minted for it;
    // the pane takes the item's codes at its next update (a move).
    await port.setSessionData('securejoin.security', JSON.stringify({ ...mine, alias: theirs.alias, accessCode: theirs.accessCode, minted: { ...mine.minted!, aliases: [...mine.minted!.aliases, theirs.alias, theirs.accessCode] } }));
    await change(() => host.updateItem({ start: START + 3_600_000, end: START + 7_200_000 }));
    expect(controller.state.security?.alias).toBe(theirs.alias);
    expect(controller.state.provisioning.state).toBe('aliases');
    // Pressing "Update block" again carries the same aliases and is refused the same way: the pane never offers it.
    expect(controller.state.truth?.action).not.toBe(BUTTON.update);
    expect(controller.state.truth).toMatchObject({ state: 'unregistered', action: BUTTON.newLinks });
    expect(controller.state.truth?.drifts[0]?.text).toMatch(/refused this meeting's links and access code.*press "Get new links"/);
    const before = requests.length;
    await controller.newLinks();
    expect(requests.length - before).toBe(1);
    const renewed = controller.state.security!;
    expect(controller.state.provisioning.state).toBe('ok');
    expect(controller.state.truth).toMatchObject({ state: 'current', drifts: [] });
    expect(renewed.alias).not.toBe(theirs.alias);
    expect(renewed.hostPin).toBe(mine.hostPin);
    expect(host.readItem().bodyHtml).toContain(renewed.accessCode!);
    // The other meeting keeps its own.
    expect((await stack.storedRoom(theirs.alias))?.accessCode).toEqual({ code: theirs.accessCode, role: 'guest' });
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
