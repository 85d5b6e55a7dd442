import { describe, expect, it } from 'vitest';
import { CONCURRENCY_ERROR, createFakeOffice, EVENT_TYPES, MAX_CONCURRENT_CALLS, MAX_SESSION_DATA_CHARS } from '../../../dev/outlook-playground/fakeOffice';
import type { FakeAsyncResult } from '../../../dev/outlook-playground/fakeOffice';
import { createPlaygroundHost } from '../../../dev/outlook-playground/hostState';
import type { PlaygroundItem } from '../../../dev/outlook-playground/hostState';
import { PLAYGROUND_START, playgroundItem } from '../../support/playgroundItem';

const START = PLAYGROUND_START;
const item = (over: Partial<PlaygroundItem> = {}): PlaygroundItem => playgroundItem({ optionalAttendees: [{ email: 'bo@other.example', name: 'Bo' }], ...over });

/** Calls an Office-style async method and resolves with its AsyncResult; also records whether it answered synchronously. */
function call<T>(fn: (cb: (r: FakeAsyncResult<T>) => void) => void): Promise<FakeAsyncResult<T> & { sync: boolean }> {
  return new Promise((resolve) => {
    let returned = false;
    fn((r) => resolve({ ...r, sync: !returned }));
    returned = true;
  });
}

describe('fake office.js', () => {
  it('answers asynchronously with AsyncResults; start/end are UTC Dates; attendees are EmailAddressDetails', async () => {
    const office = createFakeOffice(createPlaygroundHost(item()));
    const mi = office.context.mailbox.item as any;
    const start = await call<Date>((cb) => mi.start.getAsync(cb));
    expect(start.sync).toBe(false);
    expect(start.status).toBe(office.AsyncResultStatus.Succeeded);
    expect(start.value).toBeInstanceOf(Date);
    expect(start.value.toISOString()).toBe('2030-03-04T09:00:00.000Z');
    const req = await call<unknown[]>((cb) => mi.requiredAttendees.getAsync({ asyncContext: 7 }, cb));
    expect(req.asyncContext).toBe(7);
    expect(req.value).toEqual([{ emailAddress: 'ana@example.com', displayName: 'Ana Lima', appointmentResponse: 'none', recipientType: 'user' }]);
    const opt = await call<Array<{ recipientType: string }>>((cb) => mi.optionalAttendees.getAsync(cb));
    expect(opt.value[0]?.recipientType).toBe('externalUser');
  });

  it('rewrites the body on setAsync like Outlook and reads it back as HTML or text', async () => {
    const host = createPlaygroundHost(item());
    const mi = createFakeOffice(host).context.mailbox.item as any;
    const set = await call((cb) => mi.body.setAsync('<div id="x" style="color:red">-- Block --</div><p>Code: 123</p>', { coercionType: 'html' }, cb));
    expect(set.status).toBe('succeeded');
    const html = await call<string>((cb) => mi.body.getAsync('html', cb));
    expect(html.value).toContain('<p class="MsoNormal">-- Block --</p><p class="MsoNormal">Code: 123</p>');
    expect(html.value).not.toMatch(/style=|id=/);
    const text = await call<string>((cb) => mi.body.getAsync('text', cb));
    expect(text.value).toBe('-- Block --\nCode: 123');
  });

  it('fails a body write when the host says so, with an error object, and the body is unchanged', async () => {
    const host = createPlaygroundHost(item(), { failBodyWrites: 1 });
    const mi = createFakeOffice(host).context.mailbox.item as any;
    const before = host.readItem().bodyHtml;
    const failed = await call((cb) => mi.body.setAsync('<p>new</p>', { coercionType: 'html' }, cb));
    expect(failed.status).toBe('failed');
    expect(failed.error?.message).toMatch(/could not be saved/);
    expect(host.readItem().bodyHtml).toBe(before);
    expect((await call((cb) => mi.body.setAsync('<p>new</p>', { coercionType: 'html' }, cb))).status).toBe('succeeded');
  });

  it('answers every async call answerDelayMs late when the host is slow (a call in flight still counts against the limit)', async () => {
    const host = createPlaygroundHost(item(), { answerDelayMs: 80 });
    const mi = createFakeOffice(host).context.mailbox.item as any;
    const started = performance.now();
    const subject = await call<string>((cb) => mi.subject.getAsync(cb));
    expect(subject.status).toBe('succeeded');
    expect(performance.now() - started).toBeGreaterThanOrEqual(75);
    const calls = Array.from({ length: MAX_CONCURRENT_CALLS + 1 }, () => call<string>((cb) => mi.subject.getAsync(cb)));
    const results = await Promise.all(calls);
    expect(results.filter((r) => r.status === 'failed').map((r) => r.error?.code)).toEqual([CONCURRENCY_ERROR.code]);
  });

  it('raises AppointmentTimeChanged and RecipientsChanged on edits, later, with fresh values', async () => {
    const host = createPlaygroundHost(item());
    const mi = createFakeOffice(host).context.mailbox.item as any;
    const seen: any[] = [];
    await call((cb) => mi.addHandlerAsync(EVENT_TYPES.AppointmentTimeChanged, (a: unknown) => seen.push(a), cb));
    await call((cb) => mi.addHandlerAsync(EVENT_TYPES.RecipientsChanged, (a: unknown) => seen.push(a), cb));
    host.updateItem({ start: START + 3_600_000, end: START + 7_200_000 });
    host.updateItem({ requiredAttendees: [] });
    expect(seen).toEqual([]);
    await new Promise((r) => setTimeout(r, 5));
    expect(seen[0].type).toBe('olkAppointmentTimeChanged');
    expect(seen[0].start.toISOString()).toBe('2030-03-04T10:00:00.000Z');
    expect(seen[1].changedRecipientFields.requiredAttendees).toBe(true);
  });

  it('returns the Office recurrence shape, and null for a single meeting', async () => {
    const host = createPlaygroundHost(item({ recurrence: { type: 'weekly', interval: 2, days: ['mon', 'thu'], endDate: '2030-06-30' } }));
    const mi = createFakeOffice(host).context.mailbox.item as any;
    const r = await call<any>((cb) => mi.recurrence.getAsync(cb));
    expect(r.value.recurrenceType).toBe('weekly');
    expect(r.value.recurrenceProperties).toEqual({ interval: 2, days: ['mon', 'thu'], firstDayOfWeek: 'mon' });
    expect([r.value.seriesTime.getStartDate(), r.value.seriesTime.getStartTime(), r.value.seriesTime.getEndDate(), r.value.seriesTime.getDuration()]).toEqual([
      '2030-03-04',
      'T10:00:00:000',
      '2030-06-30',
      60,
    ]);
    host.updateItem({ recurrence: null });
    expect((await call<unknown>((cb) => mi.recurrence.getAsync(cb))).value).toBeNull();
  });

  it('feature-detects by Mailbox version: no recurrence/item events before 1.7, no sessionData before 1.11', async () => {
    const old = createFakeOffice(createPlaygroundHost(item(), { mailboxVersion: '1.5' }));
    expect(old.context.requirements.isSetSupported('Mailbox', '1.3')).toBe(true);
    expect(old.context.requirements.isSetSupported('Mailbox', '1.7')).toBe(false);
    const mi = old.context.mailbox.item as any;
    expect(mi.recurrence).toBeUndefined();
    expect(mi.sessionData).toBeUndefined();
    expect((await call((cb) => mi.addHandlerAsync(EVENT_TYPES.AppointmentTimeChanged, () => {}, cb))).status).toBe('failed');
    const modern = createFakeOffice(createPlaygroundHost(item()));
    expect(modern.context.requirements.isSetSupported('Mailbox', '1.12')).toBe(true);
    expect(modern.context.requirements.isSetSupported('Mailbox', '1.14')).toBe(false);
  });

  it('keeps sessionData per item with the 50,000 character limit, and fails for a missing key', async () => {
    const host = createPlaygroundHost(item());
    const sd = (createFakeOffice(host).context.mailbox.item as any).sessionData;
    expect((await call((cb) => sd.getAsync('k', cb))).status).toBe('failed');
    await call((cb) => sd.setAsync('k', 'v', cb));
    expect((await call<string>((cb) => sd.getAsync('k', cb))).value).toBe('v');
    const big = await call((cb) => sd.setAsync('big', 'x'.repeat(MAX_SESSION_DATA_CHARS), cb));
    expect(big.status).toBe('failed');
    expect(big.error?.name).toBe('DataExceedsMaximumSize');
  });

  it('keeps roaming settings local until saveAsync, then other frames see them', async () => {
    const host = createPlaygroundHost(item());
    const a = createFakeOffice(host).context.roamingSettings;
    a.set('prefs', { mode: 'shared' });
    expect(a.get('prefs')).toEqual({ mode: 'shared' });
    expect(createFakeOffice(host).context.roamingSettings.get('prefs')).toBeUndefined();
    expect((await call((cb) => a.saveAsync(cb))).status).toBe('succeeded');
    expect(createFakeOffice(host).context.roamingSettings.get('prefs')).toEqual({ mode: 'shared' });
  });

  it('runs associated launch handlers with an event whose completed() carries the Smart Alert', async () => {
    const host = createPlaygroundHost(item(), { launchTimeoutMs: 50 });
    const office = createFakeOffice(host);
    office.actions.associate('onAppointmentSend', (event: any) => event.completed({ allowEvent: false, errorMessage: 'Add the code.' }));
    office.actions.associate('onTime', (event: any) => event.completed({ allowEvent: event.start instanceof Date && event.start.getTime() === START }));
    office.actions.associate('onNever', () => {
      throw new Error('boom');
    });
    expect(await host.action('onAppointmentSend')!({ type: 'appointmentSend' })).toEqual({ allowEvent: false, errorMessage: 'Add the code.' });
    expect(await host.action('onTime')!({ type: 'appointmentTimeChanged', start: START, end: START + 1 })).toEqual({ allowEvent: true });
    expect((await host.action('onNever')!({ type: 'appointmentSend' })).errorMessage).toMatch(/did not finish/);
    expect(host.action('missing')).toBeUndefined();
  });

  it('reports zones in Windows format, like Outlook', async () => {
    const host = createPlaygroundHost(item({ recurrence: { type: 'daily', interval: 1, days: [], endDate: null } }));
    const office = createFakeOffice(host);
    expect(office.context.mailbox.userProfile.timeZone).toBe('W. Europe Standard Time');
    const r = await call<any>((cb) => (office.context.mailbox.item as any).recurrence.getAsync(cb));
    expect(r.value.recurrenceTimeZone).toEqual({ name: 'W. Europe Standard Time', offset: 60 });
    host.updateItem({ timeZone: 'Asia/Tokyo' });
    expect(office.context.mailbox.userProfile.timeZone).toBe('Tokyo Standard Time');
    // A mailbox in another zone than the meeting: the series keeps the meeting's zone.
    const apart = createFakeOffice(createPlaygroundHost(item({ timeZone: 'America/New_York', recurrence: { type: 'daily', interval: 1, days: [], endDate: null } }), { mailboxTimeZone: 'Europe/Berlin' }));
    expect(apart.context.mailbox.userProfile.timeZone).toBe('W. Europe Standard Time');
    const series = await call<any>((cb) => (apart.context.mailbox.item as any).recurrence.getAsync(cb));
    expect(series.value.recurrenceTimeZone.name).toBe('Eastern Standard Time');
  });

  it('refuses a 4th async call while 3 are in flight, like Outlook on the web, and does nothing for it', async () => {
    const host = createPlaygroundHost(item());
    const mi = createFakeOffice(host).context.mailbox.item as any;
    expect(MAX_CONCURRENT_CALLS).toBe(3);
    const first = [call((cb) => mi.subject.getAsync(cb)), call((cb) => mi.start.getAsync(cb)), call((cb) => mi.body.getAsync('html', cb))];
    const fourth = await call((cb) => mi.subject.setAsync('Changed', cb));
    expect(fourth.status).toBe('failed');
    expect(fourth.error).toEqual(CONCURRENCY_ERROR);
    expect(fourth.error).toEqual({ name: 'API Call Failed', message: 'Wait until the previous call completes.', code: 5100 });
    expect(fourth.sync).toBe(false);
    expect(host.readItem().subject).toBe('Plan');
    expect((await Promise.all(first)).map((r) => r.status)).toEqual(['succeeded', 'succeeded', 'succeeded']);
    // Once they answered, there is room again; another frame's Office has its own 3.
    expect((await call((cb) => mi.subject.setAsync('Changed', cb))).status).toBe('succeeded');
    const other = createFakeOffice(host).context.mailbox.item as any;
    const busy = [1, 2, 3].map(() => call((cb) => mi.subject.getAsync(cb)));
    expect((await call((cb) => other.subject.getAsync(cb))).value).toBe('Changed');
    await Promise.all(busy);
  });

  it('onReady resolves with the Outlook host', async () => {
    const office = createFakeOffice(createPlaygroundHost(item()));
    let seen: unknown;
    expect(await office.onReady((info) => (seen = info))).toEqual({ host: 'Outlook', platform: 'OfficeOnline' });
    expect(seen).toEqual({ host: 'Outlook', platform: 'OfficeOnline' });
  });
});

describe('fake Office.auth (single sign-on)', () => {
  it("gives the supplier's token later, never synchronously", async () => {
    const office = createFakeOffice(createPlaygroundHost(item()), { accessToken: async () => 'sso-token' });
    let settled = false;
    const pending = office.auth.getAccessToken({ allowSignInPrompt: false }).then((t) => ((settled = true), t));
    expect(settled).toBe(false);
    expect(await pending).toBe('sso-token');
  });

  it('refuses as Office does: 13001 silently when not signed in, 13002 when the prompt was allowed, 13000 without SSO', async () => {
    const refused = createFakeOffice(createPlaygroundHost(item(), { signIn: 'refused' }), { accessToken: async () => 'never' });
    await expect(refused.auth.getAccessToken({ allowSignInPrompt: false })).rejects.toMatchObject({ code: 13001 });
    await expect(refused.auth.getAccessToken({ allowSignInPrompt: true })).rejects.toMatchObject({ code: 13002 });
    await expect(createFakeOffice(createPlaygroundHost(item())).auth.getAccessToken({})).rejects.toMatchObject({ code: 13000 });
  });
});
