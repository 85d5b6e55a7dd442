import { describe, expect, it } from 'vitest';
import { activationWindow } from '../../../core/time/activation';
import { activationSentence, formatInstant, recurringActivationSentence } from '../../../core/time/format';

const MIN = 60_000;
/** Normalise Intl's narrow/no-break spaces so expectations stay readable. */
const plain = (s: string): string => s.replace(/[\u202f\u00a0]/g, ' ');

describe('formatInstant', () => {
  it('formats in the given zone and locale', () => {
    const t = Date.UTC(2025, 0, 13, 8, 45);
    expect(formatInstant(t, { timeZone: 'Europe/Berlin' })).toBe('09:45');
    expect(plain(formatInstant(t, { timeZone: 'America/New_York', locale: 'en-US' }))).toBe('3:45 AM');
    expect(formatInstant(t, { timeZone: 'Asia/Tokyo', locale: 'de-DE' })).toBe('17:45');
    expect(formatInstant(t, { timeZone: 'Europe/Berlin', withDate: true })).toBe('Mon 13 Jan, 09:45');
  });
  it('rejects bad zones, locales and instants clearly', () => {
    expect(() => formatInstant(0, { timeZone: 'Nope/Nope' })).toThrow(/timeZone: unknown time zone "Nope\/Nope"/);
    expect(() => formatInstant(0, { timeZone: 'UTC', locale: 'not a locale!' })).toThrow(/locale: "not a locale!" is not a valid/);
    expect(() => formatInstant(Infinity, { timeZone: 'UTC' })).toThrow(/finite/);
  });
});

describe('activationSentence', () => {
  it('states the local opening time, the zone and the lead', () => {
    const m = { start: Date.UTC(2025, 0, 13, 9), end: Date.UTC(2025, 0, 13, 10) };
    const w = activationWindow(m);
    expect(activationSentence(w, m, { timeZone: 'Europe/Berlin' })).toBe('The code works from 09:45 (Europe/Berlin), 15 minutes before the start.');
    expect(plain(activationSentence(w, m, { timeZone: 'America/New_York', locale: 'en-US' }))).toBe(
      'The code works from 3:45 AM (America/New_York), 15 minutes before the start.',
    );
  });
  it('follows DST: the same 10:00 local meeting in July opens at 09:45 local too', () => {
    const m = { start: Date.UTC(2025, 6, 14, 8), end: Date.UTC(2025, 6, 14, 9) };
    expect(activationSentence(activationWindow(m), m, { timeZone: 'Europe/Berlin' })).toContain('from 09:45 (Europe/Berlin)');
  });
  it('includes the date when the window opens on the previous local day', () => {
    // 00:05 Berlin on Sunday 30 March 2025 (the spring-forward day) = 23:05Z Saturday.
    const m = { start: Date.UTC(2025, 2, 29, 23, 5), end: Date.UTC(2025, 2, 30, 0, 0) };
    expect(activationSentence(activationWindow(m), m, { timeZone: 'Europe/Berlin' })).toBe(
      'The code works from Sat 29 Mar, 23:50 (Europe/Berlin), 15 minutes before the start.',
    );
    // The same meeting read in UTC opens on the same day: no date.
    expect(activationSentence(activationWindow(m), m, { timeZone: 'UTC' })).toBe('The code works from 22:50 (UTC), 15 minutes before the start.');
  });
  it('states the date whenever asked (withDate), so a move to another day changes the sentence', () => {
    const m = { start: Date.UTC(2025, 0, 13, 9), end: Date.UTC(2025, 0, 13, 10) };
    const nextDay = { start: m.start + 86_400_000, end: m.end + 86_400_000 };
    expect(activationSentence(activationWindow(m), m, { timeZone: 'Europe/Berlin', withDate: true })).toBe(
      'The code works from Mon 13 Jan, 09:45 (Europe/Berlin), 15 minutes before the start.',
    );
    expect(activationSentence(activationWindow(nextDay), nextDay, { timeZone: 'Europe/Berlin', withDate: true })).toContain('from Tue 14 Jan, 09:45');
  });
  it('words other leads', () => {
    const m = { start: Date.UTC(2025, 0, 13, 12), end: Date.UTC(2025, 0, 13, 13) };
    expect(activationSentence(activationWindow(m, { leadMinutes: 0 }), m, { timeZone: 'UTC' })).toBe('The code works from 12:00 (UTC), when the meeting starts.');
    expect(activationSentence(activationWindow(m, { leadMinutes: 60 }), m, { timeZone: 'UTC' })).toContain('11:00 (UTC), 1 hour before');
    expect(activationSentence({ opensAt: m.start - MIN, closesAt: m.end }, m, { timeZone: 'UTC' })).toContain('1 minute before');
  });
  it('recurring sentence', () => {
    expect(recurringActivationSentence(15)).toBe('For this recurring series, the code is active 15 minutes before each occurrence.');
    expect(() => recurringActivationSentence(-1)).toThrow(RangeError);
  });
});
