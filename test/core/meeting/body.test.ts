import { describe, expect, it } from 'vitest';
import { MAX_INVITEES } from '../../../core/roomSpec';
import { parseMeetingWrite } from '../../../core/meeting';

const start = Date.UTC(2030, 0, 7, 9);
const room = {
  alias: 'meet.alice',
  hostPin: '480213',
  guestPin: '730514',
  allowGuests: true,
  accessCode: { code: '91827364', role: 'guest' },
  invitees: [{ email: 'ann@example.com', name: 'Ann', passcode: '551029' }],
  meeting: { start, end: start + 3_600_000 },
};

function paths(input: unknown): string[] {
  const r = parseMeetingWrite(input);
  return r.ok ? [] : r.errors.map((e) => e.path);
}

describe('parseMeetingWrite', () => {
  it('accepts a subject and a room, and normalises the room as core/roomSpec does', () => {
    const r = parseMeetingWrite({ subject: 'Review', room });
    expect(r.ok && r.value.subject).toBe('Review');
    expect(r.ok && r.value.room.window).toEqual({ opensAt: start - 15 * 60_000, closesAt: start + 3_600_000 });
  });

  it('names each wrong field with its path from the body', () => {
    expect(paths(null)).toEqual(['body']);
    expect(paths([])).toEqual(['body']);
    expect(paths({ subject: 'x', room, extra: 1 })).toEqual(['extra']);
    expect(paths({ subject: 'x', room: { ...room, hostPIN: '1234' } })).toEqual(['room.hostPIN']);
    expect(paths({ room })).toEqual(['subject']);
    expect(paths({ subject: 7, room })).toEqual(['subject']);
    expect(paths({ subject: 'x'.repeat(256), room })).toEqual(['subject']);
    expect(paths({ subject: 'x', room: { ...room, hostPin: '12a4' } })).toEqual(['room.hostPin']);
    expect(paths({ subject: 'x', room: { ...room, invitees: [{ ...room.invitees[0], passcode: 'abc' }] } })).toEqual(['room.invitees[0].passcode']);
    expect(paths({ subject: 'x', room: { ...room, meeting: { start, end: start - 1 } } })).toEqual(['room.meeting.end']);
    expect(paths({ subject: 'x', room: { ...room, accessCode: { code: '480213', role: 'guest' } } })).toEqual(['room.accessCode.code']);
  });

  it('refuses more invitees than a room takes', () => {
    const invitees = Array.from({ length: MAX_INVITEES + 1 }, (_, i) => ({ email: `p${i}@example.com`, name: `P${i}`, passcode: String(10_000_000 + i) }));
    expect(paths({ subject: 'x', room: { ...room, invitees } })).toEqual(['room.invitees']);
  });
});
