import { describe, expect, it } from 'vitest';
import { attendanceByAttendee, attendanceCsv } from '../../../core/attendance';
import type { AttendanceRow } from '../../../core/attendance';

const T = Date.UTC(2026, 11, 7, 9);
const row = (over: Partial<AttendanceRow>): AttendanceRow => ({ occurrence: T - 15 * 60_000, kind: 'invitee', inviteeIndex: 0, invitee: 'Ana Lima', ordinal: 1, displayName: 'Ana Lima', role: 'guest', protocol: 'WebRTC', joinedAt: T, leftAt: null, durationSeconds: null, ...over });

describe('attendanceByAttendee', () => {
  it('lists every invitee in order, flags a personal link used by two people, then hosts and the shared link', () => {
    const rows = [
      row({ ordinal: 2, displayName: 'Ana Lima (2)', joinedAt: T + 60_000, leftAt: T + 600_000, durationSeconds: 540 }),
      row({}),
      row({ kind: 'host', inviteeIndex: null, invitee: null, ordinal: null, displayName: 'Ann', role: 'host' }),
      row({ kind: 'shared', inviteeIndex: null, invitee: null, ordinal: null, displayName: 'Guest' }),
    ];
    const groups = attendanceByAttendee(['Ana Lima', 'Bo Chen'], rows);
    expect(groups.map((g) => [g.label, g.people, g.presentNow, g.warning, g.rows.map((r) => r.displayName)])).toEqual([
      ['Ana Lima', 2, 1, "Ana Lima's link was used by 2 people", ['Ana Lima', 'Ana Lima (2)']],
      ['Bo Chen', 0, 0, null, []],
      ['Hosts', 1, 1, null, ['Ann']],
      ['Meeting link or access code', 1, 1, null, ['Guest']],
    ]);
  });

  it('counts people per occurrence, and one person reported twice under one number once', () => {
    const next = T + 7 * 24 * 3_600_000;
    const rows = [row({}), row({ occurrence: next, joinedAt: next }), row({ joinedAt: T + 5 })];
    expect(attendanceByAttendee(['Ana Lima'], rows)[0]?.people).toBe(1);
  });
});

describe('attendanceCsv', () => {
  it('writes the same rows as the groups, in UTC, with formula-safe fields', () => {
    const csv = attendanceCsv(['=HYPERLINK("x")'], [row({ invitee: '=HYPERLINK("x")', displayName: '+cmd', leftAt: T + 90_000, durationSeconds: 90 })]);
    expect(csv.split('\r\n')).toEqual([
      '"attendee","name shown","number","role","protocol","joined at (UTC)","left at (UTC)","duration (s)","used a link another person used first","occurrence opened (UTC)"',
      `"'=HYPERLINK(""x"")","'+cmd","1","guest","WebRTC","2026-12-07T09:00:00.000Z","2026-12-07T09:01:30.000Z","90","","2026-12-07T08:45:00.000Z"`,
      '',
    ]);
  });
});
