/** Attempts reserved across tabs, and failures right at a code's opening. */
import { describe, expect, it } from 'vitest';
import { emptyGuardState, failureIsVerdict, guardStatus, mayReserve, recordOutcome, RESERVATION_TTL_MS } from '../../../core/guard';
import type { Reservation } from '../../../core/guard';
import { ACTIVATION_SAFETY_MARGIN_MS } from '../../../core/time/activation';

const KEY = 'https://meet.example.com|board';
const T0 = Date.UTC(2030, 0, 14, 9, 0);
const LIMITS = { web: 5, sip: 3, roomFailures: 20, roomWindowMinutes: 10, warnAtRemaining: 2 };

/** How many of `tabs` concurrent tabs get a reservation, each reserving in turn. */
function reservedTabs(tabs: number, failuresBefore = 0): number {
  let state = emptyGuardState();
  for (let i = 0; i < failuresBefore; i++) state = recordOutcome(state, KEY, 'wrong-pin', `000${i}`, T0, LIMITS);
  const held: Reservation[] = [];
  for (let tab = 1; tab <= tabs; tab++) {
    if (mayReserve(guardStatus(state, KEY, T0, LIMITS), held, tab, T0, LIMITS.warnAtRemaining)) held.push({ key: KEY, tabId: tab, at: T0 });
  }
  return held.length;
}

describe('mayReserve', () => {
  it('five tabs at once get together exactly the attempts one tab would spend: never reaching the warning level or the last attempt', () => {
    // 5 attempts, warning at 2 left: automatic attempts at 5, 4 and 3 left.
    expect(reservedTabs(5)).toBe(3);
    expect(reservedTabs(5, 2)).toBe(1);
    expect(reservedTabs(5, 3)).toBe(0);
  });
  it('a tab asking again replaces its own reservation; expired reservations and other rooms do not count', () => {
    const status = guardStatus(emptyGuardState(), KEY, T0, LIMITS);
    const held: Reservation[] = [1, 2, 3].map((tabId) => ({ key: KEY, tabId, at: T0 }));
    expect(mayReserve(status, held, 4, T0, 2)).toBe(false);
    expect(mayReserve(status, held, 3, T0, 2)).toBe(true);
    expect(mayReserve(status, held, 4, T0 + RESERVATION_TTL_MS, 2)).toBe(true);
    expect(mayReserve(status, held.map((r) => ({ ...r, key: 'https://meet.example.com|other' })), 4, T0, 2)).toBe(true);
  });
});

describe('failureIsVerdict', () => {
  const window = { opensAt: T0, closesAt: T0 + 3_600_000 };
  it('a wrong PIN before or within the safety margin of the opening says nothing about the code', () => {
    expect(failureIsVerdict([window], T0 - 60_000)).toBe(false);
    expect(failureIsVerdict([window], T0 + 250)).toBe(false);
    expect(failureIsVerdict([window], T0 + ACTIVATION_SAFETY_MARGIN_MS)).toBe(true);
    expect(failureIsVerdict([null], T0)).toBe(true);
    expect(failureIsVerdict([], T0)).toBe(true);
  });
  it('recordOutcome counts such a failure but does not mark the PIN failed', () => {
    const state = recordOutcome(emptyGuardState(), KEY, 'wrong-pin', '48213957', T0 + 250, LIMITS, { verdict: false });
    const status = guardStatus(state, KEY, T0 + 250, LIMITS);
    expect(status.attemptsUsed).toBe(1);
    expect(status.failedPins).toEqual([]);
    const judged = guardStatus(recordOutcome(emptyGuardState(), KEY, 'wrong-pin', '48213957', T0, LIMITS), KEY, T0, LIMITS);
    expect(judged.failedPins).toHaveLength(1);
  });
});
