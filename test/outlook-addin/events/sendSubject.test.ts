/**
 * Issue 13: a subject typed or changed after the block went in. The send check writes the new
 * subject into the block's "Meeting:" line itself (and registers it), refuses when anything else
 * differs too (rewriting nothing), and refuses naming "Update block" when the write fails.
 * The real event handlers over office-addin-mock, registering with a real meeting service.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findInviteBlock } from '../../../core/invite/upsert';
import { createEventHandlers } from '../../../outlook-addin/events';
import { parseSecurity, SECURITY_SESSION_KEY } from '../../../outlook-addin/logic';
import { createOfficeItemPort } from '../../../outlook-addin/office';
import { mockOffice, seedState } from '../office/officeSeed';
import type { SeedState } from '../office/officeSeed';
import { startTestStack } from '../support/meetingService';
import type { TestStack } from '../support/meetingService';

let stack: TestStack;
beforeAll(async () => {
  stack = await startTestStack({ node: false });
}, 60_000);
afterAll(async () => {
  await stack.close();
});

/** A launch event that records how it was completed. */
function launchEvent() {
  const calls: Array<{ allowEvent?: boolean; errorMessage?: string } | undefined> = [];
  return { calls, completed: (options?: { allowEvent?: boolean; errorMessage?: string }) => void calls.push(options) };
}

/** The handlers over a mocked item whose new meeting has no subject yet, recording the subjects the service accepted. */
function setup(over: Partial<SeedState> = {}) {
  const state = seedState({ subject: '', ...over });
  const office = mockOffice(state);
  const registered: string[] = [];
  const logs: string[] = [];
  const fetch = async (url: string, init: { method: string; headers: Record<string, string>; body?: string }) => {
    const res = await stack.fetch(url, init);
    if (init.method === 'PUT' && res.status < 300) registered.push((JSON.parse(init.body ?? '{}') as { subject: string }).subject);
    return res;
  };
  const handlers = createEventHandlers({ port: () => createOfficeItemPort(office), loadPolicyText: async () => stack.policyText, log: (m) => void logs.push(m), fetch, tokens: () => stack.tokens(), now: () => Date.UTC(2026, 2, 1) });
  return { state, handlers, registered, logs };
}

async function send(handlers: ReturnType<typeof setup>['handlers']) {
  const event = launchEvent();
  await handlers.onAppointmentSend(event);
  expect(event.calls).toHaveLength(1);
  return event.calls[0];
}

const blockOf = (state: SeedState) => findInviteBlock(state.body, 'html');
const UPDATE = 'Open SecureJoin and press "Update block", then send again.';

describe('OnAppointmentSend and a subject changed after the block went in', () => {
  it('a meeting typed normally (block put in on open, subject typed after): the send goes, carrying the subject in the block and to the service', async () => {
    const { state, handlers, registered } = setup();
    await handlers.onNewAppointmentOrganizer(launchEvent());
    const inserted = blockOf(state);
    expect(inserted?.fields.subject).toBeUndefined();
    // The draft was registered at insert (no subject yet), and the block carries the aliases the service minted.
    expect(registered).toEqual(['']);
    registered.length = 0;
    const security = parseSecurity(state.session.get(SECURITY_SESSION_KEY) ?? null)!;
    expect(security.minted?.aliases).toContain(security.alias);
    expect(inserted?.fields.accessCode).toBe(security.accessCode);
    state.subject = 'Budget & <b>plans</b>';

    expect(await send(handlers)).toEqual({ allowEvent: true });
    const block = blockOf(state);
    expect(block?.fields.subject).toBe('Budget & <b>plans</b>');
    expect(block?.count).toBe(1);
    // Nothing else in the block changed: same codes, link and time.
    const { subject: _now, ...after } = block!.fields;
    const { subject: _then, ...before } = inserted!.fields;
    expect(after).toEqual(before);
    expect(state.body).toContain('<p>Hi</p>');
    expect(state.body).not.toContain('<b>plans</b>'); // the subject stays text
    expect(registered).toEqual(['Budget & <b>plans</b>']);

    // Renamed again: the block follows at the next send, and so does the service.
    state.subject = 'Budget review';
    expect(await send(handlers)).toEqual({ allowEvent: true });
    expect(blockOf(state)?.fields.subject).toBe('Budget review');
    expect(registered).toEqual(['Budget & <b>plans</b>', 'Budget review']);
  });

  it('also without sessionData (a reopened meeting): only the "Meeting:" line is rewritten', async () => {
    const { state, handlers } = setup({ subject: 'Budget' });
    await handlers.onNewAppointmentOrganizer(launchEvent());
    const code = blockOf(state)?.fields.accessCode;
    state.session.clear();
    state.subject = 'Budget and plans';
    expect(await send(handlers)).toEqual({ allowEvent: true });
    expect(blockOf(state)?.fields).toMatchObject({ subject: 'Budget and plans', accessCode: code });
  });

  it('a new subject plus a changed access-code digit: refused with the code\'s message, nothing rewritten', async () => {
    const { state, handlers, registered } = setup({ subject: 'Budget' });
    await handlers.onNewAppointmentOrganizer(launchEvent());
    registered.length = 0; // (the draft registered at insert)
    const security = parseSecurity(state.session.get(SECURITY_SESSION_KEY) ?? null);
    const code = security?.accessCode as string;
    const changed = `${code.slice(0, -1)}${code.endsWith('1') ? '2' : '1'}`;
    state.body = state.body.replace(code, changed);
    state.subject = 'Budget and plans';
    const writes = state.bodyWrites.length;

    expect(await send(handlers)).toEqual({ allowEvent: false, errorMessage: `SecureJoin: The access code in the invite differs from the one set for this meeting. ${UPDATE}` });
    expect(state.bodyWrites).toHaveLength(writes);
    expect(blockOf(state)?.fields).toMatchObject({ subject: 'Budget', accessCode: changed });
    expect(registered).toEqual([]);
  });

  it('when the body cannot be written: refused in plain words naming "Update block"; the next send, with the body writable, goes', async () => {
    const { state, handlers, registered, logs } = setup();
    await handlers.onNewAppointmentOrganizer(launchEvent());
    registered.length = 0; // (the draft registered at insert)
    state.subject = 'Budget';
    state.failWrites = 2; // the port retries a busy body once

    const refused = await send(handlers);
    expect(refused).toEqual({
      allowEvent: false,
      errorMessage: `SecureJoin: The meeting's subject changed after the SecureJoin block was put in, and SecureJoin could not write the new subject into the block. ${UPDATE}`,
    });
    expect(blockOf(state)?.fields.subject).toBeUndefined();
    expect(registered).toEqual([]);
    expect(logs.at(-1)).toMatch(/^onAppointmentSend: the new subject could not be written into the block: /);

    expect(await send(handlers)).toEqual({ allowEvent: true });
    expect(blockOf(state)?.fields.subject).toBe('Budget');
    expect(registered).toEqual(['Budget']);
  });
});
