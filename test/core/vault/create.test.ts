import { describe, expect, it } from 'vitest';
import { buildCaptureLink, parseCaptureLink } from '../../../core/links/capture';
import { parseInvite } from '../../../core/invite/parse';
import { fromCaptureRecord, newSavedMeeting } from '../../../core/vault/create';
import { fromParsedInvite } from '../../../core/vault/invite';
import { meetingWindow } from '../../../core/vault/window';
import { T0 } from './support';

const errorsOf = (r: { ok: boolean; errors?: { path: string; message: string }[] }): string =>
  r.ok ? 'OK' : (r.errors ?? []).map((e) => `${e.path}: ${e.message}`).join(' | ');

describe('newSavedMeeting (manual entry)', () => {
  it('takes a node URL + alias + role + PIN, spaces removed, bare origin meaning webapp3', () => {
    const r = newSavedMeeting({ url: ' https://meet.example.com ', alias: ' Team.Sync ', role: 'guest', pin: '2468 1357' }, T0, 'id1');
    expect(r).toEqual({
      ok: true,
      value: { id: 'id1', origin: 'https://meet.example.com', path: 'webapp3', alias: 'Team.Sync', role: 'guest', pin: '24681357', source: 'manual', createdAt: T0, updatedAt: T0 },
    });
    const withPath = newSavedMeeting({ url: 'https://meet.example.com:8443/apps/meet/', alias: 'a', role: 'host', pin: '1234#' }, T0, 'id2');
    expect(withPath.ok && withPath.value).toMatchObject({ origin: 'https://meet.example.com:8443', path: 'apps/meet', pin: '1234#' });
  });
  it('reads alias, role, PIN and name from a join link; typed values win where both exist', () => {
    const r = newSavedMeeting({ url: 'https://n.example/webapp3/m/Room1?role=host&pin=5555&name=Ana%20Lima' }, T0, 'id');
    expect(r.ok && r.value).toMatchObject({ origin: 'https://n.example', path: 'webapp3', alias: 'Room1', role: 'host', pin: '5555', displayName: 'Ana Lima' });
    const typed = newSavedMeeting({ url: 'https://n.example/webapp/#/?conference=room1&pin=5555', alias: 'ROOM1', role: 'guest', pin: '7777' }, T0, 'id');
    expect(typed.ok && typed.value).toMatchObject({ alias: 'room1', role: 'guest', pin: '7777', style: 'webapp2', path: 'webapp' });
    const legacy = newSavedMeeting({ url: 'https://n.example/webapp/conference/r2', role: 'guest', pin: 'NONE' }, T0, 'id');
    expect(legacy.ok && legacy.value).toMatchObject({ style: 'legacy', pin: 'none' });
  });
  it('names every wrong field', () => {
    expect(errorsOf(newSavedMeeting({ url: '', role: 'x', pin: '' }, T0, 'id'))).toBe(
      'url: enter the node address (https://...) or a join link | role: choose host or guest | pin: enter the PIN (or "none" for a guest of a room without a guest PIN)',
    );
    expect(errorsOf(newSavedMeeting({ url: 'http://meet.example.com', alias: 'a', role: 'host', pin: '1234' }, T0, 'id'))).toContain('url: must use https://');
    expect(errorsOf(newSavedMeeting({ url: 'https://meet.example.com', role: 'host', pin: '1234' }, T0, 'id'))).toContain('alias: enter the meeting alias');
    expect(errorsOf(newSavedMeeting({ url: 'https://n.example/webapp3/m/room1', alias: 'room2', role: 'host', pin: '1234' }, T0, 'id'))).toContain(
      'alias: does not match the join link\'s alias "room1"',
    );
    expect(errorsOf(newSavedMeeting({ url: 'https://n.example/webapp3/m/room1?join=maybe', role: 'host', pin: '1234' }, T0, 'id'))).toContain('url.join:');
    expect(errorsOf(newSavedMeeting({ url: 'https://n.example', alias: 'r', role: 'host', pin: 'none' }, T0, 'id'))).toContain('pin: "none" is only possible for a guest');
    expect(errorsOf(newSavedMeeting({ url: 'https://n.example', alias: 'r', role: 'host', pin: '12ab' }, T0, 'id'))).toContain('pin: must be 4-20 digits');
    expect(errorsOf(newSavedMeeting({ url: 'https://n.example', alias: 'r', role: 'host', pin: '1234', startsAt: 5, endsAt: 4 }, T0, 'id'))).toBe('endsAt: must be after startsAt');
    expect(errorsOf(newSavedMeeting({ url: 'https://n.example', alias: 'r', role: 'host', pin: '1234', label: 'x'.repeat(201) }, T0, 'id'))).toContain('label:');
    expect(errorsOf(newSavedMeeting(null as never, T0, 'id'))).toContain('must be an object');
  });
});

describe('fromCaptureRecord', () => {
  it('saves what a capture link carries, bound to its exact node and alias', () => {
    const url = buildCaptureLink({ origin: 'https://n.example:8443', path: 'webapp3', alias: 'r9', role: 'host', pin: '123456', startsAt: T0, endsAt: T0 + 3_600_000, name: 'Ana' });
    const rec = parseCaptureLink(url);
    if (!rec.ok) throw new Error('fixture');
    expect(fromCaptureRecord(rec.value, T0 - 5, 'c1')).toEqual({
      ok: true,
      value: { id: 'c1', origin: 'https://n.example:8443', path: 'webapp3', alias: 'r9', role: 'host', pin: '123456', startsAt: T0, endsAt: T0 + 3_600_000, displayName: 'Ana', source: 'capture', createdAt: T0 - 5, updatedAt: T0 - 5 },
    });
  });
  it('keeps the organizer\'s lead and grace minutes, so the record\'s window is the node\'s', () => {
    const url = buildCaptureLink({ origin: 'https://n.example', path: 'webapp3', alias: 'r9', role: 'guest', pin: '123456', startsAt: T0, endsAt: T0 + 3_600_000, leadMinutes: 5, graceMinutes: 10 });
    const rec = parseCaptureLink(url);
    if (!rec.ok) throw new Error('fixture');
    const saved = fromCaptureRecord(rec.value, T0 - 5, 'c2');
    expect(saved.ok && saved.value).toMatchObject({ leadMinutes: 5, graceMinutes: 10 });
    expect(saved.ok && meetingWindow(saved.value)).toEqual({ opensAt: T0 - 5 * 60_000, closesAt: T0 + 3_600_000 + 10 * 60_000 });
    // Without them (an older link): the defaults, 15 before and nothing after.
    const plain = parseCaptureLink(buildCaptureLink({ origin: 'https://n.example', path: 'webapp3', alias: 'r9', role: 'guest', pin: '123456', startsAt: T0, endsAt: T0 + 3_600_000 }));
    if (!plain.ok) throw new Error('fixture');
    const old = fromCaptureRecord(plain.value, T0 - 5, 'c3');
    expect(old.ok && meetingWindow(old.value)).toEqual({ opensAt: T0 - 15 * 60_000, closesAt: T0 + 3_600_000 });
  });
  it('refuses a tampered record', () => {
    const r = fromCaptureRecord({ origin: 'https://n.example/x', path: 'webapp3', alias: 'r', style: 'webapp3', role: 'guest', pin: '1' }, T0, 'c1');
    expect(errorsOf(r)).toMatch(/origin:.*\| pin:/);
  });
});

describe('fromParsedInvite', () => {
  it('offers a draft per Pexip room with the PIN found, for the user to confirm', () => {
    const body = [
      'Join the Pexip meeting: https://meet.example.com/webapp3/m/board.meeting?role=guest',
      'Guest PIN: 4821 9933',
      'Host PIN: 777777',
      'Zoom: https://zoom.us/j/123456789 Passcode: abcdef',
    ].join('\n');
    const drafts = fromParsedInvite(parseInvite(body, 'text'));
    expect(drafts).toHaveLength(1);
    expect(drafts[0]).toMatchObject({ source: 'invite', alias: 'board.meeting', role: 'guest', pin: '48219933' });
    expect(drafts[0]?.pinOptions).toEqual(['48219933', '777777']);
    const saved = newSavedMeeting(drafts[0] as never, T0, 'i1');
    expect(saved.ok && saved.value).toMatchObject({ source: 'invite', origin: 'https://meet.example.com', alias: 'board.meeting', pin: '48219933' });
  });
  it('reads a capture link in pasted text: PIN, role, name and the window from the link, the fragment never kept', () => {
    const capture = buildCaptureLink({ origin: 'https://meet.example.com', path: 'webapp3', alias: 'sj-room', role: 'guest', pin: '55667788', name: 'Ana Lima', startsAt: T0, endsAt: T0 + 3_600_000, leadMinutes: 20, graceMinutes: 10 });
    const text = ['Hello Ana,', `Personal join link: ${capture}`, 'Room link: https://meet.example.com/webapp3/m/sj-room', 'PIN: 1234'].join('\n');
    const drafts = fromParsedInvite(parseInvite(text, 'text'));
    expect(drafts).toEqual([
      {
        source: 'invite',
        url: 'https://meet.example.com/webapp3/m/sj-room',
        alias: 'sj-room',
        role: 'guest',
        pin: '55667788',
        pinOptions: ['55667788', '1234'],
        displayName: 'Ana Lima',
        startsAt: T0,
        endsAt: T0 + 3_600_000,
        leadMinutes: 20,
        graceMinutes: 10,
      },
    ]);
    // The capture link wins over a plain link to the same room, whichever comes first.
    const reversed = fromParsedInvite(parseInvite(['Room link: https://meet.example.com/webapp3/m/SJ-ROOM', `Save: ${capture}`].join('\n'), 'text'));
    expect(reversed).toHaveLength(1);
    expect(reversed[0]).toMatchObject({ pin: '55667788', startsAt: T0, url: 'https://meet.example.com/webapp3/m/sj-room' });
    const saved = newSavedMeeting(drafts[0] as never, T0 - 86_400_000, 'i2');
    expect(saved.ok && meetingWindow(saved.value)).toEqual({ opensAt: T0 - 20 * 60_000, closesAt: T0 + 3_600_000 + 10 * 60_000 });
    // In HTML (as a mail client shows it): the link's href is read the same way.
    const html = fromParsedInvite(parseInvite(`<p>Personal join link: <a href="${capture}">join</a></p>`, 'html'));
    expect(html[0]).toMatchObject({ pin: '55667788', startsAt: T0, leadMinutes: 20 });
  });
  it('a broken capture fragment gives a plain draft without the fragment in its url', () => {
    const text = 'Join: https://meet.example.com/webapp3/m/sj-room#sj=eyJ2Ijo5fQ\nPIN: 4321';
    const drafts = fromParsedInvite(parseInvite(text, 'text'));
    expect(drafts).toHaveLength(1);
    expect(drafts[0]).toMatchObject({ url: 'https://meet.example.com/webapp3/m/sj-room', pin: '4321', role: 'guest' });
    expect(drafts[0]?.startsAt).toBeUndefined();
  });
  it('gives no draft without a Pexip join link, and never throws on garbage', () => {
    expect(fromParsedInvite(parseInvite('PIN: 1234\nno link here', 'text'))).toEqual([]);
    expect(fromParsedInvite(null as never)).toEqual([]);
  });
});
