/** A capture never changes a saved room by itself: what needs the user's confirmation, and what the UI may show. */
import { describe, expect, it } from 'vitest';
import { decideCapture, describeChanges, maskPin } from '../../../core/vault/captureChange';
import { meeting, T0 } from './support';

describe('decideCapture', () => {
  const saved = meeting({ id: 'g', startsAt: T0, endsAt: T0 + 3_600_000 });
  it('saves a room with nothing saved; ignores records of other rooms and nodes', () => {
    const others = [meeting({ id: 'o', alias: 'other' }), meeting({ id: 'n', origin: 'https://meet2.example.com' })];
    expect(decideCapture(others, meeting({ id: 'new' }))).toEqual({ kind: 'new' });
  });
  it('the same content again is nothing to do (alias case does not matter)', () => {
    expect(decideCapture([saved], { ...saved, id: 'x', alias: 'alice.room', source: 'capture', updatedAt: T0 + 5 })).toEqual({ kind: 'same', id: 'g' });
  });
  it('another PIN, deleted times, or another role for the room needs confirmation', () => {
    const pin = decideCapture([saved], { ...saved, id: 'x', pin: '99990000' });
    expect(pin).toMatchObject({ kind: 'confirm', replaces: { id: 'g' }, changes: [{ field: 'pin' }] });
    const { startsAt: _s, endsAt: _e, ...untimed } = saved;
    expect(decideCapture([saved], { ...untimed, id: 'x' })).toMatchObject({ kind: 'confirm', changes: [{ field: 'startsAt', after: null }, { field: 'endsAt', after: null }] });
    expect(decideCapture([saved], { ...saved, id: 'x', role: 'host', pin: '86420975' })).toMatchObject({ kind: 'confirm', replaces: null, changes: [{ field: 'pin' }, { field: 'role', before: 'guest', after: 'host' }] });
  });
});

describe('what the UI shows', () => {
  it('masks PINs to their last two characters and length', () => {
    expect(maskPin('99990000')).toBe('…00 (8 characters)');
    expect(maskPin('1234#')).toBe('…4# (5 characters)');
    expect(maskPin('none')).toMatch(/^none/);
    const changes = describeChanges(meeting({ pin: '246813' }), meeting({ pin: '99990000' }));
    expect(JSON.stringify(changes)).not.toMatch(/246813|99990000/);
  });
});
