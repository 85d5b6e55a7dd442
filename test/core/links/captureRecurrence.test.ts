import { describe, expect, it } from 'vitest';
import { base64UrlDecodeText, base64UrlEncodeText } from '../../../core/links/base64url';
import { buildCaptureLink, parseCaptureLink } from '../../../core/links/capture';

const room = { origin: 'https://meet.example.com', path: 'webapp3', alias: 'weekly', role: 'guest' as const, pin: '40712583' };
const first = { startsAt: Date.UTC(2025, 2, 24, 8), endsAt: Date.UTC(2025, 2, 24, 9) };
const series = { timeZone: 'Europe/Berlin', rule: { frequency: 'weekly' as const, daysOfWeek: ['MO' as const, 'WE' as const], until: Date.UTC(2025, 11, 31) } };
const withPayload = (payload: unknown): string => `https://meet.example.com/webapp3/m/weekly#sj=${base64UrlEncodeText(JSON.stringify(payload))}`;
const errorsOf = (url: string): string[] => {
  const r = parseCaptureLink(url);
  return r.ok ? [] : r.errors.map((e) => `${e.path}: ${e.message}`);
};

describe('capture links for a recurring series', () => {
  it('round-trips the series in a compact rec object; the first occurrence stays startsAt/endsAt', () => {
    const url = buildCaptureLink({ ...room, ...first, leadMinutes: 15, graceMinutes: 10, recurrence: series });
    const payload = JSON.parse(base64UrlDecodeText(url.split('#sj=')[1] as string) as string);
    expect(payload.rec).toEqual({ tz: 'Europe/Berlin', freq: 'weekly', days: ['MO', 'WE'], until: Date.UTC(2025, 11, 31) });
    expect(url.length).toBeLessThan(400);
    const r = parseCaptureLink(url);
    expect(r.ok && r.value).toEqual({ ...room, style: 'webapp3', ...first, leadMinutes: 15, graceMinutes: 10, recurrence: series });
  });
  it('old links without rec still parse as a single meeting', () => {
    const r = parseCaptureLink(withPayload({ v: 1, role: 'guest', pin: '40712583', ...first }));
    expect(r.ok && r.value.recurrence).toBeUndefined();
    expect(r.ok).toBe(true);
  });
  it.each([
    ['without the first occurrence', { rec: { tz: 'UTC', freq: 'daily' } }, ['payload.rec: needs startsAt and endsAt (the first occurrence)']],
    ['with an unknown zone', { ...first, rec: { tz: 'Mars/Base', freq: 'daily' } }, ['payload.rec.tz']],
    ['with until and count', { ...first, rec: { tz: 'UTC', freq: 'daily', until: first.startsAt + 86_400_000, count: 3 } }, ['payload.rec: give either until or count, not both']],
    ['with days on a monthly rule', { ...first, rec: { tz: 'UTC', freq: 'monthly', days: ['MO'] } }, ['payload.rec.days: only allowed with frequency "weekly"']],
    ['with until before the first start', { ...first, rec: { tz: 'UTC', freq: 'daily', until: first.startsAt - 1 } }, ['payload.rec.until: must not be before start']],
    ['with an unknown key (strict)', { ...first, rec: { tz: 'UTC', freq: 'daily', byMonth: 3 } }, ['payload.rec']],
    ['with a yearly rule', { ...first, rec: { tz: 'UTC', freq: 'yearly' } }, ['payload.rec.freq']],
    ['with interval 0', { ...first, rec: { tz: 'UTC', freq: 'daily', interval: 0 } }, ['payload.rec.interval']],
    ['with a bad weekday', { ...first, rec: { tz: 'UTC', freq: 'weekly', days: ['XX'] } }, ['payload.rec.days.0']],
  ])('refuses a series %s, naming the field', (_name, extra, expected) => {
    const errors = errorsOf(withPayload({ v: 1, role: 'guest', pin: '40712583', ...extra }));
    expect(errors).toHaveLength(expected.length);
    errors.forEach((e, i) => expect(e.startsWith(expected[i] as string)).toBe(true));
  });
  it('build refuses what parse refuses', () => {
    expect(() => buildCaptureLink({ ...room, recurrence: series })).toThrow(/payload.rec needs startsAt and endsAt/);
    expect(() => buildCaptureLink({ ...room, ...first, recurrence: { timeZone: 'Nowhere/Else', rule: { frequency: 'daily' } } })).toThrow(/payload.rec.tz/);
  });
});
