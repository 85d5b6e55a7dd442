/**
 * Issue 13: the paste parser reads SecureJoin's own activation sentence in every form the add-in
 * writes (any zone, Outlook's display languages with 12 and 24 h clocks, other days, series), so
 * a pasted invite without a save link keeps the time its code opens.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { OUTLOOK_LOCALES, readActivationSentence } from '../../../core/invite/activationTime';
import { parseInvite } from '../../../core/invite/parse';
import { renderInviteBlock } from '../../../core/invite/render';
import type { InviteBlockInput } from '../../../core/invite/render';
import { upsertInviteBlock } from '../../../core/invite/upsert';
import { formatInstant } from '../../../core/time/format';
import { wallTimeToInstant } from '../../../core/time/zone';
import { fromParsedInvite } from '../../../core/vault/invite';

const NOW = Date.UTC(2026, 10, 29, 22, 0);
const ZONES = ['Europe/Berlin', 'America/New_York', 'America/Los_Angeles', 'Australia/Sydney', 'Asia/Kolkata', 'Asia/Kathmandu', 'America/St_Johns', 'Pacific/Chatham', 'Pacific/Kiritimati', 'Etc/GMT+5', 'UTC', 'Europe/London', 'America/Sao_Paulo', 'Asia/Tokyo'];
const DAY = 86_400_000;

function block(over: Partial<InviteBlockInput>): InviteBlockInput {
  return {
    joinUrl: 'https://meet.example.com/webapp3/m/k3v9q2x7m4p8w1z6t5r0',
    accessCode: '48291736',
    accessCodeIsAlias: true,
    passcode: { mode: 'per-invitee' },
    meeting: { start: NOW + 7 * DAY, end: NOW + 7 * DAY + 3_600_000 },
    timeZone: 'Europe/Berlin',
    locale: 'en-GB',
    withDate: true,
    ...over,
  };
}

/** Renders, pastes (HTML as Outlook keeps it, or text) and reads the sentence back. */
function roundTrip(input: InviteBlockInput, format: 'html' | 'text') {
  const rendered = renderInviteBlock(input);
  const body = format === 'html' ? upsertInviteBlock('<p>Agenda</p>', rendered, 'html') : `Agenda\n\n${rendered.text}\n`;
  const fields = parseInvite(body, format).block;
  return fields?.activationSentence === undefined ? null : readActivationSentence(fields.activationSentence, NOW, fields.recurringSentence);
}

/** The instant the add-in wrote, or (a repeated hour when clocks go back) the later one written the same way. */
function expectSameWindow(read: ReturnType<typeof roundTrip>, opensAt: number, input: InviteBlockInput) {
  expect(read).not.toBeNull();
  const written = (at: number) => formatInstant(at, { timeZone: input.timeZone, locale: input.locale, withDate: true });
  expect(written(read!.opensAt)).toBe(written(opensAt));
  expect([opensAt, opensAt + 3_600_000, opensAt + 1_800_000]).toContain(read!.opensAt);
  expect(read!.leadMinutes).toBe(input.leadMinutes ?? 15);
  expect(read!.timeZone).toBe(input.timeZone);
}

describe('readActivationSentence', () => {
  it('round-trips render -> paste -> parse to the same opening, any zone, language, day, lead and series', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: -300 * 96, max: 300 * 96 }).map((q) => NOW - (NOW % 900_000) + q * 900_000),
        fc.constantFrom(...ZONES),
        fc.constantFrom(...OUTLOOK_LOCALES),
        fc.constantFrom(0, 1, 5, 15, 30, 60, 90, 120),
        fc.boolean(),
        fc.constantFrom('html' as const, 'text' as const),
        (start, timeZone, locale, leadMinutes, series, format) => {
          const input = block({
            meeting: { start, end: start + 3_600_000 },
            timeZone,
            locale,
            leadMinutes,
            ...(series ? { recurrence: { timeZone, rule: { frequency: 'weekly' as const } } } : {}),
          });
          const read = roundTrip(input, format);
          expectSameWindow(read, start - leadMinutes * 60_000, input);
          expect(read!.recurring).toBe(series);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('reads meetings on the days clocks change, in the zones that change them', () => {
    for (const timeZone of ['Europe/Berlin', 'America/New_York', 'Australia/Sydney', 'Europe/London']) {
      for (const [y, mo, d] of [[2026, 3, 29], [2026, 10, 25], [2026, 3, 8], [2026, 11, 1], [2026, 4, 5], [2026, 10, 4]] as const) {
        for (const hour of [0, 1, 2, 3, 4]) {
          const start = wallTimeToInstant({ year: y, month: mo, day: d, hour, minute: 30 }, timeZone);
          for (const locale of ['en-GB', 'en-US', 'de-DE', 'ko-KR']) {
            const input = block({ meeting: { start, end: start + 3_600_000 }, timeZone, locale, leadMinutes: 15 });
            expectSameWindow(roundTrip(input, 'html'), start - 15 * 60_000, input);
          }
        }
      }
    }
  });

  it('reads the exact sentences of 12 and 24 hour languages', () => {
    const at = Date.UTC(2026, 11, 1, 20, 45); // 21:45 in Berlin
    expect(readActivationSentence('The code works from Tue 1 Dec, 21:45 (Europe/Berlin), 15 minutes before the start.', NOW)).toEqual({ opensAt: at, leadMinutes: 15, timeZone: 'Europe/Berlin', recurring: false });
    expect(readActivationSentence('The code works from Tue, Dec 1, 9:45\u202fPM (Europe/Berlin), 1 hour before the start.', NOW)?.opensAt).toBe(at);
    expect(readActivationSentence('The code works from Tue, Dec 1, 9:45 PM (Europe/Berlin), 1 hour before the start.', NOW)?.leadMinutes).toBe(60);
    expect(readActivationSentence('The code works from Di., 1. Dez., 21:45 (Europe/Berlin), when the meeting starts.', NOW)).toMatchObject({ opensAt: at, leadMinutes: 0 });
    expect(readActivationSentence('The code works from 12月1日(火), 21:45 (Europe/Berlin), 15 minutes before the start.', NOW)?.opensAt).toBe(at);
  });

  it('gives null for what it cannot know: no date, a wrong weekday, an unknown zone, a lead we never write, not our sentence', () => {
    expect(readActivationSentence('The code works from 09:45 (Europe/Berlin), 15 minutes before the start.', NOW)).toBeNull();
    expect(readActivationSentence('The code works from Fri 1 Dec, 21:45 (Europe/Berlin), 15 minutes before the start.', NOW)).toBeNull(); // 1 Dec is a Friday in no year from 2025 to 2027
    expect(readActivationSentence('The code works from Tue 1 Dec, 21:45 (Mars/Olympus), 15 minutes before the start.', NOW)).toBeNull();
    expect(readActivationSentence('The code works from Tue 1 Dec, 21:45 (Europe/Berlin), 60 minutes before the start.', NOW)).toBeNull();
    expect(readActivationSentence('The meeting is on Tue 1 Dec, 21:45 (Europe/Berlin).', NOW)).toBeNull();
  });
});

describe('a pasted invite without a save link keeps its time', () => {
  it('the per-invitee block gives the draft its start and lead', () => {
    const start = Date.UTC(2026, 11, 8, 14, 0);
    const input = block({ meeting: { start, end: start + 3_600_000 }, timeZone: 'America/New_York', locale: 'en-US', leadMinutes: 10 });
    const [draft] = fromParsedInvite(parseInvite(upsertInviteBlock('<p>Hi</p>', renderInviteBlock(input), 'html'), 'html'), NOW);
    expect(draft).toMatchObject({ url: input.joinUrl, startsAt: start, leadMinutes: 10 });
  });

  it('a series keeps its time unknown (its rule is in no text), and without `now` nothing is read', () => {
    const start = Date.UTC(2026, 11, 8, 14, 0);
    const series = block({ meeting: { start, end: start + 3_600_000 }, recurrence: { timeZone: 'Europe/Berlin', rule: { frequency: 'weekly' } } });
    expect(fromParsedInvite(parseInvite(renderInviteBlock(series).text, 'text'), NOW)[0]?.startsAt).toBeUndefined();
    expect(fromParsedInvite(parseInvite(renderInviteBlock(block({})).text, 'text'))[0]?.startsAt).toBeUndefined();
  });
});
