import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { AttemptLedger } from '../../../core/attempts/ledger';
import type { AttemptStatus } from '../../../core/attempts/ledger';
import { decideFill } from '../../../core/autofill/decide';
import type { FillInput } from '../../../core/autofill/decide';
import { pinToSend } from '../../../core/autofill/pin';
import { guardKeyOf, pinFingerprint } from '../../../core/guard/key';
import { buildCaptureLink, parseCaptureLink } from '../../../core/links/capture';
import { ACTIVATION_SAFETY_MARGIN_MS, activationWindow, isCodeActive } from '../../../core/time/activation';
import { fromCaptureRecord } from '../../../core/vault/create';
import type { SavedMeeting } from '../../../core/vault/schema';
import { meetingWindow } from '../../../core/vault/window';
import { meeting, T0 } from '../vault/support';

const MEETING: SavedMeeting = meeting();
const statusAfter = (failures: number, limits = {}): AttemptStatus => {
  const ledger = new AttemptLedger(limits, () => T0);
  for (let i = 0; i < failures; i++) ledger.recordFailure('r', 'me', 'web');
  return ledger.status('r', 'me', 'web');
};
const input = (over: Partial<FillInput> = {}): FillInput => ({
  meeting: MEETING,
  pageUrl: 'https://meet.example.com/webapp3/m/alice.room',
  frame: { isTop: true, sandboxed: false, frameOrigin: 'https://meet.example.com' },
  field: { present: true, hasValue: false },
  mode: 'fill',
  now: T0,
  window: null,
  attempts: null,
  failedPins: [],
  ...over,
});
const reason = (over: Partial<FillInput>): string => {
  const d = decideFill(input(over));
  return d.action === 'none' ? d.reason : d.action;
};

describe('pinToSend', () => {
  const host = { role: 'host' as const, pin: '1357#' };
  const guest = { role: 'guest' as const, pin: '246813' };
  it('sends the host PIN for a host, the guest PIN or none for a guest', () => {
    expect(pinToSend(host, { hasHostPin: true, hasGuestPin: true })).toBe('1357#');
    expect(pinToSend(host, { hasHostPin: true, hasGuestPin: false })).toBe('1357#');
    expect(pinToSend(guest, { hasHostPin: true, hasGuestPin: true })).toBe('246813');
    expect(pinToSend(guest, { hasHostPin: true, hasGuestPin: false })).toBe('none');
    expect(pinToSend({ role: 'guest', pin: 'none' }, undefined)).toBe('none');
    expect(pinToSend({ role: 'guest', pin: 'none' }, { hasHostPin: true, hasGuestPin: true })).toBeNull();
    expect(pinToSend(guest, { hasHostPin: false, hasGuestPin: false })).toBeNull();
    expect(pinToSend(guest)).toBe('246813');
  });
});

describe('decideFill', () => {
  it('fills in fill mode and leaves joining to the user; joins in fill-and-join mode', () => {
    expect(decideFill(input())).toEqual({ action: 'fill', pin: '246813', join: false });
    expect(decideFill(input({ mode: 'fill-and-join', attempts: statusAfter(0) }))).toEqual({ action: 'fill', pin: '246813', join: true });
    expect(decideFill(input({ prompt: { hasHostPin: true, hasGuestPin: false } }))).toEqual({ action: 'fill', pin: 'none', join: false });
  });
  it('gives the strongest reason not to fill', () => {
    expect(reason({ mode: 'off' })).toBe('mode-off');
    expect(reason({ pageUrl: 'https://evil.example/webapp3/m/alice.room' })).toBe('wrong-origin');
    expect(reason({ pageUrl: 'http://meet.example.com/webapp3/m/alice.room' })).toBe('wrong-origin');
    expect(reason({ frame: { isTop: true, sandboxed: false, frameOrigin: 'https://evil.example' } })).toBe('wrong-origin');
    expect(reason({ pageUrl: 'https://meet.example.com/webapp3/m/bob' })).toBe('wrong-page');
    expect(reason({ pageUrl: 'https://meet.example.com/settings' })).toBe('wrong-page');
    expect(reason({ frame: { isTop: false, sandboxed: false, frameOrigin: 'https://meet.example.com' } })).toBe('not-top-frame');
    expect(reason({ frame: { isTop: true, sandboxed: true, frameOrigin: 'https://meet.example.com' } })).toBe('sandboxed');
    expect(reason({ attempts: statusAfter(3, { roomFailures: 2 }) })).toBe('room-blocked');
    expect(reason({ possibleLockout: true })).toBe('possible-lockout');
    expect(reason({ failedPins: [pinFingerprint(guardKeyOf(MEETING), '246813')] })).toBe('pin-failed-before');
    expect(reason({ failedPins: ['246813'] })).toBe('pin-failed-before');
    expect(reason({ attempts: statusAfter(4) })).toBe('last-attempt');
    expect(reason({ attempts: statusAfter(3) })).toBe('few-attempts-left');
    expect(reason({ attempts: statusAfter(3, { warnAtRemaining: 0 }) })).toBe('fill');
    expect(reason({ attempts: statusAfter(4, { warnAtRemaining: 0 }), mode: 'fill-and-join' })).toBe('last-attempt');
    expect(reason({ window: { opensAt: T0 - 2, closesAt: T0 } })).toBe('expired');
    expect(reason({ field: { present: false, hasValue: false } })).toBe('no-field');
    expect(reason({ field: { present: true, hasValue: true } })).toBe('field-has-value');
    expect(reason({ meeting: { ...MEETING, origin: 'https://meet.example.com/' } })).toBe('invalid-meeting');
    expect(reason({ meeting: { ...MEETING, pin: 'none' }, prompt: { hasHostPin: true, hasGuestPin: true } })).toBe('guest-pin-required');
    expect(reason({ meeting: null as never })).toBe('invalid-meeting');
  });
  it('holds until the window has been open a safety margin: a laptop clock 250 ms ahead of the node never sends before the node opens', () => {
    const nodeOpens = T0 + 60_000;
    const window = { opensAt: nodeOpens, closesAt: nodeOpens + 3_600_000 };
    const AHEAD = 250; // the laptop's clock reads 250 ms more than the node's
    // At the laptop's opening the node is 250 ms short of it: the old rule filled here and spent an attempt.
    expect(decideFill(input({ window, mode: 'fill-and-join', now: nodeOpens }))).toMatchObject({ action: 'wait', until: nodeOpens + ACTIVATION_SAFETY_MARGIN_MS });
    expect(decideFill(input({ window, mode: 'fill-and-join', now: nodeOpens + AHEAD }))).toMatchObject({ action: 'wait' });
    const sent = decideFill(input({ window, mode: 'fill-and-join', now: nodeOpens + ACTIVATION_SAFETY_MARGIN_MS }));
    expect(sent).toEqual({ action: 'fill', pin: expect.any(String), join: true });
    // When it does fill, the node's own clock is past its opening.
    expect(nodeOpens + ACTIVATION_SAFETY_MARGIN_MS - AHEAD).toBeGreaterThanOrEqual(nodeOpens);
    expect(ACTIVATION_SAFETY_MARGIN_MS).toBeGreaterThanOrEqual(1_000); // seconds, not milliseconds
  });

  it('never fills a record the keep rules refuse: retention 0, another node than the policy\'s, a broken policy, past retention', () => {
    const keep = { retentionDays: 30, policyOrigins: null };
    expect(reason({ keep })).toBe('fill');
    expect(reason({ keep: { ...keep, retentionDays: 0 } })).toBe('not-kept'); // an untimed record too
    expect(reason({ keep: { ...keep, policyOrigins: ['https://other.example.com'] } })).toBe('wrong-origin');
    expect(reason({ keep: { ...keep, policyBroken: true } })).toBe('not-kept');
    const over = { ...MEETING, startsAt: T0 - 40 * 86_400_000, endsAt: T0 - 39 * 86_400_000 };
    expect(reason({ meeting: over, keep })).toBe('expired');
  });

  it('waits for the code to open instead of wasting an attempt, joining then in fill-and-join mode', () => {
    const window = { opensAt: T0 + 60_000, closesAt: T0 + 3_600_000 };
    expect(decideFill(input({ window, mode: 'fill-and-join' }))).toEqual({ action: 'wait', until: T0 + 60_000 + ACTIVATION_SAFETY_MARGIN_MS, reason: 'not-yet-active', join: true });
    expect(decideFill(input({ window, field: { present: false, hasValue: false } }))).toMatchObject({ action: 'wait', join: false });
    expect(decideFill(input({ window, now: T0 + 60_000 + ACTIVATION_SAFETY_MARGIN_MS }))).toEqual({ action: 'fill', pin: '246813', join: false });
  });
  it('never fills a failed PIN, a foreign/framed/sandboxed page, or with one attempt left (property)', () => {
    const origins = ['https://meet.example.com', 'https://meet.example.com:8443', 'http://meet.example.com', 'https://evil.example', 'null'];
    /** Mostly the value that allows filling, so every rule gets exercised near the boundary. */
    const mostly = <T,>(good: T, ...bad: T[]): fc.Arbitrary<T> => fc.oneof({ weight: 4, arbitrary: fc.constant(good) }, { weight: 1, arbitrary: fc.constantFrom(...bad) });
    const arb = fc.record({
      mode: mostly<FillInput['mode']>('fill-and-join', 'off', 'fill'),
      pageOrigin: mostly(origins[0] as string, ...origins.slice(1, 4)),
      pageTail: mostly('/webapp3/m/alice.room', '/webapp/conference/Alice.Room', '/webapp3/m/x'),
      isTop: mostly(true, false),
      sandboxed: mostly(false, true),
      frameOrigin: mostly(origins[0] as string, ...origins.slice(1)),
      present: mostly(true, false),
      hasValue: mostly(false, true),
      failures: fc.integer({ min: 0, max: 6 }),
      warnAt: fc.integer({ min: 0, max: 3 }),
      failed: fc.subarray(['246813', 'none', '111111'], { maxLength: 1 }),
      asFingerprint: fc.boolean(),
      prompt: fc.option(fc.record({ hasHostPin: fc.boolean(), hasGuestPin: fc.boolean() }), { nil: undefined }),
      pin: fc.constantFrom('246813', 'none'),
      offset: fc.integer({ min: -7_200_000, max: 7_200_000 }),
      timed: fc.boolean(),
    });
    let fills = 0;
    fc.assert(
      fc.property(arb, (a) => {
        const meeting = { ...MEETING, pin: a.pin };
        const attempts = statusAfter(a.failures, { warnAtRemaining: a.warnAt });
        const failedPins = a.failed.map((p) => (a.asFingerprint ? pinFingerprint(guardKeyOf(meeting), p) : p));
        const d = decideFill(
          input({
            meeting,
            mode: a.mode,
            pageUrl: `${a.pageOrigin}${a.pageTail}`,
            frame: { isTop: a.isTop, sandboxed: a.sandboxed, frameOrigin: a.frameOrigin },
            field: { present: a.present, hasValue: a.hasValue },
            prompt: a.prompt,
            attempts,
            failedPins,
            now: T0 + a.offset,
            window: a.timed ? { opensAt: T0, closesAt: T0 + 3_600_000 } : null,
          }),
        );
        if (d.action === 'fill') {
          fills += 1;
          expect(a.mode).not.toBe('off');
          expect(a.isTop && !a.sandboxed && !a.hasValue && a.present).toBe(true);
          expect(a.frameOrigin).toBe(MEETING.origin);
          expect(a.pageOrigin).toBe(MEETING.origin);
          expect(a.failed).not.toContain(d.pin);
          expect(attempts.remaining).toBeGreaterThanOrEqual(2);
          expect(d.join).toBe(a.mode === 'fill-and-join');
          if (a.timed) expect(a.offset >= ACTIVATION_SAFETY_MARGIN_MS && a.offset < 3_600_000).toBe(true);
        }
        if (d.action === 'wait') expect(a.timed && a.offset < ACTIVATION_SAFETY_MARGIN_MS).toBe(true);
      }),
      // ~3% of cases fill: 3,000 runs make ~90 fills, so "more than 20" cannot fail by chance
      // (at 1,000 runs it did, about 1 run in 10).
      { numRuns: 3000 },
    );
    expect(fills).toBeGreaterThan(20); // not vacuous: some generated cases do fill
  });
});

describe('decideFill with the window a capture link carries', () => {
  it('holds until the organizer\'s lead, fills through the grace after the end, then stops: as the node decides', () => {
    const start = T0 + 3_600_000;
    const end = start + 3_600_000;
    const url = buildCaptureLink({ origin: 'https://meet.example.com', path: 'webapp3', alias: 'alice.room', role: 'guest', pin: '246813', startsAt: start, endsAt: end, leadMinutes: 5, graceMinutes: 10 });
    const captured = parseCaptureLink(url);
    if (!captured.ok) throw new Error('fixture');
    const saved = fromCaptureRecord(captured.value, T0, 'cap');
    if (!saved.ok) throw new Error('fixture');
    const window = meetingWindow(saved.value);
    const nodeWindow = activationWindow({ start, end }, { leadMinutes: 5, graceMinutes: 10 });
    expect(window).toEqual(nodeWindow);
    const at = (now: number) => decideFill(input({ meeting: saved.value, window, now }));
    // 15 minutes before (the default lead) the node would still refuse, and count, the code: wait.
    const opens = start - 5 * 60_000;
    expect(at(start - 15 * 60_000)).toEqual({ action: 'wait', until: opens + ACTIVATION_SAFETY_MARGIN_MS, reason: 'not-yet-active', join: false });
    // At the opening itself it still waits the safety margin (clocks disagree), then fills.
    expect(at(opens).action).toBe('wait');
    expect(at(opens + ACTIVATION_SAFETY_MARGIN_MS)).toEqual({ action: 'fill', pin: '246813', join: false });
    // After the end but within the grace the node still accepts the code: fill.
    expect(at(end + 9 * 60_000)).toEqual({ action: 'fill', pin: '246813', join: false });
    expect(at(end + 10 * 60_000)).toEqual({ action: 'none', reason: 'expired' });
    for (const now of [opens - 1, opens, opens + ACTIVATION_SAFETY_MARGIN_MS - 1, opens + ACTIVATION_SAFETY_MARGIN_MS, end + 10 * 60_000 - 1, end + 10 * 60_000]) {
      // Never fills while the node would refuse; fills whenever it is active and safely open.
      if (at(now).action === 'fill') expect(isCodeActive(nodeWindow, now)).toBe(true);
      if (now >= opens + ACTIVATION_SAFETY_MARGIN_MS) expect(at(now).action === 'fill').toBe(isCodeActive(nodeWindow, now));
    }
  });
});
