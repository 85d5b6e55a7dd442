/**
 * Conformance of the External Policy API, on real PostgreSQL and on PGlite: requests shaped as
 * Infinity sends them (web join, SIP dial-in, non_dial, extra parameters, bad credentials), every
 * window edge (one second either side, DST, series occurrences, moved, deleted, draft), each
 * passcode mode, and "Name (n)" counted per participant, never per request.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MeetingService } from '../../service';
import { BACKENDS, call, meetingId, startIssuer, startService } from './support';
import type { BackendDb, TestIssuer } from './support';
import { basic, participantQuery, policyGet, sipDialInQuery, webJoinQuery } from './infinityRequests';

const MIN = 60_000;
const SEC = 1000;
const START = Date.UTC(2030, 0, 7, 9);
const HOST_PIN = '48021377';

/** A unique-mode meeting (two invitees with personal aliases), 09:00-10:00, lead 15, grace 5. */
function uniqueBody(tag: string, over: Record<string, unknown> = {}) {
  return {
    subject: 'Quarterly review',
    room: {
      alias: `web${tag}`,
      hostPin: HOST_PIN,
      allowGuests: true,
      accessCode: { code: `9182${tag}` },
      invitees: [
        { email: 'ana@example.com', name: 'Ana Lima', passcode: '55102938', alias: `ana${tag}`, dialAlias: `7001${tag}` },
        { email: 'bo@example.com', name: 'Bo Chen', passcode: '66203847', alias: `bo${tag}`, dialAlias: `7002${tag}` },
      ],
      meeting: { start: START, end: START + 60 * MIN },
      leadMinutes: 15,
      graceMinutes: 5,
      sent: true,
      ...over,
    },
  };
}

describe.each(BACKENDS)('policy API on $name', (backend) => {
  let issuer: TestIssuer;
  let db: BackendDb;
  let svc: MeetingService;
  let token: string;
  let now = START;
  let n = 1000;
  const tag = (): string => String((n += 1));

  beforeAll(async () => {
    [issuer, db] = await Promise.all([startIssuer(), backend.open()]);
    svc = await startService(issuer, { ...db.options, policy: { username: 'infinity-policy', password: 'correct horse battery staple 7' }, clock: () => now });
    token = await issuer.sign({ oid: 'ann-oid', preferred_username: 'ann@example.com' });
  }, 60_000);

  afterAll(async () => {
    await svc?.close();
    await Promise.all([db?.close(), issuer?.close()]);
  });

  const create = async (body: unknown, id = meetingId()) => {
    const res = await call(svc.url, 'PUT', `/api/v1/meetings/${id}`, { token, body, headers: { 'if-none-match': '*' } });
    return { id, res };
  };
  const config = (query: Record<string, string>, auth?: string | null) => policyGet(svc.url, 'service/configuration', query, auth);
  const props = (query: Record<string, string>) => policyGet(svc.url, 'participant/properties', query);

  it('refuses missing or wrong credentials with 401, compared whole', async () => {
    const q = webJoinQuery('anything');
    expect((await config(q, null)).status).toBe(401);
    expect((await config(q, basic('infinity-policy', 'wrong'))).status).toBe(401);
    expect((await config(q, basic('someone', 'correct horse battery staple 7'))).status).toBe(401);
    expect((await config(q, 'Bearer xyz')).status).toBe(401);
    expect((await config(q)).status).toBe(200);
  });

  it('answers a unique-mode meeting per alias kind: shared aliases host-only, personal aliases with the invitee\'s passcode', async () => {
    const t = tag();
    const { id, res } = await create(uniqueBody(t));
    expect(res.status).toBe(201);
    now = START;
    const base = { service_type: 'conference', name: `securejoin-${id}`, service_tag: 'securejoin', description: 'Quarterly review', pin: HOST_PIN };
    expect((await config(webJoinQuery(`web${t}`))).body).toEqual({ status: 'success', action: 'continue', result: { ...base, allow_guests: false } });
    expect((await config(webJoinQuery(`WEB${t}`))).body.result.name).toBe(`securejoin-${id}`);
    expect((await config(sipDialInQuery(`9182${t}`))).body).toEqual({ status: 'success', action: 'continue', result: { ...base, allow_guests: false } });
    const ana = { status: 'success', action: 'continue', result: { ...base, allow_guests: true, guest_pin: '55102938' } };
    expect((await config(webJoinQuery(`ana${t}`))).body).toEqual(ana);
    expect((await config(sipDialInQuery(`7001${t}`))).body).toEqual(ana);
    expect((await config(webJoinQuery(`bo${t}`))).body.result.guest_pin).toBe('66203847');
    // non_dial (e.g. a conference looked up for an API call) and parameters Infinity may add later change nothing.
    expect((await config(webJoinQuery(`ana${t}`, { call_direction: 'non_dial', trigger: 'setup' }))).body).toEqual(ana);
    expect((await config(webJoinQuery(`ana${t}`, { idp_uuid: 'x', call_tag: 'y', brand_new_parameter: 'z', has_authenticated_display_name: 'False' }))).body).toEqual(ana);
    // Only local_alias is needed.
    expect((await config({ local_alias: `ana${t}` })).body).toEqual(ana);
    expect((await config({ remote_alias: 'x' })).body).toEqual({ status: 'success', action: 'reject' });
    expect((await config(webJoinQuery('no-such-alias'))).body).toEqual({ status: 'success', action: 'reject' });
  });

  it('opens exactly inside the window: one second either side of opening and closing', async () => {
    const t = tag();
    await create(uniqueBody(t));
    const opens = START - 15 * MIN;
    const closes = START + 65 * MIN;
    const at = async (ms: number) => {
      now = ms;
      return (await config(webJoinQuery(`ana${t}`))).body.action;
    };
    expect(await at(opens - SEC)).toBe('reject');
    expect(await at(opens)).toBe('continue');
    expect(await at(opens + SEC)).toBe('continue');
    expect(await at(closes - SEC)).toBe('continue');
    expect(await at(closes)).toBe('reject');
    expect(await at(closes + SEC)).toBe('reject');
  });

  it('answers reject for a draft, a deleted meeting, and the old time of a moved meeting (the host PIN opens nothing either)', async () => {
    now = START;
    const draft = tag();
    await create(uniqueBody(draft, { sent: false }));
    expect((await config(webJoinQuery(`web${draft}`))).body.action).toBe('reject');
    expect((await config(webJoinQuery(`ana${draft}`))).body.action).toBe('reject');

    const moved = tag();
    const { id } = await create(uniqueBody(moved));
    const later = START + 24 * 60 * MIN;
    const put = await call(svc.url, 'PUT', `/api/v1/meetings/${id}`, { token, body: uniqueBody(moved, { meeting: { start: later, end: later + 60 * MIN } }), headers: { 'if-match': '"1"' } });
    expect(put.status).toBe(200);
    expect((await config(webJoinQuery(`ana${moved}`))).body.action).toBe('reject');
    now = later;
    expect((await config(webJoinQuery(`ana${moved}`))).body.result.guest_pin).toBe('55102938');

    const del = await call(svc.url, 'DELETE', `/api/v1/meetings/${id}`, { token, headers: { 'if-match': '"2"' } });
    expect(del.status).toBe(204);
    for (const alias of [`web${moved}`, `ana${moved}`]) expect((await config(webJoinQuery(alias))).body.action).toBe('reject');
    expect((await config(sipDialInQuery(`7001${moved}`))).body.action).toBe('reject');
  });

  it('opens every occurrence of a series at its local time across the DST change, and nothing between', async () => {
    // Weekly on Mondays 09:00 Europe/Berlin: 08:00 UTC on 24 March 2025, 07:00 UTC after the change on 30 March.
    const first = Date.UTC(2025, 2, 24, 8);
    const second = Date.UTC(2025, 2, 31, 7);
    const t = tag();
    await create(uniqueBody(t, { meeting: { start: first, end: first + 60 * MIN }, recurrence: { timeZone: 'Europe/Berlin', rule: { frequency: 'weekly', count: 3 } } }));
    const at = async (ms: number) => {
      now = ms;
      return (await config(webJoinQuery(`ana${t}`))).body.action;
    };
    expect(await at(first)).toBe('continue');
    expect(await at(first + 3 * 24 * 60 * MIN)).toBe('reject');
    expect(await at(second - 15 * MIN - SEC)).toBe('reject');
    expect(await at(second - 15 * MIN)).toBe('continue');
    expect(await at(second + 65 * MIN - SEC)).toBe('continue');
    expect(await at(second + 65 * MIN)).toBe('reject');
    // The third and last occurrence opens; a fourth does not exist.
    expect(await at(Date.UTC(2025, 3, 7, 7))).toBe('continue');
    expect(await at(Date.UTC(2025, 3, 14, 7))).toBe('reject');
  });

  it('answers shared mode with the passcode as guest PIN, and no-passcode mode with guests into the lobby', async () => {
    now = START;
    const shared = tag();
    const sharedRoom = uniqueBody(shared, { invitees: [], guestPin: '33445566' });
    expect((await create(sharedRoom)).res.status).toBe(201);
    for (const q of [webJoinQuery(`web${shared}`), sipDialInQuery(`9182${shared}`)]) {
      expect((await config(q)).body.result).toMatchObject({ pin: HOST_PIN, allow_guests: true, guest_pin: '33445566' });
    }
    const none = tag();
    expect((await create(uniqueBody(none, { invitees: [] }))).res.status).toBe(201);
    const result = (await config(webJoinQuery(`web${none}`))).body.result;
    expect(result).toMatchObject({ pin: HOST_PIN, allow_guests: true });
    expect(result).not.toHaveProperty('guest_pin');
  });

  it('keeps every value within 250 characters', async () => {
    now = START;
    const t = tag();
    const body = uniqueBody(t);
    await create({ ...body, subject: 'Ž'.repeat(255) });
    const answer = (await config(webJoinQuery(`ana${t}`))).body;
    expect(answer.action).toBe('continue');
    for (const value of Object.values(answer.result as Record<string, unknown>)) expect(String(value).length).toBeLessThanOrEqual(250);
  });

  it('refuses an alias another meeting holds with 409 naming the field, and writes nothing', async () => {
    now = START;
    const t = tag();
    await create(uniqueBody(t));
    const other = tag();
    const clash = uniqueBody(other);
    clash.room.invitees[1] = { ...clash.room.invitees[1]!, dialAlias: `7001${t}` };
    const { id, res } = await create(clash);
    expect(res.status).toBe(409);
    expect(res.body.issues).toEqual([{ path: 'room.invitees[1].dialAlias', message: 'is used by another meeting' }]);
    expect((await call(svc.url, 'GET', `/api/v1/meetings/${id}`, { token })).status).toBe(404);
    expect((await config(webJoinQuery(`ana${other}`))).body.action).toBe('reject');
    // Case-insensitive: a web alias differing only in case is the same alias.
    const upper = uniqueBody(tag(), { alias: `ANA${t}` });
    const again = await create(upper);
    expect(again.res.status).toBe(409);
    expect(again.res.body.issues[0].path).toBe('room.alias');
  });

  it('names participants "Name", "Name (2)"... once per participant, never per request', async () => {
    now = START;
    const t = tag();
    const { id } = await create(uniqueBody(t));
    const conf = `securejoin-${id}`;
    const name = async (alias: string, participant: string, type: 'api' | 'standard' = 'standard', extra: Record<string, string> = {}) => (await props(participantQuery(alias, conf, participant, type, extra))).body;
    // A web join: api first (no name), then standard.
    expect(await name(`ana${t}`, 'p1', 'api')).toEqual({ status: 'success', action: 'continue' });
    expect(await name(`ana${t}`, 'p1')).toEqual({ status: 'success', action: 'continue', result: { remote_display_name: 'Ana Lima' } });
    expect(await name(`ana${t}`, 'p1')).toEqual({ status: 'success', action: 'continue', result: { remote_display_name: 'Ana Lima' } });
    expect((await name(`ana${t}`, 'p2')).result.remote_display_name).toBe('Ana Lima (2)');
    // By phone (the personal numeric alias) it is the same invitee.
    expect((await name(`sip:7001${t}@example.com`, 'p3')).result.remote_display_name).toBe('Ana Lima (3)');
    expect((await name(`bo${t}`, 'p1')).result.remote_display_name).toBe('Bo Chen');
    // Without participant_uuid the call_uuid counts.
    expect((await name(`bo${t}`, '', 'standard', { call_uuid: 'c9' })).result.remote_display_name).toBe('Bo Chen (2)');
    // Shared aliases, other services and out-of-window requests are left alone.
    expect(await name(`web${t}`, 'p4')).toEqual({ status: 'success', action: 'continue' });
    expect(await name(`ana${t}`, 'p5', 'standard', { service_tag: 'other' })).toEqual({ status: 'success', action: 'continue' });
    expect(await name(`ana${t}`, 'p5', 'standard', { service_name: 'another-conference' })).toEqual({ status: 'success', action: 'continue' });
    now = START + 2 * 60 * MIN;
    expect(await name(`ana${t}`, 'p6')).toEqual({ status: 'success', action: 'continue' });
  });
});

describe('policy API without credentials configured', () => {
  it('does not exist (404)', async () => {
    const issuer = await startIssuer();
    const svc = await startService(issuer);
    try {
      expect((await policyGet(svc.url, 'service/configuration', webJoinQuery('x'))).status).toBe(404);
      expect((await policyGet(svc.url, 'participant/properties', webJoinQuery('x'))).status).toBe(404);
    } finally {
      await svc.close();
      await issuer.close();
    }
  });
});
