import { describe, expect, it } from 'vitest';
import { upgradeStoredMeeting } from '../../../core/vault/upgrade';
import { meeting, T0 } from './support';

describe('upgradeStoredMeeting', () => {
  it('reads a version-0 record (join link, PIN, role)', () => {
    const v0 = { id: 7, url: 'https://meet.example.com/webapp/conference/Ops?pin=1111', pin: '2468 13', role: 'host', title: ' Ops ', start: T0, end: T0 + 60_000, savedAt: T0 - 1 };
    expect(upgradeStoredMeeting(v0)).toEqual({
      ok: true,
      value: { id: '7', origin: 'https://meet.example.com', path: 'webapp', alias: 'Ops', role: 'host', pin: '246813', style: 'legacy', label: 'Ops', startsAt: T0, endsAt: T0 + 60_000, source: 'import', createdAt: T0 - 1, updatedAt: T0 - 1 },
    });
  });
  it('takes the role from the link, derives a stable id, and uses `now` without savedAt', () => {
    const v0 = { url: 'https://n.example/webapp3/m/r?role=guest&name=Ana', pin: 'none', junk: true };
    const a = upgradeStoredMeeting(v0, T0);
    const b = upgradeStoredMeeting(v0, T0);
    expect(a.ok && a.value).toMatchObject({ role: 'guest', pin: 'none', displayName: 'Ana', createdAt: T0, id: expect.stringMatching(/^v0:[0-9a-f]{8}$/) });
    expect(a).toEqual(b);
  });
  it('passes today\'s records through and explains bad ones', () => {
    expect(upgradeStoredMeeting(meeting())).toEqual({ ok: true, value: meeting() });
    const bad = (raw: unknown): string => {
      const r = upgradeStoredMeeting(raw);
      return r.ok ? 'OK' : r.errors.map((e) => `${e.path}: ${e.message}`).join(' | ');
    };
    expect(bad({ url: 'http://evil.example/webapp3/m/r', pin: '1234', role: 'host' })).toContain('url: must use https://');
    expect(bad({ url: 'https://n.example/webapp3/m/r', pin: '1234' })).toBe('role: is missing and the link has no role');
    expect(bad({ url: 'https://n.example/webapp3/m/r', pin: '12', role: 'guest' })).toContain('pin:');
    expect(bad({ ...meeting(), pin: 5 })).toContain('pin:');
    for (const junk of [null, 1, 'x', [], {}, { url: 5 }]) expect(bad(junk)).not.toBe('OK');
  });
});
