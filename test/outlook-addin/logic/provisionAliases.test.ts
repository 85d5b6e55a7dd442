/**
 * Issues 10 and 18 in the add-in's meeting-service client, against a REAL meeting service
 * (127.0.0.1) that mints every alias: a meeting is registered as a draft (`sent: false`) until
 * the send check writes `sent: true`, which later updates keep; a create carries no alias, the
 * answer's aliases go into the block and sessionData, and later writes carry back exactly those;
 * a new invitee is sent without aliases and takes theirs from the answer; an alias the service
 * did not mint for this meeting is refused (400 aliases_are_minted), said in words with the one
 * action that fixes it; control characters in the subject and names never stop a registration.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findInviteBlock } from '../../../core/invite';
import { parseJoinLink } from '../../../core/links/join';
import { createOfficeItemPort } from '../../../outlook-addin/office';
import { aliasesOf, applySecurity, createSecurity, MEETING_SESSION_KEY, parseMeetingRecord, provisionMeeting, readSecurity, saveSecurity } from '../../../outlook-addin/logic';
import type { ItemPort, MeetingSecurity, ProvisionFetch, ProvisionOptions } from '../../../outlook-addin/logic';
import { ALIASES_REFUSED } from '../../../outlook-addin/logic/meetingService';
import { withoutMinted } from '../../../outlook-addin/logic/minted';
import { mockOffice, seedState } from '../office/officeSeed';
import type { SeedState } from '../office/officeSeed';
import { startTestStack } from '../support/meetingService';
import type { TestStack } from '../support/meetingService';
import { POLICY } from './fixtures';

let stack: TestStack;
beforeAll(async () => {
  stack = await startTestStack({ node: false });
}, 60_000);
afterAll(async () => {
  await stack.close();
});

/** The real fetch, remembering the room of every PUT the add-in sends, the status and the answer it got. */
function recording(): { fetch: ProvisionFetch; puts: Array<{ room: Record<string, any>; subject: string; status: number; answer: string }> } {
  const puts: Array<{ room: Record<string, any>; subject: string; status: number; answer: string }> = [];
  return {
    puts,
    fetch: async (url, init) => {
      const res = await stack.fetch(url, init);
      if (init.method !== 'PUT') return res;
      const answer = await res.text();
      const body = JSON.parse(init.body ?? '{}') as { room: Record<string, any>; subject: string };
      puts.push({ room: body.room, subject: body.subject, status: res.status, answer });
      return { status: res.status, headers: res.headers, text: async () => answer };
    },
  };
}

/** An item whose block is in the body and whose codes (local placeholder aliases) are kept, as after "Insert block". */
async function item(over: Partial<SeedState> = {}): Promise<{ state: SeedState; port: ItemPort; security: MeetingSecurity }> {
  const now = Date.now();
  const state = seedState({ start: new Date(now + 5 * 60_000), end: new Date(now + 65 * 60_000), ...over });
  const port = createOfficeItemPort(mockOffice(state));
  const meeting = await port.getSnapshot();
  const applied = applySecurity(meeting, createSecurity(meeting, stack.settings.choices, stack.settings, POLICY), stack.settings);
  await port.setBodyHtml(applied.bodyHtml);
  await saveSecurity(port, applied.security);
  return { state, port, security: applied.security };
}

const opts = (fetch: ProvisionFetch, over: Partial<ProvisionOptions> = {}): ProvisionOptions => ({ fetch, tokens: stack.tokens(), interactive: false, now: Date.now(), ...over });

const kept = async (port: ItemPort): Promise<MeetingSecurity> => (await readSecurity(port)) as MeetingSecurity;

/** The web alias of the block's join link and its access code line. */
async function shown(port: ItemPort): Promise<{ alias: string | false; accessCode: string | undefined }> {
  const block = findInviteBlock((await port.getSnapshot()).bodyHtml, 'html');
  const link = parseJoinLink(block?.fields.joinUrl ?? '');
  return { alias: link.ok && link.value.alias, accessCode: block?.fields.accessCode };
}

describe('drafts and sent meetings', () => {
  it('registers a draft at insert, sent:true from the send check, and later updates stay sent', async () => {
    const { port, security } = await item();
    const rec = recording();
    expect(await provisionMeeting(port, await port.getSnapshot(), security, stack.settings, opts(rec.fetch))).toMatchObject({ state: 'ok', created: true });
    expect(await provisionMeeting(port, await port.getSnapshot(), security, stack.settings, opts(rec.fetch, { sending: true }))).toEqual({ state: 'ok', created: false });
    // Nothing changed and it is still sent: no write.
    expect(await provisionMeeting(port, await port.getSnapshot(), security, stack.settings, opts(rec.fetch))).toEqual({ state: 'unchanged' });
    // A forced rewrite (an organizer's update after sending) keeps the codes working.
    expect(await provisionMeeting(port, await port.getSnapshot(), security, stack.settings, opts(rec.fetch, { force: true }))).toEqual({ state: 'ok', created: false });
    expect(rec.puts.map((p) => [p.room.sent, p.status])).toEqual([[false, 201], [true, 200], [true, 200]]);
  });

});

describe('minted aliases', () => {
  it('a create carries no alias; the answer\'s aliases go into the block and sessionData; a replace carries back exactly those', async () => {
    const { state, port, security: placeholders } = await item();
    const rec = recording();
    const created = await provisionMeeting(port, await port.getSnapshot(), placeholders, stack.settings, opts(rec.fetch));
    const security = await kept(port);
    expect(created).toEqual({ state: 'ok', created: true, adopted: security });
    const first = rec.puts[0]!.room;
    expect(first.alias).toBeUndefined();
    expect(first.accessCode).toEqual({ role: 'guest' });
    expect(first.invitees.map((i: Record<string, unknown>) => [i.alias, i.dialAlias])).toEqual([[undefined, undefined], [undefined, undefined]]);
    // The answer's aliases, and nothing of the placeholders: in the block, in sessionData, as minted.
    const answer = JSON.parse(rec.puts[0]!.answer) as { room: Record<string, any> };
    expect(security.alias).toBe(answer.room.alias);
    expect(security.accessCode).toBe(answer.room.accessCode.code);
    expect(security.accessCode).toMatch(/^[0-9]{9}$/);
    expect(security.roster!.invitees.map((i) => [i.email, i.alias, i.dialAlias])).toEqual(answer.room.invitees.map((i: Record<string, string>) => [i.email, i.alias, i.dialAlias]));
    expect(security.minted).toEqual({ service: stack.settings.service!.url, aliases: aliasesOf(security) });
    for (const alias of aliasesOf(security)) expect(aliasesOf(placeholders)).not.toContain(alias);
    expect(await shown(port)).toEqual({ alias: security.alias, accessCode: security.accessCode });
    // PINs and passcodes are the add-in's and stay; Infinity's PIN length rule holds.
    expect(security.hostPin).toBe(placeholders.hostPin);
    expect(security.roster!.invitees.map((i) => i.passcode)).toEqual(placeholders.roster!.invitees.map((i) => i.passcode));
    for (const inv of answer.room.invitees as Array<{ passcode: string }>) expect(inv.passcode).toHaveLength(answer.room.hostPin.length);

    // The send check: a replace carrying back exactly the minted aliases; nothing changes in the invite.
    const body = state.body;
    expect(await provisionMeeting(port, await port.getSnapshot(), security, stack.settings, opts(rec.fetch, { sending: true }))).toEqual({ state: 'ok', created: false });
    const second = rec.puts[1]!.room;
    expect(second).toMatchObject({ alias: security.alias, accessCode: { code: security.accessCode, role: 'guest' }, sent: true });
    expect(second.invitees.map((i: Record<string, unknown>) => [i.alias, i.dialAlias])).toEqual(security.roster!.invitees.map((i) => [i.alias, i.dialAlias]));
    expect(state.body).toBe(body);
    expect(await kept(port)).toEqual(security);
    expect(await provisionMeeting(port, await port.getSnapshot(), security, stack.settings, opts(rec.fetch))).toEqual({ state: 'unchanged' });
  });

  it('a new invitee is sent without aliases and takes theirs from the answer; the others\' are carried back', async () => {
    const { state, port, security: placeholders } = await item();
    const rec = recording();
    await provisionMeeting(port, await port.getSnapshot(), placeholders, stack.settings, opts(rec.fetch));
    const before = await kept(port);
    state.optional = [...state.optional, { emailAddress: 'cy@example.com', displayName: 'Cy' }];
    // The pane's update: the roster follows the attendees (Cy gets a passcode and placeholder aliases).
    const meeting = await port.getSnapshot();
    const synced = applySecurity(meeting, before, stack.settings);
    await port.setBodyHtml(synced.bodyHtml);
    await saveSecurity(port, synced.security);
    const cyPlaceholder = synced.security.roster!.invitees.find((i) => i.email === 'cy@example.com')!;
    expect(cyPlaceholder.alias).toMatch(/^[a-z0-9]{20}$/);
    const result = await provisionMeeting(port, await port.getSnapshot(), synced.security, stack.settings, opts(rec.fetch));
    const after = await kept(port);
    expect(result).toEqual({ state: 'ok', created: false, adopted: after });
    const sent = rec.puts[1]!.room.invitees as Array<Record<string, unknown>>;
    expect(sent.map((i) => [i.email, i.alias, i.dialAlias])).toEqual([
      ...before.roster!.invitees.map((i) => [i.email, i.alias, i.dialAlias]),
      ['cy@example.com', undefined, undefined],
    ]);
    const cy = after.roster!.invitees.find((i) => i.email === 'cy@example.com')!;
    expect(cy.alias).not.toBe(cyPlaceholder.alias);
    expect(cy.passcode).toBe(cyPlaceholder.passcode);
    expect(after.minted!.aliases).toEqual(expect.arrayContaining([cy.alias, cy.dialAlias]));
    expect(after.roster!.invitees.slice(0, 2)).toEqual(before.roster!.invitees);
    expect(after.alias).toBe(before.alias);
  });

  it('a subject and names with control characters (tab, NUL, bell) still register, on one line', async () => {
    const { port, security } = await item({ subject: 'Budget\treview\u0000 Q3\u0007', required: [{ emailAddress: 'ana@example.com', displayName: 'Ana\u0000\tLima' }] });
    const rec = recording();
    expect(await provisionMeeting(port, await port.getSnapshot(), security, stack.settings, opts(rec.fetch))).toMatchObject({ state: 'ok', created: true });
    expect(rec.puts[0]).toMatchObject({ status: 201, subject: 'Budget review Q3' });
    expect(rec.puts[0]!.room.name).toBe('Budget review Q3');
    expect(rec.puts[0]!.room.invitees[0].name).toBe('Ana Lima');
  });
});

describe('aliases the service did not mint for this meeting (400 aliases_are_minted)', () => {
  it('is said in words with the one fixing action; without the aliases the write mints new ones, once, and the other meeting keeps its own', async () => {
    // Another meeting of the same organizer, registered with its minted aliases.
    const other = await item();
    await provisionMeeting(other.port, await other.port.getSnapshot(), other.security, stack.settings, opts(stack.fetch));
    const theirs = await kept(other.port);
    // This item's codes claim the other meeting's web alias and access code as minted for it.
    const { state, port, security } = await item();
    await provisionMeeting(port, await port.getSnapshot(), security, stack.settings, opts(stack.fetch));
    const mine = await kept(port);
    const forged = { ...mine, alias: theirs.alias, accessCode: theirs.accessCode, minted: { service: stack.settings.service!.url, aliases: [...mine.minted!.aliases, theirs.alias, theirs.accessCode!] } };
    await saveSecurity(port, forged);
    const rec = recording();
    const refused = await provisionMeeting(port, await port.getSnapshot(), forged, stack.settings, opts(rec.fetch, { force: true }));
    expect(refused).toEqual({ state: 'failed', aliasesRefused: true, message: ALIASES_REFUSED });
    expect(refused.state === 'failed' && refused.message).toMatch(/press "Get new links"/);
    expect(rec.puts.map((p) => p.status)).toEqual([400]);
    expect(JSON.parse(rec.puts[0]!.answer)).toMatchObject({ error: 'aliases_are_minted' });
    const id = parseMeetingRecord(state.session.get(MEETING_SESSION_KEY) ?? null)!.id;

    // "Get new links": the codes without minted aliases; the write carries none and cannot be refused for them.
    await saveSecurity(port, withoutMinted(forged));
    const fixed = await provisionMeeting(port, await port.getSnapshot(), withoutMinted(forged), stack.settings, opts(rec.fetch, { force: true }));
    const renewed = await kept(port);
    expect(fixed).toEqual({ state: 'ok', created: false, adopted: renewed });
    expect(rec.puts.map((p) => p.status)).toEqual([400, 200]);
    expect(rec.puts[1]!.room.alias).toBeUndefined();
    expect(renewed.alias).not.toBe(theirs.alias);
    expect(renewed.hostPin).toBe(mine.hostPin);
    expect(parseMeetingRecord(state.session.get(MEETING_SESSION_KEY) ?? null)!.id).toBe(id);
    expect(await shown(port)).toEqual({ alias: renewed.alias, accessCode: renewed.accessCode });
    // The other meeting still holds its own aliases.
    expect(await stack.storedRoom(theirs.alias)).toMatchObject({ alias: theirs.alias, accessCode: { code: theirs.accessCode } });
  });
});
