/**
 * The add-in's meeting-service client (provisionMeeting / withdrawMeeting) against a REAL meeting
 * service on 127.0.0.1 (PGlite in memory, tokens from the local issuer) that syncs rooms to a
 * real reference node: create and replace with ETags, conflicts between the task pane and the
 * event runtime resolved from the item's state, and every way of having no usable token. The
 * service mints every alias (issue 18): the item's codes are read back from sessionData after a
 * write, with the aliases the service made.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createOfficeItemPort } from '../../../outlook-addin/office';
import { aliasesOf, applySecurity, createSecurity, MEETING_SESSION_KEY, parseMeetingRecord, provisionMeeting, readSecurity, saveSecurity, TokenUnavailableError, withdrawMeeting } from '../../../outlook-addin/logic';
import type { ItemPort, MeetingSecurity, ProvisionOptions } from '../../../outlook-addin/logic';
import { requestToken } from '../../dev/conference-node/support';
import { mockOffice, seedState } from '../office/officeSeed';
import type { SeedState } from '../office/officeSeed';
import { startTestStack } from '../support/meetingService';
import type { TestStack } from '../support/meetingService';
import { POLICY } from './fixtures';

let stack: TestStack;
// PGlite (PostgreSQL in WASM) takes a few seconds to start on a busy machine.
beforeAll(async () => {
  stack = await startTestStack();
}, 60_000);
afterAll(async () => {
  await stack.close();
});

const opts = (over: Partial<ProvisionOptions> = {}): ProvisionOptions => ({ fetch: stack.fetch, tokens: stack.tokens(), interactive: false, now: Date.now(), ...over });

/** An item starting in 5 minutes (its codes open now), with its security written and kept, as the pane and runtime do. */
async function item(over: Partial<SeedState> = {}): Promise<{ state: SeedState; port: ItemPort; security: MeetingSecurity }> {
  const now = Date.now();
  const state = seedState({ start: new Date(now + 5 * 60_000), end: new Date(now + 65 * 60_000), ...over });
  const port = createOfficeItemPort(mockOffice(state));
  const meeting = await port.getSnapshot();
  const security = applySecurity(meeting, createSecurity(meeting, stack.settings.choices, stack.settings, POLICY), stack.settings).security;
  await saveSecurity(port, security);
  return { state, port, security };
}

/** The item's codes as kept now (with the aliases the service minted, once it answered). */
const kept = async (port: ItemPort): Promise<MeetingSecurity> => (await readSecurity(port)) as MeetingSecurity;

const record = (state: SeedState) => parseMeetingRecord(state.session.get(MEETING_SESSION_KEY) ?? null);

/** The meeting as the service holds it (owner's view). */
async function served(id: string, user?: string): Promise<{ status: number; etag: string | null; body: any }> {
  const res = await fetch(`${stack.service.url}/api/v1/meetings/${id}`, { headers: { authorization: `Bearer ${await stack.tokens(user).token({ interactive: false })}` } });
  return { status: res.status, etag: res.headers.get('etag'), body: res.status === 200 ? await res.json() : null };
}

describe('provisionMeeting against the meeting service', () => {
  it('creates the meeting (If-None-Match), keeps its id and ETag in sessionData, and the node opens the room with the invite\'s codes', async () => {
    const { state, port, security: placeholders } = await item();
    const result = await provisionMeeting(port, await port.getSnapshot(), placeholders, stack.settings, opts());
    const security = await kept(port);
    expect(result).toEqual({ state: 'ok', created: true, adopted: security });
    // The service minted every alias; the item took them (none of the local placeholders survives).
    expect(security.minted).toEqual({ service: stack.settings.service!.url, aliases: aliasesOf(security) });
    for (const alias of aliasesOf(security)) expect(aliasesOf(placeholders)).not.toContain(alias);
    expect(security.hostPin).toBe(placeholders.hostPin);
    const rec = record(state)!;
    expect(rec.id).toMatch(/^[A-Za-z0-9_-]{21}$/);
    const view = await served(rec.id);
    expect(view.etag).toBe(rec.etag);
    expect(view.body).toMatchObject({ version: 1, subject: 'Planning <b>&</b>', room: { alias: security.alias, accessCode: { code: security.accessCode } } });
    expect(view.body.room.invitees.map((i: { alias: string; dialAlias: string }) => [i.alias, i.dialAlias])).toEqual(security.roster!.invitees.map((i) => [i.alias, i.dialAlias]));
    // A draft opens nothing on the node (it asks the service's policy API, which rejects drafts).
    expect((await requestToken(stack.node!, security.alias, 'Olga', security.hostPin)).status).toBe(404);
    // Sent: the web alias takes the host PIN, Ana's personal alias her passcode (named by the service).
    expect(await provisionMeeting(port, await port.getSnapshot(), security, stack.settings, opts({ sending: true }))).toEqual({ state: 'ok', created: false });
    expect((await requestToken(stack.node!, security.alias, 'Olga', security.hostPin)).body.result.role).toBe('HOST');
    const ana = security.roster!.invitees[0]!;
    const invitee = await requestToken(stack.node!, ana.alias!, 'Whoever', ana.passcode);
    expect(invitee.body.result.display_name).toBe(ana.name);
    // Unique passcodes: the meeting's shared aliases admit hosts only.
    expect((await requestToken(stack.node!, security.accessCode!, 'Whoever', ana.passcode)).body.result).toBe('Invalid PIN');

    // Nothing changed: nothing sent. A move: replaced with If-Match (version 3), the node follows.
    expect(await provisionMeeting(port, await port.getSnapshot(), security, stack.settings, opts())).toEqual({ state: 'unchanged' });
    state.start = new Date(state.start.getTime() + 86_400_000);
    state.end = new Date(state.end.getTime() + 86_400_000);
    expect(await provisionMeeting(port, await port.getSnapshot(), security, stack.settings, opts())).toEqual({ state: 'ok', created: false });
    expect((await served(rec.id)).body).toMatchObject({ version: 3, room: { sent: true, window: { opensAt: state.start.getTime() - 15 * 60_000 } } });
    expect(record(state)?.etag).toBe((await served(rec.id)).etag);
    // Tomorrow's window is not open yet: the service answers reject, the node "not found", even to the host PIN.
    expect((await requestToken(stack.node!, security.alias, 'Olga', security.hostPin)).status).toBe(404);
  });

  it('new codes replace the meeting under the same id; the node withdraws the old room', async () => {
    const { state, port, security: placeholders } = await item();
    await provisionMeeting(port, await port.getSnapshot(), placeholders, stack.settings, opts({ sending: true }));
    const security = await kept(port);
    const id = record(state)!.id;
    expect((await requestToken(stack.node!, security.alias, 'Olga', security.hostPin)).status).toBe(200);
    const meeting = await port.getSnapshot();
    // "Regenerate codes": fresh codes with local placeholder aliases; the write carries none, the service mints new ones.
    await saveSecurity(port, applySecurity(meeting, createSecurity(meeting, stack.settings.choices, stack.settings, POLICY), stack.settings).security);
    expect(await provisionMeeting(port, meeting, (await readSecurity(port))!, stack.settings, opts({ force: true, sending: true }))).toMatchObject({ state: 'ok', created: false });
    const renewed = await kept(port);
    for (const alias of aliasesOf(renewed)) expect(aliasesOf(security)).not.toContain(alias);
    expect(record(state)?.id).toBe(id);
    expect((await requestToken(stack.node!, security.alias, 'Olga', security.hostPin)).status).toBe(404);
    expect((await requestToken(stack.node!, renewed.alias, 'Olga', renewed.hostPin)).status).toBe(200);
  });

  it('a 412 from the other writer\'s newer write is resolved without overwriting it: adopted when it holds the item\'s state', async () => {
    const { state, port, security } = await item();
    await provisionMeeting(port, await port.getSnapshot(), security, stack.settings, opts());
    const stale = state.session.get(MEETING_SESSION_KEY)!;
    // The other writer (same item) registers a move: version 2.
    state.start = new Date(state.start.getTime() + 3_600_000);
    state.end = new Date(state.end.getTime() + 3_600_000);
    await provisionMeeting(port, await port.getSnapshot(), security, stack.settings, opts());
    const id = record(state)!.id;
    expect((await served(id)).body.version).toBe(2);
    // This writer read the record before that write: its If-Match names version 1.
    let reads = 0;
    const late: ItemPort = { ...port, getSessionData: async (key) => (key === MEETING_SESSION_KEY && reads++ === 0 ? stale : port.getSessionData(key)) };
    expect(await provisionMeeting(late, await port.getSnapshot(), security, stack.settings, opts())).toEqual({ state: 'unchanged' });
    expect((await served(id)).body.version).toBe(2);
  });

  it('a 412 when the item changed again since the other write: the item\'s current state is written over the current version, once', async () => {
    const { state, port, security } = await item();
    await provisionMeeting(port, await port.getSnapshot(), security, stack.settings, opts());
    const stale = state.session.get(MEETING_SESSION_KEY)!;
    state.subject = 'Planning, moved';
    await provisionMeeting(port, await port.getSnapshot(), security, stack.settings, opts());
    state.subject = 'Planning, final';
    let reads = 0;
    const late: ItemPort = { ...port, getSessionData: async (key) => (key === MEETING_SESSION_KEY && reads++ === 0 ? stale : port.getSessionData(key)) };
    expect(await provisionMeeting(late, await port.getSnapshot(), security, stack.settings, opts())).toEqual({ state: 'ok', created: false });
    const view = await served(record(state)!.id);
    expect(view.body).toMatchObject({ version: 3, subject: 'Planning, final' });
    expect(record(state)?.etag).toBe(view.etag);
  });

  it('an item that lost its meeting record adopts the organizer\'s own meeting with the same room; another organizer gets aliases of their own', async () => {
    const { state, port, security: placeholders } = await item();
    await provisionMeeting(port, await port.getSnapshot(), placeholders, stack.settings, opts());
    const security = await kept(port);
    const id = record(state)!.id;
    // sessionData lost (the record only; the pane still holds the codes), then the subject changes.
    state.session.delete(MEETING_SESSION_KEY);
    state.subject = 'Planning, again';
    expect(await provisionMeeting(port, await port.getSnapshot(), security, stack.settings, opts())).toEqual({ state: 'ok', created: false });
    expect(record(state)?.id).toBe(id);
    expect((await served(id)).body).toMatchObject({ version: 2, subject: 'Planning, again' });
    expect(await kept(port)).toEqual(security);
    // Another organizer with the same codes: the aliases stay the first organizer's; the create
    // carries none, so the service mints this item aliases of its own.
    state.session.delete(MEETING_SESSION_KEY);
    const result = await provisionMeeting(port, await port.getSnapshot(), security, stack.settings, opts({ tokens: stack.tokens('mallory@example.com') }));
    const theirs = await kept(port);
    expect(result).toEqual({ state: 'ok', created: true, adopted: theirs });
    expect(theirs.hostPin).toBe(security.hostPin);
    for (const alias of aliasesOf(theirs)) expect(aliasesOf(security)).not.toContain(alias);
    expect(record(state)?.id).not.toBe(id);
    expect((await served(id)).body).toMatchObject({ version: 2, subject: 'Planning, again', room: { alias: security.alias } });
  });

  it('with no token: says so in plain words, sends nothing and keeps no record', async () => {
    const { state, port, security } = await item();
    const meeting = await port.getSnapshot();
    const none = await provisionMeeting(port, meeting, security, stack.settings, opts({ tokens: null }));
    expect(none).toEqual({ state: 'failed', signIn: true, message: 'This Outlook cannot sign in to the SecureJoin meeting service from here.' });
    const declined = { token: async () => Promise.reject(new TokenUnavailableError('sign-in-needed', 'You are not signed in to the SecureJoin meeting service.')) };
    expect(await provisionMeeting(port, meeting, security, stack.settings, opts({ tokens: declined }))).toEqual({ state: 'failed', signIn: true, message: 'You are not signed in to the SecureJoin meeting service.' });
    const broken = { token: async () => Promise.reject(new Error('popup_window_error')) };
    expect(await provisionMeeting(port, meeting, security, stack.settings, opts({ tokens: broken }))).toMatchObject({ state: 'failed', signIn: true, message: expect.stringMatching(/^Signing in to the SecureJoin meeting service failed: popup_window_error/) });
    expect(record(state)?.etag).toBeNull(); // an id to use, nothing written yet
    expect((await requestToken(stack.node!, security.alias, 'Guest', security.accessCode!)).status).toBe(404);
  });

  it('on an Outlook without sessionData (Mailbox < 1.11) it says it cannot keep the registration, before any sign-in', async () => {
    const { port, security } = await item({ mailboxVersion: 5 });
    let asked = 0;
    const tokens = { token: async () => (asked++, stack.tokens().token({ interactive: false })) };
    expect(await provisionMeeting(port, await port.getSnapshot(), security, stack.settings, opts({ tokens }))).toEqual({ state: 'failed', message: expect.stringMatching(/needs Mailbox requirement set 1\.11/) });
    expect(asked).toBe(0);
  });

  it('an expired or foreign token is refused by the service (401), another organizer\'s meeting (403): both explained', async () => {
    const { state, port, security } = await item();
    const meeting = await port.getSnapshot();
    const expired = { token: () => stack.issuer.sign({ oid: 'x', ttlSeconds: -120 }) };
    expect(await provisionMeeting(port, meeting, security, stack.settings, opts({ tokens: expired }))).toEqual({ state: 'failed', message: expect.stringMatching(/did not accept your sign-in \(401\)/) });
    const foreign = { token: () => stack.issuer.sign({ oid: 'x', tid: 'another-tenant' }) };
    expect(await provisionMeeting(port, meeting, security, stack.settings, opts({ tokens: foreign }))).toEqual({ state: 'failed', message: expect.stringMatching(/401/) });
    expect(await provisionMeeting(port, meeting, security, stack.settings, opts({ tokens: stack.tokens('bo@example.com') }))).toMatchObject({ state: 'ok', created: true });
    state.subject = 'Changed by Olga';
    const bos = record(state)!.id;
    expect(await provisionMeeting(port, await port.getSnapshot(), security, stack.settings, opts())).toEqual({ state: 'failed', message: expect.stringMatching(/belongs to another organizer.*\(403\).*press "Regenerate codes"/) });
    expect((await served(bos, 'bo@example.com')).body.subject).toBe('Planning <b>&</b>');
    // The record of Bo's meeting is forgotten: the next write (as the words say) creates Olga's own, with aliases of its own.
    expect(record(state)).toBeNull();
    const boAliases = (await served(bos, 'bo@example.com')).body.room;
    const result = await provisionMeeting(port, await port.getSnapshot(), (await readSecurity(port))!, stack.settings, opts());
    expect(result).toMatchObject({ state: 'ok', created: true });
    expect(record(state)!.id).not.toBe(bos);
    expect((await kept(port)).alias).not.toBe(boAliases.alias);
    expect((await served(bos, 'bo@example.com')).body.room.alias).toBe(boAliases.alias);
  });

  it('an unreachable service and a refused room are explained', async () => {
    const { port, security } = await item();
    const meeting = await port.getSnapshot();
    const down = { ...stack.settings, service: { ...stack.settings.service!, url: 'http://127.0.0.1:9' } };
    expect(await provisionMeeting(port, meeting, security, down, opts())).toEqual({ state: 'failed', message: 'SecureJoin could not reach the meeting service (http://127.0.0.1:9). Check your network connection.' });
    const weak = { ...security, hostPin: '12' };
    await saveSecurity(port, weak);
    expect(await provisionMeeting(port, meeting, weak, stack.settings, opts())).toEqual({ state: 'failed', message: expect.stringMatching(/^The meeting service refused the meeting: room\.hostPin/) });
  });
});

describe('withdrawMeeting', () => {
  it('deletes the meeting (If-Match): the node no longer opens the room, and the record is gone', async () => {
    const { state, port, security: placeholders } = await item();
    await provisionMeeting(port, await port.getSnapshot(), placeholders, stack.settings, opts({ sending: true }));
    const security = await kept(port);
    const id = record(state)!.id;
    expect((await requestToken(stack.node!, security.alias, 'Olga', security.hostPin)).status).toBe(200);
    await saveSecurity(port, null);
    expect(await withdrawMeeting(port, stack.settings, opts())).toEqual({ state: 'ok' });
    expect(record(state)).toBeNull();
    expect((await served(id)).status).toBe(404);
    expect((await requestToken(stack.node!, security.alias, 'Olga', security.hostPin)).status).toBe(404);
    expect(await withdrawMeeting(port, stack.settings, opts())).toEqual({ state: 'nothing' });
  });

  it('without a token it says the codes still open the room', async () => {
    const { state, port, security } = await item();
    await provisionMeeting(port, await port.getSnapshot(), security, stack.settings, opts());
    expect(await withdrawMeeting(port, stack.settings, opts({ tokens: null }))).toEqual({ state: 'failed', signIn: true, message: expect.stringMatching(/could not be removed from the meeting service, so its codes still open the room/) });
    expect(record(state)).not.toBeNull();
  });
});
