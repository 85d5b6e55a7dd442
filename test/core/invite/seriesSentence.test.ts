/**
 * Issue 13: a pasted invite of a recurring series keeps every occurrence's time. The block's
 * series sentence states the rule in words; the paste parser reads it back (with the first
 * occurrence from the activation sentence), and the draft is the same series: render (every rule
 * kind, zones with DST days, Outlook's languages) -> HTML or text -> parse -> the same windows.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { OUTLOOK_LOCALES } from '../../../core/invite/activationTime';
import { parseInvite } from '../../../core/invite/parse';
import { renderInviteBlock } from '../../../core/invite/render';
import type { InviteBlockInput } from '../../../core/invite/render';
import { readSeriesSentence } from '../../../core/invite/seriesSentence';
import { upsertInviteBlock } from '../../../core/invite/upsert';
import { WEEKDAYS } from '../../../core/time/recurrence';
import type { RecurrenceRule, RecurringSeries } from '../../../core/time/recurrence';
import { seriesWindowAt } from '../../../core/time/seriesWindow';
import { wallTimeToInstant } from '../../../core/time/zone';
import { fromParsedInvite } from '../../../core/vault/invite';
import type { InviteDraft } from '../../../core/vault/invite';

const NOW = Date.UTC(2026, 10, 29, 22, 0);
const DAY = 86_400_000;
const ZONES = ['Europe/Berlin', 'America/New_York', 'Australia/Sydney', 'Asia/Kolkata', 'America/St_Johns', 'Pacific/Chatham', 'UTC', 'Europe/London', 'America/Sao_Paulo', 'Asia/Tokyo'];

interface Case {
  series: RecurringSeries;
  locale: string;
  leadMinutes: number;
  graceMinutes: number;
}

/** The per-invitee block (no save link: the words are all a pasted invite has) for a series. */
function blockOf(c: Case): InviteBlockInput {
  return {
    joinUrl: 'https://meet.example.com/webapp3/m/k3v9q2x7m4p8w1z6t5r0',
    accessCode: '48291736',
    accessCodeIsAlias: true,
    passcode: { mode: 'per-invitee' },
    meeting: { start: c.series.start, end: c.series.end },
    timeZone: c.series.timeZone,
    locale: c.locale,
    leadMinutes: c.leadMinutes,
    graceMinutes: c.graceMinutes,
    recurrence: { timeZone: c.series.timeZone, rule: c.series.rule },
    withDate: true,
  };
}

function pasted(c: Case, format: 'html' | 'text'): InviteDraft | undefined {
  const rendered = renderInviteBlock(blockOf(c));
  const body = format === 'html' ? upsertInviteBlock('<p>Weekly sync</p>', rendered, 'html') : `Weekly sync\n\n${rendered.text}\n`;
  return fromParsedInvite(parseInvite(body, format), NOW)[0];
}

/** The draft's series and minutes, as the vault saves them. */
function seriesOf(d: InviteDraft | undefined): { series: RecurringSeries; lead: number; grace: number } {
  expect(d?.startsAt).toBeDefined();
  expect(d?.endsAt).toBeDefined();
  expect(d?.recurrence).toBeDefined();
  const { startsAt, endsAt, recurrence, leadMinutes, graceMinutes } = d as Required<InviteDraft>;
  return { series: { start: startsAt, end: endsAt, ...recurrence }, lead: leadMinutes, grace: graceMinutes };
}

/** The windows at `instants` of both series are the same (the one open then, else the next). */
function expectSameWindows(c: Case, got: ReturnType<typeof seriesOf>, instants: number[]) {
  const want = (t: number) => seriesWindowAt(c.series, t, { leadMinutes: c.leadMinutes, graceMinutes: c.graceMinutes });
  const have = (t: number) => seriesWindowAt(got.series, t, { leadMinutes: got.lead, graceMinutes: got.grace });
  for (const t of instants) expect(have(t), new Date(t).toISOString()).toEqual(want(t));
}

/** Instants spread over the series: before it, around its first occurrences and far into it. */
const instantsOf = (s: RecurringSeries): number[] => [s.start - DAY, s.start - 60_000, s.start + 1, s.start + 3 * DAY + 7_200_000, s.start + 17 * DAY, s.start + 45 * DAY + 3_600_000, s.start + 200 * DAY, s.start + 800 * DAY];

const ruleArb: fc.Arbitrary<RecurrenceRule> = fc
  .record({
    frequency: fc.constantFrom('daily' as const, 'weekly' as const, 'monthly' as const),
    interval: fc.constantFrom(undefined, 1, 2, 3, 12),
    days: fc.option(fc.subarray([...WEEKDAYS], { minLength: 1 }), { nil: undefined }),
    end: fc.oneof(fc.constant(null), fc.integer({ min: 1, max: 40 }).map((count) => ({ count })), fc.integer({ min: 0, max: 400 * 24 }).map((hours) => ({ untilHours: hours }))),
  })
  .map(({ frequency, interval, days, end }) => {
    const rule: RecurrenceRule & { untilHours?: number } = { frequency };
    if (interval !== undefined) rule.interval = interval;
    if (frequency === 'weekly' && days !== undefined) rule.daysOfWeek = days;
    if (end && 'count' in end) rule.count = end.count;
    if (end && 'untilHours' in end) rule.untilHours = end.untilHours;
    return rule;
  });

/** A rule with an until some hours after `start` (any time of day: Outlook's 23:59 and others). */
function withUntil(rule: RecurrenceRule & { untilHours?: number }, start: number): RecurrenceRule {
  const { untilHours, ...rest } = rule;
  return untilHours === undefined ? rest : { ...rest, until: start + untilHours * 3_600_000 + 17 * 60_000 };
}

describe('a pasted series block keeps every occurrence', () => {
  it('round-trips render -> paste -> parse to the same windows: every rule kind, zone, language and format', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: -1800 * 96, max: 300 * 96 }).map((q) => NOW - (NOW % 900_000) + q * 900_000),
        fc.constantFrom(...ZONES),
        fc.constantFrom(...OUTLOOK_LOCALES),
        ruleArb,
        fc.constantFrom(15, 30, 60, 90, 150),
        fc.constantFrom(0, 5, 15, 60),
        fc.constantFrom(0, 10),
        fc.constantFrom('html' as const, 'text' as const),
        (start, timeZone, locale, rule, minutes, leadMinutes, graceMinutes, format) => {
          const c: Case = { series: { start, end: start + minutes * 60_000, timeZone, rule: withUntil(rule, start) }, locale, leadMinutes, graceMinutes };
          expectSameWindows(c, seriesOf(pasted(c, format)), instantsOf(c.series));
        },
      ),
      { numRuns: 250 },
    );
  });

  it('keeps the local time across the days clocks change, in the zones that change them', () => {
    const days: Array<[string, number, number, number]> = [['Europe/Berlin', 2026, 3, 29], ['Europe/Berlin', 2026, 10, 25], ['America/New_York', 2026, 3, 8], ['America/New_York', 2026, 11, 1], ['Australia/Sydney', 2026, 4, 5], ['Australia/Sydney', 2026, 10, 4]];
    for (const [timeZone, year, month, day] of days) {
      for (const hour of [0, 2, 9, 23]) {
        // The series starts a week before the change and runs across it (and the day itself).
        const start = wallTimeToInstant({ year, month, day, hour, minute: 30 }, timeZone) - 7 * DAY;
        for (const rule of [{ frequency: 'daily' as const, count: 20 }, { frequency: 'weekly' as const, until: start + 30 * DAY }]) {
          for (const locale of ['en-GB', 'en-US', 'de-DE', 'ja-JP']) {
            const c: Case = { series: { start, end: start + 3_600_000, timeZone, rule }, locale, leadMinutes: 15, graceMinutes: 0 };
            const around = [0, 1, 2, 3, 6, 7, 8, 9, 14].map((d) => start + d * DAY - 30 * 60_000);
            expectSameWindows(c, seriesOf(pasted(c, 'html')), [...around, ...instantsOf(c.series)]);
          }
        }
      }
    }
  });

  it('reads a series that began years ago (its first date carries the year the activation sentence leaves out)', () => {
    for (const years of [3, 6, 11]) {
      const start = wallTimeToInstant({ year: 2026 - years, month: 12, day: 8, hour: 9, minute: 0 }, 'Europe/Berlin');
      const c: Case = { series: { start, end: start + 3_600_000, timeZone: 'Europe/Berlin', rule: { frequency: 'weekly' } }, locale: 'en-GB', leadMinutes: 15, graceMinutes: 0 };
      const draft = pasted(c, 'text');
      expect(draft?.startsAt).toBe(start);
      expectSameWindows(c, seriesOf(draft), [NOW, NOW + 9 * DAY, NOW + 100 * DAY]);
    }
  });

  it('saves the draft as the vault saves a capture link\'s series (times, minutes, zone, rule)', () => {
    const start = wallTimeToInstant({ year: 2026, month: 12, day: 8, hour: 9, minute: 0 }, 'Europe/Berlin');
    const until = wallTimeToInstant({ year: 2026, month: 12, day: 15, hour: 23, minute: 59 }, 'Europe/Berlin');
    const c: Case = { series: { start, end: start + 3_600_000, timeZone: 'Europe/Berlin', rule: { frequency: 'weekly', daysOfWeek: ['TU', 'TH'], until } }, locale: 'en-GB', leadMinutes: 15, graceMinutes: 10 };
    expect(pasted(c, 'html')).toMatchObject({
      startsAt: start,
      endsAt: start + 3_600_000,
      leadMinutes: 15,
      graceMinutes: 10,
      recurrence: { timeZone: 'Europe/Berlin', rule: { frequency: 'weekly', daysOfWeek: ['TU', 'TH'], until: until + 59_999 } },
    });
  });
});

describe('readSeriesSentence', () => {
  const start = Date.UTC(2026, 11, 8, 8, 0); // Tue 8 Dec 2026, 09:00 Berlin
  const read = (s: string, lead = 15) => readSeriesSentence(s, start, lead);

  it('reads the current form', () => {
    expect(read('For this recurring series (every 2 weeks on Monday and Tuesday from Tue, 8 Dec 2026, 1 hour each, 6 occurrences, Europe/Berlin time), the code is active 15 minutes before each occurrence.')).toEqual({
      end: start + 3_600_000,
      graceMinutes: 0,
      recurrence: { timeZone: 'Europe/Berlin', rule: { frequency: 'weekly', interval: 2, daysOfWeek: ['MO', 'TU'], count: 6 } },
    });
    expect(read('For this recurring series (monthly on day 8 from Di., 8. Dez. 2026, 30 minutes each, until Di., 8. Juni 2027, Europe/Berlin time), the code is active from the start of each occurrence until 1 hour after its end.', 0)?.recurrence.rule).toMatchObject({ frequency: 'monthly' });
  });

  it('is unknown (null) for older, altered or inconsistent sentences', () => {
    expect(read('For this recurring series, the code is active 15 minutes before each occurrence.')).toBeNull();
    const ok = 'For this recurring series (weekly on Tuesday from Tue, 8 Dec 2026, 1 hour each, Europe/Berlin time), the code is active 15 minutes before each occurrence.';
    expect(read(ok)).not.toBeNull();
    expect(read(ok, 30)).toBeNull(); // the activation sentence said another lead
    expect(read(ok.replace('Tuesday', 'Tuesdy'))).toBeNull();
    expect(read(ok.replace('Europe/Berlin', 'Mars/Olympus'))).toBeNull();
    expect(read(ok.replace('weekly', 'every 1 weeks'))).toBeNull(); // never written so
    expect(read(ok.replace('1 hour', '60 minutes'))).toBeNull();
    expect(read(ok.replace('weekly on Tuesday', 'monthly on day 9'))).toBeNull(); // the first occurrence is on the 8th
    expect(read(ok.replace('from Tue, 8 Dec 2026', 'from Wed, 9 Dec 2026'))).toBeNull(); // not the first occurrence's date
    expect(read(ok.replace(' from Tue, 8 Dec 2026', ''))).toBeNull(); // the first date is part of the form
    expect(read(ok.replace('1 hour each', '1 hour each, 1 occurrences'))).toBeNull();
    expect(read(ok.replace('1 hour each', '1 hour each, until Fri, 15 Dec 2026'))).toBeNull(); // 15 Dec 2026 is a Tuesday
    expect(read(ok.replace('1 hour each', '1 hour each, until Tue, 1 Dec 2026'))).toBeNull(); // before the first occurrence
  });
});
