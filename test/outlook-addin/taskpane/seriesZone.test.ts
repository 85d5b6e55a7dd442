/**
 * A recurring meeting set in another zone than the mailbox's: Outlook reports the series in its
 * own zone (recurrence.recurrenceTimeZone), and the add-in must compute everything in it. Mailbox
 * Europe/Berlin, series Tuesdays 09:00 America/New_York from 3 March 2026: the US switches to
 * summer time on 8 March, Europe only on 29 March, so in between a series computed in Berlin time
 * would be an hour late (15:00 Berlin = 14:00Z, where the meeting is at 13:00Z).
 * Real stack: Office adapter on the playground's fake office.js, the pane controller, core/room.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseRoomSpec, roomWindowAt } from '../../../core/room';
import { seriesWindowActiveAt } from '../../../core/time';
import { createOfficeItemPort } from '../../../outlook-addin/office';
import type { OfficeLike } from '../../../outlook-addin/office';
import { createFakeOffice } from '../../../outlook-addin/playground/fakeOffice';
import { createPlaygroundHost } from '../../../outlook-addin/playground/hostState';
import { createPaneController } from '../../../outlook-addin/taskpane/controller';

const POLICY = readFileSync('examples/policy.json', 'utf8');
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

  it('the block states the time in the series zone and the node opens the room in each occurrence, DST included', async () => {
    const { host, port } = setup();
    const puts: string[] = [];
    const controller = createPaneController(
      {
        port,
        fetchPolicy: async () => POLICY,
        fetch: async (_url, init) => {
          if (init.method === 'PUT') puts.push(init.body ?? '');
          return { status: 201, text: async () => init.body ?? '' };
        },
        now: () => FIRST - 86_400_000,
      },
      () => undefined,
    );
    await controller.init();
    await controller.insert();
    expect(controller.state.message?.kind).toBe('info');
    expect(host.readItem().bodyHtml).toContain('08:45 (America/New_York)');
    expect(controller.state.activation).toContain('08:45 (America/New_York)');

    const spec = parseRoomSpec(JSON.parse(puts.at(-1) ?? '{}'));
    if (!spec.ok) throw new Error(JSON.stringify(spec.errors));
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
