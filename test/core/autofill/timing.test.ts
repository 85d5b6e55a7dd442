/**
 * A code whose start time SecureJoin does not know (a pasted invite that gave none) is never
 * filled without the user's yes: `codeTiming` says so, and `decideFill` asks instead of filling.
 */
import { describe, expect, it } from 'vitest';
import { decideFill } from '../../../core/autofill/decide';
import type { FillInput } from '../../../core/autofill/decide';
import { asksBeforeFilling, codeTiming } from '../../../core/autofill/timing';
import { ACTIVATION_SAFETY_MARGIN_MS } from '../../../core/time/activation';
import { meetingWindow } from '../../../core/vault/window';
import type { SavedMeeting } from '../../../core/vault/schema';
import { meeting, T0 } from '../vault/support';

const HOUR = 3_600_000;
const input = (m: SavedMeeting, over: Partial<FillInput> = {}): FillInput => ({
  meeting: m,
  pageUrl: 'https://meet.example.com/webapp3/m/alice.room',
  frame: { isTop: true, sandboxed: false, frameOrigin: 'https://meet.example.com' },
  field: { present: true, hasValue: false },
  mode: 'fill-and-join',
  now: T0,
  window: meetingWindow(m),
  attempts: null,
  failedPins: [],
  ...over,
});

describe('codeTiming', () => {
  it('knows the window of a timed record, whatever its source', () => {
    for (const source of ['invite', 'manual', 'capture', 'import'] as const) {
      const m = meeting({ source, startsAt: T0 + HOUR, endsAt: T0 + 2 * HOUR });
      expect(codeTiming(m, T0)).toEqual({ kind: 'window', window: { opensAt: T0 + 45 * 60_000, closesAt: T0 + 2 * HOUR } });
      expect(asksBeforeFilling(m, T0)).toBe(false);
    }
  });
  it('an invite that gave no time: unknown; typed without a start or a capture link without times: untimed', () => {
    expect(codeTiming(meeting({ source: 'invite' }), T0)).toEqual({ kind: 'unknown' });
    expect(asksBeforeFilling(meeting({ source: 'invite' }), T0)).toBe(true);
    for (const source of ['manual', 'capture', 'import'] as const) expect(codeTiming(meeting({ source }), T0)).toEqual({ kind: 'untimed' });
  });
  it('a series with no occurrence left is over', () => {
    const m = meeting({ source: 'invite', startsAt: T0, endsAt: T0 + HOUR, recurrence: { timeZone: 'UTC', rule: { frequency: 'daily', count: 2 } } });
    expect(codeTiming(m, T0 + 3 * 24 * HOUR)).toEqual({ kind: 'over' });
    expect(codeTiming(m, T0 + 2 * HOUR).kind).toBe('window');
  });
});

describe('decideFill for a code of unknown time', () => {
  const unknown = meeting({ source: 'invite' });
  it('asks instead of filling (and never joins by itself)', () => {
    expect(decideFill(input(unknown))).toEqual({ action: 'ask', reason: 'activation-unknown' });
    expect(decideFill(input(unknown, { mode: 'fill' }))).toEqual({ action: 'ask', reason: 'activation-unknown' });
  });
  it('after the user said yes it fills, without pressing Join', () => {
    expect(decideFill(input(unknown, { confirmedUnknownTime: true }))).toEqual({ action: 'fill', pin: '246813', join: false });
  });
  it('every stronger reason still wins over asking', () => {
    expect(decideFill(input(unknown, { mode: 'off' }))).toEqual({ action: 'none', reason: 'mode-off' });
    expect(decideFill(input(unknown, { field: { present: true, hasValue: true } }))).toEqual({ action: 'none', reason: 'field-has-value' });
    expect(decideFill(input(unknown, { failedPins: ['246813'], confirmedUnknownTime: true }))).toEqual({ action: 'none', reason: 'pin-failed-before' });
    expect(decideFill(input(unknown, { pageUrl: 'https://meet.example.com/webapp3/m/other' }))).toEqual({ action: 'none', reason: 'wrong-page' });
  });
  it('a record typed without a start, or a timed invite, is filled as before', () => {
    expect(decideFill(input(meeting({ source: 'manual' })))).toEqual({ action: 'fill', pin: '246813', join: true });
    const timed = meeting({ source: 'invite', startsAt: T0, endsAt: T0 + HOUR });
    expect(decideFill(input(timed, { now: T0 - 15 * 60_000 + ACTIVATION_SAFETY_MARGIN_MS }))).toEqual({ action: 'fill', pin: '246813', join: true });
  });
});
