import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseRoomSpec } from '../../../core/roomSpec';

/** A fixed instant and a minute, UTC ms. */
const T0 = Date.UTC(2030, 0, 15, 9, 0, 0);
const MINUTE = 60_000;

const paths = (input: unknown, alias?: string) => {
  const r = parseRoomSpec(input, alias);
  return r.ok ? [] : r.errors.map((e) => e.path);
};

describe('parseRoomSpec', () => {
  it('fills defaults and derives the window from meeting + lead/grace', () => {
    const r = parseRoomSpec({
      alias: 'weekly.sync',
      hostPin: '1234',
      allowGuests: true,
      accessCode: { code: '40712583' },
      meeting: { start: T0, end: T0 + 30 * MINUTE },
    });
    expect(r).toEqual({
      ok: true,
      value: {
        alias: 'weekly.sync',
        name: 'weekly.sync',
        hostPin: '1234',
        guestPin: null,
        allowGuests: true,
        accessCode: { code: '40712583', role: 'guest' },
        invitees: [],
        window: { opensAt: T0 - 15 * MINUTE, closesAt: T0 + 30 * MINUTE },
        sent: false,
      },
    });
  });

  it('accepts an explicit window and a room without codes has none', () => {
    const r = parseRoomSpec({ alias: 'a', hostPin: '1234#', guestPin: '5678#', allowGuests: true, window: { opensAt: 1, closesAt: 2 } });
    expect(r.ok && r.value.window).toEqual({ opensAt: 1, closesAt: 2 });
    const plain = parseRoomSpec({ alias: 'b', allowGuests: false });
    expect(plain.ok && plain.value.window).toBeNull();
  });

  it.each([
    ['not an object', 'x', ['']],
    ['bad alias', { alias: '-x', allowGuests: false }, ['alias']],
    ['unknown key', { alias: 'a', allowGuests: false, lockd: true }, ['']],
    ['short host PIN', { alias: 'a', hostPin: '12', allowGuests: false }, ['hostPin']],
    ['guests without host PIN', { alias: 'a', allowGuests: true }, ['allowGuests']],
    ['same host and guest PIN', { alias: 'a', hostPin: '1234', guestPin: '1234', allowGuests: true }, ['guestPin']],
    ['code without host PIN', { alias: 'a', allowGuests: false, accessCode: { code: '123456', role: 'host' }, window: { opensAt: 1, closesAt: 2 } }, ['hostPin']],
    ['guest code without allowGuests', { alias: 'a', hostPin: '1234', allowGuests: false, accessCode: { code: '123456' }, window: { opensAt: 1, closesAt: 2 } }, ['allowGuests']],
    ['code without window', { alias: 'a', hostPin: '1234', allowGuests: true, accessCode: { code: '123456' } }, ['window']],
    ['code equal to host PIN', { alias: 'a', hostPin: '123456', allowGuests: true, accessCode: { code: '123456' }, window: { opensAt: 1, closesAt: 2 } }, ['accessCode.code']],
    ['duplicate passcodes', {
      alias: 'a', hostPin: '1234', allowGuests: true, window: { opensAt: 1, closesAt: 2 },
      invitees: [{ email: 'a@x.io', name: 'A', passcode: '1111' }, { email: 'b@x.io', name: 'B', passcode: '1111' }],
    }, ['invitees[1].passcode']],
    ['letters in a passcode', {
      alias: 'a', hostPin: '1234', allowGuests: true, window: { opensAt: 1, closesAt: 2 },
      invitees: [{ email: 'a@x.io', name: 'A', passcode: '1111abcd' }],
    }, ['invitees[0].passcode']],
    ['window and meeting', { alias: 'a', allowGuests: false, window: { opensAt: 1, closesAt: 2 }, meeting: { start: 1, end: 2 } }, ['window']],
    ['window backwards', { alias: 'a', allowGuests: false, window: { opensAt: 2, closesAt: 2 } }, ['window.closesAt']],
    ['meeting backwards', { alias: 'a', allowGuests: false, meeting: { start: 5, end: 1 } }, ['meeting.end']],
    ['lead without meeting', { alias: 'a', allowGuests: false, leadMinutes: 5 }, ['meeting']],
    ['lead too long', { alias: 'a', allowGuests: false, meeting: { start: 1, end: 2 }, leadMinutes: 181 }, ['leadMinutes']],
  ])('rejects %s', (_name, input, expected) => {
    expect(paths(input)).toEqual(expected);
  });

  it('keeps invitee aliases and sent, and refuses an alias used twice in the meeting (ignoring case)', () => {
    const base = {
      alias: 'Web1', hostPin: '12345678', allowGuests: true, accessCode: { code: '40712583' }, window: { opensAt: 1, closesAt: 2 }, sent: true,
      invitees: [{ email: 'a@x.io', name: 'A', passcode: '61830452', alias: 'pa1', dialAlias: '55501234' }],
    };
    const r = parseRoomSpec(base);
    expect(r.ok && r.value.sent).toBe(true);
    expect(r.ok && r.value.invitees[0]).toEqual({ email: 'a@x.io', name: 'A', passcode: '61830452', alias: 'pa1', dialAlias: '55501234' });
    expect(paths({ ...base, invitees: [{ ...base.invitees[0], alias: 'WEB1' }] })).toEqual(['invitees[0].alias']);
    expect(paths({ ...base, invitees: [{ ...base.invitees[0], dialAlias: '40712583' }] })).toEqual(['invitees[0].dialAlias', 'invitees[0].dialAlias']);
    expect(paths({ ...base, invitees: [base.invitees[0], { ...base.invitees[0], email: 'b@x.io', passcode: '61830453' }] })).toEqual(['invitees[1].dialAlias', 'invitees[1].alias', 'invitees[1].dialAlias']);
    expect(paths({ ...base, invitees: [{ ...base.invitees[0], dialAlias: '61830452' }] })).toContain('invitees[0].dialAlias');
  });

  it.each([
    ['guest PIN shorter than the host PIN', { hostPin: '12345678', guestPin: '1234', allowGuests: true }, ['guestPin']],
    ['passcode longer than the host PIN', { hostPin: '1234', allowGuests: true, window: { opensAt: 1, closesAt: 2 }, invitees: [{ email: 'a@x.io', name: 'A', passcode: '61830452' }] }, ['invitees[0].passcode']],
    ['both ending in # at different lengths', { hostPin: '1234567#', guestPin: '5678#', allowGuests: true }, []],
    ['same lengths', { hostPin: '1234', guestPin: '5678', allowGuests: true }, []],
  ])('applies Infinity\'s PIN length rule: %s', (_name, over, expected) => {
    expect(paths({ alias: 'a', ...over })).toEqual(expected);
  });

  it('requires the body alias to match the URL alias', () => {
    expect(paths({ alias: 'a', allowGuests: false }, 'b')).toEqual(['alias']);
    expect(paths({ alias: 'a', allowGuests: false }, 'a')).toEqual([]);
  });

  it('never throws on garbage and always explains a refusal', () => {
    fc.assert(
      fc.property(fc.anything(), (input) => {
        const r = parseRoomSpec(input);
        return r.ok || (r.errors.length > 0 && r.errors.every((e) => typeof e.path === 'string' && e.message.length > 0));
      }),
      { numRuns: 300 },
    );
  });
});
