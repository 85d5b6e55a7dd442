import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { openingOf, windowAtOrNext } from '../../../core/infinity';
import { roomWindowAt } from '../../../core/roomSpec/window';
import type { RoomRecurrence, RoomSpec } from '../../../core/roomSpec';

const MIN = 60_000;
const DAY = 24 * 60 * MIN;
const START = Date.UTC(2030, 2, 25, 8); // a Monday, days before Europe/Berlin's DST change

function seriesRoom(rule: RoomRecurrence['rule'], lead = 15, grace = 5): Pick<RoomSpec, 'sent' | 'window' | 'recurrence'> {
  const meeting = { start: START, end: START + 60 * MIN };
  return { sent: true, window: { opensAt: START - lead * MIN, closesAt: meeting.end + grace * MIN }, recurrence: { meeting, timeZone: 'Europe/Berlin', rule, leadMinutes: lead, graceMinutes: grace } };
}

describe('openingOf', () => {
  it('never opens a draft or a room without a window; a single meeting spans its window', () => {
    const window = { opensAt: START - 15 * MIN, closesAt: START + 65 * MIN };
    expect(openingOf({ sent: false, window, recurrence: undefined })).toBeNull();
    expect(openingOf({ sent: true, window: null, recurrence: undefined })).toBeNull();
    expect(openingOf({ sent: true, window, recurrence: undefined })).toEqual({ from: window.opensAt, until: window.closesAt, series: null });
  });

  it('spans a series from its first window to its last one, or forever', () => {
    const counted = openingOf(seriesRoom({ frequency: 'daily', count: 3 }))!;
    expect([counted.from, counted.until]).toEqual([START - 15 * MIN, START + 2 * DAY + 65 * MIN]);
    expect(openingOf(seriesRoom({ frequency: 'weekly' }))!.until).toBe(Number.POSITIVE_INFINITY);
  });
});

describe('windowAtOrNext', () => {
  it('is open exactly when the room is, with the same window, at any instant of a series (DST included)', () => {
    fc.assert(
      fc.property(
        fc.constantFrom<RoomRecurrence['rule']>({ frequency: 'daily', count: 20 }, { frequency: 'weekly', daysOfWeek: ['MO', 'WE'] }, { frequency: 'daily', interval: 2 }),
        fc.integer({ min: -2 * DAY, max: 30 * DAY }),
        fc.integer({ min: 0, max: 120 }),
        (rule, offset, lead) => {
          const room = seriesRoom(rule, lead);
          const now = START + offset;
          const w = windowAtOrNext(openingOf(room)!, now);
          const open = roomWindowAt(room as RoomSpec, now);
          if (open !== null) expect(w).toEqual(open);
          else if (w !== null) expect(w.opensAt).toBeGreaterThan(now);
        },
      ),
    );
  });

  it('is the next window between occurrences, and none after the last', () => {
    const opening = openingOf(seriesRoom({ frequency: 'daily', count: 2 }))!;
    expect(windowAtOrNext(opening, START + 2 * 60 * MIN)).toEqual({ opensAt: START + DAY - 15 * MIN, closesAt: START + DAY + 65 * MIN });
    expect(windowAtOrNext(opening, START + DAY + 65 * MIN)).toBeNull();
  });
});
