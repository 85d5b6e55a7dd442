import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { base64UrlEncodeText } from '../../../core/links/base64url';
import { buildCaptureLink, hasCaptureFragment, parseCaptureLink, stripCaptureFragment } from '../../../core/links/capture';

const room = { origin: 'https://meet.example.com', path: 'webapp3', alias: 'alice', role: 'guest' as const, pin: '123456#' };
const errorsOf = (url: string): string => {
  const r = parseCaptureLink(url);
  return r.ok ? 'OK' : r.errors.map((e) => `${e.path}: ${e.message}`).join(' | ');
};
const withPayload = (payload: unknown): string => `https://meet.example.com/webapp3/m/alice#sj=${base64UrlEncodeText(JSON.stringify(payload))}`;

describe('capture links', () => {
  it('puts the PIN only in the fragment and reads the record back', () => {
    const url = buildCaptureLink({ ...room, startsAt: Date.UTC(2025, 0, 1, 9), endsAt: Date.UTC(2025, 0, 1, 10), name: 'Zoë "Z" <b>' });
    expect(url.startsWith('https://meet.example.com/webapp3/m/alice#sj=')).toBe(true);
    expect(url.split('#')[0]).not.toContain('123456');
    expect(url).toMatch(/#sj=[A-Za-z0-9_-]+$/);
    expect(parseCaptureLink(url)).toEqual({
      ok: true,
      value: { ...room, style: 'webapp3', startsAt: Date.UTC(2025, 0, 1, 9), endsAt: Date.UTC(2025, 0, 1, 10), name: 'Zoë "Z" <b>' },
    });
  });
  it('takes origin, path and alias from the link itself, exactly', () => {
    const url = buildCaptureLink({ ...room, origin: 'https://n.example:8443', path: 'apps/meet', alias: 'room@example.com', style: 'legacy' });
    const r = parseCaptureLink(url);
    expect(r.ok && r.value).toMatchObject({ origin: 'https://n.example:8443', path: 'apps/meet', alias: 'room@example.com', style: 'legacy' });
  });
  it('strips the fragment for the address bar and leaves other URLs alone', () => {
    const url = buildCaptureLink(room);
    expect(stripCaptureFragment(url)).toBe('https://meet.example.com/webapp3/m/alice');
    expect(hasCaptureFragment(url)).toBe(true);
    expect(stripCaptureFragment('https://n.example/webapp/#/?conference=a')).toBe('https://n.example/webapp/#/?conference=a');
    expect(hasCaptureFragment('https://n.example/webapp/#/?conference=a')).toBe(false);
    expect(stripCaptureFragment(undefined as unknown as string)).toBe('');
  });
  it('refuses bad payloads with errors naming the field', () => {
    expect(errorsOf('https://meet.example.com/webapp3/m/alice')).toMatch(/no capture fragment/);
    expect(errorsOf('https://meet.example.com/webapp3/m/alice#sj=***')).toMatch(/payload: is not base64url/);
    expect(errorsOf(`https://meet.example.com/webapp3/m/alice#sj=${base64UrlEncodeText('{nope')}`)).toMatch(/payload: is not valid JSON/);
    expect(errorsOf(withPayload({ v: 2, role: 'guest', pin: '1234' }))).toMatch(/payload\.v: unsupported version 2/);
    expect(errorsOf(withPayload({ v: 1, role: 'guest', pin: '12' }))).toMatch(/payload\.pin: must be 4-20 digits/);
    expect(errorsOf(withPayload({ v: 1, role: 'boss', pin: '1234' }))).toMatch(/payload\.role/);
    expect(errorsOf(withPayload({ v: 1, role: 'guest', pin: '1234', extra: 1 }))).toMatch(/payload/);
    expect(errorsOf(withPayload({ v: 1, role: 'guest', pin: '1234', startsAt: 10, endsAt: 5 }))).toMatch(/payload\.endsAt: endsAt must be after startsAt/);
    expect(errorsOf(withPayload([1, 2]))).toMatch(/payload/);
    expect(errorsOf(`${withPayload({ v: 1, role: 'guest', pin: '1234' }).replace('/alice#', '/alice?pin=1234#')}`)).toMatch(/url\.pin: must not be in the query/);
    expect(errorsOf(`https://n.example/webapp/#sj=${base64UrlEncodeText('{}')}`)).toMatch(/not a Pexip web app join link/);
    expect(errorsOf(`http://evil.example/webapp3/m/a#sj=x`)).toMatch(/https/);
  });
  it('carries the organizer\'s lead and grace minutes, and still reads links without them', () => {
    const times = { startsAt: Date.UTC(2025, 0, 1, 9), endsAt: Date.UTC(2025, 0, 1, 10) };
    const url = buildCaptureLink({ ...room, ...times, leadMinutes: 30, graceMinutes: 10 });
    expect(parseCaptureLink(url)).toEqual({ ok: true, value: { ...room, style: 'webapp3', ...times, leadMinutes: 30, graceMinutes: 10 } });
    expect(parseCaptureLink(buildCaptureLink({ ...room, ...times, leadMinutes: 0, graceMinutes: 0 }))).toMatchObject({ ok: true, value: { leadMinutes: 0, graceMinutes: 0 } });
    // A link written before lead/grace existed (times only) parses as before, without them.
    const old = parseCaptureLink(withPayload({ v: 1, role: 'guest', pin: '1234', ...times }));
    expect(old).toEqual({ ok: true, value: { origin: 'https://meet.example.com', path: 'webapp3', alias: 'alice', style: 'webapp3', role: 'guest', pin: '1234', ...times } });
    expect(old.ok && 'leadMinutes' in old.value).toBe(false);
  });
  it('refuses lead or grace minutes that are not whole minutes from 0 to a week, or pad a time the link does not state', () => {
    const times = { startsAt: 1_000_000, endsAt: 2_000_000 };
    expect(errorsOf(withPayload({ v: 1, role: 'guest', pin: '1234', ...times, leadMinutes: -1 }))).toMatch(/payload\.leadMinutes/);
    expect(errorsOf(withPayload({ v: 1, role: 'guest', pin: '1234', ...times, leadMinutes: 1.5 }))).toMatch(/payload\.leadMinutes/);
    expect(errorsOf(withPayload({ v: 1, role: 'guest', pin: '1234', ...times, graceMinutes: 10_081 }))).toMatch(/payload\.graceMinutes/);
    expect(errorsOf(withPayload({ v: 1, role: 'guest', pin: '1234', ...times, graceMinutes: '10' }))).toMatch(/payload\.graceMinutes/);
    expect(errorsOf(withPayload({ v: 1, role: 'guest', pin: '1234', ...times, leadMinutes: 10_080, graceMinutes: 10_080 }))).toBe('OK');
    expect(errorsOf(withPayload({ v: 1, role: 'guest', pin: '1234', endsAt: 5, leadMinutes: 15 }))).toBe('payload.leadMinutes: leadMinutes needs startsAt (the lead is counted back from the start)');
    expect(errorsOf(withPayload({ v: 1, role: 'guest', pin: '1234', startsAt: 5, graceMinutes: 15 }))).toBe('payload.graceMinutes: graceMinutes needs endsAt (the grace is counted on from the end)');
    expect(() => buildCaptureLink({ ...room, leadMinutes: 15 })).toThrow(/payload\.leadMinutes leadMinutes needs startsAt/);
    expect(() => buildCaptureLink({ ...room, ...times, graceMinutes: Number.NaN })).toThrow(/payload\.graceMinutes/);
  });
  it('build refuses what parse would refuse', () => {
    expect(() => buildCaptureLink({ ...room, pin: '12ab' })).toThrow(/payload\.pin/);
    expect(() => buildCaptureLink({ ...room, startsAt: 10, endsAt: 10 })).toThrow(/endsAt must be after startsAt/);
    expect(() => buildCaptureLink({ ...room, origin: 'javascript:alert(1)' })).toThrow(/origin/);
  });
  it('parseCaptureLink never throws on garbage', () => {
    const garbage = fc.oneof(
      fc.string({ maxLength: 300 }),
      fc.string({ unit: 'binary', maxLength: 200 }).map((s) => `https://meet.example.com/webapp3/m/a#sj=${s}`),
      fc.base64String({ maxLength: 200 }).map((s) => `https://meet.example.com/webapp3/m/a#sj=${s.replace(/=/g, '')}`),
      fc.json().map((j) => withPayload(JSON.parse(j))),
    );
    fc.assert(
      fc.property(garbage, (url) => {
        const r = parseCaptureLink(url);
        expect(typeof r.ok).toBe('boolean');
        expect(typeof stripCaptureFragment(url)).toBe('string');
      }),
      { numRuns: 500 },
    );
    // CPU-bound generation (fc.anything, fc.json): 5 s is too tight when other work shares the 2 cores.
  }, 30_000);
});
