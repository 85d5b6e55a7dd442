import { describe, expect, it } from 'vitest';
import { meetingKey, sameMeetingContent } from '../../../core/vault/key';
import { parseSavedMeeting } from '../../../core/vault/schema';
import { meeting } from './support';

const errorsOf = (raw: unknown): string => {
  const r = parseSavedMeeting(raw);
  return r.ok ? 'OK' : r.errors.map((e) => `${e.path}: ${e.message}`).join(' | ');
};

describe('savedMeetingSchema', () => {
  it('accepts a full record and a guest without a guest PIN', () => {
    expect(errorsOf(meeting({ label: 'Weekly', displayName: 'Ana', startsAt: 1, endsAt: 2, leadMinutes: 30, graceMinutes: 5, style: 'legacy', path: 'webapp' }))).toBe('OK');
    expect(errorsOf(meeting({ pin: 'none' }))).toBe('OK');
    expect(errorsOf(meeting({ origin: 'http://127.0.0.1:8080' }))).toBe('OK');
  });
  it('refuses origins that are not exact, with the path named', () => {
    expect(errorsOf(meeting({ origin: 'https://Meet.example.com' }))).toContain('origin: must be an exact origin');
    expect(errorsOf(meeting({ origin: 'https://meet.example.com/' }))).toContain('origin:');
    expect(errorsOf(meeting({ origin: 'https://meet.example.com:443' }))).toContain('origin:');
    expect(errorsOf(meeting({ origin: 'http://meet.example.com' }))).toContain('origin: must use https://');
    expect(errorsOf(meeting({ origin: 'javascript:alert(1)' }))).toContain('origin:');
  });
  it('checks PIN format per role, path, alias, times and unknown keys', () => {
    expect(errorsOf(meeting({ pin: '123' }))).toContain('pin: must be 4-20 digits');
    expect(errorsOf(meeting({ pin: '12#34' }))).toContain('pin:');
    expect(errorsOf(meeting({ role: 'host', pin: 'none' }))).toContain('pin: "none" is only possible for a guest');
    expect(errorsOf(meeting({ path: '/webapp3' }))).toContain('path:');
    expect(errorsOf(meeting({ alias: 'a/b' }))).toContain('alias:');
    expect(errorsOf(meeting({ alias: '' }))).toContain('alias:');
    expect(errorsOf(meeting({ startsAt: 10, endsAt: 10 }))).toContain('endsAt: must be after startsAt');
    expect(errorsOf(meeting({ updatedAt: 1 }))).toContain('updatedAt: must not be before createdAt');
    expect(errorsOf(meeting({ label: 'a\u0000b' }))).toContain('label:');
    expect(errorsOf({ ...meeting(), extra: 1 })).toMatch(/Unrecognized key|extra/);
    expect(errorsOf(meeting({ id: 'bad id' }))).toContain('id:');
    expect(errorsOf(null)).not.toBe('OK');
  });
});

describe('meetingKey', () => {
  it('is node + path + case-insensitive alias + role', () => {
    expect(meetingKey(meeting())).toBe(meetingKey(meeting({ alias: 'alice.room', id: 'other', pin: '999999' })));
    expect(meetingKey(meeting())).not.toBe(meetingKey(meeting({ role: 'host' })));
    expect(meetingKey(meeting())).not.toBe(meetingKey(meeting({ origin: 'https://meet.example.com:8443' })));
    expect(meetingKey(meeting())).not.toBe(meetingKey(meeting({ path: 'webapp' })));
  });
  it('cannot be made to collide by separators in the alias', () => {
    const a = meetingKey({ origin: 'https://a.example', path: 'x', alias: 'y|guest', role: 'host' });
    const b = meetingKey({ origin: 'https://a.example', path: 'x', alias: 'y', role: 'guest' });
    expect(a).not.toBe(b);
  });
  it('content comparison ignores id and timestamps', () => {
    expect(sameMeetingContent(meeting(), meeting({ id: 'x', updatedAt: 9e12, source: 'import' }))).toBe(true);
    expect(sameMeetingContent(meeting(), meeting({ pin: '135799' }))).toBe(false);
  });
});
