import { describe, expect, it } from 'vitest';
import { pinLengthsAcceptable } from '../../../../core/roomSpec';
import { decideTokenRequest, participantPropertiesQuery, policyConferenceKey, readParticipantProperties, readServiceConfiguration, roomSpecOfPolicyConference, serviceConfigurationQuery } from '../../../../dev/conference-node/decisions';
import type { PolicyConference, WebJoinCaller } from '../../../../dev/conference-node/decisions';

const conference = (result: Record<string, unknown>) => ({ status: 'success', action: 'continue', result: { service_type: 'conference', name: 'securejoin-m1', service_tag: 'securejoin', ...result } });

describe('readServiceConfiguration', () => {
  it('reads a conference answer with host PIN, guest PIN and allow_guests; unknown fields are ignored', () => {
    expect(readServiceConfiguration(200, conference({ pin: '123456', guest_pin: '654321', allow_guests: true, description: 'Budget', view: 'one_main_seven_pips' }))).toEqual({
      kind: 'conference',
      conference: { name: 'securejoin-m1', serviceTag: 'securejoin', description: 'Budget', hostPin: '123456', guestPin: '654321', allowGuests: true },
    });
  });

  it('allow_guests false (or absent) drops the guest PIN: the host PIN only', () => {
    const out = readServiceConfiguration(200, conference({ pin: '123456', guest_pin: '654321' }));
    expect(out).toMatchObject({ kind: 'conference', conference: { hostPin: '123456', guestPin: null, allowGuests: false } });
  });

  it.each([
    ['a non-200 status', 503, conference({ pin: '1234' }), 'HTTP 503'],
    ['unreachable (status 0)', 0, undefined, 'HTTP 0'],
    ['reject', 200, { status: 'success', action: 'reject' }, 'rejected'],
    ['continue without a result', 200, { status: 'success', action: 'continue' }, 'continue without a result'],
    ['not JSON', 200, undefined, 'not a policy answer'],
    ['a failed status', 200, { status: 'failed', action: 'continue', result: {} }, 'not a policy answer'],
    ['a gateway answer', 200, { status: 'success', action: 'continue', result: { service_type: 'gateway', name: 'x', service_tag: 't' } }, 'invalid result at service_type'],
    ['no name', 200, { status: 'success', action: 'continue', result: { service_type: 'conference', service_tag: 't' } }, 'invalid result at name'],
    ['a value over 250 characters', 200, conference({ description: 'x'.repeat(251) }), 'invalid result at description'],
    ['a malformed PIN', 200, conference({ pin: '12a4' }), 'invalid result at pin'],
    ['allow_guests without a host PIN', 200, conference({ allow_guests: true }), 'allow_guests without a host pin'],
    ['PINs of different lengths', 200, conference({ pin: '123456', guest_pin: '1234', allow_guests: true }), 'host and guest PINs differ in length'],
  ])('falls back to local rooms on %s', (_what, status, body, why) => {
    expect(readServiceConfiguration(status, body)).toEqual({ kind: 'fallback', why: expect.stringContaining(why) });
  });

  it('accepts PINs of different lengths when both end in #', () => {
    expect(pinLengthsAcceptable('123456#', '1234#')).toBe(true);
    expect(pinLengthsAcceptable('123456#', '1234')).toBe(false);
    expect(readServiceConfiguration(200, conference({ pin: '123456#', guest_pin: '1234#', allow_guests: true })).kind).toBe('conference');
  });
});

describe('readParticipantProperties', () => {
  it('uses remote_display_name; anything else is default behaviour; reject refuses', () => {
    expect(readParticipantProperties(200, { status: 'success', action: 'continue', result: { remote_display_name: 'Ana Lima (2)' } })).toEqual({ kind: 'name', displayName: 'Ana Lima (2)' });
    expect(readParticipantProperties(200, { status: 'success', action: 'continue' })).toEqual({ kind: 'default' });
    expect(readParticipantProperties(200, { status: 'success', action: 'continue', result: { remote_display_name: '  ' } })).toEqual({ kind: 'default' });
    expect(readParticipantProperties(500, { status: 'success', action: 'continue', result: { remote_display_name: 'X' } })).toEqual({ kind: 'default' });
    expect(readParticipantProperties(200, { status: 'success', action: 'reject' })).toEqual({ kind: 'reject' });
  });
});

const caller: WebJoinCaller = { alias: 'abc123', displayName: 'Ana', remoteAddress: '127.0.0.1', remotePort: 5555, nodeIp: '127.0.0.1', location: 'loc', versionId: '36' };

describe('queries', () => {
  it('a web join is asked as Infinity asks: GET parameters for dial_in over the api protocol, trigger web', () => {
    expect(serviceConfigurationQuery(caller)).toMatchObject({
      local_alias: 'abc123', remote_display_name: 'Ana', remote_address: '127.0.0.1', remote_port: '5555',
      call_direction: 'dial_in', protocol: 'api', trigger: 'web', node_ip: '127.0.0.1', version_id: '36', registered: 'False',
    });
  });

  it('participant properties add the participant, its type and the conference it joins', () => {
    const conf: PolicyConference = { name: 'securejoin-m1', serviceTag: 'securejoin', description: null, hostPin: '1234', guestPin: null, allowGuests: true };
    expect(participantPropertiesQuery(caller, conf, { participantUuid: 'p-1', callUuid: 'c-1' })).toMatchObject({
      local_alias: 'abc123', participant_uuid: 'p-1', call_uuid: 'c-1', participant_type: 'standard',
      service_name: 'securejoin-m1', unique_service_name: 'securejoin-m1', service_tag: 'securejoin',
    });
  });
});

describe('a policy conference under decideTokenRequest (Pexip PIN rules)', () => {
  const base: PolicyConference = { name: 'securejoin-m1', serviceTag: 'securejoin', description: null, hostPin: '123456', guestPin: '654321', allowGuests: true };
  const decide = (conf: PolicyConference, pin: string | null, hosts = 0, ledger?: ReturnType<typeof decideTokenRequest>['ledger'], client = 'c') =>
    decideTokenRequest({
      room: roomSpecOfPolicyConference(conf), presence: { hostsPresent: hosts }, rosterUsage: {},
      request: { pin, displayName: 'X', clientKey: client }, now: 0, ledger, ledgerKey: policyConferenceKey(conf.name),
    });

  it('host PIN -> host; guest PIN -> guest in the lobby until a host is there; wrong PIN -> Invalid PIN', () => {
    expect(decide(base, null)).toMatchObject({ kind: 'reject', status: 403, body: { result: { pin: 'required', guest_pin: 'required' } } });
    expect(decide(base, '123456')).toMatchObject({ kind: 'admit', role: 'host', serviceType: 'conference' });
    expect(decide(base, '654321')).toMatchObject({ kind: 'admit', role: 'guest', serviceType: 'waiting_room' });
    expect(decide(base, '654321', 1)).toMatchObject({ kind: 'admit', role: 'guest', serviceType: 'conference' });
    expect(decide(base, '111111')).toMatchObject({ kind: 'reject', status: 403, body: { result: 'Invalid PIN' } });
  });

  it('guests allowed without a guest PIN: the prompt says guest_pin none, and `none` waits in the lobby', () => {
    const open = { ...base, guestPin: null };
    expect(decide(open, null)).toMatchObject({ body: { result: { pin: 'required', guest_pin: 'none' } } });
    expect(decide(open, 'none')).toMatchObject({ kind: 'admit', role: 'guest', serviceType: 'waiting_room' });
  });

  it('allow_guests false: only the host PIN opens it, `none` is a wrong PIN', () => {
    const hostsOnly = { ...base, guestPin: null, allowGuests: false };
    expect(decide(hostsOnly, 'none')).toMatchObject({ kind: 'reject', body: { result: 'Invalid PIN' } });
    expect(decide(hostsOnly, '654321')).toMatchObject({ kind: 'reject', body: { result: 'Invalid PIN' } });
    expect(decide(hostsOnly, '123456')).toMatchObject({ kind: 'admit', role: 'host' });
  });

  it('counts failures per conference name: more than 20 from many clients block it (404) for every alias', () => {
    let ledger: ReturnType<typeof decideTokenRequest>['ledger'] | undefined;
    for (let i = 0; i < 21; i++) ledger = decide(base, '000000', 0, ledger, `client-${i}`).ledger;
    expect(decide(base, '123456', 0, ledger, 'owner')).toMatchObject({ kind: 'reject', status: 404, reason: 'room_blocked' });
    // Another conference is not affected.
    expect(decide({ ...base, name: 'securejoin-m2' }, '123456', 0, ledger, 'owner')).toMatchObject({ kind: 'admit' });
  });
});
