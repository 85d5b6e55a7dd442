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
  });
});
