import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findInviteBlock } from '../../../core/invite';
import { createEventHandlers, LAUNCH_EVENTS, registerEventHandlers } from '../../../outlook-addin/events';
import { aliasesOf, parseSecurity, SECURITY_SESSION_KEY, TokenUnavailableError } from '../../../outlook-addin/logic';
import { parseJoinLink } from '../../../core/links/join';
import type { TokenSource } from '../../../outlook-addin/logic';
import { createOfficeItemPort } from '../../../outlook-addin/office';
import type { OfficeLike } from '../../../outlook-addin/office';
import { mockOffice, seedState } from '../office/officeSeed';
import type { SeedState } from '../office/officeSeed';
import { startTestStack } from '../support/meetingService';
import type { TestStack } from '../support/meetingService';

// A real meeting service (PGlite, local issuer) syncing rooms to a real reference node.
let stack: TestStack;
let EXAMPLE_POLICY_TEXT: string;
beforeAll(async () => {
  stack = await startTestStack();
  EXAMPLE_POLICY_TEXT = stack.policyText;
}, 60_000);
afterAll(async () => {
  await stack.close();
});

/** A launch event that records how it was completed. */
function launchEvent() {
  const calls: Array<{ allowEvent?: boolean; errorMessage?: string } | undefined> = [];
  return { calls, completed: (options?: { allowEvent?: boolean; errorMessage?: string }) => void calls.push(options) };
}

/**
 * The runtime's network as the handlers see it: the real fetch to the real service, recording
 * each PUT's room (`down`: the network fails), and a silent token source whose state a test sets
 * ('ok', 'none': sign-in needed, 'expired': the service refuses it).
 */
function network() {
  const node = { down: false, signIn: 'ok' as 'ok' | 'none' | 'expired', puts: [] as Array<{ url: string; spec: { meeting?: { start: number; end: number }; invitees?: Array<{ email: string }> } }> };
  const fetch = async (url: string, init: { method: string; headers: Record<string, string>; body?: string }) => {
    if (node.down) throw new TypeError('Failed to fetch');
    const res = await globalThis.fetch(url, init);
    if (init.method === 'PUT' && res.status < 300) node.puts.push({ url, spec: JSON.parse(init.body ?? '').room });
    return res;
  };
  const tokens: TokenSource = {
    token: async (request) => {
      if (node.signIn === 'none') throw new TokenUnavailableError('sign-in-needed', 'You are not signed in to the SecureJoin meeting service.');
      return node.signIn === 'expired' ? stack.issuer.sign({ oid: 'olga', ttlSeconds: -60 }) : stack.tokens().token(request);
    },
  };
  return { node, fetch, tokens };
}

function setup(over: Partial<SeedState> = {}, policyText: string | null = EXAMPLE_POLICY_TEXT) {
  const state = seedState(over);
  const office = mockOffice(state);
  const logs: string[] = [];
  const { node, fetch, tokens } = network();
  const handlers = createEventHandlers({ port: () => createOfficeItemPort(office), loadPolicyText: async () => policyText, log: (m) => void logs.push(m), fetch, tokens: () => tokens, now: () => Date.UTC(2026, 2, 1) });
  return { state, office, handlers, logs, node };
}

const blockOf = (state: SeedState) => findInviteBlock(state.body, 'html');

describe('event handlers', () => {
  it('OnNewAppointmentOrganizer inserts the block and keeps the codes in sessionData', async () => {
    const { state, handlers } = setup();
    const event = launchEvent();
    await handlers.onNewAppointmentOrganizer(event);
    expect(event.calls).toEqual([undefined]);
    const security = parseSecurity(state.session.get(SECURITY_SESSION_KEY) ?? null);
    expect(blockOf(state)?.fields.accessCode).toBe(security?.accessCode);
    expect(security?.roster?.invitees).toHaveLength(2);
    // A second activation (e.g. Outlook re-raising the event) must not add a second block.
    await handlers.onNewAppointmentOrganizer(launchEvent());
    expect(blockOf(state)?.count).toBe(1);
  });

  it('OnNewAppointmentOrganizer leaves the body alone when no code is wanted', async () => {
    const policy = JSON.parse(EXAMPLE_POLICY_TEXT);
    policy.organizer.accessCode.required = { value: false, locked: false };
    const { state, handlers } = setup({}, JSON.stringify(policy));
    const event = launchEvent();
    await handlers.onNewAppointmentOrganizer(event);
    expect(state.bodyWrites).toEqual([]);
    expect(event.calls).toHaveLength(1);
  });

  it('OnAppointmentTimeChanged updates the activation time, also when sessionData is gone', async () => {
    const { state, handlers } = setup();
    await handlers.onNewAppointmentOrganizer(launchEvent());
    state.start = new Date(Date.UTC(2026, 2, 10, 12, 0));
    state.end = new Date(Date.UTC(2026, 2, 10, 13, 0));
    await handlers.onAppointmentTimeChanged(launchEvent());
    expect(blockOf(state)?.fields.activationSentence).toBe('The code works from Tue 10 Mar, 12:45 (Europe/Berlin), 15 minutes before the start.');
    state.session.clear();
    state.start = new Date(Date.UTC(2026, 2, 10, 14, 0));
    state.end = new Date(Date.UTC(2026, 2, 10, 15, 0));
    const event = launchEvent();
    await handlers.onAppointmentTimeChanged(event);
    expect(blockOf(state)?.fields.activationSentence).toBe('The code works from Tue 10 Mar, 14:45 (Europe/Berlin), 15 minutes before the start.');
    expect(state.session.size).toBe(0);
    expect(event.calls).toHaveLength(1);
  });

  it('OnAppointmentRecurrenceChanged adds the series sentence', async () => {
    const { state, handlers } = setup();
    await handlers.onNewAppointmentOrganizer(launchEvent());
    state.recurrence = { recurrenceType: 'weekly', recurrenceProperties: { interval: 1, days: ['tue'] } };
    await handlers.onAppointmentRecurrenceChanged(launchEvent());
    expect(blockOf(state)?.fields.recurringSentence).toMatch(/before each occurrence/);
  });

  it('OnAppointmentAttendeesChanged keeps passcodes, adds and drops invitees', async () => {
    const { state, handlers } = setup();
    await handlers.onNewAppointmentOrganizer(launchEvent());
    const before = parseSecurity(state.session.get(SECURITY_SESSION_KEY) ?? null);
    state.optional = [{ emailAddress: 'cy@example.com', displayName: 'Cy' }];
    await handlers.onAppointmentAttendeesChanged(launchEvent());
    const after = parseSecurity(state.session.get(SECURITY_SESSION_KEY) ?? null);
    expect(after?.roster?.invitees.map((i) => i.email)).toEqual(['ana@example.com', 'cy@example.com']);
    expect(after?.roster?.invitees[0]).toEqual(before?.roster?.invitees[0]);
    // The draft registered at insert has the service's aliases; Cy got his from the change's registration.
    expect(before?.minted?.aliases).toEqual(aliasesOf(before!));
    expect(after?.minted?.aliases).toEqual(aliasesOf(after!));
    expect(after?.accessCode).toBe(before?.accessCode);
    expect(blockOf(state)?.fields.accessCode).toBe(after?.accessCode);
    // A second change keeps what the service minted.
    state.optional = [];
    await handlers.onAppointmentAttendeesChanged(launchEvent());
    const last = parseSecurity(state.session.get(SECURITY_SESSION_KEY) ?? null);
    expect(last?.roster?.invitees).toEqual(after?.roster?.invitees.slice(0, 1));
    expect(last?.accessCode).toBe(after?.accessCode);
  });

  it('OnAppointmentSend allows a correct invite and blocks missing, stale and tampered ones', async () => {
    const { state, handlers } = setup();
    const missing = launchEvent();
    await handlers.onAppointmentSend(missing);
    expect(missing.calls[0]).toMatchObject({ allowEvent: false, errorMessage: expect.stringMatching(/no SecureJoin block/) });

    await handlers.onNewAppointmentOrganizer(launchEvent());
    const ok = launchEvent();
    await handlers.onAppointmentSend(ok);
    expect(ok.calls).toEqual([{ allowEvent: true }]);

    state.start = new Date(Date.UTC(2026, 2, 11, 10, 30));
    state.end = new Date(Date.UTC(2026, 2, 11, 11, 30));
    const stale = launchEvent();
    await handlers.onAppointmentSend(stale);
    expect(stale.calls[0]?.errorMessage).toMatch(/no longer matches the meeting time/);
    expect(stale.calls[0]?.errorMessage?.length).toBeLessThanOrEqual(500);

    await handlers.onAppointmentTimeChanged(launchEvent());
    const code = blockOf(state)?.fields.accessCode as string;
    state.body = state.body.replace(code, '123456789');
    const tampered = launchEvent();
    await handlers.onAppointmentSend(tampered);
    expect(tampered.calls[0]).toMatchObject({ allowEvent: false, errorMessage: expect.stringMatching(/easily guessed/) });
  });

  it('completes every event when the host fails, and blocks the send (fail closed)', async () => {
    const { office, handlers, logs } = setup();
    (office.context.mailbox as { item: unknown }).item = null;
    for (const { functionName } of LAUNCH_EVENTS) {
      const event = launchEvent();
      await handlers[functionName as keyof typeof handlers](event);
      expect(event.calls).toHaveLength(1);
    }
    expect(logs.length).toBeGreaterThan(0);
    const send = launchEvent();
    await handlers.onAppointmentSend(send);
    expect(send.calls[0]?.allowEvent).toBe(false);
  });

  it('a move to another day at the same time: stale at send; OnAppointmentTimeChanged states the new date and re-registers the window', async () => {
    const { state, handlers, node } = setup();
    await handlers.onNewAppointmentOrganizer(launchEvent());
    const first = launchEvent();
    await handlers.onAppointmentSend(first);
    expect(first.calls).toEqual([{ allowEvent: true }]);
    // The draft at insert, then the send.
    expect(node.puts.map((p) => p.spec.meeting?.start)).toEqual([Date.UTC(2026, 2, 10, 8, 0), Date.UTC(2026, 2, 10, 8, 0)]);

    state.start = new Date(Date.UTC(2026, 2, 12, 8, 0));
    state.end = new Date(Date.UTC(2026, 2, 12, 9, 0));
    const stale = launchEvent();
    await handlers.onAppointmentSend(stale);
    expect(stale.calls[0]).toMatchObject({ allowEvent: false, errorMessage: expect.stringMatching(/no longer matches the meeting time/) });

    await handlers.onAppointmentTimeChanged(launchEvent());
    expect(blockOf(state)?.fields.activationSentence).toBe('The code works from Thu 12 Mar, 08:45 (Europe/Berlin), 15 minutes before the start.');
    expect(node.puts.map((p) => p.spec.meeting?.start)).toEqual([Date.UTC(2026, 2, 10, 8, 0), Date.UTC(2026, 2, 10, 8, 0), Date.UTC(2026, 2, 12, 8, 0)]);
    const ok = launchEvent();
    await handlers.onAppointmentSend(ok);
    expect(ok.calls).toEqual([{ allowEvent: true }]);
    expect(node.puts).toHaveLength(3); // the service holds this meeting already
    // A draft at insert; the send check registered it as sent; the later re-registration kept it sent (its codes keep working).
    expect(node.puts.map((p) => (p.spec as { sent?: boolean }).sent)).toEqual([false, true, true]);
  });

  it('at send, registers what changed since (invitees) and refuses when the service is unreachable, there is no token or it is refused', async () => {
    const { state, handlers, node, logs } = setup();
    await handlers.onNewAppointmentOrganizer(launchEvent());
    await handlers.onAppointmentSend(launchEvent());
    // The attendee change registers the new roster at once; with the node down that is logged and the send retries.
    node.down = true;
    state.optional = [{ emailAddress: 'cy@example.com', displayName: 'Cy' }];
    await handlers.onAppointmentAttendeesChanged(launchEvent());
    expect(logs.at(-1)).toMatch(/^onAppointmentAttendeesChanged: SecureJoin could not reach the meeting service/);
    const down = launchEvent();
    await handlers.onAppointmentSend(down);
    // Sentences end properly (the browser's "Failed to fetch" never runs into "Send again").
    expect(down.calls[0]).toEqual({
      allowEvent: false,
      errorMessage: `SecureJoin: this meeting could not be registered with the meeting service, so its codes would not open the room. SecureJoin could not reach the meeting service (${(JSON.parse(EXAMPLE_POLICY_TEXT) as { meetingService: { url: string } }).meetingService.url}). Check your network connection. Send again to retry.`,
    });
    expect(down.calls[0]?.errorMessage).not.toContain('Failed to fetch');
    expect(down.calls[0]?.errorMessage?.length).toBeLessThanOrEqual(500);

    node.down = false;
    node.signIn = 'none';
    const signedOut = launchEvent();
    await handlers.onAppointmentSend(signedOut);
    expect(signedOut.calls[0]).toEqual({
      allowEvent: false,
      errorMessage:
        'SecureJoin: this meeting could not be registered with the meeting service, so its codes would not open the room. You are not signed in to the SecureJoin meeting service. Open SecureJoin and press "Sign in to the meeting service", then send again.',
    });

    node.signIn = 'expired';
    const refused = launchEvent();
    await handlers.onAppointmentSend(refused);
    expect(refused.calls[0]).toMatchObject({ allowEvent: false, errorMessage: expect.stringMatching(/did not accept your sign-in \(401\)/) });

    node.signIn = 'ok';
    const sent = launchEvent();
    await handlers.onAppointmentSend(sent);
    expect(sent.calls).toEqual([{ allowEvent: true }]);
    expect(node.puts.at(-1)?.spec.invitees?.map((i) => i.email)).toEqual(['ana@example.com', 'cy@example.com']);

    // A time change while the node is down is logged (no UI in the runtime); the send then refuses.
    node.down = true;
    state.start = new Date(Date.UTC(2026, 2, 10, 9, 0));
    state.end = new Date(Date.UTC(2026, 2, 10, 10, 0));
    await handlers.onAppointmentTimeChanged(launchEvent());
    expect(logs.at(-1)).toMatch(/^onAppointmentTimeChanged: SecureJoin could not reach the meeting service/);
    const after = launchEvent();
    await handlers.onAppointmentSend(after);
    expect(after.calls[0]?.allowEvent).toBe(false);
  });

  it('never lets an invite go out with placeholder aliases: the send check puts the service\'s into the block first, or refuses', async () => {
    const { state, handlers, node, logs } = setup();
    // The service cannot be reached when the meeting opens: the block goes in with placeholders.
    node.down = true;
    await handlers.onNewAppointmentOrganizer(launchEvent());
    expect(logs.at(-1)).toMatch(/^onNewAppointmentOrganizer: SecureJoin could not reach the meeting service/);
    const placeholders = parseSecurity(state.session.get(SECURITY_SESSION_KEY) ?? null)!;
    expect(placeholders.minted).toBeUndefined();
    expect(blockOf(state)?.fields.accessCode).toBe(placeholders.accessCode);
    const down = launchEvent();
    await handlers.onAppointmentSend(down);
    expect(down.calls[0]?.allowEvent).toBe(false);
    node.down = false;
    const sent = launchEvent();
    await handlers.onAppointmentSend(sent);
    expect(sent.calls).toEqual([{ allowEvent: true }]);
    const security = parseSecurity(state.session.get(SECURITY_SESSION_KEY) ?? null)!;
    const block = blockOf(state)!;
    const link = parseJoinLink(block.fields.joinUrl ?? '');
    expect(link.ok && link.value.alias).toBe(security.alias);
    expect(block.fields.accessCode).toBe(security.accessCode);
    for (const alias of aliasesOf(security)) expect(aliasesOf(placeholders)).not.toContain(alias);
    // What went out is what the service holds, minted by it.
    expect(await stack.storedRoom(security.alias)).toMatchObject({ sent: true, accessCode: { code: security.accessCode } });
    expect(node.puts[0]?.spec).not.toHaveProperty('alias');
  });

  it('blocks the send with secure defaults when policy.json is unreachable', async () => {
    const { handlers } = setup({}, null);
    const event = launchEvent();
    await handlers.onAppointmentSend(event);
    expect(event.calls[0]?.allowEvent).toBe(false);
  });
});

describe('registerEventHandlers', () => {
  it('associates every launch event function by name', () => {
    const associated = new Map<string, unknown>();
    const office = { context: { mailbox: { item: null } }, actions: { associate: (n: string, h: unknown) => void associated.set(n, h) } } as OfficeLike;
    const { handlers } = setup();
    expect(registerEventHandlers(office, handlers)).toEqual(LAUNCH_EVENTS.map((e) => e.functionName));
    for (const { functionName } of LAUNCH_EVENTS) expect(associated.get(functionName)).toBe(handlers[functionName as keyof typeof handlers]);
  });

  it('fails loudly without Office.actions', () => {
    expect(() => registerEventHandlers({ context: { mailbox: { item: null } } }, setup().handlers)).toThrow(/associate/);
  });
});
