/**
 * The meetings API, the same suite on real PostgreSQL (a database of its own on 127.0.0.1:5432)
 * and on embedded PGlite: writes and reads, versions and preconditions, alias ownership, every
 * kind of bad input (nothing written), codes sealed at rest, the audit trail, logs without codes.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_INVITEES } from '../../core/room';
import type { MeetingService } from '../../service';
import { BACKENDS, accessCodeFor, call, meetingBody, meetingId, startIssuer, startService } from './support';
import type { BackendDb, TestIssuer } from './support';

const CODES = ['480213', '730514', accessCodeFor('meet.sealed'), '551029'];

describe.each(BACKENDS)('meetings API on $name', (backend) => {
  let issuer: TestIssuer;
  let db: BackendDb;
  let svc: MeetingService;
  let ann: string;
  let bob: string;
  const logLines: string[] = [];

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

  const put = (id: string, body: unknown, headers: Record<string, string>, token = ann) =>
    call(svc.url, 'PUT', `/api/v1/meetings/${id}`, { token, body, headers });
  const count = async (): Promise<number> => Number((await db.raw<{ n: string }>('SELECT count(*) AS n FROM meetings'))[0]?.n);

  it('creates, reads, lists, replaces and deletes a meeting, each version with its ETag', async () => {
    const id = meetingId();
    const created = await put(id, meetingBody('meet.crud'), { 'if-none-match': '*' });
    expect(created.status).toBe(201);
    expect(created.headers.get('etag')).toBe('"1"');
    expect(created.body).toMatchObject({ id, version: 1, organizer: { id: 'ann-oid', name: 'ann@example.com' }, subject: 'Quarterly review' });
    expect(created.body.room).toMatchObject({ alias: 'meet.crud', hostPin: '480213', accessCode: { code: accessCodeFor('meet.crud'), role: 'guest' } });
    expect(Date.parse(created.body.createdAt)).toBeGreaterThan(Date.now() - 60_000);

    const read = await call(svc.url, 'GET', `/api/v1/meetings/${id}`, { token: ann });
    expect([read.status, read.headers.get('etag')]).toEqual([200, '"1"']);
    expect(read.body).toEqual(created.body);

    const replaced = await put(id, meetingBody('meet.crud2', { hostPin: '112233' }), { 'if-match': '"1"' });
    expect([replaced.status, replaced.headers.get('etag'), replaced.body.version, replaced.body.room.alias]).toEqual([200, '"2"', 2, 'meet.crud2']);

    const list = await call(svc.url, 'GET', '/api/v1/meetings', { token: ann });
    expect(list.body.meetings.filter((m: { id: string }) => m.id === id)).toEqual([replaced.body]);

    const deleted = await call(svc.url, 'DELETE', `/api/v1/meetings/${id}`, { token: ann, headers: { 'if-match': '"2"' } });
    expect(deleted.status).toBe(204);
    expect((await call(svc.url, 'GET', `/api/v1/meetings/${id}`, { token: ann })).status).toBe(404);

    const audit = await db.raw<{ actor_id: string; action: string; version: number }>('SELECT actor_id, action, version FROM meeting_audit WHERE meeting_id = $1 ORDER BY id', [id]);
    expect(audit.map((a) => [a.actor_id, a.action, a.version])).toEqual([['ann-oid', 'create', 1], ['ann-oid', 'replace', 2], ['ann-oid', 'delete', 2]]);
  });

  it('answers a stale or missing precondition with 412 (and the current version) or 428, writing nothing', async () => {
    const id = meetingId();
    await put(id, meetingBody('meet.race'), { 'if-none-match': '*' });
    await put(id, meetingBody('meet.race', { guestPin: '999111' }), { 'if-match': '"1"' });

    const stale = await put(id, meetingBody('meet.race', { guestPin: '222444' }), { 'if-match': '"1"' });
    expect(stale.status).toBe(412);
    expect(stale.headers.get('etag')).toBe('"2"');
    expect(stale.body).toMatchObject({ error: 'conflict', current: { id, version: 2, room: { guestPin: '999111' } } });

    const again = await put(id, meetingBody('meet.race'), { 'if-none-match': '*' });
    expect([again.status, again.body.current?.version]).toEqual([412, 2]);
    expect((await put(id, meetingBody('meet.race'), {})).status).toBe(428);
    expect((await put(id, meetingBody('meet.race'), { 'if-match': '2' })).status).toBe(400);
    expect((await put(meetingId(), meetingBody('meet.nothing'), { 'if-match': '"1"' })).status).toBe(404);

    const staleDelete = await call(svc.url, 'DELETE', `/api/v1/meetings/${id}`, { token: ann, headers: { 'if-match': '"1"' } });
    expect([staleDelete.status, staleDelete.body.current.version]).toEqual([412, 2]);
    expect((await call(svc.url, 'DELETE', `/api/v1/meetings/${id}`, { token: ann })).status).toBe(428);
    const now = await call(svc.url, 'GET', `/api/v1/meetings/${id}`, { token: ann });
    expect([now.body.version, now.body.room.guestPin]).toEqual([2, '999111']);
  });

  it('refuses a room alias that another meeting uses (409), case-insensitively, writing nothing', async () => {
    const first = meetingId();
    await put(first, meetingBody('meet.taken'), { 'if-none-match': '*' });
    const before = await count();
    const other = await put(meetingId(), meetingBody('Meet.Taken'), { 'if-none-match': '*' }, bob);
    expect(other.status).toBe(409);
    expect(other.body.issues).toEqual([{ path: 'room.alias', message: 'is used by another meeting' }]);
    const second = meetingId();
    await put(second, meetingBody('meet.free'), { 'if-none-match': '*' });
    expect((await put(second, meetingBody('meet.taken'), { 'if-match': '"1"' })).status).toBe(409);
    expect(await count()).toBe(before + 1);
    expect((await call(svc.url, 'GET', `/api/v1/meetings/${second}`, { token: ann })).body).toMatchObject({ version: 1, room: { alias: 'meet.free' } });
  });

  it('refuses every kind of bad input with the field named, and writes nothing', async () => {
    const id = meetingId();
    await put(id, meetingBody('meet.valid'), { 'if-none-match': '*' });
    const before = await count();
    const base = meetingBody('meet.valid') as { subject: string; room: Record<string, unknown> };
    const tooMany = Array.from({ length: MAX_INVITEES + 1 }, (_, i) => ({ email: `p${i}@e.com`, name: 'P', passcode: String(10_000_000 + i) }));
    const cases: Array<[string, unknown, number, string[]]> = [
      ['malformed JSON', '{"subject": "x", "room": ', 400, ['body']],
      ['empty body', '', 400, ['body']],
      ['unknown field', { ...base, colour: 'red' }, 400, ['colour']],
      ['unknown room field', { ...base, room: { ...base.room, hostPIN: '1234' } }, 400, ['room.hostPIN']],
      ['wrong type', { ...base, subject: 42 }, 400, ['subject']],
      ['wrong room type', { ...base, room: { ...base.room, allowGuests: 'yes' } }, 400, ['room.allowGuests']],
      ['invalid code', { ...base, room: { ...base.room, accessCode: { code: '12ab', role: 'guest' } } }, 400, ['room.accessCode.code']],
      ['invalid passcode', { ...base, room: { ...base.room, invitees: [{ email: 'a@b.c', name: 'A', passcode: '1' }] } }, 400, ['room.invitees[0].passcode']],
      ['window ending before it starts', { ...base, room: { ...base.room, meeting: undefined, window: { opensAt: 2_000_000, closesAt: 1_000_000 } } }, 400, ['room.window.closesAt']],
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

  it('keeps the codes sealed at rest: the raw table shows no code, and a sealed room does not open under another id', async () => {
    const id = meetingId();
    await put(id, meetingBody('meet.sealed'), { 'if-none-match': '*' });
    const rows = await db.raw<Record<string, unknown>>('SELECT * FROM meetings WHERE id = $1', [id]);
    expect(rows).toHaveLength(1);
    const dump = JSON.stringify(rows);
    for (const code of CODES) expect(dump).not.toContain(code);
    expect(String(rows[0]?.room_sealed)).toMatch(/^v1\.[A-Za-z0-9+/]+=*$/);
    const audit = JSON.stringify(await db.raw('SELECT * FROM meeting_audit'));
    for (const code of CODES) expect(audit).not.toContain(code);

    // Moving the sealed room onto another meeting's row does not reveal it: it was sealed for its own id.
    const other = meetingId();
    await put(other, meetingBody('meet.other'), { 'if-none-match': '*' });
    await db.raw('UPDATE meetings SET room_sealed = $1 WHERE id = $2', [rows[0]?.room_sealed, other]);
    const moved = await call(svc.url, 'GET', `/api/v1/meetings/${other}`, { token: ann });
    expect(moved.status).toBe(500);
    expect(JSON.stringify(moved.body)).not.toMatch(new RegExp(`480213|${accessCodeFor('meet.sealed')}`));
    await db.raw('DELETE FROM meetings WHERE id = $1', [other]);
  });

  it('lets an admin list and revoke any meeting, but not rewrite it', async () => {
    const admin = await issuer.sign({ oid: 'admin-oid', roles: ['SecureJoin.Admin'] });
    const id = meetingId();
    await put(id, meetingBody('meet.bobs'), { 'if-none-match': '*' }, bob);
    const all = await call(svc.url, 'GET', '/api/v1/meetings?all=1', { token: admin });
    expect(all.body.meetings.map((m: { id: string }) => m.id)).toContain(id);
    expect(all.body.meetings.map((m: { organizer: { id: string } }) => m.organizer.id)).toEqual(expect.arrayContaining(['ann-oid', 'bob-oid']));
    expect((await call(svc.url, 'GET', '/api/v1/meetings?all=1', { token: bob })).status).toBe(403);
    const bobsOwn = await call(svc.url, 'GET', '/api/v1/meetings', { token: bob });
    expect(bobsOwn.body.meetings.every((m: { organizer: { id: string } }) => m.organizer.id === 'bob-oid')).toBe(true);

    expect((await put(id, meetingBody('meet.bobs', { guestPin: '121212' }), { 'if-match': '"1"' }, admin)).status).toBe(403);
    expect((await call(svc.url, 'DELETE', `/api/v1/meetings/${id}`, { token: admin })).status).toBe(204);
    expect((await call(svc.url, 'GET', `/api/v1/meetings/${id}`, { token: bob })).status).toBe(404);
    const audit = await db.raw<{ actor_id: string; action: string; organizer_id: string }>('SELECT actor_id, action, organizer_id FROM meeting_audit WHERE meeting_id = $1 ORDER BY id', [id]);
    expect(audit.map((a) => [a.actor_id, a.action, a.organizer_id])).toEqual([['bob-oid', 'create', 'bob-oid'], ['admin-oid', 'delete', 'bob-oid']]);
  });

  it('logs requests without any code or token', async () => {
    expect(logLines.length).toBeGreaterThan(10);
    const all = logLines.join('');
    for (const secret of [...CODES, ann, bob, ann.split('.')[2] as string]) expect(all).not.toContain(secret);
    expect(all).toContain('"statusCode":201');
  });
});
