/**
 * The service-configuration answers as bytes (issue 19): exactly what serializing core's decision
 * gave, at every instant in and around the window, kept per meeting object; one constant refusal.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decideServiceConfiguration } from '../../../core/infinity';
import type { AliasedMeeting } from '../../../core/infinity';
import { meetingAliases, parseRoomSpec } from '../../../core/roomSpec';
import { REJECT_BODY, serviceConfigurationBody } from '../../../service/routes/policyBodies';

const digits = (min: number, max: number) => fc.string({ unit: fc.constantFrom(...'0123456789'), minLength: min, maxLength: max });

describe('serviceConfigurationBody', () => {
  it('is the serialized decision, at every instant, for every alias of every room, asked again or not', () => {
    fc.assert(
      fc.property(
        digits(4, 12),
        fc.option(digits(4, 12), { nil: null }),
        fc.array(digits(4, 12), { maxLength: 3 }),
        fc.string({ maxLength: 300 }),
        fc.boolean(),
        fc.boolean(),
        fc.array(fc.integer({ min: 0, max: 40 }), { minLength: 1, maxLength: 8 }),
        (hostPin, guestPin, passcodes, subject, allowGuests, sent, instants) => {
          const room = parseRoomSpec({
            alias: 'web-alias', hostPin, guestPin, allowGuests, accessCode: { code: '40712583' },
            invitees: passcodes.map((passcode, i) => ({ email: `p${i}@x.io`, name: `Name ${i}`, passcode, alias: `pa${i}`, dialAlias: `5550${i}000` })),
            window: { opensAt: 10, closesAt: 30 }, sent,
          });
          if (!room.ok) return;
          for (const a of meetingAliases(room.value)) {
            const found: AliasedMeeting = { meetingId: 'm1', subject, room: room.value, kind: a.kind, inviteeIndex: a.inviteeIndex };
            for (const now of instants) {
              const body = serviceConfigurationBody(found, now);
              const decided = decideServiceConfiguration(found, now);
              expect(body.body.toString('utf8')).toBe(JSON.stringify(decided));
              expect(body.action).toBe(decided.action);
            }
          }
        },
      ),
      { numRuns: 300 },
    );
  });

  it('refuses an unknown alias and a closed one with the same bytes, and serializes an open one once', () => {
    const room = parseRoomSpec({ alias: 'w', hostPin: '1234', allowGuests: true, window: { opensAt: 10, closesAt: 20 }, sent: true });
    if (!room.ok) throw new Error('fixture');
    const found: AliasedMeeting = { meetingId: 'm1', subject: 's', room: room.value, kind: 'web', inviteeIndex: null };
    expect(serviceConfigurationBody(null, 15)).toBe(REJECT_BODY);
    expect(serviceConfigurationBody(found, 25)).toBe(REJECT_BODY);
    expect(REJECT_BODY.body.toString()).toBe('{"status":"success","action":"reject"}');
    const open = serviceConfigurationBody(found, 15);
    expect(open.action).toBe('continue');
    expect(serviceConfigurationBody(found, 16)).toBe(open);
    // A changed meeting is a new object: its answer is made afresh.
    const renamed = serviceConfigurationBody({ ...found, subject: 'new subject' }, 15);
    expect(renamed.body.toString()).toContain('new subject');
  });
});
