import { describe, expect, it } from 'vitest';
import { activationWindow, activeWindowAt, isCodeActive } from '../../../core/time/activation';

const MIN = 60_000;
const start = Date.UTC(2025, 5, 2, 9, 0);
const meeting = { start, end: start + 60 * MIN };

describe('activationWindow', () => {
  it('opens 15 minutes before the start and closes at the end by default', () => {
    expect(activationWindow(meeting)).toEqual({ opensAt: start - 15 * MIN, closesAt: start + 60 * MIN });
  });
  it('applies custom lead and grace', () => {
    expect(activationWindow(meeting, { leadMinutes: 0, graceMinutes: 10 })).toEqual({ opensAt: start, closesAt: start + 70 * MIN });
    expect(activationWindow(meeting, { leadMinutes: 30 }).opensAt).toBe(start - 30 * MIN);
  });
  it('moves with the meeting: moving start and end moves the window by the same amount', () => {
    const moved = { start: meeting.start + 90 * MIN, end: meeting.end + 120 * MIN };
    const before = activationWindow(meeting);
    const after = activationWindow(moved);
    expect(after.opensAt - before.opensAt).toBe(90 * MIN);
    expect(after.closesAt - before.closesAt).toBe(120 * MIN);
    // The old window's first minute is no longer active.
    expect(isCodeActive(after, before.opensAt)).toBe(false);
  });
  it('rejects end not after start, negative or non-finite minutes, non-finite times', () => {
    expect(() => activationWindow({ start, end: start })).toThrow(/meeting\.end .* must be after meeting\.start/);
    expect(() => activationWindow({ start, end: start - 1 })).toThrow(/must be after/);
    expect(() => activationWindow(meeting, { leadMinutes: -1 })).toThrow(/leadMinutes must not be negative/);
    expect(() => activationWindow(meeting, { graceMinutes: Infinity })).toThrow(/graceMinutes must be a finite number/);
    expect(() => activationWindow(meeting, { leadMinutes: NaN })).toThrow(/leadMinutes/);
    expect(() => activationWindow({ start: NaN, end: start })).toThrow(/meeting\.start must be a finite/);
    expect(() => activationWindow(meeting, { leadMinutes: 8 * 24 * 60 })).toThrow(/at most/);
  });
});

describe('isCodeActive', () => {
  const w = activationWindow(meeting);
  it('is a half-open interval [opensAt, closesAt)', () => {
    expect(isCodeActive(w, w.opensAt - 1)).toBe(false);
    expect(isCodeActive(w, w.opensAt)).toBe(true);
    expect(isCodeActive(w, start + 30 * MIN)).toBe(true);
    expect(isCodeActive(w, w.closesAt - 1)).toBe(true);
    expect(isCodeActive(w, w.closesAt)).toBe(false);
  });
  it('fails closed on garbage', () => {
    expect(isCodeActive(w, NaN)).toBe(false);
    expect(isCodeActive({ opensAt: NaN, closesAt: Infinity }, start)).toBe(false);
  });
  it('a window crossing midnight UTC is active on both sides', () => {
    const late = activationWindow({ start: Date.UTC(2025, 0, 2, 0, 5), end: Date.UTC(2025, 0, 2, 1, 0) });
    expect(isCodeActive(late, Date.UTC(2025, 0, 1, 23, 55))).toBe(true);
    expect(isCodeActive(late, Date.UTC(2025, 0, 2, 0, 30))).toBe(true);
  });
});

describe('activeWindowAt', () => {
  it('finds the occurrence whose window is open, or null', () => {
    const second = { start: start + 24 * 60 * MIN, end: start + 25 * 60 * MIN };
    expect(activeWindowAt([meeting, second], second.start - 5 * MIN)).toEqual(activationWindow(second));
    expect(activeWindowAt([meeting, second], start + 3 * 60 * MIN)).toBeNull();
  });
});
