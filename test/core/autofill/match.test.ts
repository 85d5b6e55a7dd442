import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { joinPageOf, matchJoinPage } from '../../../core/autofill/match';
import type { SavedMeeting } from '../../../core/vault/schema';
import { meeting as rec } from '../vault/support';

const ids = (url: string, ms: SavedMeeting[], webAppPaths?: string[]): string[] => matchJoinPage(url, ms, { webAppPaths }).map((m) => m.id);

describe('matchJoinPage', () => {
  const ms = [rec(), rec({ id: 'host', role: 'host', pin: '1357#' }), rec({ id: 'other', alias: 'bob' }), rec({ id: 'port', origin: 'https://meet.example.com:8443' })];
  it('matches the three Pexip web app URL forms for the exact origin and alias, case-insensitively', () => {
    expect(ids('https://meet.example.com/webapp3/m/alice.room', ms)).toEqual(['m1', 'host']);
    expect(ids('https://MEET.example.com:443/webapp3/m/ALICE.ROOM?role=guest&name=Ana&pin=9999&join=1', ms)).toEqual(['m1', 'host']);
    expect(ids('https://meet.example.com/webapp3/m/Alice.Room/express?name=Ana', ms)).toEqual(['m1', 'host']);
    expect(ids('https://meet.example.com/webapp/#/?conference=alice.room&pin=1234', ms)).toEqual(['m1', 'host']);
    expect(ids('https://meet.example.com/webapp/conference/alice.room', ms)).toEqual(['m1', 'host']);
    expect(ids('https://meet.example.com:8443/webapp3/m/alice.room', ms)).toEqual(['port']);
  });
  it('matches an admin-defined path only when the record or the policy names it', () => {
    expect(ids('https://meet.example.com/apps/meet/m/alice.room', ms)).toEqual([]);
    expect(ids('https://meet.example.com/apps/meet/m/alice.room', ms, ['apps/meet'])).toEqual(['m1', 'host']);
    expect(ids('https://meet.example.com/apps/meet/m/alice.room', [rec({ path: 'apps/meet' })])).toEqual(['m1']);
  });
  it('never matches another host, scheme, port, subdomain, or a page that is not a join page', () => {
    for (const url of [
      'https://evil.example/webapp3/m/alice.room',
      'https://meet.example.com.evil.example/webapp3/m/alice.room',
      'https://sub.meet.example.com/webapp3/m/alice.room',
      'https://example.com/webapp3/m/alice.room',
      'http://meet.example.com/webapp3/m/alice.room',
      'https://meet.example.com:444/webapp3/m/alice.room',
      'https://user@meet.example.com/webapp3/m/alice.room',
      'https://meet.example.com/webapp3/m/alice.room2',
      'https://meet.example.com/webapp3/',
      'https://meet.example.com/admin/m/alice.room/edit',
      'https://meet.example.com/webapp/#/?conference=alice.room&conference=bob',
      'javascript:alert(1)//https://meet.example.com/webapp3/m/alice.room',
      '',
    ]) expect(ids(url, ms), url).toEqual([]);
    expect(joinPageOf(null as never)).toBeNull();
  });
  it('never matches a page whose origin differs from the record (property)', () => {
    const label = fc.stringMatching(/^[a-z0-9]([a-z0-9-]{0,8}[a-z0-9])?$/);
    const host = fc.oneof(fc.array(label, { minLength: 1, maxLength: 3 }).map((ls) => ls.join('.')), fc.constantFrom('meet.example.com', 'example.com', 'com', 'localhost', '127.0.0.1'));
    // Random origins, plus the records' own origins often enough that matches really happen
    // (otherwise the property could pass vacuously; a fixed seed would hide that).
    const origin = fc.oneof(
      fc
        .tuple(fc.constantFrom('https', 'http', 'HTTPS', 'wss', 'ftp'), host, fc.option(fc.integer({ min: 1, max: 65535 })))
        .map(([s, h, p]) => `${s}://${h}${p === null ? '' : `:${p}`}`),
      fc.constantFrom('https://meet.example.com', 'https://meet.example.com:8443', 'http://127.0.0.1:3000', 'https://MEET.example.com', 'https://meet.example.com:443'),
    );
    const prefix = fc.oneof(fc.constant(''), fc.array(label, { maxLength: 2 }).map((ls) => (ls.length ? `${ls.join('.')}.` : '')));
    const page = fc
      .tuple(origin, prefix, fc.constantFrom('/webapp3/m/Alice.Room', '/webapp/#/?conference=alice.room', '/webapp/conference/ALICE.ROOM', '/webapp3/m/alice.room/express'))
      .map(([o, pre, tail]) => o.replace('://', `://${pre}`) + tail);
    const records = [rec(), rec({ id: 'p', origin: 'https://meet.example.com:8443' }), rec({ id: 'l', origin: 'http://127.0.0.1:3000' })];
    let matched = 0;
    fc.assert(
      fc.property(page, (url) => {
        const pageOrigin = joinPageOf(url)?.origin;
        for (const m of matchJoinPage(url, records)) {
          matched += 1;
          expect(pageOrigin).toBe(m.origin);
          // The record's origin, written as the browser writes it, must start the URL (modulo case and default port).
          expect(url.toLowerCase().replace(/:443(?=\/)/, '').startsWith(`${m.origin}/`)).toBe(true);
        }
      }),
      { numRuns: 500 },
    );
    expect(matched).toBeGreaterThan(0); // the generator does reach the records' own origins
  });
  it('looks up 10,000 records quickly', () => {
    const many = Array.from({ length: 10_000 }, (_, i) => rec({ id: `r${i}`, alias: `room${i}` }));
    const t = performance.now();
    for (let i = 0; i < 20; i++) expect(ids('https://meet.example.com/webapp3/m/ROOM9999', many)).toEqual(['r9999']);
    expect((performance.now() - t) / 20).toBeLessThan(20);
  });
});
