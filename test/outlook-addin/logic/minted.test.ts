/**
 * Which aliases the add-in may carry back (issue 18): only those the service minted for this
 * meeting; the answer's aliases adopted by role and by invitee email; placeholders found. Pure.
 */
import { describe, expect, it } from 'vitest';
import { aliasesOf, createSecurity, parseSecurity, roomSpecFor } from '../../../outlook-addin/logic';
import type { MeetingSecurity } from '../../../outlook-addin/logic';
import { parseAnsweredAliases } from '../../../outlook-addin/logic/adoption';
import { adoptAliases, isMinted, unmintedAliases, withoutMinted } from '../../../outlook-addin/logic/minted';
import type { AnsweredAliases } from '../../../outlook-addin/logic/minted';
import { meeting, POLICY, SETTINGS } from './fixtures';

const SERVICE = SETTINGS.service!;

/** An answer as the service gives it: fresh aliases for the meeting and each invitee of `security`. */
function answerFor(security: MeetingSecurity, n = 1): AnsweredAliases {
  return {
    alias: `minted${n}web0000000000000`.slice(0, 20),
    accessCode: `9${n}0000001`,
    invitees: (security.roster?.invitees ?? []).map((inv, i) => ({ email: inv.email, alias: `minted${n}inv${i}00000000000`.slice(0, 20), dialAlias: `8${n}${i}000001` })),
  };
}

describe('adoptAliases', () => {
  it('takes every alias of the answer, by role and by invitee email, and records them as minted; PINs and passcodes stay', () => {
    const local = createSecurity(meeting(), SETTINGS.choices, SETTINGS, POLICY);
    const answer = answerFor(local);
    const adopted = adoptAliases(local, { ...answer, invitees: [...answer.invitees].reverse().map((i) => ({ ...i, email: i.email.toUpperCase() })) }, SERVICE);
    expect(adopted.alias).toBe(answer.alias);
    expect(adopted.accessCode).toBe(answer.accessCode);
    expect(adopted.roster!.invitees.map((i) => [i.email, i.alias, i.dialAlias])).toEqual(answer.invitees.map((i) => [i.email, i.alias, i.dialAlias]));
    expect(adopted.minted).toEqual({ service: SERVICE.url, aliases: aliasesOf(adopted) });
    expect({ ...adopted, alias: local.alias, accessCode: local.accessCode, roster: local.roster, minted: undefined }).toEqual({ ...local, minted: undefined });
    expect(unmintedAliases(adopted, SERVICE)).toEqual([]);
    // Stored and read back, the record of what was minted survives validation.
    expect(parseSecurity(JSON.stringify(adopted))).toEqual(adopted);
  });

  it('an invitee the answer does not list (added meanwhile) keeps a placeholder that is not counted as minted', () => {
    const local = createSecurity(meeting(), SETTINGS.choices, SETTINGS, POLICY);
    const answer = answerFor(local);
    const adopted = adoptAliases(local, { ...answer, invitees: answer.invitees.slice(0, 1) }, SERVICE);
    const bo = adopted.roster!.invitees[1]!;
    expect(bo).toEqual(local.roster!.invitees[1]);
    expect(unmintedAliases(adopted, SERVICE).sort()).toEqual([bo.alias, bo.dialAlias].sort());
    // The write carries back Ana's minted aliases and leaves Bo's placeholders out, for the service to mint.
    const room = roomSpecFor(meeting(), adopted, SETTINGS);
    expect(room.invitees.map((i) => [i.alias, i.dialAlias])).toEqual([[answer.invitees[0]!.alias, answer.invitees[0]!.dialAlias], [undefined, undefined]]);
    expect(room.alias).toBe(answer.alias);
    expect(room.accessCode).toEqual({ code: answer.accessCode, role: 'guest' });
  });

  it('a meeting without an access code does not gain one from an answer', () => {
    const local = { ...createSecurity(meeting(), SETTINGS.choices, SETTINGS, POLICY), accessCode: null };
    expect(adoptAliases(local, answerFor(local), SERVICE).accessCode).toBeNull();
  });
});

describe('what a write carries', () => {
  it('local placeholders: nothing (the service mints them all); minted ones: exactly those, and only to the service that minted them', () => {
    const local = createSecurity(meeting(), SETTINGS.choices, SETTINGS, POLICY);
    const room = roomSpecFor(meeting(), local, SETTINGS);
    expect(room.alias).toBeUndefined();
    expect(room.accessCode).toEqual({ role: 'guest' });
    expect(room.invitees.every((i) => i.alias === undefined && i.dialAlias === undefined)).toBe(true);
    expect(unmintedAliases(local, SERVICE)).toEqual(aliasesOf(local));

    const adopted = adoptAliases(local, answerFor(local), SERVICE);
    expect(roomSpecFor(meeting(), adopted, SETTINGS).alias).toBe(adopted.alias);
    // A create never carries one (the service refuses any alias on a create).
    const create = roomSpecFor(meeting(), adopted, SETTINGS, false, true);
    expect([create.alias, create.accessCode, ...create.invitees.map((i) => i.alias)]).toEqual([undefined, { role: 'guest' }, undefined, undefined]);
    // Another service did not mint them.
    const elsewhere = { ...SETTINGS, service: { ...SERVICE, url: 'https://other.example.com' } };
    expect(roomSpecFor(meeting(), adopted, elsewhere).alias).toBeUndefined();
    expect(isMinted(adopted, elsewhere.service, adopted.alias)).toBe(false);
    // "Get new links": none is minted any more, so none is carried.
    expect(roomSpecFor(meeting(), withoutMinted(adopted), SETTINGS).alias).toBeUndefined();
    expect(withoutMinted(adopted).minted).toBeUndefined();
    // A value changed after minting (a forged or stale one) is not carried.
    expect(roomSpecFor(meeting(), { ...adopted, alias: 'somethingelse0000000' }, SETTINGS).alias).toBeUndefined();
  });

  it('without a meeting service every alias is in the spec (an administrator enters the room by hand)', () => {
    const local = createSecurity(meeting(), SETTINGS.choices, SETTINGS, POLICY);
    const room = roomSpecFor(meeting(), local, { ...SETTINGS, service: null });
    expect(room.alias).toBe(local.alias);
    expect(room.accessCode).toEqual({ code: local.accessCode, role: 'guest' });
    expect(room.invitees.map((i) => i.alias)).toEqual(local.roster!.invitees.map((i) => i.alias));
  });

  it('control characters leave the subject and names (the service refuses them)', () => {
    const local = createSecurity(meeting({ attendees: [{ email: 'ana@example.com', name: 'Ana\u0000\tLima' }] }), SETTINGS.choices, SETTINGS, POLICY);
    const room = roomSpecFor(meeting({ subject: 'Q3\tbudget\u0000\u007f review\n' }), local, SETTINGS);
    expect(room.name).toBe('Q3 budget review');
    expect(room.invitees[0]!.name).toBe('Ana Lima');
    // A subject of control characters only: no name at all (the service names the room by its alias).
    expect(roomSpecFor(meeting({ subject: '\u0000\t' }), local, SETTINGS).name).toBeUndefined();
  });
});

describe('parseAnsweredAliases', () => {
  it('reads the room\'s aliases from the meeting view, and says what is missing otherwise', () => {
    const view = { id: 'x', version: 1, room: { alias: 'abc', hostPin: '1234567890', accessCode: { code: '123456789', role: 'guest' }, invitees: [{ email: 'Ana@Example.com', name: 'Ana', passcode: '1', alias: 'def', dialAlias: '987654321' }] } };
    expect(parseAnsweredAliases(JSON.stringify(view))).toEqual({ ok: true, value: { alias: 'abc', accessCode: '123456789', invitees: [{ email: 'ana@example.com', alias: 'def', dialAlias: '987654321' }] } });
    expect(parseAnsweredAliases(JSON.stringify({ ...view, room: { ...view.room, accessCode: null } }))).toMatchObject({ ok: true, value: { accessCode: null } });
    const noDial = { ...view, room: { ...view.room, invitees: [{ email: 'a@b.c', alias: 'def' }] } };
    expect(parseAnsweredAliases(JSON.stringify(noDial))).toEqual({ ok: false, message: expect.stringMatching(/lacks the meeting's links and access code \(room\.invitees\[0\]\.dialAlias:/) });
    expect(parseAnsweredAliases('')).toMatchObject({ ok: false, message: expect.stringMatching(/not JSON/) });
    expect(parseAnsweredAliases('{"room":{"alias":"../x","accessCode":null,"invitees":[]}}')).toMatchObject({ ok: false });
  });
});
