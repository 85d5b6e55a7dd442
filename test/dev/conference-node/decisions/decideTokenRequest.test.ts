import { describe, expect, it } from 'vitest';
import { decideTokenRequest, NODE_VERSION } from '../../../../dev/conference-node/decisions';
import type { RoomSpec } from '../../../../core/roomSpec';
import type { TokenDecision, TokenDecisionInput } from '../../../../dev/conference-node/decisions';
import type { LedgerState } from '../../../../core/attempts';
import type { RosterUsage } from '../../../../core/roster';
import { HOST_ONLY, MEETING, MINUTE, NO_GUESTS, OPEN, PINNED, T0 } from './fixtures';

const PIN_REQUIRED = (guest: 'required' | 'none') => ({
  status: 403,
  body: { status: 'success', result: { version: NODE_VERSION, pin: 'required', guest_pin: guest } },
});
const INVALID = { status: 403, body: { status: 'success', result: 'Invalid PIN' } };
const NOT_FOUND = { status: 404, body: { status: 'failed', result: 'Neither conference nor gateway found' } };
const EXCEEDED = { status: 403, body: { status: 'success', result: 'Participant exceeded PIN entry retries' } };

function decide(room: RoomSpec | null, pin: string | null, opts: Partial<TokenDecisionInput> & { client?: string } = {}): TokenDecision {
  return decideTokenRequest({
    room,
    presence: opts.presence ?? { hostsPresent: 0 },
    rosterUsage: opts.rosterUsage ?? {},
    request: { pin, displayName: 'Visitor', clientKey: opts.client ?? '127.0.0.1|name:visitor' },
    now: opts.now ?? T0,
    ledger: opts.ledger,
  });
}

const answer = (d: TokenDecision) => (d.kind === 'reject' ? { status: d.status, body: d.body } : { status: d.status, role: d.role, serviceType: d.serviceType });

describe('decideTokenRequest: Pexip status/body pairs', () => {
  it.each([
    ['unknown room', null, null, NOT_FOUND],
    ['unknown room with a PIN', null, '1234', NOT_FOUND],
    ['host+guest PIN, first try (no header)', PINNED, null, PIN_REQUIRED('required')],
    ['host-only PIN, first try', HOST_ONLY, null, PIN_REQUIRED('none')],
    ['no guests, first try', NO_GUESTS, null, PIN_REQUIRED('required')],
    ['meeting codes make guests need a PIN', MEETING, null, PIN_REQUIRED('required')],
    ['wrong PIN', PINNED, '0000', INVALID],
    ['empty PIN', PINNED, '', INVALID],
    ['none where guests need a PIN', PINNED, 'none', INVALID],
    ['none where guests are not allowed', NO_GUESTS, 'none', INVALID],
    ['none where meeting codes exist', MEETING, 'none', INVALID],
    ['host PIN', PINNED, '1234', { status: 200, role: 'host', serviceType: 'conference' }],
    ['guest PIN, no host yet', PINNED, '5678', { status: 200, role: 'guest', serviceType: 'waiting_room' }],
    ['none in a host-only room', HOST_ONLY, 'none', { status: 200, role: 'guest', serviceType: 'waiting_room' }],
    ['open room, no header', OPEN, null, { status: 200, role: 'host', serviceType: 'conference' }],
    ['open room, any PIN', OPEN, '9999', { status: 200, role: 'host', serviceType: 'conference' }],
    ['host PIN in a no-guest room', NO_GUESTS, '1234', { status: 200, role: 'host', serviceType: 'conference' }],
  ] as const)('%s', (_name, room, pin, expected) => {
    expect(answer(decide(room, pin))).toEqual(expected);
  });

  it('admits a guest straight into the conference when a host is present', () => {
    expect(answer(decide(PINNED, '5678', { presence: { hostsPresent: 1 } }))).toEqual({ status: 200, role: 'guest', serviceType: 'conference' });
  });

  it('keeps the display name the client sent for PIN joins', () => {
    const d = decide(PINNED, '1234');
    expect(d.kind === 'admit' && d.displayName).toBe('Visitor');
  });
});

describe('decideTokenRequest: attempt accounting', () => {
  it('counts a wrong PIN but not a pin-required first try', () => {
    const first = decide(PINNED, null);
    expect(first.kind === 'reject' && first.attempts?.used).toBe(0);
    const wrong = decide(PINNED, '0000', { ledger: first.ledger });
    expect(wrong.kind === 'reject' && wrong.attempts?.used).toBe(1);
  });

  it('cuts a client off after 5 wrong PINs, even with the right PIN, but not other clients', () => {
    let ledger: LedgerState | undefined;
    for (let i = 0; i < 5; i++) {
      const d = decide(PINNED, '0000', { ledger, now: T0 + i * 1000 });
      expect(answer(d)).toEqual(INVALID);
      ledger = d.ledger;
    }
    expect(answer(decide(PINNED, '1234', { ledger, now: T0 + 6000 }))).toEqual(EXCEEDED);
    expect(answer(decide(PINNED, null, { ledger, now: T0 + 6000 }))).toEqual(EXCEEDED);
    expect(decide(PINNED, '1234', { ledger, now: T0 + 6000, client: 'other' }).kind).toBe('admit');
  });

  it('a success resets the client count', () => {
    let ledger: LedgerState | undefined;
    for (let i = 0; i < 4; i++) ledger = decide(PINNED, '0000', { ledger }).ledger;
    ledger = decide(PINNED, '1234', { ledger }).ledger;
    const d = decide(PINNED, '0000', { ledger });
    expect(d.kind === 'reject' && d.attempts?.used).toBe(1);
  });

  it('blocks the room after more than 20 wrong PINs in 10 minutes: 404 even for the host PIN, then unblocks', () => {
    let ledger: LedgerState | undefined;
    for (let i = 0; i < 21; i++) {
      const d = decide(PINNED, '0000', { ledger, now: T0 + i * 10_000, client: `attacker-${i}` });
      expect(answer(d)).toEqual(INVALID);
      ledger = d.ledger;
    }
    const blockedAt = T0 + 20 * 10_000;
    expect(answer(decide(PINNED, '1234', { ledger, now: blockedAt + 1, client: 'host' }))).toEqual(NOT_FOUND);
    expect(answer(decide(PINNED, null, { ledger, now: blockedAt + 1, client: 'host' }))).toEqual(NOT_FOUND);
    const blocked = decide(PINNED, '1234', { ledger, now: blockedAt + 10 * MINUTE - 1, client: 'host' });
    expect(blocked.kind === 'reject' && blocked.reason).toBe('room_blocked');
    expect(answer(decide(PINNED, '1234', { ledger, now: blockedAt + 10 * MINUTE, client: 'host' }))).toEqual({
      status: 200, role: 'host', serviceType: 'conference',
    });
    // Other rooms were never affected.
    expect(answer(decide(HOST_ONLY, '1234', { ledger, now: blockedAt + 1 })).status).toBe(200);
  });

  it('20 failures spread over more than 10 minutes never block', () => {
    let ledger: LedgerState | undefined;
    for (let i = 0; i < 40; i++) ledger = decide(PINNED, '0000', { ledger, now: T0 + i * MINUTE, client: `c${i}` }).ledger;
    expect(decide(PINNED, '1234', { ledger, now: T0 + 40 * MINUTE }).kind).toBe('admit');
  });
});

describe('decideTokenRequest: meeting credentials and their window', () => {
  const opensAt = T0 + 45 * MINUTE; // start 10:00 minus 15 min lead
  const closesAt = T0 + 125 * MINUTE; // end 11:00 plus 5 min grace
  it.each([
    ['before the window', opensAt - 1, INVALID],
    ['when it opens', opensAt, { status: 200, role: 'guest', serviceType: 'waiting_room' }],
    ['just before it closes', closesAt - 1, { status: 200, role: 'guest', serviceType: 'waiting_room' }],
    ['when it closes', closesAt, INVALID],
  ] as const)('access code %s', (_name, now, expected) => {
    expect(answer(decide(MEETING, '40712583', { now }))).toEqual(expected);
  });

  it('an inactive code is answered and counted exactly like a wrong PIN', () => {
    const early = decide(MEETING, '40712583', { now: opensAt - 1 });
    const wrong = decide(MEETING, '99999999', { now: opensAt - 1 });
    expect(answer(early)).toEqual(answer(wrong));
    expect(early.kind === 'reject' && early.attempts?.used).toBe(1);
    expect(early.ledger).toEqual(wrong.ledger);
  });

  it('the static host PIN works outside the window', () => {
    expect(answer(decide(MEETING, '1234', { now: opensAt - 60 * MINUTE })).status).toBe(200);
  });

  it('an access code can grant host', () => {
    const hostCode = { ...MEETING, accessCode: { code: '40712583', role: 'host' as const } };
    expect(answer(decide(hostCode, '40712583', { now: opensAt }))).toEqual({ status: 200, role: 'host', serviceType: 'conference' });
  });

  it('invitee passcodes name the participant, "(2)" on reuse, and never touch the input usage', () => {
    const usage: RosterUsage = {};
    const first = decide(MEETING, '6183', { now: opensAt, rosterUsage: usage });
    expect(first.kind === 'admit' && [first.displayName, first.credential]).toEqual(['Ana Lima', 'invitee_passcode']);
    const second = decide(MEETING, '6183', { now: opensAt, rosterUsage: first.rosterUsage });
    expect(second.kind === 'admit' && second.displayName).toBe('Ana Lima (2)');
    const bo = decide(MEETING, '2759', { now: opensAt, rosterUsage: second.rosterUsage });
    expect(bo.kind === 'admit' && bo.displayName).toBe('Bo Chen');
    expect(bo.rosterUsage).toEqual({ '6183': 2, '2759': 1 });
    expect(usage).toEqual({});
  });

  it('an invitee passcode outside the window is a wrong PIN and leaves usage alone', () => {
    const d = decide(MEETING, '6183', { now: closesAt });
    expect(answer(d)).toEqual(INVALID);
    expect(d.rosterUsage).toEqual({});
  });
});
