import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { AttemptLedger, DEFAULT_ATTEMPT_LIMITS, resolveAttemptLimits, shouldAttempt } from '../../../core/attempts';
import type { AttemptLimits, AttemptStatus } from '../../../core/attempts';
import type { Channel } from '../../../core/types';

const MIN = 60_000;

/** A fake clock the test moves by hand. */
function fakeClock(start = Date.UTC(2025, 0, 6, 9, 0)): { now: () => number; advance: (ms: number) => void } {
  let t = start;
  return { now: () => t, advance: (ms) => void (t += ms) };
}

describe('AttemptLedger basics', () => {
  it('counts down a web client: ok, warn, last, exhausted', () => {
    const clock = fakeClock();
    const ledger = new AttemptLedger({}, clock.now);
    expect(ledger.status('vmr', 'alice', 'web')).toMatchObject({ used: 0, limit: 5, remaining: 5, level: 'ok' });
    const levels = Array.from({ length: 5 }, () => ledger.recordFailure('vmr', 'alice', 'web').level);
    expect(levels).toEqual(['ok', 'ok', 'warn', 'last', 'exhausted']);
    expect(ledger.status('vmr', 'alice', 'web')).toMatchObject({ used: 5, remaining: 0, roomFailuresInWindow: 5, roomBlocked: false });
  });

  it('says when a client that used up its attempts may try again: when its oldest failure leaves the window', () => {
    const clock = fakeClock();
    const ledger = new AttemptLedger({}, clock.now);
    const first = clock.now();
    for (let i = 0; i < 5; i++) {
      expect(ledger.clientRetryAt('vmr', 'alice', 'web')).toBeNull();
      ledger.recordFailure('vmr', 'alice', 'web');
      clock.advance(MIN);
    }
    expect(ledger.clientRetryAt('vmr', 'alice', 'web')).toBe(first + 10 * MIN);
    clock.advance(first + 10 * MIN - clock.now());
    expect(ledger.status('vmr', 'alice', 'web').level).not.toBe('exhausted');
    expect(ledger.clientRetryAt('vmr', 'alice', 'web')).toBeNull();
  });

  it('gives SIP calls 3 attempts', () => {
    const ledger = new AttemptLedger({}, fakeClock().now);
    expect(ledger.recordFailure('vmr', 'sip:bob', 'sip')).toMatchObject({ limit: 3, remaining: 2, level: 'warn' });
  });

  it('resets a client on success, not the room', () => {
    const ledger = new AttemptLedger({}, fakeClock().now);
    ledger.recordFailure('vmr', 'alice', 'web');
    ledger.recordFailure('vmr', 'alice', 'web');
    ledger.recordSuccess('vmr', 'alice');
    expect(ledger.status('vmr', 'alice', 'web')).toMatchObject({ used: 0, remaining: 5, roomFailuresInWindow: 2 });
  });

  it('blocks the room on the 21st failure in 10 minutes, for 10 minutes after it', () => {
    const clock = fakeClock();
    const ledger = new AttemptLedger({}, clock.now);
    for (let i = 0; i < 20; i++) {
      ledger.recordFailure('vmr', `client${i}`, 'web');
      clock.advance(20_000); // 20 failures over 6m40s
    }
    expect(ledger.isRoomBlocked('vmr')).toBe(false);
    expect(ledger.status('vmr', 'new', 'web')).toMatchObject({ roomRemaining: 1, remaining: 1, level: 'last' });
    const blockedAt = clock.now();
    const s = ledger.recordFailure('vmr', 'client20', 'web');
    expect(s).toMatchObject({ roomBlocked: true, roomBlockedUntil: blockedAt + 10 * MIN, level: 'room_blocked', remaining: 0 });
    expect(shouldAttempt(s)).toBe(false);
    // Failures while blocked are not PIN checks: nothing is recorded.
    expect(ledger.recordFailure('vmr', 'client21', 'web').roomFailuresInWindow).toBe(21);
    expect(ledger.isRoomBlocked('other')).toBe(false);
    clock.advance(10 * MIN - 1);
    expect(ledger.isRoomBlocked('vmr')).toBe(true);
    clock.advance(1);
    expect(ledger.isRoomBlocked('vmr')).toBe(false);
    expect(ledger.status('vmr', 'client0', 'web')).toMatchObject({ used: 0, roomFailuresInWindow: 0, level: 'ok' });
  });

  it('slides the window: failures older than 10 minutes stop counting and are pruned', () => {
    const clock = fakeClock();
    const ledger = new AttemptLedger({}, clock.now);
    ledger.recordFailure('vmr', 'alice', 'web');
    clock.advance(6 * MIN);
    ledger.recordFailure('vmr', 'alice', 'web');
    clock.advance(4 * MIN);
    expect(ledger.status('vmr', 'alice', 'web')).toMatchObject({ used: 1, roomFailuresInWindow: 1 });
    ledger.recordFailure('other', 'x', 'web'); // any write prunes
    expect(ledger.toJSON().rooms.find((r) => r.room === 'vmr')?.failures).toHaveLength(1);
    clock.advance(6 * MIN);
    ledger.recordSuccess('other', 'x');
    expect(ledger.toJSON().rooms.map((r) => r.room)).toEqual(['other']);
  });

  it('restores exactly from JSON (service-worker restart)', () => {
    const clock = fakeClock();
    const ledger = new AttemptLedger({ roomFailures: 3 }, clock.now);
    for (const c of ['a', 'b', 'c', 'd']) ledger.recordFailure('vmr', c, 'web');
    ledger.recordFailure('__proto__', 'constructor', 'sip');
    const json = JSON.parse(JSON.stringify(ledger.toJSON()));
    const restored = new AttemptLedger({ roomFailures: 3 }, clock.now, json);
    expect(restored.toJSON()).toEqual(ledger.toJSON());
    expect(restored.isRoomBlocked('vmr')).toBe(true);
    expect(restored.status('__proto__', 'constructor', 'sip')).toEqual(ledger.status('__proto__', 'constructor', 'sip'));
  });

  it.each([
    [{ version: 2, rooms: [] }, /expected \{version: 1/],
    [{ version: 1, rooms: [{ room: 'a', failures: ['x'], blockedUntil: null, clients: [] }] }, /rooms\[0\]\.failures must be an array of epoch/],
    [{ version: 1, rooms: [{ room: 'a', failures: [], blockedUntil: null, clients: [{ client: 1, failures: [] }] }] }, /rooms\[0\]\.clients\[0\]\.client must be a string/],
    [{ version: 1, rooms: [{ room: 'a', failures: [], blockedUntil: null, clients: [] }, { room: 'a', failures: [], blockedUntil: null, clients: [] }] }, /rooms\[1\] repeats room "a"/],
  ])('rejects malformed state %j', (state, message) => {
    expect(() => new AttemptLedger({}, fakeClock().now, state as never)).toThrow(message);
  });
});

describe('attempt limits', () => {
  it('defaults to Pexip numbers', () => {
    expect(resolveAttemptLimits()).toEqual({ web: 5, sip: 3, roomFailures: 20, roomWindowMinutes: 10, warnAtRemaining: 2 });
    expect(DEFAULT_ATTEMPT_LIMITS.roomFailures).toBe(20);
  });

  it.each([
    [{ web: 0 }, /web must be an integer from 1 to 100, got 0/],
    [{ sip: 2.5 }, /sip must be an integer/],
    [{ roomFailures: 1001 }, /roomFailures must be an integer from 1 to 1000/],
    [{ roomWindowMinutes: 0 }, /roomWindowMinutes must be a number above 0/],
    [{ warnAtRemaining: -1 }, /warnAtRemaining/],
    [{ webb: 5 }, /unknown field "webb"/],
  ])('rejects %j', (limits, message) => {
    expect(() => new AttemptLedger(limits as Partial<AttemptLimits>)).toThrow(message);
  });
});

describe('shouldAttempt', () => {
  const status = (remaining: number, roomBlocked = false): AttemptStatus => ({
    used: 0, limit: 5, remaining, clientRemaining: remaining, roomRemaining: 21, level: 'ok',
    roomFailuresInWindow: 0, roomBlocked, roomBlockedUntil: null,
  });
  it('never spends the last attempt, nor tries a blocked room', () => {
    expect(shouldAttempt(status(3))).toBe(true);
    expect(shouldAttempt(status(2))).toBe(true);
    expect(shouldAttempt(status(1))).toBe(false);
    expect(shouldAttempt(status(0))).toBe(false);
    expect(shouldAttempt(status(4, true))).toBe(false);
  });
});

// ---- Reference model: recompute everything from the full event log, naively. ----
type Event = { t: number; kind: 'fail'; room: string; client: string } | { t: number; kind: 'ok'; room: string; client: string };

function referenceStatus(log: Event[], limits: AttemptLimits, room: string, client: string, channel: Channel, now: number): Pick<AttemptStatus, 'used' | 'remaining' | 'level' | 'roomFailuresInWindow' | 'roomBlocked'> {
  const w = limits.roomWindowMinutes * MIN;
  // Replay to find which failures were real PIN checks (not while blocked) and the blocks.
  const counted: Array<{ t: number; room: string; client: string; seq: number }> = [];
  const blockedUntil = new Map<string, number>();
  log.forEach((e, seq) => {
    if (e.kind !== 'fail') return;
    if ((blockedUntil.get(e.room) ?? -Infinity) > e.t) return;
    counted.push({ t: e.t, room: e.room, client: e.client, seq });
    const recent = counted.filter((f) => f.room === e.room && e.t - f.t < w).length;
    if (recent > limits.roomFailures) blockedUntil.set(e.room, e.t + w);
  });
  const lastOk = log.reduce((acc, e, seq) => (e.kind === 'ok' && e.room === room && e.client === client ? seq : acc), -1);
  const used = counted.filter((f) => f.room === room && f.client === client && f.seq > lastOk && now - f.t < w).length;
  const inWindow = counted.filter((f) => f.room === room && now - f.t < w).length;
  const blocked = (blockedUntil.get(room) ?? -Infinity) > now || inWindow > limits.roomFailures;
  const limit = channel === 'sip' ? limits.sip : limits.web;
  const remaining = blocked ? 0 : Math.min(Math.max(0, limit - used), limits.roomFailures + 1 - inWindow);
  const level = blocked ? 'room_blocked' : remaining === 0 ? 'exhausted' : remaining === 1 ? 'last' : remaining <= limits.warnAtRemaining ? 'warn' : 'ok';
  return { used, remaining, level, roomFailuresInWindow: inWindow, roomBlocked: blocked };
}

describe('AttemptLedger vs reference model', () => {
  it('agrees over long random sequences, including restarts from JSON', () => {
    const limits: AttemptLimits = { web: 4, sip: 2, roomFailures: 6, roomWindowMinutes: 10, warnAtRemaining: 2 };
    const op = fc.record({
      kind: fc.constantFrom('fail', 'fail', 'fail', 'ok', 'restart'),
      room: fc.constantFrom('r1', 'r2'),
      client: fc.constantFrom('a', 'b', 'c', 'd'),
      advance: fc.integer({ min: 0, max: 4 * MIN }),
    });
    fc.assert(
      fc.property(fc.array(op, { minLength: 50, maxLength: 300 }), (ops) => {
        const clock = fakeClock();
        let ledger = new AttemptLedger(limits, clock.now);
        const log: Event[] = [];
        const channelOf = (client: string): Channel => (client === 'd' ? 'sip' : 'web');
        for (const o of ops) {
          clock.advance(o.advance);
          if (o.kind === 'restart') ledger = new AttemptLedger(limits, clock.now, JSON.parse(JSON.stringify(ledger.toJSON())));
          else if (o.kind === 'fail') {
            ledger.recordFailure(o.room, o.client, channelOf(o.client));
            log.push({ t: clock.now(), kind: 'fail', room: o.room, client: o.client });
          } else {
            ledger.recordSuccess(o.room, o.client);
            log.push({ t: clock.now(), kind: 'ok', room: o.room, client: o.client });
          }
          for (const room of ['r1', 'r2']) {
            for (const client of ['a', 'd']) {
              const got = ledger.status(room, client, channelOf(client));
              expect(got).toMatchObject(referenceStatus(log, limits, room, client, channelOf(client), clock.now()));
            }
          }
        }
        // State stays small: nothing older than the window survives a write.
        ledger.recordSuccess('r1', 'zz');
        for (const r of ledger.toJSON().rooms) for (const t of r.failures) expect(clock.now() - t).toBeLessThan(10 * MIN);
      }),
      { numRuns: 60 },
    );
  });
});
