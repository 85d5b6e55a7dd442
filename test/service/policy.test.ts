/**
 * Conformance of the External Policy API, on real PostgreSQL and on PGlite: requests shaped as
 * Infinity sends them (web join, SIP dial-in, non_dial, extra parameters, bad credentials), every
 * window edge (one second either side, DST, series occurrences, moved, deleted, draft), each
 * passcode mode, and "Name (n)" counted per participant, never per request.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MeetingService } from '../../service';
import { BACKENDS, TWO_INVITEES, aliasesOf, call, carryBack, meetingId, startIssuer, startService, twoInviteeBody } from './support';
import type { MintedAliases } from './support';
import type { BackendDb, TestIssuer } from './support';
import { basic, participantQuery, policyGet, sipDialInQuery, webJoinQuery } from './infinityRequests';

const MIN = 60_000;
const SEC = 1000;
const { start: START, hostPin: HOST_PIN, anaPasscode: ANA_PASSCODE, boPasscode: BO_PASSCODE } = TWO_INVITEES;

/** The shared two-invitee meeting (support.ts), 09:00-10:00, lead 15, grace 5. */
const uniqueBody = (over: Record<string, unknown> = {}) => twoInviteeBody({ graceMinutes: 5, ...over });

describe.each(BACKENDS)('policy API on $name', (backend) => {
  let issuer: TestIssuer;
  let db: BackendDb;
  let svc: MeetingService;
  let token: string;
  let now = START;

  beforeAll(async () => {
    [issuer, db] = await Promise.all([startIssuer(), backend.open()]);
    svc = await startService(issuer, { ...db.options, policy: { username: 'infinity-policy', password: 'correct horse battery staple 7' }, clock: () => now });
    token = await issuer.sign({ oid: 'ann-oid', preferred_username: 'ann@example.com' });
  }, 60_000);

  afterAll(async () => {
    await svc?.close();
    await Promise.all([db?.close(), issuer?.close()]);
  });

  /** Creates a meeting; `a` holds the aliases the service minted (Ana's are `a.invitees[0]`, Bo's `[1]`). */
  const create = async (body: unknown, id = meetingId()): Promise<{ id: string; res: Awaited<ReturnType<typeof call>>; a: MintedAliases }> => {
    const res = await call(svc.url, 'PUT', `/api/v1/meetings/${id}`, { token, body, headers: { 'if-none-match': '*' } });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    return { id, res, a: aliasesOf(res.body) };
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
    const { id, a } = await create(uniqueBody());
    const [anaAliases, boAliases] = a.invitees as [MintedAliases['invitees'][0], MintedAliases['invitees'][0]];
    now = START;
    const base = { service_type: 'conference', name: `securejoin-${id}`, service_tag: 'securejoin', description: 'Quarterly review', pin: HOST_PIN };
    expect((await config(webJoinQuery(a.web))).body).toEqual({ status: 'success', action: 'continue', result: { ...base, allow_guests: false } });
    expect((await config(webJoinQuery(a.web.toUpperCase()))).body.result.name).toBe(`securejoin-${id}`);
    expect((await config(sipDialInQuery(a.dial as string))).body).toEqual({ status: 'success', action: 'continue', result: { ...base, allow_guests: false } });
    const ana = { status: 'success', action: 'continue', result: { ...base, allow_guests: true, guest_pin: ANA_PASSCODE } };
    expect((await config(webJoinQuery(anaAliases.web))).body).toEqual(ana);
    expect((await config(sipDialInQuery(anaAliases.dial))).body).toEqual(ana);
    expect((await config(webJoinQuery(boAliases.web))).body.result.guest_pin).toBe(BO_PASSCODE);
    // non_dial (e.g. a conference looked up for an API call) and parameters Infinity may add later change nothing.
    expect((await config(webJoinQuery(anaAliases.web, { call_direction: 'non_dial', trigger: 'setup' }))).body).toEqual(ana);
    expect((await config(webJoinQuery(anaAliases.web, { idp_uuid: 'x', call_tag: 'y', brand_new_parameter: 'z', has_authenticated_display_name: 'False' }))).body).toEqual(ana);
    // Only local_alias is needed.
    expect((await config({ local_alias: anaAliases.web })).body).toEqual(ana);
    expect((await config({ remote_alias: 'x' })).body).toEqual({ status: 'success', action: 'reject' });
    expect((await config(webJoinQuery('no-such-alias'))).body).toEqual({ status: 'success', action: 'reject' });
  });

  it('opens exactly inside the window: one second either side of opening and closing', async () => {
    const { a } = await create(uniqueBody());
    const opens = START - 15 * MIN;
    const closes = START + 65 * MIN;
    const at = async (ms: number) => {
      now = ms;
      return (await config(webJoinQuery(a.invitees[0]!.web))).body.action;
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
    const draft = (await create(uniqueBody({ sent: false }))).a;
    expect((await config(webJoinQuery(draft.web))).body.action).toBe('reject');
    expect((await config(webJoinQuery(draft.invitees[0]!.web))).body.action).toBe('reject');

    const { id, res, a: moved } = await create(uniqueBody());
    const later = START + 24 * 60 * MIN;
    // The move carries the minted aliases back: the same links and codes open at the new time.
    const put = await call(svc.url, 'PUT', `/api/v1/meetings/${id}`, { token, body: carryBack(res.body, { meeting: { start: later, end: later + 60 * MIN }, leadMinutes: 15, graceMinutes: 5 }), headers: { 'if-match': '"1"' } });
    expect(put.status, JSON.stringify(put.body)).toBe(200);
    expect(aliasesOf(put.body).all).toEqual(moved.all);
    expect((await config(webJoinQuery(moved.invitees[0]!.web))).body.action).toBe('reject');
    now = later;
    expect((await config(webJoinQuery(moved.invitees[0]!.web))).body.result.guest_pin).toBe(ANA_PASSCODE);

    const del = await call(svc.url, 'DELETE', `/api/v1/meetings/${id}`, { token, headers: { 'if-match': '"2"' } });
    expect(del.status).toBe(204);
    for (const alias of [moved.web, moved.invitees[0]!.web]) expect((await config(webJoinQuery(alias))).body.action).toBe('reject');
    expect((await config(sipDialInQuery(moved.invitees[0]!.dial))).body.action).toBe('reject');
  });

  it('opens every occurrence of a series at its local time across the DST change, and nothing between', async () => {
    // Weekly on Mondays 09:00 Europe/Berlin: 08:00 UTC on 24 March 2025, 07:00 UTC after the change on 30 March.
    const first = Date.UTC(2025, 2, 24, 8);
    const second = Date.UTC(2025, 2, 31, 7);
    const { a } = await create(uniqueBody({ meeting: { start: first, end: first + 60 * MIN }, recurrence: { timeZone: 'Europe/Berlin', rule: { frequency: 'weekly', count: 3 } } }));
    const at = async (ms: number) => {
      now = ms;
      return (await config(webJoinQuery(a.invitees[0]!.web))).body.action;
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
    const shared = (await create(uniqueBody({ invitees: [], guestPin: '334455667' }))).a;
    for (const q of [webJoinQuery(shared.web), sipDialInQuery(shared.dial as string)]) {
      expect((await config(q)).body.result).toMatchObject({ pin: HOST_PIN, allow_guests: true, guest_pin: '334455667' });
    }
    const none = (await create(uniqueBody({ invitees: [] }))).a;
    const result = (await config(webJoinQuery(none.web))).body.result;
    expect(result).toMatchObject({ pin: HOST_PIN, allow_guests: true });
    expect(result).not.toHaveProperty('guest_pin');
  });

  it('keeps every value within 250 characters', async () => {
    now = START;
    const { a } = await create({ ...uniqueBody(), subject: 'Ž'.repeat(255) });
    const answer = (await config(webJoinQuery(a.invitees[0]!.web))).body;
    expect(answer.action).toBe('continue');
    for (const value of Object.values(answer.result as Record<string, unknown>)) expect(String(value).length).toBeLessThanOrEqual(250);
  });

  it('names participants "Name", "Name (2)"... once per participant, never per request', async () => {
    now = START;
    const { id, a } = await create(uniqueBody());
    const [anaA, boA] = [a.invitees[0]!, a.invitees[1]!];
    const conf = `securejoin-${id}`;
    const name = async (alias: string, participant: string, type: 'api' | 'standard' = 'standard', extra: Record<string, string> = {}) => (await props(participantQuery(alias, conf, participant, type, extra))).body;
    // A web join: api first (no name), then standard.
    expect(await name(anaA.web, 'p1', 'api')).toEqual({ status: 'success', action: 'continue' });
    expect(await name(anaA.web, 'p1')).toEqual({ status: 'success', action: 'continue', result: { remote_display_name: 'Ana Lima' } });
    expect(await name(anaA.web, 'p1')).toEqual({ status: 'success', action: 'continue', result: { remote_display_name: 'Ana Lima' } });
    expect((await name(anaA.web, 'p2')).result.remote_display_name).toBe('Ana Lima (2)');
    // By phone (the personal numeric alias) it is the same invitee.
    expect((await name(`sip:${anaA.dial}@example.com`, 'p3')).result.remote_display_name).toBe('Ana Lima (3)');
    expect((await name(boA.web, 'p1')).result.remote_display_name).toBe('Bo Chen');
    // Without participant_uuid the call_uuid counts.
    expect((await name(boA.web, '', 'standard', { call_uuid: 'c9' })).result.remote_display_name).toBe('Bo Chen (2)');
    // Shared aliases, other services and out-of-window requests are left alone.
    expect(await name(a.web, 'p4')).toEqual({ status: 'success', action: 'continue' });
    expect(await name(anaA.web, 'p5', 'standard', { service_tag: 'other' })).toEqual({ status: 'success', action: 'continue' });
    expect(await name(anaA.web, 'p5', 'standard', { service_name: 'another-conference' })).toEqual({ status: 'success', action: 'continue' });
    now = START + 2 * 60 * MIN;
    expect(await name(anaA.web, 'p6')).toEqual({ status: 'success', action: 'continue' });
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
