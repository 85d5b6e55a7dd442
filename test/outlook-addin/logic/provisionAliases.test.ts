/**
 * Issue 10 in the add-in's meeting-service client, against a REAL meeting service (127.0.0.1):
 * a meeting is registered as a draft (`sent: false`) until the send check writes `sent: true`,
 * which later updates keep; the room spec carries every alias; an alias taken by another
 * meeting (409) makes the add-in draw all aliases again, rewrite the block, and register once more.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findInviteBlock } from '../../../core/invite';
import { parseJoinLink } from '../../../core/links/join';
import { createOfficeItemPort } from '../../../outlook-addin/office';
import { aliasesOf, applySecurity, createSecurity, provisionMeeting, readSecurity, saveSecurity } from '../../../outlook-addin/logic';
import type { ItemPort, MeetingSecurity, ProvisionFetch, ProvisionOptions } from '../../../outlook-addin/logic';
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

/** The real fetch, remembering the room of every PUT the add-in sends and the status it got. */
function recording(): { fetch: ProvisionFetch; puts: Array<{ room: Record<string, any>; status: number }> } {
  const puts: Array<{ room: Record<string, any>; status: number }> = [];
  return {
    puts,
    fetch: async (url, init) => {
      const res = await stack.fetch(url, init);
      if (init.method === 'PUT') puts.push({ room: (JSON.parse(init.body ?? '{}') as { room: Record<string, any> }).room, status: res.status });
      return res;
    },
  };
}

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

describe('drafts and sent meetings', () => {
  it('registers a draft at insert, sent:true from the send check, and later updates stay sent', async () => {
    const { port, security } = await item();
    const rec = recording();
    expect(await provisionMeeting(port, await port.getSnapshot(), security, stack.settings, opts(rec.fetch))).toEqual({ state: 'ok', created: true });
    expect(await provisionMeeting(port, await port.getSnapshot(), security, stack.settings, opts(rec.fetch, { sending: true }))).toEqual({ state: 'ok', created: false });
    // Nothing changed and it is still sent: no write.
    expect(await provisionMeeting(port, await port.getSnapshot(), security, stack.settings, opts(rec.fetch))).toEqual({ state: 'unchanged' });
    // A forced rewrite (an organizer's update after sending) keeps the codes working.
    expect(await provisionMeeting(port, await port.getSnapshot(), security, stack.settings, opts(rec.fetch, { force: true }))).toEqual({ state: 'ok', created: false });
    expect(rec.puts.map((p) => [p.room.sent, p.status])).toEqual([[false, 201], [true, 200], [true, 200]]);
  });

  it('the room spec carries the web alias, the access code as numeric alias, and every invitee\'s personal aliases', async () => {
    const { port, security } = await item();
    const rec = recording();
    await provisionMeeting(port, await port.getSnapshot(), security, stack.settings, opts(rec.fetch));
    const room = rec.puts[0]!.room;
    expect(room).toMatchObject({ alias: security.alias, accessCode: { code: security.accessCode, role: 'guest' }, hostPin: security.hostPin, sent: false });
    expect(room.invitees).toEqual(security.roster!.invitees.map((i) => ({ email: i.email, name: i.name, passcode: i.passcode, alias: i.alias, dialAlias: i.dialAlias })));
    // Infinity's PIN length rule: every passcode has the host PIN's length.
    for (const inv of room.invitees as Array<{ passcode: string }>) expect(inv.passcode).toHaveLength(room.hostPin.length);
  });
});

describe('an alias taken by another meeting (409)', () => {
  it('draws every alias again, rewrites the block and sessionData, and registers once more', async () => {
    // An organizer's meeting holding a web alias the next item (another organizer's) also drew.
    const first = await item();
    await provisionMeeting(first.port, await first.port.getSnapshot(), first.security, stack.settings, opts(stack.fetch));
    // A second item that (against all odds) drew the first meeting's web alias.
    const second = await item();
    const clashing = { ...second.security, alias: first.security.alias };
    const applied = applySecurity(await second.port.getSnapshot(), clashing, stack.settings);
    await second.port.setBodyHtml(applied.bodyHtml);
    await saveSecurity(second.port, applied.security);
    const rec = recording();
    // Another organizer (the same organizer's own meeting with that alias would be adopted instead).
    const result = await provisionMeeting(second.port, await second.port.getSnapshot(), applied.security, stack.settings, opts(rec.fetch, { tokens: stack.tokens('bob@example.com') }));
    expect(rec.puts.map((p) => p.status)).toEqual([409, 201]);
    expect(result).toMatchObject({ state: 'ok', created: true });
    const redrawn = (result as { redrawn: MeetingSecurity }).redrawn;
    expect(redrawn.alias).not.toBe(first.security.alias);
    for (const alias of aliasesOf(redrawn)) expect(aliasesOf(applied.security)).not.toContain(alias);
    expect(redrawn.hostPin).toBe(applied.security.hostPin);
    // The item says the same as the service: block link and sessionData hold the new aliases.
    expect(await readSecurity(second.port)).toEqual(redrawn);
    const block = findInviteBlock((await second.port.getSnapshot()).bodyHtml, 'html');
    const link = parseJoinLink(block?.fields.joinUrl ?? '');
    expect(link.ok && link.value.alias).toBe(redrawn.alias);
    expect(block?.fields.accessCode).toBe(redrawn.accessCode);
    expect(rec.puts[1]!.room.alias).toBe(redrawn.alias);
  });
});
