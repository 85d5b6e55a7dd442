import { describe, expect, it } from 'vitest';
import { attendanceFacts, eventLabel, nextSequence, readSinkBody } from '../../../core/attendance';
import type { SinkEvent } from '../../../core/attendance';

/** Pexip's v2 `participant_disconnected` example (docs.pexip.com, Event sink API). */
const DISCONNECTED = {
  node: '10.44.34.11',
  seq: 688,
  version: 2,
  time: 1606392917.976155,
  event: 'participant_disconnected',
  data: {
    protocol: 'WebRTC',
    disconnect_reason: 'Timer expired awaiting token refresh',
    connect_time: 1606392757.777584,
    duration: 160.19991468900116,
    conference: "Alice's VMR",
    display_name: 'Alice',
    uuid: 'a0ed2c58-f45b-4d96-a1cb-89812ec938ea',
    role: 'chair',
    destination_alias: 'meet.alice',
    related_uuids: ['0b8eb723-cf9d-4540-b12d-0f28149a7560'],
    end_time: 1606392917.976151,
  },
};

const one = (body: unknown): SinkEvent => {
  const read = readSinkBody(body);
  if (!read.ok) throw new Error(JSON.stringify(read.errors));
  return read.value[0] as SinkEvent;
};

describe('readSinkBody', () => {
  it('reads Pexip\'s own v2 example, times in ms, unknown fields ignored', () => {
    const e = one(DISCONNECTED);
    expect(e).toMatchObject({ node: '10.44.34.11', seq: 688, version: 2, time: 1606392917976, event: 'participant_disconnected' });
    expect(e.participant).toEqual({ uuid: 'a0ed2c58-f45b-4d96-a1cb-89812ec938ea', destinationAlias: 'meet.alice', displayName: 'Alice', role: 'chair', protocol: 'WebRTC', connectTime: 1606392757778, endTime: 1606392917976, durationSeconds: 160.19991468900116 });
    expect(attendanceFacts(e as never)).toMatchObject({ joinedAt: 1606392757778, leftAt: 1606392917976, durationSeconds: 160.19991468900116, role: 'host' });
  });

  it('reads v1, the event sink\'s own events with empty data, and any unknown event', () => {
    expect(one({ ...DISCONNECTED, version: 1, data: { ...DISCONNECTED.data, media_streams: [] } }).participant?.uuid).toBe('a0ed2c58-f45b-4d96-a1cb-89812ec938ea');
    expect(one({ node: '10.44.99.2', seq: 1, version: 2, time: 1559897774.520606, data: {}, event: 'eventsink_started' }).participant).toBeNull();
    expect(one({ ...DISCONNECTED, event: 'participant_teleported', data: 42 }).participant).toBeNull();
    expect([eventLabel('participant_connected'), eventLabel('conference_ended'), eventLabel('participant_teleported')]).toEqual(['participant_connected', 'conference_ended', 'unknown']);
  });

  it('unwraps a bulk envelope in order, and refuses it whole for one bad event', () => {
    const inner = [{ ...DISCONNECTED, seq: 2183 }, { ...DISCONNECTED, seq: 2184, event: 'participant_updated' }];
    const bulk = { event: 'eventsink_bulk', node: '127.0.0.1', seq: 0, version: 2, time: 1741679796.951206, data: inner };
    const read = readSinkBody(bulk);
    expect(read.ok && read.value.map((e) => e.seq)).toEqual([2183, 2184]);
    const bad = readSinkBody({ ...bulk, data: [...inner, { ...DISCONNECTED, data: { display_name: 'no uuid' } }] });
    expect(bad.ok ? [] : bad.errors.map((i) => i.path)).toEqual(['data.2.data.uuid']);
  });

  it('refuses a body without the envelope, naming each problem', () => {
    for (const body of [null, [], 'text', { event: 'participant_connected' }, { ...DISCONNECTED, seq: 1.5 }, { ...DISCONNECTED, time: 'now' }, { ...DISCONNECTED, data: { ...DISCONNECTED.data, uuid: '' } }]) {
      expect(readSinkBody(body).ok, JSON.stringify(body)).toBe(false);
    }
  });
});

describe('nextSequence', () => {
  it('tells next, gaps, restarts and late events apart', () => {
    expect(nextSequence(null, 40, 'participant_updated')).toEqual({ outcome: { kind: 'first' }, last: 40 });
    expect(nextSequence(40, 41, 'participant_updated')).toEqual({ outcome: { kind: 'next' }, last: 41 });
    expect(nextSequence(41, 45, 'participant_updated')).toEqual({ outcome: { kind: 'gap', missing: 3, after: 41 }, last: 45 });
    expect(nextSequence(45, 1, 'participant_updated')).toEqual({ outcome: { kind: 'restart' }, last: 1 });
    expect(nextSequence(45, 3, 'eventsink_started')).toEqual({ outcome: { kind: 'restart' }, last: 3 });
    expect(nextSequence(45, 43, 'participant_updated')).toEqual({ outcome: { kind: 'late' }, last: 45 });
  });
});
