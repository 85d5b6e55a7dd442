/**
 * The attempt guard against a model conference node over long random sequences: people (this
 * user, typing anything, and others elsewhere) and the extension (fill-and-join) try PINs while
 * time passes and the service worker restarts. The extension must never spend this browser's
 * last attempt, never resend a PIN it saw fail, and never try in a room it believes blocked.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { AttemptLedger } from '../../../core/attempts/ledger';
import { decideFill } from '../../../core/autofill/decide';
import { guardStatus, recordOutcome } from '../../../core/guard/guard';
import { guardKeyOf } from '../../../core/guard/key';
import { emptyGuardState, parseGuardState } from '../../../core/guard/state';
import type { GuardState } from '../../../core/guard/state';
import { classifyTokenOutcome } from '../../../core/guard/tokenRequest';
import type { SavedMeeting } from '../../../core/vault/schema';

const T0 = Date.UTC(2025, 5, 2, 9, 0);
const MEETING: SavedMeeting = {
  id: 'm1',
  origin: 'https://meet.example.com',
  path: 'webapp3',
  alias: 'Alice.Room',
  role: 'host',
  pin: '246813',
  source: 'manual',
  createdAt: T0,
  updatedAt: T0,
};
const KEY = guardKeyOf(MEETING);
const ROOM = 'alice.room';
const ME = 'this-user';

type Step =
  | { kind: 'extension' }
  | { kind: 'user'; pin: string }
  | { kind: 'other'; n: number }
  | { kind: 'wait'; minutes: number }
  | { kind: 'restart' }
  | { kind: 'changePin'; pin: string };

const step: fc.Arbitrary<Step> = fc.oneof(
  { weight: 5, arbitrary: fc.constant({ kind: 'extension' as const }) },
  { weight: 3, arbitrary: fc.constantFrom('246813', '111111', '999999', 'none').map((pin) => ({ kind: 'user' as const, pin })) },
  { weight: 1, arbitrary: fc.integer({ min: 1, max: 8 }).map((n) => ({ kind: 'other' as const, n })) },
  { weight: 2, arbitrary: fc.integer({ min: 0, max: 12 }).map((minutes) => ({ kind: 'wait' as const, minutes })) },
  { weight: 1, arbitrary: fc.constant({ kind: 'restart' as const }) },
  { weight: 1, arbitrary: fc.constantFrom('246813', '135790').map((pin) => ({ kind: 'changePin' as const, pin })) },
);

describe('attempt guard over long random sequences', () => {
  it('never lets the extension make the last attempt, resend a failed PIN, or try a blocked room', () => {
    let autoAttempts = 0;
    fc.assert(
      fc.property(fc.array(step, { minLength: 50, maxLength: 150 }), fc.constantFrom(5, 3, 2), fc.integer({ min: 0, max: 3 }), (steps, web, warnAt) => {
        const limits = { web, roomFailures: 20, warnAtRemaining: Math.min(warnAt, web - 1) };
        let now = T0;
        const node = new AttemptLedger(limits, () => now);
        let correctPin = '246813';
        let stored: string = JSON.stringify(emptyGuardState());
        const failedSinceSuccess = new Set<string>();

        /** The node answers one attempt from this browser; the background observes it. */
        const attempt = (pin: string): void => {
          let status: number;
          if (node.isRoomBlocked(ROOM)) status = 404;
          else if (node.status(ROOM, ME, 'web').clientRemaining === 0) status = 403;
          else if (pin === correctPin) {
            node.recordSuccess(ROOM, ME);
            status = 200;
          } else {
            node.recordFailure(ROOM, ME, 'web');
            status = 403;
          }
          const outcome = classifyTokenOutcome({ pinSent: pin, status });
          if (outcome === 'success') failedSinceSuccess.clear();
          if (outcome === 'wrong-pin') failedSinceSuccess.add(pin);
          const state = parseGuardState(JSON.parse(stored)) as GuardState;
          stored = JSON.stringify(recordOutcome(state, KEY, outcome, pin, now, limits));
        };

        for (const s of steps) {
          if (s.kind === 'wait') now += s.minutes * 60_000;
          else if (s.kind === 'restart') stored = JSON.stringify(JSON.parse(stored));
          else if (s.kind === 'changePin') correctPin = s.pin;
          else if (s.kind === 'other') for (let i = 0; i < s.n; i++) node.recordFailure(ROOM, `other-${i}`, 'web');
          else if (s.kind === 'user') attempt(s.pin);
          else {
            const state = parseGuardState(JSON.parse(stored));
            expect(state).not.toBeNull();
            const g = guardStatus(state as GuardState, KEY, now, limits);
            const d = decideFill({
              meeting: MEETING,
              pageUrl: 'https://meet.example.com/webapp3/m/alice.room',
              frame: { isTop: true, sandboxed: false, frameOrigin: MEETING.origin },
              field: { present: true, hasValue: false },
              mode: 'fill-and-join',
              now,
              window: null,
              attempts: g.attempts,
              failedPins: g.failedPins,
              possibleLockout: g.possibleLockout,
            });
            if (d.action === 'fill' && d.join) {
              autoAttempts += 1;
              const real = node.status(ROOM, ME, 'web');
              expect(real.clientRemaining).toBeGreaterThanOrEqual(2);
              expect(real.roomBlocked && g.attempts.roomBlocked).toBe(false);
              expect(failedSinceSuccess.has(d.pin)).toBe(false);
              attempt(d.pin);
            }
          }
        }
      }),
      { numRuns: 150 },
    );
    expect(autoAttempts).toBeGreaterThan(100); // the extension did act, often
  });
});
