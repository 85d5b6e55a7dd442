import { describe, expect, it } from 'vitest';
import { expiredMeetings, meetingWindow, upcomingMeetings } from '../../../core/vault/window';
import { meeting, T0 } from './support';

const H = 3_600_000;
const D = 24 * H;

describe('meetingWindow', () => {
  it('uses the record lead and grace, is open-ended without an end, null without a start', () => {
    expect(meetingWindow(meeting({ startsAt: T0, endsAt: T0 + H }))).toEqual({ opensAt: T0 - 15 * 60_000, closesAt: T0 + H });
    expect(meetingWindow(meeting({ startsAt: T0, endsAt: T0 + H, leadMinutes: 30, graceMinutes: 60 }))).toEqual({ opensAt: T0 - 30 * 60_000, closesAt: T0 + 2 * H });
    expect(meetingWindow(meeting({ startsAt: T0 }))).toEqual({ opensAt: T0 - 15 * 60_000, closesAt: Number.MAX_SAFE_INTEGER });
    expect(meetingWindow(meeting())).toBeNull();
  });
});

describe('expiredMeetings', () => {
  const ms = [
    meeting({ id: 'past', startsAt: T0 - 3 * D, endsAt: T0 - 3 * D + H }),
    meeting({ id: 'recent', startsAt: T0 - D, endsAt: T0 - D + H }),
    meeting({ id: 'startOnly', startsAt: T0 - 3 * D }),
    meeting({ id: 'untimed' }),
    meeting({ id: 'future', startsAt: T0 + D, endsAt: T0 + D + H }),
  ];
  it('deletes meetings whose end (or start) plus retention has passed, keeps untimed ones', () => {
    expect(expiredMeetings(ms, T0, 2)).toEqual(['past', 'startOnly']);
    // Retention 0 = never keep PINs: everything goes, records without times and future ones included.
    expect(expiredMeetings(ms, T0, 0)).toEqual(['past', 'recent', 'startOnly', 'untimed', 'future']);
    expect(expiredMeetings(ms, T0 + 100 * D, 30)).toEqual(['past', 'recent', 'startOnly', 'future']);
  });
  it('refuses bad retention instead of deleting', () => {
    for (const bad of [-1, 1.5, Number.NaN, 4000]) expect(() => expiredMeetings(ms, T0, bad)).toThrow(RangeError);
    expect(() => expiredMeetings(ms, Number.NaN, 1)).toThrow(RangeError);
  });
});

describe('upcomingMeetings', () => {
  it('lists open and future meetings soonest first, then untimed ones newest first', () => {
    const ms = [
      meeting({ id: 'later', startsAt: T0 + 2 * H, endsAt: T0 + 3 * H }),
      meeting({ id: 'untimedOld', updatedAt: T0 }),
      meeting({ id: 'now', startsAt: T0 - H, endsAt: T0 + H }),
      meeting({ id: 'over', startsAt: T0 - 3 * H, endsAt: T0 - 2 * H }),
      meeting({ id: 'untimedNew', updatedAt: T0 + 5 }),
      meeting({ id: 'startOnlyOld', startsAt: T0 - 2 * D }),
    ];
    expect(upcomingMeetings(ms, T0).map((m) => m.id)).toEqual(['now', 'later', 'untimedNew', 'untimedOld']);
    expect(upcomingMeetings(ms, T0, { includeUntimed: false }).map((m) => m.id)).toEqual(['now', 'later']);
  });
});
