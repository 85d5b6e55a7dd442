import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decideServiceConfiguration, displayName, normaliseLocalAlias, parseServiceConfigurationQuery } from '../../../core/infinity';
import type { AliasedMeeting } from '../../../core/infinity';
import { meetingAliases, parseRoomSpec } from '../../../core/roomSpec';

const digits = (min: number, max: number) => fc.string({ unit: fc.constantFrom(...'0123456789'), minLength: min, maxLength: max });
const pin = fc.tuple(digits(3, 19), fc.boolean()).map(([d, hash]) => (hash ? `${d}#` : d.padEnd(4, '7')));

describe('decideServiceConfiguration', () => {
  it('answers only what Infinity accepts, for every room the spec allows and every alias of it', () => {
    fc.assert(
      fc.property(
        pin,
        fc.option(pin, { nil: null }),
        fc.array(digits(4, 20), { maxLength: 3 }),
        fc.string({ maxLength: 300 }),
        fc.boolean(),
        (hostPin, guestPin, passcodes, subject, allowGuests) => {
          const room = parseRoomSpec({
            alias: 'web-alias',
            hostPin,
            guestPin,
            allowGuests,
            accessCode: { code: '40712583' },
            invitees: passcodes.map((passcode, i) => ({ email: `p${i}@x.io`, name: 'N'.repeat(200), passcode, alias: `pa${i}`, dialAlias: `5550${i}000` })),
            window: { opensAt: 0, closesAt: 10 },
            sent: true,
          });
          if (!room.ok) return true;
          for (const a of meetingAliases(room.value)) {
            const found: AliasedMeeting = { meetingId: 'm'.repeat(64), subject, room: room.value, kind: a.kind, inviteeIndex: a.inviteeIndex };
            const answer = decideServiceConfiguration(found, 5);
            if (answer.action !== 'continue') return false;
            const r = answer.result;
            for (const v of Object.values(r)) if (String(v).length > 250) return false;
            if (r.allow_guests && r.pin === undefined) return false;
            if (r.guest_pin !== undefined && r.pin !== undefined && r.guest_pin.length !== r.pin.length && !(r.guest_pin.endsWith('#') && r.pin.endsWith('#'))) return false;
          }
          return true;
        },
      ),
      { numRuns: 500 },
    );
  });

  it('rejects outside the window, for drafts and unknown aliases', () => {
    const room = parseRoomSpec({ alias: 'w', hostPin: '1234', allowGuests: true, window: { opensAt: 10, closesAt: 20 }, sent: true });
    if (!room.ok) throw new Error('fixture');
    const found: AliasedMeeting = { meetingId: 'm1', subject: 's', room: room.value, kind: 'web', inviteeIndex: null };
    expect(decideServiceConfiguration(found, 9).action).toBe('reject');
    expect(decideServiceConfiguration(found, 10).action).toBe('continue');
    expect(decideServiceConfiguration(found, 20).action).toBe('reject');
    expect(decideServiceConfiguration({ ...found, room: { ...room.value, sent: false } }, 15).action).toBe('reject');
    expect(decideServiceConfiguration(null, 15)).toEqual({ status: 'success', action: 'reject' });
  });
});

describe('query and names', () => {
  it.each([
    ['sip:123456789@example.com', '123456789'],
    ['SIPS:+44123@x', '44123'],
    ['tel:5551234', '5551234'],
    ['h323:778899', '778899'],
    ['Meet.Alice', 'meet.alice'],
    ['sip:meet.alice@example.com', 'meet.alice@example.com'],
  ])('normalises %s to %s', (given, key) => {
    expect(normaliseLocalAlias(given)).toBe(key);
  });

  it('ignores unknown parameters and needs only local_alias', () => {
    expect(parseServiceConfigurationQuery({ local_alias: 'x', novel: 'y', bandwidth: '0' })).toEqual({ local_alias: 'x' });
    expect(parseServiceConfigurationQuery({ local_alias: ['a', 'b'] })).toEqual({ local_alias: 'a' });
    expect(parseServiceConfigurationQuery({})).toBeNull();
  });

  it('numbers names and keeps them within 250 characters', () => {
    expect(displayName('Ana Lima', 1)).toBe('Ana Lima');
    expect(displayName('Ana Lima', 12)).toBe('Ana Lima (12)');
    const long = displayName('x'.repeat(300), 3);
    expect([long.length, long.endsWith(' (3)')]).toEqual([250, true]);
  });
});
