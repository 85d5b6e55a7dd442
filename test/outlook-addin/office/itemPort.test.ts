import { describe, expect, it } from 'vitest';
import { createOfficeItemPort, ianaTimeZone, toRecurringSeries } from '../../../outlook-addin/office';
import type { OfficeLike } from '../../../outlook-addin/office';
import { createFakeOffice } from '../../../dev/outlook-playground/fakeOffice';
import { createPlaygroundHost } from '../../../dev/outlook-playground/hostState';
import { mockOffice, seedState } from './officeSeed';

describe('createOfficeItemPort over office-addin-mock', () => {
  it('reads a snapshot: UTC ms, attendees required + optional, IANA zone, HTML body', async () => {
    const state = seedState();
    const snap = await createOfficeItemPort(mockOffice(state)).getSnapshot();
    expect(snap).toEqual({
      subject: 'Planning <b>&</b>',
      start: Date.UTC(2026, 2, 10, 8, 0),
      end: Date.UTC(2026, 2, 10, 9, 0),
      timeZone: 'Europe/Berlin',
      locale: 'en-GB',
      attendees: [
        { email: 'ana@example.com', name: 'Ana Lima' },
        { email: 'bo@example.com', name: 'bo@example.com' },
      ],
      recurrence: null,
      bodyHtml: '<html><body><p>Hi</p></body></html>',
    });
  });

  it('reads a weekly recurrence as a core series', async () => {
    const seriesTime = { getStartDate: () => '2026-03-10', getStartTime: () => 'T09:00:00.000', getEndDate: () => '2026-06-30', getDuration: () => 60 };
    const state = seedState({ recurrence: { recurrenceType: 'weekly', recurrenceProperties: { interval: 2, days: ['tue', 'thu'] }, seriesTime } });
    const snap = await createOfficeItemPort(mockOffice(state)).getSnapshot();
    expect(snap.recurrence?.rule).toMatchObject({ frequency: 'weekly', interval: 2, daysOfWeek: ['TU', 'TH'] });
    expect(snap.recurrence?.rule.until).toBe(Date.UTC(2026, 5, 30, 21, 59));
  });

  it('ignores recurrence on hosts below Mailbox 1.7', async () => {
    const state = seedState({ mailboxVersion: 5, recurrence: { recurrenceType: 'daily' } });
    expect((await createOfficeItemPort(mockOffice(state)).getSnapshot()).recurrence).toBeNull();
  });

  it('writes the body as HTML, retrying once', async () => {
    const state = seedState({ failWrites: 1 });
    await createOfficeItemPort(mockOffice(state)).setBodyHtml('<p>new</p>');
    expect(state.body).toBe('<p>new</p>');
    const twice = seedState({ failWrites: 2 });
    await expect(createOfficeItemPort(mockOffice(twice)).setBodyHtml('<p>x</p>')).rejects.toThrow(/body.setAsync failed: body busy/);
    expect(twice.body).toBe('<html><body><p>Hi</p></body></html>');
  });

  it('keeps sessionData on 1.11 hosts and reports it unsupported below', async () => {
    const state = seedState();
    const port = createOfficeItemPort(mockOffice(state));
    expect(await port.getSessionData('k')).toBeNull();
    expect(await port.setSessionData('k', 'v')).toBe(true);
    expect(await port.getSessionData('k')).toBe('v');
    expect(await port.setSessionData('k', '')).toBe(true);
    expect(state.session.has('k')).toBe(false);
    const old = seedState({ mailboxVersion: 10 });
    const oldPort = createOfficeItemPort(mockOffice(old));
    expect(await oldPort.setSessionData('k', 'v')).toBe(false);
    expect(old.session.size).toBe(0);
  });

  it('saves roaming settings with saveAsync', async () => {
    const state = seedState();
    const port = createOfficeItemPort(mockOffice(state));
    expect(await port.getRoaming('prefs')).toBeNull();
    await port.setRoaming('prefs', { organizer: {} });
    expect(state.saved).toBe(1);
    expect(await port.getRoaming('prefs')).toEqual({ organizer: {} });
  });

  it('registers change handlers on 1.7 hosts and says false below', async () => {
    const state = seedState();
    let calls = 0;
    expect(await createOfficeItemPort(mockOffice(state)).onItemChanged('time', () => calls++)).toBe(true);
    state.handlers.get('olkAppointmentTimeChanged')?.();
    expect(calls).toBe(1);
    const old = seedState({ mailboxVersion: 5 });
    expect(await createOfficeItemPort(mockOffice(old)).onItemChanged('recipients', () => calls++)).toBe(false);
  });
});

describe('ianaTimeZone / toRecurringSeries', () => {
  it('maps Windows zone names and falls back for unknown ones', () => {
    expect(ianaTimeZone('Pacific Standard Time', 'UTC')).toBe('America/Los_Angeles');
    expect(ianaTimeZone('W. Europe Standard Time', 'Europe/Amsterdam')).toBe('Europe/Amsterdam');
    expect(ianaTimeZone('W. Europe Standard Time', 'Asia/Tokyo')).toBe('Europe/Berlin');
    expect(ianaTimeZone('Asia/Tokyo')).toBe('Asia/Tokyo');
    expect(ianaTimeZone('Nowhere Standard Time', 'Europe/Paris')).toBe('Europe/Paris');
    expect(ianaTimeZone(undefined, 'Not/AZone')).toBe('UTC');
  });

  it('turns Outlook patterns into rules and never throws on junk', () => {
    const start = Date.UTC(2026, 2, 10, 8);
    expect(toRecurringSeries({ recurrenceType: 'weekday' }, start, start + 3_600_000, 'UTC')?.rule.daysOfWeek).toEqual(['MO', 'TU', 'WE', 'TH', 'FR']);
    expect(toRecurringSeries({ recurrenceType: 'yearly' }, start, start + 3_600_000, 'UTC')?.rule).toEqual({ frequency: 'monthly', interval: 12 });
    expect(toRecurringSeries(null, start, start + 1, 'UTC')).toBeNull();
    expect(toRecurringSeries({ recurrenceType: 'daily', recurrenceProperties: { interval: -3 } }, start, start + 1, 'UTC')?.rule).toEqual({ frequency: 'daily', interval: 1 });
  });
});

describe('createOfficeItemPort over a host that allows 3 async calls in flight', () => {
  it('reads a snapshot (7 reads) while other ports over the same Office write sessionData, never over the limit', async () => {
    const host = createPlaygroundHost({
      subject: 'Plan',
      location: '',
      start: Date.UTC(2030, 2, 4, 9),
      end: Date.UTC(2030, 2, 4, 10),
      timeZone: 'Europe/Berlin',
      requiredAttendees: [{ email: 'ana@example.com', name: 'Ana' }],
      optionalAttendees: [],
      recurrence: { type: 'daily', interval: 1, days: [], endDate: null },
      bodyHtml: '<div>Agenda</div>',
    });
    const office = createFakeOffice(host) as unknown as OfficeLike;
    // Like concurrent launch events (each handler makes its own port) plus the pane's heartbeat.
    const ports = [createOfficeItemPort(office), createOfficeItemPort(office), createOfficeItemPort(office)];
    const [snapshot, ...writes] = await Promise.all([
      ports[0]!.getSnapshot(),
      ports[1]!.setSessionData('a', '1'),
      ports[2]!.setSessionData('b', '2'),
      ports[1]!.getSnapshot(),
      ports[2]!.setBodyHtml('<p>x</p>'),
    ]);
    expect(snapshot.subject).toBe('Plan');
    expect(snapshot.recurrence?.rule.frequency).toBe('daily');
    expect(writes.slice(0, 2)).toEqual([true, true]);
    expect(Object.fromEntries(host.sessionData)).toEqual({ a: '1', b: '2' });
  });
});
