/**
 * A recurring meeting set in another zone than the mailbox's: Outlook reports the series in its
 * own zone (recurrence.recurrenceTimeZone), and the add-in must compute everything in it. Mailbox
 * Europe/Berlin, series Tuesdays 09:00 America/New_York from 3 March 2026: the US switches to
 * summer time on 8 March, Europe only on 29 March, so in between a series computed in Berlin time
 * would be an hour late (15:00 Berlin = 14:00Z, where the meeting is at 13:00Z).
 * Real stack: Office adapter on the playground's fake office.js, the pane controller, a real
 * meeting service (local issuer), core/roomSpec.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { roomWindowAt } from '../../../core/roomSpec';
import type { RoomSpec } from '../../../core/roomSpec';
import { seriesWindowActiveAt } from '../../../core/time';
import { createOfficeItemPort } from '../../../outlook-addin/office';
import type { OfficeLike } from '../../../outlook-addin/office';
import { createFakeOffice } from '../../../dev/outlook-playground/fakeOffice';
import { createPlaygroundHost } from '../../../dev/outlook-playground/hostState';
import { MEETING_SESSION_KEY, parseMeetingRecord } from '../../../outlook-addin/logic';
import { createPaneController } from '../../../outlook-addin/taskpane/controller';
import { startTestStack } from '../support/meetingService';
import type { TestStack } from '../support/meetingService';

let stack: TestStack;
beforeAll(async () => {
  stack = await startTestStack({ node: false });
}, 60_000);
afterAll(async () => {
  await stack.close();
});
const FIRST = Date.UTC(2026, 2, 3, 14); // Tue 3 March 09:00 New York (EST) = 15:00 Berlin
const SECOND = Date.UTC(2026, 2, 10, 13); // Tue 10 March 09:00 New York (EDT) = 14:00 Berlin (still CET)
const MIN = 60_000;

function setup() {
  const host = createPlaygroundHost(
    {
      subject: 'Weekly sync',
      location: '',
      start: FIRST,
      end: FIRST + 60 * MIN,
      timeZone: 'America/New_York',
      requiredAttendees: [{ email: 'ana@example.com', name: 'Ana' }],
      optionalAttendees: [],
      recurrence: { type: 'weekly', interval: 1, days: ['tue'], endDate: '2026-03-31' },
      bodyHtml: '<div>Agenda</div>',
    },
    { mailboxTimeZone: 'Europe/Berlin' },
  );
  const office = createFakeOffice(host) as unknown as OfficeLike;
  return { host, office, port: createOfficeItemPort(office) };
}

describe('a series in another zone than the mailbox, across a DST change only one of them has made', () => {
  it('the snapshot carries the series zone, not the mailbox zone', async () => {
    const { office, port } = setup();
    expect(office.context.mailbox.userProfile?.timeZone).toBe('W. Europe Standard Time');
    const snap = await port.getSnapshot();
    expect(snap.timeZone).toBe('America/New_York');
    expect(snap.recurrence?.timeZone).toBe('America/New_York');
    // The last day ends at 23:59 in New York (EDT), not in Berlin.
    expect(snap.recurrence?.rule.until).toBe(Date.UTC(2026, 3, 1, 3, 59));
    const opts = { leadMinutes: 15, graceMinutes: 10 };
    expect(seriesWindowActiveAt(snap.recurrence!, SECOND - 10 * MIN, opts)).toEqual({ opensAt: SECOND - 15 * MIN, closesAt: SECOND + 70 * MIN });
    expect(seriesWindowActiveAt(snap.recurrence!, SECOND + 75 * MIN, opts)).toBeNull();
  });

  it('the block states the time in the series zone and the registered room opens in each occurrence, DST included', async () => {
    const { host, port } = setup();
    const tokens = stack.tokens();
    const controller = createPaneController(
      { port, fetchPolicy: async () => stack.policyText, fetch: stack.fetch, tokens: () => tokens, now: () => FIRST - 86_400_000 },
      () => undefined,
    );
    await controller.init();
    await controller.insert();
    expect(controller.state.message?.kind).toBe('info');
    expect(host.readItem().bodyHtml).toContain('08:45 (America/New_York)');
    expect(controller.state.activation).toContain('08:45 (America/New_York)');

    // The room as the meeting service holds it.
    const id = parseMeetingRecord(await port.getSessionData(MEETING_SESSION_KEY))!.id;
    const res = await fetch(`${stack.service.url}/api/v1/meetings/${id}`, { headers: { authorization: `Bearer ${await tokens.token({ interactive: false })}` } });
    expect(res.status).toBe(200);
    // The service answers the validated room (core/roomSpec's RoomSpec).
    const spec = { value: ((await res.json()) as { room: RoomSpec }).room };
    expect(spec.value.recurrence?.timeZone).toBe('America/New_York');
    // 10 March: open from 12:45Z (08:45 New York), closed at 14:30Z (inside a window computed in Berlin time).
    expect(roomWindowAt(spec.value, SECOND - 10 * MIN)).toEqual({ opensAt: SECOND - 15 * MIN, closesAt: SECOND + 70 * MIN });
    expect(roomWindowAt(spec.value, SECOND + 90 * MIN)).toBeNull();
    // 31 March, both zones on summer time: still 09:00 New York = 13:00Z.
    const last = Date.UTC(2026, 2, 31, 13);
    expect(roomWindowAt(spec.value, last)).toEqual({ opensAt: last - 15 * MIN, closesAt: last + 70 * MIN });
    await controller.dispose();
  });
});
