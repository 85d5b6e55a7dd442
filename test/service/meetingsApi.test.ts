/**
 * The meetings API, the same suite on real PostgreSQL (a database of its own on 127.0.0.1:5432)
 * and on embedded PGlite: writes and reads, versions and preconditions, minted aliases (a write
 * carries back only its own), every kind of bad input (nothing written), codes sealed and aliases
 * hashed at rest, the audit trail, logs without codes.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_INVITEES } from '../../core/roomSpec';
import type { MeetingService } from '../../service';
import { BACKENDS, GUEST_PIN, HOST_PIN, PASSCODE, aliasesOf, call, carryBack, meetingBody, meetingId, startIssuer, startService } from './support';
import type { BackendDb, TestIssuer } from './support';

const CODES = [HOST_PIN, GUEST_PIN, PASSCODE];

describe.each(BACKENDS)('meetings API on $name', (backend) => {
  let issuer: TestIssuer;
  let db: BackendDb;
  let svc: MeetingService;
  let ann: string;
  let bob: string;
  const logLines: string[] = [];
  /** Every alias the service minted in this suite, for the "nothing in clear" checks. */
  const minted: string[] = [];

  beforeAll(async () => {
    [issuer, db] = await Promise.all([startIssuer(), backend.open()]);
    svc = await startService(issuer, { ...db.options, logLevel: 'info', logStream: { write: (line) => void logLines.push(line) } });
    ann = await issuer.sign({ oid: 'ann-oid', preferred_username: 'ann@example.com' });
    bob = await issuer.sign({ oid: 'bob-oid', preferred_username: 'bob@example.com' });
  }, 60_000);

  afterAll(async () => {
    await svc?.close();
    await Promise.all([db?.close(), issuer?.close()]);
  });

  const put = async (id: string, body: unknown, headers: Record<string, string>, token = ann) => {
    const res = await call(svc.url, 'PUT', `/api/v1/meetings/${id}`, { token, body, headers });
    if (res.status === 200 || res.status === 201) minted.push(...aliasesOf(res.body).all);
    return res;
  };
  const count = async (): Promise<number> => Number((await db.raw<{ n: string }>('SELECT count(*) AS n FROM meetings'))[0]?.n);

  it('creates, reads, lists, replaces and deletes a meeting, each version with its ETag', async () => {
    const id = meetingId();
    const created = await put(id, meetingBody(), { 'if-none-match': '*' });
    expect(created.status).toBe(201);
    expect(created.headers.get('etag')).toBe('"1"');
    expect(created.body).toMatchObject({ id, version: 1, organizer: { id: 'ann-oid', name: 'ann@example.com' }, subject: 'Quarterly review' });
    // Minted: a 20-character web alias, an access code at the policy's length (8), personal aliases for the invitee.
    const a = aliasesOf(created.body);
    expect(a.web).toMatch(/^[a-z0-9]{20}$/);
    expect(a.dial).toMatch(/^[0-9]{8}$/);
    expect(a.invitees[0]?.web).toMatch(/^[a-z0-9]{20}$/);
    expect(a.invitees[0]?.dial).toMatch(/^[0-9]{8}$/);
    expect(new Set(a.all).size).toBe(4);
    expect(created.body.room).toMatchObject({ hostPin: HOST_PIN, accessCode: { role: 'guest' }, name: a.web });
    expect(Date.parse(created.body.createdAt)).toBeGreaterThan(Date.now() - 60_000);

    const read = await call(svc.url, 'GET', `/api/v1/meetings/${id}`, { token: ann });
    expect([read.status, read.headers.get('etag')]).toEqual([200, '"1"']);
    expect(read.body).toEqual(created.body);

    // Carrying the aliases back keeps them; leaving the web alias out mints a new one.
    const replaced = await put(id, carryBack(created.body, { hostPin: '1122334455' }), { 'if-match': '"1"' });
    expect([replaced.status, replaced.headers.get('etag'), replaced.body.version, replaced.body.room.hostPin]).toEqual([200, '"2"', 2, '1122334455']);
    expect(aliasesOf(replaced.body).all).toEqual(a.all);
    const { alias: _old, ...withoutWeb } = carryBack(replaced.body).room as Record<string, unknown>;
    const fresh = await put(id, { subject: 'Quarterly review', room: withoutWeb }, { 'if-match': '"2"' });
    expect([fresh.status, fresh.body.room.accessCode.code]).toEqual([200, a.dial]);
    expect(fresh.body.room.alias).toMatch(/^[a-z0-9]{20}$/);
    expect(fresh.body.room.alias).not.toBe(a.web);

    const list = await call(svc.url, 'GET', '/api/v1/meetings', { token: ann });
    expect(list.body.meetings.filter((m: { id: string }) => m.id === id)).toEqual([fresh.body]);

    const deleted = await call(svc.url, 'DELETE', `/api/v1/meetings/${id}`, { token: ann, headers: { 'if-match': '"3"' } });
    expect(deleted.status).toBe(204);
    expect((await call(svc.url, 'GET', `/api/v1/meetings/${id}`, { token: ann })).status).toBe(404);

    const audit = await db.raw<{ actor_id: string; action: string; version: number }>('SELECT actor_id, action, version FROM meeting_audit WHERE meeting_id = $1 ORDER BY id', [id]);
    expect(audit.map((r) => [r.actor_id, r.action, r.version])).toEqual([['ann-oid', 'create', 1], ['ann-oid', 'replace', 2], ['ann-oid', 'replace', 3], ['ann-oid', 'delete', 3]]);
  });

  it('answers a stale or missing precondition with 412 (and the current version) or 428, writing nothing', async () => {
    const id = meetingId();
    const v1 = (await put(id, meetingBody(), { 'if-none-match': '*' })).body;
    await put(id, carryBack(v1, { guestPin: '9991112223' }), { 'if-match': '"1"' });

    const stale = await put(id, carryBack(v1, { guestPin: '2224446668' }), { 'if-match': '"1"' });
    expect(stale.status).toBe(412);
    expect(stale.headers.get('etag')).toBe('"2"');
    expect(stale.body).toMatchObject({ error: 'conflict', current: { id, version: 2, room: { guestPin: '9991112223' } } });

    const again = await put(id, meetingBody(), { 'if-none-match': '*' });
    expect([again.status, again.body.current?.version]).toEqual([412, 2]);
    expect((await put(id, meetingBody(), {})).status).toBe(428);
    expect((await put(id, meetingBody(), { 'if-match': '2' })).status).toBe(400);
    expect((await put(meetingId(), meetingBody(), { 'if-match': '"1"' })).status).toBe(404);
    // A stale or removed meeting is told as such even when the write carries back its old aliases.
    expect((await put(id, carryBack(v1), { 'if-match': '"1"' })).status).toBe(412);

    const staleDelete = await call(svc.url, 'DELETE', `/api/v1/meetings/${id}`, { token: ann, headers: { 'if-match': '"1"' } });
    expect([staleDelete.status, staleDelete.body.current.version]).toEqual([412, 2]);
    expect((await call(svc.url, 'DELETE', `/api/v1/meetings/${id}`, { token: ann })).status).toBe(428);
    const now = await call(svc.url, 'GET', `/api/v1/meetings/${id}`, { token: ann });
    expect([now.body.version, now.body.room.guestPin]).toEqual([2, '9991112223']);
  });

  it('mints every alias and refuses any other with one fixed answer: another meeting\'s live alias reads exactly like a fresh one', async () => {
    const victim = (await put(meetingId(), meetingBody({ sent: true }), { 'if-none-match': '*' })).body;
    const live = aliasesOf(victim);
    const attackerId = meetingId();
    const own = (await put(attackerId, meetingBody(), { 'if-none-match': '*' }, bob)).body;
    const before = await count();
    const raw = async (id: string, body: unknown, headers: Record<string, string>) =>
      fetch(`${svc.url}/api/v1/meetings/${id}`, { method: 'PUT', headers: { authorization: `Bearer ${bob}`, 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) });
    const answers = new Set<string>();
    let lastBody = '';
    const probe = async (label: string, id: string, room: Record<string, unknown>, headers: Record<string, string>) => {
      const res = await raw(id, { subject: 'x', room }, headers);
      const text = await res.text();
      expect([label, res.status]).toEqual([label, 400]);
      lastBody = text;
      answers.add(`${res.status} ${[...res.headers.entries()].filter(([k]) => !['date', 'content-length', 'keep-alive', 'connection'].includes(k)).join(';')} ${text}`);
    };
    const base = meetingBody().room as Record<string, unknown>;
    const withInvitee = (alias: Record<string, string>) => ({ ...base, invitees: [{ email: 'x@example.com', name: 'X', passcode: PASSCODE, ...alias }] });
    // On a create and on a replace of the attacker's own meeting: the victim's live values and fresh ones.
    for (const [id, headers] of [[meetingId(), { 'if-none-match': '*' }], [attackerId, { 'if-match': '"1"' }]] as const) {
      await probe('live web alias', id, { ...base, alias: live.web }, headers);
      await probe('fresh web alias', id, { ...base, alias: 'zq8x0c4v2b9n6m1l3k5j' }, headers);
      await probe('vanity web alias', id, { ...base, alias: 'ceo' }, headers);
      await probe('live access code', id, { ...base, accessCode: { code: live.dial, role: 'guest' } }, headers);
      await probe('fresh access code', id, { ...base, accessCode: { code: '50718293', role: 'guest' } }, headers);
      await probe('live personal alias', id, withInvitee({ alias: live.invitees[0]!.web }), headers);
      await probe('live personal dial alias', id, withInvitee({ dialAlias: live.invitees[0]!.dial }), headers);
      await probe('fresh personal dial alias', id, withInvitee({ dialAlias: '61829304' }), headers);
    }
    // The attacker's own aliases in another role are refused too (the access code as the web alias).
    await probe('own alias in another role', attackerId, { ...base, alias: aliasesOf(own).dial }, { 'if-match': '"1"' });
    expect(answers.size).toBe(1);
    expect(JSON.parse(lastBody)).toMatchObject({ error: 'aliases_are_minted' });
    // Nothing was written, and the victim's codes still open her meeting.
    expect(await count()).toBe(before);
    expect(aliasesOf((await call(svc.url, 'GET', `/api/v1/meetings/${victim.id}`, { token: ann })).body).all).toEqual(live.all);
  });

  it('enforces the admin policy on every write (built-in defaults: 9-digit PINs locked, access code required), writing nothing', async () => {
    const id = meetingId();
    const v1 = (await put(id, meetingBody(), { 'if-none-match': '*' })).body;
    const before = await count();
    const cases: Array<[string, unknown, string[]]> = [
      ['6-digit PINs', carryBack(v1, { hostPin: '480213', guestPin: '730514', invitees: [{ email: 'ann@example.com', name: 'Ann', passcode: '551029' }] }), ['room.hostPin', 'room.guestPin', 'room.invitees[0].passcode']],
      ['no access code', carryBack(v1, { accessCode: null }), ['room.accessCode']],
      ['no host PIN', carryBack(v1, { hostPin: null, guestPin: null, allowGuests: false, invitees: [], accessCode: null }), ['room.hostPin', 'room.accessCode']],
      ['a 30-day window', carryBack(v1, { meeting: undefined, window: { opensAt: Date.UTC(2030, 0, 1), closesAt: Date.UTC(2030, 0, 31) } }), ['room.window']],
      ['a 23h45 meeting with the 15-minute lead and 5 minutes of grace', carryBack(v1, { meeting: { start: Date.UTC(2030, 0, 7, 0), end: Date.UTC(2030, 0, 7, 23, 45) }, graceMinutes: 5 }), ['room.meeting']],
      ['a NUL in the subject', { ...carryBack(v1), subject: 'Review\u0000' }, ['subject']],
      ['an escape in an invitee name', carryBack(v1, { invitees: [{ ...v1.room.invitees[0], name: 'Ann\u001b[31m' }] }), ['room.invitees[0].name']],
    ];
    for (const [what, body, paths] of cases) {
      const res = await put(id, body, { 'if-match': '"1"' });
      expect([what, res.status], JSON.stringify(res.body)).toEqual([what, 400]);
      expect([what, res.body.issues.map((i: { path: string }) => i.path)]).toEqual([what, paths]);
    }
    expect((await put(meetingId(), { ...meetingBody(), subject: 'Tab\there' }, { 'if-none-match': '*' })).status).toBe(400);
    expect(await count()).toBe(before);
    expect((await call(svc.url, 'GET', `/api/v1/meetings/${id}`, { token: ann })).body.version).toBe(1);
    // The longest window the policy allows (24 h: 15 min + 23 h 45 min + 0) is fine.
    expect((await put(id, carryBack(v1, { meeting: { start: Date.UTC(2030, 0, 7, 0), end: Date.UTC(2030, 0, 7, 23, 45) } }), { 'if-match': '"1"' })).status).toBe(200);
  });

  it('refuses every kind of bad input with the field named, and writes nothing', async () => {
    const id = meetingId();
    const v1 = (await put(id, meetingBody(), { 'if-none-match': '*' })).body;
    const before = await count();
    const base = carryBack(v1) as { subject: string; room: Record<string, unknown> };
    const tooMany = Array.from({ length: MAX_INVITEES + 1 }, (_, i) => ({ email: `p${i}@e.com`, name: 'P', passcode: String(1_000_000_000 + i) }));
    const cases: Array<[string, unknown, number, string[]]> = [
      ['malformed JSON', '{"subject": "x", "room": ', 400, ['body']],
      ['empty body', '', 400, ['body']],
      ['unknown field', { ...base, colour: 'red' }, 400, ['colour']],
      ['unknown room field', { ...base, room: { ...base.room, hostPIN: '1234' } }, 400, ['room.hostPIN']],
      ['wrong type', { ...base, subject: 42 }, 400, ['subject']],
      ['wrong room type', { ...base, room: { ...base.room, allowGuests: 'yes' } }, 400, ['room.allowGuests']],
      ['invalid access code role', { ...base, room: { ...base.room, accessCode: { ...(base.room.accessCode as object), role: 'owner' } } }, 400, ['room.accessCode.role']],
      ['invalid passcode', { ...base, room: { ...base.room, invitees: [{ ...(base.room.invitees as object[])[0], passcode: '1' }] } }, 400, ['room.invitees[0].passcode']],
      ['window ending before it starts', { ...base, room: { ...base.room, meeting: undefined, leadMinutes: undefined, graceMinutes: undefined, window: { opensAt: 2_000_000, closesAt: 1_000_000 } } }, 400, ['room.window.closesAt']],
      ['meeting ending before it starts', { ...base, room: { ...base.room, meeting: { start: 5_000_000, end: 4_000_000 } } }, 400, ['room.meeting.end']],
      ['too many invitees', { ...base, room: { ...base.room, invitees: tooMany } }, 400, ['room.invitees']],
    ];
    for (const [what, body, status, paths] of cases) {
      const res = await put(id, body, { 'if-match': '"1"' });
      expect([what, res.status], JSON.stringify(res.body)).toEqual([what, status]);
      expect([what, res.body.issues.map((i: { path: string }) => i.path)]).toEqual([what, paths]);
    }
    const oversize = await put(id, { ...base, subject: 'x'.repeat(300 * 1024) }, { 'if-match': '"1"' });
    expect([oversize.status, oversize.body.error]).toEqual([413, 'too_large']);
    const notJson = await put(id, 'subject=x', { 'if-match': '"1"', 'content-type': 'text/plain' });
    expect(notJson.status).toBe(415);
    const badId = await put('short', base, { 'if-none-match': '*' });
    expect([badId.status, badId.body.issues[0].path]).toEqual([400, 'id']);

    expect(await count()).toBe(before);
    expect((await call(svc.url, 'GET', `/api/v1/meetings/${id}`, { token: ann })).body.version).toBe(1);
  });

  it('keeps codes sealed and aliases hashed at rest: the raw tables show neither, and a sealed room does not open under another id', async () => {
    const id = meetingId();
    const created = (await put(id, meetingBody(), { 'if-none-match': '*' })).body;
    const rows = await db.raw<Record<string, unknown>>('SELECT * FROM meetings WHERE id = $1', [id]);
    expect(rows).toHaveLength(1);
    const secrets = [...CODES, ...aliasesOf(created).all];
    const dump = JSON.stringify([rows, await db.raw('SELECT * FROM meeting_aliases'), await db.raw('SELECT * FROM meeting_audit')]).toLowerCase();
    for (const value of secrets) expect(dump).not.toContain(value.toLowerCase());
    expect(String(rows[0]?.room_sealed)).toMatch(/^v1\.[A-Za-z0-9+/]+=*$/);
    const keys = await db.raw<{ alias_key: string }>('SELECT alias_key FROM meeting_aliases WHERE meeting_id = $1', [id]);
    expect(keys).toHaveLength(4);
    for (const k of keys) expect(k.alias_key).toMatch(/^h1\.[A-Za-z0-9_-]{43}$/);

    // Moving the sealed room onto another meeting's row does not reveal it: it was sealed for its own id.
    const other = meetingId();
    await put(other, meetingBody(), { 'if-none-match': '*' });
    await db.raw('UPDATE meetings SET room_sealed = $1 WHERE id = $2', [rows[0]?.room_sealed, other]);
    const moved = await call(svc.url, 'GET', `/api/v1/meetings/${other}`, { token: ann });
    expect(moved.status).toBe(500);
    expect(JSON.stringify(moved.body)).not.toMatch(new RegExp(`${HOST_PIN}|${aliasesOf(created).dial}`));
    await db.raw('DELETE FROM meetings WHERE id = $1', [other]);
  });

  it('lets an admin list and revoke any meeting, but not rewrite it', async () => {
    const admin = await issuer.sign({ oid: 'admin-oid', roles: ['SecureJoin.Admin'] });
    const id = meetingId();
    const bobs = (await put(id, meetingBody(), { 'if-none-match': '*' }, bob)).body;
    const all = await call(svc.url, 'GET', '/api/v1/meetings?all=1', { token: admin });
    expect(all.body.meetings.map((m: { id: string }) => m.id)).toContain(id);
    expect(all.body.meetings.map((m: { organizer: { id: string } }) => m.organizer.id)).toEqual(expect.arrayContaining(['ann-oid', 'bob-oid']));
    expect((await call(svc.url, 'GET', '/api/v1/meetings?all=1', { token: bob })).status).toBe(403);
    const bobsOwn = await call(svc.url, 'GET', '/api/v1/meetings', { token: bob });
    expect(bobsOwn.body.meetings.every((m: { organizer: { id: string } }) => m.organizer.id === 'bob-oid')).toBe(true);

    expect((await put(id, meetingBody({ guestPin: '1212121212' }), { 'if-match': '"1"' }, admin)).status).toBe(403);
    // Whatever the body carries (Bob's own aliases, or none), a meeting that is not the caller's is 403 before anything else.
    expect((await put(id, carryBack(bobs), { 'if-match': '"1"' }, admin)).status).toBe(403);
    expect((await put(id, carryBack(bobs), { 'if-match': '"1"' }, ann)).status).toBe(403);
    expect((await call(svc.url, 'DELETE', `/api/v1/meetings/${id}`, { token: admin })).status).toBe(204);
    expect((await call(svc.url, 'GET', `/api/v1/meetings/${id}`, { token: bob })).status).toBe(404);
    const audit = await db.raw<{ actor_id: string; action: string; organizer_id: string }>('SELECT actor_id, action, organizer_id FROM meeting_audit WHERE meeting_id = $1 ORDER BY id', [id]);
    expect(audit.map((a) => [a.actor_id, a.action, a.organizer_id])).toEqual([['bob-oid', 'create', 'bob-oid'], ['admin-oid', 'delete', 'bob-oid']]);
  });

  it('logs requests without any code, alias or token: method, route, meeting id, status and time', async () => {
    expect(logLines.length).toBeGreaterThan(10);
    expect(minted.length).toBeGreaterThan(10);
    const all = logLines.join('').toLowerCase();
    for (const secret of [...CODES, ...minted, ann, bob, ann.split('.')[2] as string]) expect(all).not.toContain(secret.toLowerCase());
    expect(all).toContain('"statuscode":201');
    const line = logLines.map((l) => JSON.parse(l)).find((l) => l.req?.method === 'PUT');
    expect(line.req).toEqual({ method: 'PUT', route: '/api/v1/meetings/:id', meetingId: expect.any(String) });
  });
});
