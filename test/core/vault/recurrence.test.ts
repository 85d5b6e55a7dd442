import { describe, expect, it } from 'vitest';
import { decideFill } from '../../../core/autofill/decide';
import { ACTIVATION_SAFETY_MARGIN_MS } from '../../../core/time/activation';
import type { FillInput } from '../../../core/autofill/decide';
import { buildCaptureLink, parseCaptureLink } from '../../../core/links/capture';
import { fromCaptureRecord } from '../../../core/vault/create';
import { sameMeetingContent } from '../../../core/vault/key';
import { parseSavedMeeting } from '../../../core/vault/schema';
import type { SavedMeeting } from '../../../core/vault/schema';
import { exportVault, importVault } from '../../../core/vault/transfer';
import { expiredMeetings, meetingLastInstant, meetingWindow, upcomingMeetings } from '../../../core/vault/window';
import { meeting } from './support';

const MIN = 60_000;
const DAY = 86_400_000;
/** Weekly Monday 09:00-10:00 Berlin from 2025-03-24 (08:00Z); from 31 March 07:00Z (summer time). */
const FIRST = { startsAt: Date.UTC(2025, 2, 24, 8), endsAt: Date.UTC(2025, 2, 24, 9) };
const SECOND = Date.UTC(2025, 2, 31, 7);
const weekly = (rule: NonNullable<SavedMeeting['recurrence']>['rule'] = { frequency: 'weekly' }, over: Partial<SavedMeeting> = {}): SavedMeeting =>
  meeting({ id: 'series', ...FIRST, leadMinutes: 15, graceMinutes: 10, recurrence: { timeZone: 'Europe/Berlin', rule }, ...over });

describe('saved records with a recurrence', () => {
  it('validates the series with core/time and needs the first occurrence', () => {
    expect(parseSavedMeeting(weekly({ frequency: 'weekly', daysOfWeek: ['MO', 'TH'], count: 8 })).ok).toBe(true);
    const paths = (m: SavedMeeting): string[] => {
      const r = parseSavedMeeting(m);
      return r.ok ? [] : r.errors.map((e) => e.path);
    };
    expect(paths(weekly({ frequency: 'weekly' }, { endsAt: undefined }))).toEqual(['recurrence']);
    expect(paths(weekly({ frequency: 'daily', interval: 0 }))).toEqual(['recurrence.rule.interval']);
    expect(paths(weekly({ frequency: 'weekly' }, { recurrence: { timeZone: 'Mars/Base', rule: { frequency: 'weekly' } } }))).toEqual(['recurrence.timeZone']);
    expect(paths(weekly({ frequency: 'daily', until: FIRST.startsAt - 1 }))).toEqual(['recurrence.rule.until']);
    expect(paths({ ...weekly(), recurrence: { timeZone: 'UTC', rule: { frequency: 'daily', x: 1 } } } as unknown as SavedMeeting)).toEqual(['recurrence.rule']);
  });
  it('is saved from a capture link with the series, and survives export and import', () => {
    const url = buildCaptureLink({ origin: 'https://meet.example.com', path: 'webapp3', alias: 'Alice.Room', role: 'guest', pin: '246813', ...FIRST, leadMinutes: 15, graceMinutes: 10, recurrence: { timeZone: 'Europe/Berlin', rule: { frequency: 'weekly' } } });
    const captured = parseCaptureLink(url);
    if (!captured.ok) throw new Error(JSON.stringify(captured.errors));
    const saved = fromCaptureRecord(captured.value, FIRST.startsAt - DAY, 'c1');
    expect(saved.ok && saved.value.recurrence).toEqual({ timeZone: 'Europe/Berlin', rule: { frequency: 'weekly' } });
    if (!saved.ok) return;
    const back = importVault(exportVault([saved.value], FIRST.startsAt), [], FIRST.startsAt);
    expect(back.ok && back.value.meetings[0]?.recurrence).toEqual(saved.value.recurrence);
  });
  it('counts the series as content (a changed rule is a different record)', () => {
    expect(sameMeetingContent(weekly(), weekly())).toBe(true);
    expect(sameMeetingContent(weekly(), weekly({ frequency: 'weekly', count: 3 }))).toBe(false);
    expect(sameMeetingContent(weekly(), meeting({ id: 'series', ...FIRST, leadMinutes: 15, graceMinutes: 10 }))).toBe(false);
  });
});

describe('time views of a series', () => {
  it('meetingWindow at now: the open occurrence, else the next (after DST: 07:00Z), null when over', () => {
    expect(meetingWindow(weekly())).toEqual({ opensAt: FIRST.startsAt - 15 * MIN, closesAt: FIRST.endsAt + 10 * MIN });
    expect(meetingWindow(weekly(), FIRST.endsAt + 11 * MIN)).toEqual({ opensAt: SECOND - 15 * MIN, closesAt: SECOND + 70 * MIN });
    expect(meetingWindow(weekly(), SECOND)).toEqual({ opensAt: SECOND - 15 * MIN, closesAt: SECOND + 70 * MIN });
    expect(meetingWindow(weekly({ frequency: 'weekly', count: 2 }), SECOND + DAY)).toBeNull();
  });
  it('retention: kept until the last occurrence plus the days, forever when unbounded', () => {
    const two = weekly({ frequency: 'weekly', count: 2 }, { id: 'two' });
    const forever = weekly(undefined, { id: 'forever' });
    const single = meeting({ id: 'single', ...FIRST });
    expect(meetingLastInstant(two)).toBe(SECOND + 60 * MIN);
    expect(meetingLastInstant(forever)).toBeNull();
    const all = [two, forever, single];
    expect(expiredMeetings(all, FIRST.endsAt + 3 * DAY, 2)).toEqual(['single']);
    expect(expiredMeetings(all, SECOND + 60 * MIN + 2 * DAY - 1, 2)).toEqual(['single']);
    expect(expiredMeetings(all, SECOND + 60 * MIN + 2 * DAY, 2)).toEqual(['two', 'single']);
    expect(expiredMeetings(all, Date.UTC(2035, 0, 1), 30)).toEqual(['two', 'single']);
  });
  it('upcoming: a series stays listed after its first occurrence, sorted by its next occurrence', () => {
    const soon = meeting({ id: 'soon', alias: 'soon', startsAt: SECOND - DAY, endsAt: SECOND - DAY + 30 * MIN });
    const later = meeting({ id: 'later', alias: 'later', startsAt: SECOND + DAY, endsAt: SECOND + DAY + 30 * MIN });
    const now = FIRST.endsAt + DAY;
    expect(upcomingMeetings([later, weekly(), soon], now).map((m) => m.id)).toEqual(['soon', 'series', 'later']);
    expect(upcomingMeetings([weekly({ frequency: 'weekly', count: 1 })], now)).toEqual([]);
  });
});

describe('decideFill for a series', () => {
  const input = (now: number, over: Partial<FillInput> = {}): FillInput => ({
    meeting: weekly(),
    pageUrl: 'https://meet.example.com/webapp3/m/alice.room',
    frame: { isTop: true, sandboxed: false, frameOrigin: 'https://meet.example.com' },
    field: { present: true, hasValue: false },
    mode: 'fill-and-join',
    now,
    // What a caller that knows only the first occurrence passes: ignored for a series.
    window: meetingWindow(weekly()),
    attempts: null,
    failedPins: [],
    ...over,
  });
  it('fills in the second occurrence (not expired after the first), waits between occurrences', () => {
    expect(decideFill(input(SECOND - 15 * MIN + ACTIVATION_SAFETY_MARGIN_MS))).toEqual({ action: 'fill', pin: '246813', join: true });
    expect(decideFill(input(FIRST.endsAt + DAY))).toEqual({ action: 'wait', until: SECOND - 15 * MIN + ACTIVATION_SAFETY_MARGIN_MS, reason: 'not-yet-active', join: true });
    // 08:00Z on the second Monday is 10:00 Berlin: that occurrence ended at 09:00Z + grace 10.
    expect(decideFill(input(SECOND + 70 * MIN))).toMatchObject({ action: 'wait', until: SECOND + 7 * DAY - 15 * MIN + ACTIVATION_SAFETY_MARGIN_MS });
  });
  it('says expired once the series is over, and fails closed on a non-finite now', () => {
    const two = weekly({ frequency: 'weekly', count: 2 });
    expect(decideFill(input(SECOND + 70 * MIN, { meeting: two }))).toEqual({ action: 'none', reason: 'expired' });
    expect(decideFill(input(Number.NaN))).toEqual({ action: 'none', reason: 'invalid-meeting' });
  });
});
