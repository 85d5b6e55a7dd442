import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildJoinLink, parseJoinLink } from '../../../core/links/join';
import type { JoinLink } from '../../../core/links/join';

const errorsOf = (url: string): string => {
  const r = parseJoinLink(url);
  return r.ok ? 'OK' : r.errors.map((e) => `${e.path}: ${e.message}`).join(' | ');
};

describe('parseJoinLink', () => {
  it('reads a webapp3 link with role, name, PIN and join', () => {
    expect(parseJoinLink('https://meet.example.com/webapp3/m/alice?role=guest&name=Ana%20Lima&pin=1234%23&join=1')).toEqual({
      ok: true,
      value: { origin: 'https://meet.example.com', path: 'webapp3', alias: 'alice', style: 'webapp3', role: 'guest', name: 'Ana Lima', pin: '1234#', join: true },
    });
  });
  it('reads a multi-segment and an empty webapp3 path, and "+" as space', () => {
    const r = parseJoinLink('https://Meet.Example.com:443/apps/video/m/meet.alice%40example.com?name=Ana+Lima');
    expect(r).toEqual({ ok: true, value: { origin: 'https://meet.example.com', path: 'apps/video', alias: 'meet.alice@example.com', style: 'webapp3', name: 'Ana Lima' } });
    expect(parseJoinLink('https://node.example/m/room1')).toEqual({ ok: true, value: { origin: 'https://node.example', path: '', alias: 'room1', style: 'webapp3' } });
  });
  it('reads the express join /m/<alias>/express as the same room (an alias named "express" stays one)', () => {
    expect(parseJoinLink('https://meet.example.com/webapp3/m/alice/express?role=guest&name=Ana&pin=1234')).toEqual({
      ok: true,
      value: { origin: 'https://meet.example.com', path: 'webapp3', alias: 'alice', style: 'webapp3', role: 'guest', name: 'Ana', pin: '1234' },
    });
    expect(parseJoinLink('https://meet.example.com/m/alice/express')).toEqual({ ok: true, value: { origin: 'https://meet.example.com', path: '', alias: 'alice', style: 'webapp3' } });
    expect(parseJoinLink('https://meet.example.com/webapp3/m/express')).toMatchObject({ ok: true, value: { path: 'webapp3', alias: 'express' } });
    expect(errorsOf('https://meet.example.com/webapp3/m/alice/express/more')).toMatch(/not a Pexip web app join link/);
    expect(errorsOf('https://meet.example.com/webapp3/rooms/alice/express')).toMatch(/not a Pexip web app join link/);
  });
  it('reads webapp2 links (alias in the fragment)', () => {
    expect(parseJoinLink('https://node.example:8443/webapp/#/?conference=alice&pin=5678&role=host')).toEqual({
      ok: true,
      value: { origin: 'https://node.example:8443', path: 'webapp', alias: 'alice', style: 'webapp2', pin: '5678', role: 'host' },
    });
  });
  it('reads legacy /webapp/conference/<alias> links', () => {
    expect(parseJoinLink('https://node.example/webapp/conference/bob?pin=123456')).toEqual({
      ok: true,
      value: { origin: 'https://node.example', path: 'webapp', alias: 'bob', style: 'legacy', pin: '123456' },
    });
  });
  it('allows http only on loopback hosts', () => {
    expect(parseJoinLink('http://127.0.0.1:8080/webapp3/m/a').ok).toBe(true);
    expect(parseJoinLink('http://localhost/webapp3/m/a').ok).toBe(true);
    expect(parseJoinLink('http://[::1]:3000/webapp3/m/a').ok).toBe(true);
    expect(errorsOf('http://meet.example.com/webapp3/m/a')).toMatch(/must use https:\/\/ \(http is only allowed for localhost/);
  });
  it('rejects dangerous and malformed links with clear errors', () => {
    expect(errorsOf('javascript:alert(1)//m/a')).toMatch(/javascript: URLs are not allowed/);
    expect(errorsOf('data:text/html,<script>')).toMatch(/data: URLs are not allowed/);
    expect(errorsOf('https://user:pass@meet.example.com/webapp3/m/a')).toMatch(/user name or password/);
    expect(errorsOf('https://evil.example@meet.example.com/webapp3/m/a')).toMatch(/user name or password/);
    expect(errorsOf('ftp://meet.example.com/m/a')).toMatch(/must use https:\/\/, not ftp:/);
    expect(errorsOf('https://meet.example.com/webapp3/rooms/a')).toMatch(/not a Pexip web app join link/);
    expect(errorsOf('https://meet.example.com/webapp3/m/a?pin=12')).toMatch(/pin: must be 4-20 digits/);
    expect(errorsOf('https://meet.example.com/webapp3/m/a?pin=1234&pin=5678')).toMatch(/"pin" appears more than once/);
    expect(errorsOf('https://meet.example.com/webapp3/m/a?role=admin')).toMatch(/role: must be "host" or "guest"/);
    expect(errorsOf('https://meet.example.com/webapp3/m/%E0%A4%A')).toMatch(/malformed %-escape/);
    expect(errorsOf('https://meet.example.com\\@evil.example/m/a')).toMatch(/backslashes/);
    expect(errorsOf('https://meet .example.com/m/a')).toMatch(/spaces/);
    expect(errorsOf('https://meet.example.com:99999/m/a')).toMatch(/invalid port "99999"/);
    expect(errorsOf('https://meet.example.com/webapp3/m/a?pin=1234#')).toMatch(/pin: is followed by a bare "#": a PIN ending in # must be written %23/);
    expect(errorsOf('')).toMatch(/url: is empty/);
    expect(errorsOf(42 as unknown as string)).toMatch(/must be a string/);
  });
  it('never throws, whatever the input', () => {
    const urlish = fc.oneof(
      fc.string({ maxLength: 200 }),
      fc.webUrl({ withQueryParameters: true, withFragments: true }),
      fc
        .tuple(fc.constantFrom('https://n.example/', 'http://localhost/', 'https://n.example/webapp/#/?', ''), fc.string({ unit: 'binary', maxLength: 100 }))
        .map(([a, b]) => a + b),
      fc.anything() as fc.Arbitrary<unknown> as fc.Arbitrary<string>,
    );
    fc.assert(
      fc.property(urlish, (url) => {
        const r = parseJoinLink(url);
        expect(typeof r.ok).toBe('boolean');
        if (!r.ok) expect(r.errors.length).toBeGreaterThan(0);
      }),
      { numRuns: 500 },
    );
    // CPU-bound generation (fc.anything, fc.json): 5 s is too tight when other work shares the 2 cores.
  }, 30_000);
});

describe('buildJoinLink', () => {
  it('writes webapp3 links with parameters in a fixed order and # as %23', () => {
    expect(
      buildJoinLink({ origin: 'https://meet.example.com', path: 'webapp3', alias: 'alice', style: 'webapp3', role: 'guest', name: 'Ana Lima', pin: '1234#', join: true }),
    ).toBe('https://meet.example.com/webapp3/m/alice?role=guest&name=Ana%20Lima&pin=1234%23&join=1');
  });
  it('writes webapp2 and legacy links', () => {
    expect(buildJoinLink({ origin: 'https://n.example', path: 'webapp', alias: 'a b', style: 'webapp2', pin: '1234' })).toBe('https://n.example/webapp/#/?conference=a%20b&pin=1234');
    expect(buildJoinLink({ origin: 'https://n.example', path: 'webapp', alias: 'x@y.z', style: 'legacy' })).toBe('https://n.example/webapp/conference/x@y.z');
  });
  it('encodes hostile aliases and names so they cannot break out of the URL', () => {
    const url = buildJoinLink({ origin: 'https://n.example', path: 'webapp3', alias: '"><script>x?#', style: 'webapp3', name: 'a&pin=0000' });
    expect(url).not.toMatch(/[<>"]/);
    expect(url).toBe('https://n.example/webapp3/m/%22%3E%3Cscript%3Ex%3F%23?name=a%26pin%3D0000');
  });
  it('refuses invalid links with every problem named', () => {
    expect(() => buildJoinLink({ origin: 'http://evil.example', path: '/webapp3/', alias: '', style: 'webapp3', pin: 'abcd' })).toThrow(
      /origin must use https.*; path must be segments.*; alias must be a non-empty.*; pin must be 4-20 digits/,
    );
    expect(() => buildJoinLink({ origin: 'https://n.example/webapp3', path: 'webapp3', alias: 'a', style: 'webapp3' })).toThrow(/exact origin such as "https:\/\/n.example"/);
  });
  it('round-trips: parse(build(link)) gives the link back', () => {
    const seg = fc.stringMatching(/^[A-Za-z0-9._~-]{1,10}$/).filter((s) => s !== 'm' && s !== 'conference');
    const link = fc.record(
      {
        origin: fc.constantFrom('https://meet.example.com', 'https://n.example:8443', 'http://127.0.0.1:3000'),
        path: fc.array(seg, { minLength: 1, maxLength: 3 }).map((s) => s.join('/')),
        alias: fc.string({ minLength: 1, maxLength: 30 }).filter((s) => s.trim() !== '' && !/[\u0000-\u001f\u007f-\u009f\u2028\u2029/]/.test(s)),
        style: fc.constantFrom<JoinLink['style']>('webapp3', 'webapp2', 'legacy'),
        role: fc.constantFrom<'host' | 'guest'>('host', 'guest'),
        name: fc.string({ minLength: 1, maxLength: 30 }).filter((s) => s.trim() !== '' && !/[\u0000-\u001f\u007f-\u009f\u2028\u2029]/.test(s)),
        pin: fc.stringMatching(/^(?:[0-9]{4,20}|[0-9]{3,19}#)$/),
        join: fc.boolean(),
      },
      { requiredKeys: ['origin', 'path', 'alias', 'style'] },
    );
    fc.assert(
      fc.property(link, (l) => {
        expect(parseJoinLink(buildJoinLink(l))).toEqual({ ok: true, value: l });
      }),
      { numRuns: 400 },
    );
  });
});
