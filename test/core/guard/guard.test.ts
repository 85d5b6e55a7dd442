import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { guardStatus, pinFailedBefore, recordOutcome } from '../../../core/guard/guard';
import { guardKey, pinFingerprint } from '../../../core/guard/key';
import { emptyGuardState, parseGuardState } from '../../../core/guard/state';
import type { GuardState } from '../../../core/guard/state';
import { classifyTokenOutcome, parseTokenRequestUrl } from '../../../core/guard/tokenRequest';
import { warningText } from '../../../core/guard/warning';

const T0 = Date.UTC(2025, 5, 2, 9, 0);
const KEY = guardKey('https://meet.example.com', 'Alice.Room');
const MIN = 60_000;
/** Stores and reloads the state as the service worker would. */
const roundTrip = (s: GuardState): GuardState => parseGuardState(JSON.parse(JSON.stringify(s))) as GuardState;

describe('parseTokenRequestUrl', () => {
  it('reads node and alias from request_token calls only', () => {
    expect(parseTokenRequestUrl('https://meet.example.com/api/client/v2/conferences/Alice.Room/request_token')).toEqual({ origin: 'https://meet.example.com', alias: 'Alice.Room' });
    expect(parseTokenRequestUrl('https://n.example:8443/api/client/v2/conferences/room%40example.com/request_token?x=1', 'post')).toEqual({ origin: 'https://n.example:8443', alias: 'room@example.com' });
    expect(parseTokenRequestUrl('http://127.0.0.1:3000/api/client/v2/conferences/r/request_token')).toEqual({ origin: 'http://127.0.0.1:3000', alias: 'r' });
    for (const url of [
      'https://meet.example.com/api/client/v2/conferences/r/release_token',
      'https://meet.example.com/api/client/v2/conferences//request_token',
      'https://meet.example.com/api/client/v2/conferences/a/b/request_token',
      'https://meet.example.com/api/client/v2/conferences/%ZZ/request_token',
      'http://meet.example.com/api/client/v2/conferences/r/request_token',
      'not a url',
    ]) expect(parseTokenRequestUrl(url)).toBeNull();
    expect(parseTokenRequestUrl('https://meet.example.com/api/client/v2/conferences/r/request_token', 'GET')).toBeNull();
  });
  it('never throws on garbage', () => {
    const prefix = fc.constantFrom('https://n.example/api/client/v2/conferences/', 'http://localhost/api/client/v2/conferences/', '');
    const urls = fc.oneof(fc.string(), fc.tuple(prefix, fc.string({ unit: 'binary', maxLength: 40 })).map(([a, b]) => `${a}${b}/request_token`));
    fc.assert(
      fc.property(fc.oneof(urls, fc.anything({ maxDepth: 1 }) as fc.Arbitrary<unknown> as fc.Arbitrary<string>), fc.option(fc.string()), (u, method) => {
        const r = parseTokenRequestUrl(u, method ?? undefined);
        if (r !== null) expect(r.alias.length).toBeGreaterThan(0);
      }),
      { numRuns: 300 },
    );
  });
});

describe('classifyTokenOutcome', () => {
  it('follows what webRequest can see', () => {
    expect(classifyTokenOutcome({ pinSent: '1234', status: 200 })).toBe('success');
    expect(classifyTokenOutcome({ pinSent: '1234', status: 403 })).toBe('wrong-pin');
    expect(classifyTokenOutcome({ pinSent: 'none', status: 403 })).toBe('wrong-pin');
    expect(classifyTokenOutcome({ pinSent: '', status: 403 })).toBe('wrong-pin');
    expect(classifyTokenOutcome({ pinSent: null, status: 403 })).toBe('pin-required');
    expect(classifyTokenOutcome({ pinSent: '1234', status: 404 })).toBe('not-found');
    expect(classifyTokenOutcome({ pinSent: null, status: 502 })).toBe('other');
  });
});

describe('attempt guard', () => {
  it('counts wrong PINs, remembers them as fingerprints only, warns, and resets on success', () => {
    let s = emptyGuardState();
    s = roundTrip(recordOutcome(s, KEY, 'pin-required', null, T0));
    expect(guardStatus(s, KEY, T0).attemptsUsed).toBe(0);
    expect(warningText(guardStatus(s, KEY, T0))).toBeNull();
    s = roundTrip(recordOutcome(s, KEY, 'wrong-pin', '111111', T0 + 1));
    expect(warningText(guardStatus(s, KEY, T0 + 1))).toBe('1 wrong PIN so far: 4 of 5 attempts left.');
    s = roundTrip(recordOutcome(s, KEY, 'wrong-pin', '222222', T0 + 2));
    s = roundTrip(recordOutcome(s, KEY, 'wrong-pin', '333333', T0 + 3));
    const st = guardStatus(s, KEY, T0 + 3);
    expect([st.attemptsUsed, st.attemptsLeft, st.limit, st.level]).toEqual([3, 2, 5, 'warn']);
    expect(warningText(st)).toBe('2 of 5 attempts left. Check the PIN before you try again. Too many wrong PINs lock the room for everyone.');
    expect(JSON.stringify(s)).not.toMatch(/111111|222222|333333/);
    expect(pinFailedBefore(st, '222222')).toBe(true);
    expect(pinFailedBefore(st, '444444')).toBe(false);
    expect(st.failedPins).toContain(pinFingerprint(KEY, '111111'));
    s = roundTrip(recordOutcome(s, KEY, 'wrong-pin', '444444', T0 + 4));
    expect(warningText(guardStatus(s, KEY, T0 + 4))).toBe('Only 1 of 5 attempts left. SecureJoin will not use it for you: check the PIN, then enter it yourself.');
    s = roundTrip(recordOutcome(s, KEY, 'success', '555555', T0 + 5));
    const after = guardStatus(s, KEY, T0 + 5);
    expect([after.attemptsUsed, after.attemptsLeft, after.failedPins.length, after.level]).toEqual([0, 5, 0, 'ok']);
  });
  it('counts per room (alias case-insensitive), not per tab or role', () => {
    let s = emptyGuardState();
    s = recordOutcome(s, guardKey('https://meet.example.com', 'ALICE.ROOM'), 'wrong-pin', '1', T0);
    expect(guardStatus(s, KEY, T0).attemptsUsed).toBe(1);
    expect(guardStatus(s, guardKey('https://meet.example.com:8443', 'alice.room'), T0).attemptsUsed).toBe(0);
  });
  it('explains a 404 after wrong PINs as a possible lockout, for the window', () => {
    let s = emptyGuardState();
    s = recordOutcome(s, KEY, 'not-found', '1', T0);
    expect(guardStatus(s, KEY, T0).possibleLockout).toBe(false);
    s = recordOutcome(s, KEY, 'wrong-pin', '1111', T0 + 1);
    s = roundTrip(recordOutcome(s, KEY, 'not-found', '2222', T0 + 2));
    const st = guardStatus(s, KEY, T0 + 2);
    expect(st.possibleLockout).toBe(true);
    expect(warningText(st)).toBe('This room may be locked after too many wrong PINs: wait 10 minutes or ask the organizer.');
    expect(guardStatus(s, KEY, T0 + 2 + 10 * MIN).possibleLockout).toBe(false);
  });
  it('reports exhaustion with the wait until the oldest failure expires', () => {
    let s = emptyGuardState();
    for (let i = 0; i < 5; i++) s = recordOutcome(s, KEY, 'wrong-pin', `100${i}`, T0 + i * MIN);
    const st = guardStatus(s, KEY, T0 + 4 * MIN);
    expect(st.level).toBe('exhausted');
    expect(warningText(st)).toBe('No PIN attempts left: wait 6 minutes, then check the PIN with the organizer before you try again.');
    expect(guardStatus(s, KEY, T0 + 10 * MIN).attemptsLeft).toBe(1);
  });
  it('uses the limits given (policy), including warnAtRemaining and a blocked room', () => {
    let s = emptyGuardState();
    const limits = { web: 3, roomFailures: 2, warnAtRemaining: 0 };
    s = recordOutcome(s, KEY, 'wrong-pin', '1111', T0, limits);
    expect(guardStatus(s, KEY, T0, limits).level).toBe('ok');
    s = recordOutcome(s, KEY, 'wrong-pin', '2222', T0, limits);
    s = recordOutcome(s, KEY, 'wrong-pin', '3333', T0, limits);
    const st = guardStatus(s, KEY, T0, limits);
    expect(st.level).toBe('room_blocked');
    expect(warningText(st)).toBe('Too many wrong PINs were entered for this room, so it is locked: wait 10 minutes or ask the organizer.');
    expect(() => recordOutcome(s, KEY, 'wrong-pin', '1', T0, { web: 0 })).toThrow(RangeError);
  });
  it('refuses malformed state instead of guessing', () => {
    for (const bad of [null, {}, { version: 1, ledger: {}, rooms: [] }, { ...emptyGuardState(), rooms: [{ key: 1 }] }]) {
      expect(parseGuardState(bad)).toBeNull();
      expect(() => guardStatus(bad as unknown as GuardState, KEY, T0)).toThrow(TypeError);
    }
    expect(parseGuardState(emptyGuardState())).toEqual(emptyGuardState());
  });
  it('forgets failed PINs after a day and drops quiet rooms', () => {
    let s = recordOutcome(emptyGuardState(), KEY, 'wrong-pin', '1111', T0);
    expect(guardStatus(s, KEY, T0 + 86_400_000 - 1).failedPins).toHaveLength(1);
    s = recordOutcome(s, guardKey('https://x.example', 'y'), 'pin-required', null, T0 + 86_400_000);
    expect(s.rooms.map((r) => r.key)).toEqual(['https://x.example|y']);
    expect(s.ledger.rooms).toEqual([]);
  });
});
