/**
 * Issue 13: a recurring series' sentence states its rule in plain words (every RecurrenceRule
 * form: daily/weekly/monthly, interval, days, until, count), in its zone, with the until date in
 * the organizer's language, so a pasted invite without a save link still tells every occurrence.
 */
import { describe, expect, it } from 'vitest';
import { describeSeries, seriesActivationSentence } from '../../../core/time/seriesSentence';
import type { RecurrenceRule, RecurringSeries } from '../../../core/time/recurrence';
import { wallTimeToInstant } from '../../../core/time/zone';

const BERLIN = 'Europe/Berlin';
// Tuesday 8 December 2026, 09:00 Berlin, one hour.
const START = wallTimeToInstant({ year: 2026, month: 12, day: 8, hour: 9, minute: 0 }, BERLIN);
const series = (rule: RecurrenceRule, over: Partial<RecurringSeries> = {}): RecurringSeries => ({ start: START, end: START + 3_600_000, timeZone: BERLIN, rule, ...over });
/** What Outlook's end date becomes (outlook-addin/office/recurrence.ts): 23:59 local on that date. */
const endOfDay = (day: number, month = 12, year = 2026, timeZone = BERLIN) => wallTimeToInstant({ year, month, day, hour: 23, minute: 59 }, timeZone);

describe('describeSeries', () => {
  it('states every rule form in words, from the first date (with its year), in the series zone', () => {
    expect(describeSeries(series({ frequency: 'weekly' }))).toBe('weekly on Tuesday from Tue, 8 Dec 2026, 1 hour each, Europe/Berlin time');
    expect(describeSeries(series({ frequency: 'weekly', daysOfWeek: ['TH', 'TU'], until: endOfDay(15) }))).toBe('weekly on Tuesday and Thursday from Tue, 8 Dec 2026, 1 hour each, until Tue, 15 Dec 2026, Europe/Berlin time');
    expect(describeSeries(series({ frequency: 'weekly', interval: 2, daysOfWeek: ['MO', 'WE', 'FR'], count: 10 }))).toBe('every 2 weeks on Monday, Wednesday and Friday from Tue, 8 Dec 2026, 1 hour each, 10 occurrences, Europe/Berlin time');
    expect(describeSeries(series({ frequency: 'daily' }, { end: START + 30 * 60_000 }))).toBe('daily from Tue, 8 Dec 2026, 30 minutes each, Europe/Berlin time');
    expect(describeSeries(series({ frequency: 'daily', interval: 3, count: 1 }, { end: START + 90 * 60_000 }))).toBe('every 3 days from Tue, 8 Dec 2026, 90 minutes each, 1 occurrence, Europe/Berlin time');
    expect(describeSeries(series({ frequency: 'monthly' }))).toBe('monthly on day 8 from Tue, 8 Dec 2026, 1 hour each, Europe/Berlin time');
    expect(describeSeries(series({ frequency: 'monthly', interval: 12, until: endOfDay(8, 12, 2030) }))).toBe('every 12 months on day 8 from Tue, 8 Dec 2026, 1 hour each, until Sun, 8 Dec 2030, Europe/Berlin time');
  });

  it('writes the until date in the organizer\'s language, as the last date a meeting can fall on', () => {
    const rule: RecurrenceRule = { frequency: 'daily', until: endOfDay(15) };
    expect(describeSeries(series(rule), 'en-US')).toBe('daily from Tue, Dec 8, 2026, 1 hour each, until Tue, Dec 15, 2026, Europe/Berlin time');
    expect(describeSeries(series(rule), 'de-DE')).toBe('daily from Di., 8. Dez. 2026, 1 hour each, until Di., 15. Dez. 2026, Europe/Berlin time');
    // An until before that day's 09:00 leaves that day out: the sentence names the day before.
    const early = wallTimeToInstant({ year: 2026, month: 12, day: 15, hour: 8, minute: 0 }, BERLIN);
    expect(describeSeries(series({ frequency: 'daily', until: early }))).toBe('daily from Tue, 8 Dec 2026, 1 hour each, until Mon, 14 Dec 2026, Europe/Berlin time');
    // The date is the series zone's: 23:59 in Tokyo on the 15th is still the 15th there.
    const tokyo = series({ frequency: 'daily', until: endOfDay(15, 12, 2026, 'Asia/Tokyo') }, { timeZone: 'Asia/Tokyo' });
    expect(describeSeries(tokyo)).toContain('until Tue, 15 Dec 2026, Asia/Tokyo time');
  });

  it('refuses a series core/time refuses', () => {
    expect(() => describeSeries(series({ frequency: 'daily', interval: 0 }))).toThrow(/rule.interval/);
    expect(() => describeSeries(series({ frequency: 'weekly' }, { timeZone: 'Mars/Olympus' }))).toThrow(RangeError);
  });
});

describe('seriesActivationSentence', () => {
  it('says when the code is active in each occurrence, with the rule in brackets', () => {
    const s = series({ frequency: 'weekly', daysOfWeek: ['TU', 'TH'], until: endOfDay(15) });
    expect(seriesActivationSentence(s, { leadMinutes: 15 })).toBe('For this recurring series (weekly on Tuesday and Thursday from Tue, 8 Dec 2026, 1 hour each, until Tue, 15 Dec 2026, Europe/Berlin time), the code is active 15 minutes before each occurrence.');
    expect(seriesActivationSentence(s, { leadMinutes: 0, graceMinutes: 10 })).toBe('For this recurring series (weekly on Tuesday and Thursday from Tue, 8 Dec 2026, 1 hour each, until Tue, 15 Dec 2026, Europe/Berlin time), the code is active from the start of each occurrence until 10 minutes after its end.');
    expect(seriesActivationSentence(s, { leadMinutes: 60, locale: 'en-US' })).toContain('until Tue, Dec 15, 2026, Europe/Berlin time), the code is active 1 hour before each occurrence.');
  });

  it('refuses negative minutes', () => {
    expect(() => seriesActivationSentence(series({ frequency: 'daily' }), { leadMinutes: -1 })).toThrow(/leadMinutes/);
    expect(() => seriesActivationSentence(series({ frequency: 'daily' }), { leadMinutes: 15, graceMinutes: Number.NaN })).toThrow(/graceMinutes/);
  });
});
