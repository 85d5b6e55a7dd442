import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseRoomSpec, roomWindowAt } from '../../../../core/roomSpec';
import { decideTokenRequest } from '../../../../dev/conference-node/decisions';
import type { RoomSpec } from '../../../../core/roomSpec';
import type { TokenDecision } from '../../../../dev/conference-node/decisions';
import { activationWindow, isCodeActive, occurrences } from '../../../../core/time';

const MIN = 60_000;
const DAY = 86_400_000;
/** Monday 2025-03-24 09:00-10:00 Europe/Berlin (08:00Z); from 30 March Berlin is UTC+2, so 07:00Z. */
const FIRST = { start: Date.UTC(2025, 2, 24, 8), end: Date.UTC(2025, 2, 24, 9) };
const SECOND_START = Date.UTC(2025, 2, 31, 7);

const base = {
  alias: 'weekly.sync',
  hostPin: '1234',
  allowGuests: true,
  accessCode: { code: '40712583' },
  invitees: [{ email: 'ana@example.com', name: 'Ana Lima', passcode: '6183' }],
  meeting: FIRST,
  leadMinutes: 15,
  graceMinutes: 10,
};

function seriesRoom(rule: Record<string, unknown> = { frequency: 'weekly' }, timeZone = 'Europe/Berlin'): RoomSpec {
  const r = parseRoomSpec({ ...base, recurrence: { timeZone, rule } });
  if (!r.ok) throw new Error(JSON.stringify(r.errors));
  return r.value;
}

const decide = (room: RoomSpec, pin: string, now: number): TokenDecision =>
  decideTokenRequest({ room, presence: { hostsPresent: 1 }, rosterUsage: {}, request: { pin, displayName: 'Visitor', clientKey: 'c' }, now, ledger: undefined });
const status = (d: TokenDecision): number => d.status;

describe('parseRoomSpec with a recurrence', () => {
  it('keeps the series with lead/grace; window stays the first occurrence', () => {
    const room = seriesRoom({ frequency: 'weekly', daysOfWeek: ['MO'], count: 10 });
    expect(room.recurrence).toEqual({ meeting: FIRST, timeZone: 'Europe/Berlin', rule: { frequency: 'weekly', daysOfWeek: ['MO'], count: 10 }, leadMinutes: 15, graceMinutes: 10 });
    expect(room.window).toEqual({ opensAt: FIRST.start - 15 * MIN, closesAt: FIRST.end + 10 * MIN });
  });
  it('defaults lead 15 and grace 0 like a single meeting', () => {
    const r = parseRoomSpec({ ...base, leadMinutes: undefined, graceMinutes: undefined, recurrence: { timeZone: 'UTC', rule: { frequency: 'daily' } } });
    expect(r.ok && r.value.recurrence).toMatchObject({ leadMinutes: 15, graceMinutes: 0 });
  });
  it.each([
    ['an unknown zone', { timeZone: 'Mars/Base', rule: { frequency: 'daily' } }, ['recurrence.timeZone']],
    ['until and count', { timeZone: 'UTC', rule: { frequency: 'daily', until: FIRST.start + DAY, count: 2 } }, ['recurrence.rule']],
    ['interval 0', { timeZone: 'UTC', rule: { frequency: 'daily', interval: 0 } }, ['recurrence.rule.interval']],
    ['days on a daily rule', { timeZone: 'UTC', rule: { frequency: 'daily', daysOfWeek: ['MO'] } }, ['recurrence.rule.daysOfWeek']],
    ['until before the start', { timeZone: 'UTC', rule: { frequency: 'daily', until: FIRST.start - 1 } }, ['recurrence.rule.until']],
    ['an unknown rule key (strict)', { timeZone: 'UTC', rule: { frequency: 'daily', byMonth: 3 } }, ['recurrence.rule']],
    ['a yearly rule', { timeZone: 'UTC', rule: { frequency: 'yearly' } }, ['recurrence.rule.frequency']],
  ])('refuses %s, nothing applied', (_name, recurrence, paths) => {
    const r = parseRoomSpec({ ...base, recurrence });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.errors.map((e) => e.path)).toEqual(paths);
  });
  it('needs meeting (a fixed window cannot repeat)', () => {
    const { meeting: _m, leadMinutes: _l, graceMinutes: _g, ...rest } = base;
    const r = parseRoomSpec({ ...rest, window: { opensAt: FIRST.start, closesAt: FIRST.end }, recurrence: { timeZone: 'UTC', rule: { frequency: 'daily' } } });
    expect(!r.ok && r.errors.map((e) => e.path)).toEqual(['meeting']);
  });
});

describe('decideTokenRequest for a series', () => {
  const room = seriesRoom();
  it('the access code opens the second occurrence 15 minutes before its start, at its post-DST UTC time', () => {
    expect(status(decide(room, '40712583', SECOND_START - 15 * MIN - 1))).toBe(403);
    expect(status(decide(room, '40712583', SECOND_START - 15 * MIN))).toBe(200);
    expect(status(decide(room, '40712583', SECOND_START + 70 * MIN - 1))).toBe(200);
    expect(status(decide(room, '40712583', SECOND_START + 70 * MIN))).toBe(403);
    // The first occurrence's UTC time a week later is 10:00 Berlin: after that occurrence's grace.
    expect(status(decide(room, '40712583', FIRST.start + 7 * DAY + 11 * MIN))).toBe(403);
  });
  it('invitee passcodes work in the 52nd occurrence; closed between occurrences', () => {
    const d = decide(room, '6183', Date.UTC(2026, 2, 16, 8));
    expect(d.kind === 'admit' && d.displayName).toBe('Ana Lima');
    expect(status(decide(room, '6183', Date.UTC(2025, 3, 2, 8)))).toBe(403);
  });
  it('a COUNT-limited series stops after its last occurrence', () => {
    const two = seriesRoom({ frequency: 'weekly', count: 2 });
    expect(status(decide(two, '40712583', SECOND_START))).toBe(200);
    expect(status(decide(two, '40712583', SECOND_START + 7 * DAY))).toBe(403);
  });
  it('a room without a recurrence still opens only its one window', () => {
    const single = parseRoomSpec(base);
    if (!single.ok) throw new Error('fixture');
    expect(status(decide(single.value, '40712583', FIRST.start))).toBe(200);
    expect(status(decide(single.value, '40712583', SECOND_START))).toBe(403);
  });
  it('property: roomWindowAt is open exactly inside some occurrence window (daily, New York DST)', () => {
    const daily = seriesRoom({ frequency: 'daily' }, 'America/New_York');
    const series = { ...FIRST, timeZone: 'America/New_York', rule: { frequency: 'daily' as const } };
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 300 * 24 * 60 }), (m) => {
        const now = FIRST.start + m * MIN;
        const expected = occurrences(series, { from: now - 2 * DAY, to: now + 2 * DAY }).some((o) =>
          isCodeActive(activationWindow(o, { leadMinutes: 15, graceMinutes: 10 }), now),
        );
        expect(roomWindowAt(daily, now) !== null).toBe(expected);
        expect(status(decide(daily, '40712583', now)) === 200).toBe(expected);
      }),
      { numRuns: 200 },
    );
  });
});
