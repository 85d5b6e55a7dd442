/**
 * The Event sink and the attendance record, on real PostgreSQL and on PGlite: events shaped as
 * Infinity v2 sends them become one row per participant on a meeting's aliases, with the
 * "Name (n)" number the policy API gave; resends and out-of-order events change nothing wrong;
 * unknown aliases and events are tolerated; malformed bodies store nothing; a sequence jump is
 * a log line without personal data; the rows hold no alias, PIN or passcode; the sweep deletes
 * rows past the admin policy's retention; only the organizer and admins read the record.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MeetingService } from '../../service';
import { DEFAULT_POLICY } from '../../core/policy/valid';
import { BACKENDS, TWO_INVITEES, aliasesOf, call, meetingId, startIssuer, startService, twoInviteeBody } from './support';
import type { BackendDb, MintedAliases, TestIssuer } from './support';
import { participantQuery, policyGet } from './infinityRequests';
import { SINK_PASSWORD, SINK_USER, participantData, postSink, sinkAuth, sinkNode } from './eventSinkRequests';

const MIN = 60_000;
const { start: START, hostPin: HOST_PIN, anaPasscode: ANA_PASSCODE, boPasscode: BO_PASSCODE } = TWO_INVITEES;
const body = () => twoInviteeBody();

/** Waits until `check` holds (the sweep runs on its own timer). */
async function until(check: () => Promise<boolean>, what: string): Promise<void> {
  const deadline = Date.now() + 10_000;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

describe.each(BACKENDS)('event sink on $name', (backend) => {
  let issuer: TestIssuer;
  let db: BackendDb;
  let svc: MeetingService;
  let token: string;
  const logs: string[] = [];
  const policyCredentials = { username: 'infinity-policy', password: 'correct horse battery staple 7' };

  beforeAll(async () => {
    [issuer, db] = await Promise.all([startIssuer(), backend.open()]);
    svc = await startService(issuer, {
      ...db.options,
      policy: policyCredentials,
      eventSink: { username: SINK_USER, password: SINK_PASSWORD },
      clock: () => START,
      adminPolicy: { ...DEFAULT_POLICY, attendance: { retentionDays: 30 } },
      drafts: { sweepEveryMs: 100 },
      logLevel: 'info',
      logStream: { write: (line) => void logs.push(line) },
    });
    token = await issuer.sign({ oid: 'ann-oid', preferred_username: 'ann@example.com' });
  }, 60_000);

  afterAll(async () => {
    await svc?.close();
    await Promise.all([db?.close(), issuer?.close()]);
  });

  const create = async (): Promise<{ id: string; a: MintedAliases }> => {
    const id = meetingId();
    const res = await call(svc.url, 'PUT', `/api/v1/meetings/${id}`, { token, body: body(), headers: { 'if-none-match': '*' } });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    return { id, a: aliasesOf(res.body) };
  };
  /** Infinity's participant-properties request, which numbers the participant ("Name (n)"). */
  const named = (alias: string, id: string, participant: string) => policyGet(svc.url, 'participant/properties', participantQuery(alias, `securejoin-${id}`, participant));
  const attendance = (id: string, as = token) => call(svc.url, 'GET', `/api/v1/meetings/${id}/attendance`, { token: as });
  const rawRows = (id: string) => db.raw<Record<string, unknown>>('SELECT * FROM attendance WHERE meeting_id = $1 ORDER BY joined_at', [id]);

  it('refuses missing or wrong credentials with 401', async () => {
    const e = sinkNode().next('eventsink_started', {}, START);
    expect((await postSink(svc.url, e, null)).status).toBe(401);
    expect((await postSink(svc.url, e, sinkAuth(SINK_USER, 'wrong'))).status).toBe(401);
    expect((await postSink(svc.url, e, sinkAuth(policyCredentials.username, policyCredentials.password))).status).toBe(401);
  });

  it('records who came per invitee, numbered as the policy API named them; the organizer reads it, as JSON and CSV', async () => {
    const { id, a } = await create();
    const [ana, bo] = a.invitees as [MintedAliases['invitees'][0], MintedAliases['invitees'][0]];
    expect((await named(ana.web, id, 'p-ana-1')).body.result.remote_display_name).toBe('Ana Lima');
    expect((await named(ana.web, id, 'p-ana-2')).body.result.remote_display_name).toBe('Ana Lima (2)');
    const node = sinkNode('10.44.34.21');
    const joined = START - 10 * MIN;
    const events = [
      node.next('conference_started', { name: `securejoin-${id}`, service_type: 'conference', start_time: joined / 1000 }, joined),
      node.next('participant_connected', participantData('p-ana-1', ana.web, 'Ana Lima', joined), joined),
      node.next('participant_connected', participantData('p-ana-2', ana.web.toUpperCase(), 'Ana Lima (2)', joined + MIN), joined + MIN),
      node.next('participant_connected', participantData('p-bo', `sip:${bo.dial}@example.com`, 'Bo Chen', joined + 2 * MIN, { protocol: 'SIP' }), joined + 2 * MIN),
      node.next('participant_connected', participantData('p-host', a.web, 'Ann Organizer', joined, { role: 'chair' }), joined),
      node.next('participant_disconnected', participantData('p-ana-2', ana.web, 'Ana Lima (2)', joined + MIN, { end_time: (joined + 31 * MIN) / 1000, duration: 1800, disconnect_reason: 'User initiated' }), joined + 31 * MIN),
    ];
    for (const e of events) expect((await postSink(svc.url, e)).status).toBe(200);

    const res = await attendance(id);
    expect(res.status).toBe(200);
    expect(res.body.invitees).toEqual(['Ana Lima', 'Bo Chen']);
    const rows = res.body.rows as Array<Record<string, unknown>>;
    expect(rows.map((r) => [r.kind, r.invitee, r.ordinal, r.displayName, r.role, r.leftAt === null])).toEqual([
      ['invitee', 'Ana Lima', 1, 'Ana Lima', 'guest', true],
      ['host', null, null, 'Ann Organizer', 'host', true],
      ['invitee', 'Ana Lima', 2, 'Ana Lima (2)', 'guest', false],
      ['invitee', 'Bo Chen', null, 'Bo Chen', 'guest', true],
    ]);
    const second = rows[2] as Record<string, unknown>;
    expect([second.joinedAt, second.leftAt, second.durationSeconds, second.occurrence]).toEqual([joined + MIN, joined + 31 * MIN, 1800, START - 15 * MIN]);

    const csv = await call(svc.url, 'GET', `/api/v1/meetings/${id}/attendance?format=csv`, { token });
    expect(csv.headers.get('content-type')).toMatch(/^text\/csv/);
    const lines = (csv.body as string).trim().split('\r\n');
    expect(lines).toHaveLength(5);
    expect(lines[2]).toContain('"Ana Lima","Ana Lima (2)","2","guest","WebRTC"');
    expect(lines[2]).toContain('"yes"');

    // Only the organizer and admins.
    const other = await issuer.sign({ oid: 'someone-else' });
    expect((await attendance(id, other)).status).toBe(403);
    expect((await attendance(id, await issuer.sign({ oid: 'admin-oid', roles: ['SecureJoin.Admin'] }))).status).toBe(200);
    expect((await attendance(meetingId())).status).toBe(404);

    // Nothing secret at rest or in the log: no alias, PIN or passcode; no participant's name in the log.
    const dump = JSON.stringify(await rawRows(id));
    for (const secret of [...a.all, HOST_PIN, ANA_PASSCODE, BO_PASSCODE]) expect(dump.toLowerCase()).not.toContain(secret.toLowerCase());
    const log = logs.join('\n');
    for (const secret of [...a.all, HOST_PIN, ANA_PASSCODE, 'Ana Lima', 'Bo Chen', 'Ann Organizer']) expect(log).not.toContain(secret);
  });

  it('takes a resend once and events in any order; ignores aliases that are not SecureJoin\'s and tolerates unknown events', async () => {
    const { id, a } = await create();
    const ana = a.invitees[0] as MintedAliases['invitees'][0];
    const node = sinkNode('10.44.34.22');
    const joined = START - 5 * MIN;
    const connected = node.next('participant_connected', participantData('p-x', ana.web, 'Ana Lima', joined), joined);
    const left = node.next('participant_disconnected', participantData('p-x', ana.web, 'Ana Lima', joined, { end_time: (joined + 20 * MIN) / 1000 }), joined + 20 * MIN);
    const renamed = node.next('participant_updated', participantData('p-x', ana.web, 'Ana L.', joined), joined + 10 * MIN);
    // Left arrives first, then connected (twice: a resend), then an older update.
    for (const e of [left, connected, connected, renamed]) expect((await postSink(svc.url, e)).status).toBe(200);
    const rows = (await attendance(id)).body.rows as Array<Record<string, unknown>>;
    expect(rows.map((r) => [r.displayName, r.joinedAt, r.leftAt, r.durationSeconds])).toEqual([['Ana Lima', joined, joined + 20 * MIN, 20 * 60]]);
    expect(await db.raw('SELECT 1 FROM eventsink_received WHERE node = $1', [node.node])).toHaveLength(3);

    const before = (await db.raw<{ n: string | number }>('SELECT count(*) AS n FROM attendance'))[0]?.n;
    const elsewhere = node.next('participant_connected', participantData('p-y', 'meet.someone-else', 'Stranger', joined), joined);
    const future = node.next('participant_teleported', { uuid: 'p-z', planet: 'Mars' }, joined);
    const legacy = { ...node.next('participant_connected', participantData('p-z', 'alice@vmr.example.com', 'Alice', joined), joined), version: 1, extra_field: true };
    for (const e of [elsewhere, future, legacy]) expect((await postSink(svc.url, e)).status).toBe(200);
    expect((await db.raw<{ n: string | number }>('SELECT count(*) AS n FROM attendance'))[0]?.n).toEqual(before);
  });

  it('refuses malformed bodies with 400 and stores nothing of them, not even a bulk envelope\'s good events', async () => {
    const { id, a } = await create();
    const ana = a.invitees[0] as MintedAliases['invitees'][0];
    const node = sinkNode('10.44.34.23');
    const good = node.next('participant_connected', participantData('p-bulk', ana.web, 'Ana Lima', START), START);
    const noUuid = node.next('participant_connected', { destination_alias: ana.web, display_name: 'Ana Lima' }, START);
    const bulk = { node: '127.0.0.1', seq: 0, version: 2, time: START / 1000, event: 'eventsink_bulk', data: [good, noUuid] };
    for (const bad of ['{"node": "10.', '[]', { event: 'participant_connected' }, noUuid, bulk, { ...good, seq: -1 }, { ...good, time: 'yesterday' }]) {
      const res = await postSink(svc.url, bad);
      expect(res.status, JSON.stringify(bad)).toBe(400);
    }
    expect(await db.raw('SELECT 1 FROM eventsink_received WHERE node = $1', [node.node])).toHaveLength(0);
    expect(await rawRows(id)).toHaveLength(0);
    // The same envelope without its bad event is taken whole.
    expect((await postSink(svc.url, { ...bulk, data: [good] })).status).toBe(200);
    expect(await rawRows(id)).toHaveLength(1);
  });

  it('notes a node\'s sequence jump in a log line with the numbers only, and a restart', async () => {
    const node = sinkNode('10.44.34.24');
    for (const e of [node.next('eventsink_started', {}, START), node.next('conference_started', {}, START), node.next('conference_ended', {}, START, 7), node.next('eventsink_started', {}, START + 1, 1)]) {
      expect((await postSink(svc.url, e)).status).toBe(200);
    }
    const gaps = logs.map((l) => JSON.parse(l) as Record<string, unknown>).filter((l) => l.event === 'eventsink_sequence_gap' && l.node === node.node);
    expect(gaps.map((g) => [g.after, g.seq, g.missing])).toEqual([[2, 7, 4]]);
    expect(logs.some((l) => l.includes('"eventsink_restart"') && l.includes(node.node))).toBe(true);
  });

  it('deletes rows past the admin policy\'s retention in the sweep', async () => {
    const { id, a } = await create();
    const node = sinkNode('10.44.34.25');
    const ana = a.invitees[0] as MintedAliases['invitees'][0];
    for (const [p, days] of [['p-old', 31], ['p-new', 29]] as const) {
      const at = START - days * 24 * 60 * MIN;
      expect((await postSink(svc.url, node.next('participant_connected', participantData(p, ana.web, 'Ana Lima', at), at))).status).toBe(200);
    }
    // The rows' join times are in 2030: move them to 31 and 29 days before now.
    await db.raw(`UPDATE attendance SET joined_at = now() - interval '31 days' WHERE participant = 'p-old'`);
    await db.raw(`UPDATE attendance SET joined_at = now() - interval '29 days' WHERE participant = 'p-new'`);
    await until(async () => (await rawRows(id)).length === 1, 'the sweep');
    expect((await rawRows(id)).map((r) => r.participant)).toEqual(['p-new']);
  });
});
