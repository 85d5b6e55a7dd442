/**
 * Interim node sync against a real reference conference node: every accepted write registers
 * (or withdraws) the room on the node within the write; when the node refuses or cannot be
 * reached the write is rolled back and answered 502, nothing half-applied.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startConferenceNode } from '../../conference-node/server';
import type { ConferenceNode } from '../../conference-node/server';
import type { MeetingService } from '../../service';
import { provision, requestToken } from '../conference-node/support';
import { call, createTestDatabase, meetingBody, meetingId, sql, startIssuer, startService } from './support';
import type { TestDatabase, TestIssuer } from './support';

describe('node sync', () => {
  let issuer: TestIssuer;
  let db: TestDatabase;
  let node: ConferenceNode;
  let svc: MeetingService;
  let token: string;

  beforeAll(async () => {
    [issuer, db, node] = await Promise.all([startIssuer(), createTestDatabase(), startConferenceNode({ bearerToken: 'node-secret' })]);
    svc = await startService(issuer, { databaseUrl: db.url, node: { url: node.url, token: 'node-secret' } });
    token = await issuer.sign({ oid: 'ann-oid' });
  });

  afterAll(async () => {
    await svc?.close();
    await Promise.all([node?.close(), db?.drop(), issuer?.close()]);
  });

  const nodeRoom = async (alias: string) => provision(node, 'GET', `rooms/${alias}`, undefined, 'node-secret');

  it('registers the room on create, moves it on an alias change and withdraws it on delete', async () => {
    const id = meetingId();
    const start = Date.now() + 5 * 60_000;
    const created = await call(svc.url, 'PUT', `/api/v1/meetings/${id}`, { token, body: meetingBody('meet.synced', {}, start), headers: { 'if-none-match': '*' } });
    expect(created.status).toBe(201);
    expect((await nodeRoom('meet.synced')).body).toMatchObject({ alias: 'meet.synced', hostPin: '480213', accessCode: { code: '91827364' } });
    // The codes in the invite open the room: the host PIN gets a host token, the access code a guest one.
    expect((await requestToken(node, 'meet.synced', 'Ann', '480213')).body.result.role).toBe('HOST');
    expect((await requestToken(node, 'meet.synced', 'Guest', '91827364')).body.result.role).toBe('GUEST');

    const moved = await call(svc.url, 'PUT', `/api/v1/meetings/${id}`, { token, body: meetingBody('meet.moved', {}, start), headers: { 'if-match': '"1"' } });
    expect(moved.status).toBe(200);
    expect((await nodeRoom('meet.synced')).status).toBe(404);
    expect((await nodeRoom('meet.moved')).status).toBe(200);

    expect((await call(svc.url, 'DELETE', `/api/v1/meetings/${id}`, { token, headers: { 'if-match': '"2"' } })).status).toBe(204);
    expect((await nodeRoom('meet.moved')).status).toBe(404);
  });

  it('rolls the write back and answers 502 when the node refuses or cannot be reached', async () => {
    const id = meetingId();
    expect((await call(svc.url, 'PUT', `/api/v1/meetings/${id}`, { token, body: meetingBody('meet.kept'), headers: { 'if-none-match': '*' } })).status).toBe(201);
    const auditBefore = await sql(db.url, 'SELECT id FROM meeting_audit');

    const wrongToken = await startService(issuer, { databaseUrl: db.url, node: { url: node.url, token: 'not-the-token' } });
    try {
      const refusedCreate = await call(wrongToken.url, 'PUT', `/api/v1/meetings/${meetingId()}`, { token, body: meetingBody('meet.refused'), headers: { 'if-none-match': '*' } });
      expect([refusedCreate.status, refusedCreate.body.error]).toEqual([502, 'node']);
      expect(refusedCreate.body.message).toContain('401');
      expect(JSON.stringify(refusedCreate.body)).not.toContain('not-the-token');
      const refusedReplace = await call(wrongToken.url, 'PUT', `/api/v1/meetings/${id}`, { token, body: meetingBody('meet.kept', { guestPin: '343434' }), headers: { 'if-match': '"1"' } });
      expect(refusedReplace.status).toBe(502);
      expect((await call(wrongToken.url, 'DELETE', `/api/v1/meetings/${id}`, { token, headers: { 'if-match': '"1"' } })).status).toBe(502);
    } finally {
      await wrongToken.close();
    }

    const gone = await startConferenceNode();
    const unreachableUrl = gone.url;
    await gone.close();
    const unreachable = await startService(issuer, { databaseUrl: db.url, node: { url: unreachableUrl, token: 'node-secret' } });
    try {
      const res = await call(unreachable.url, 'PUT', `/api/v1/meetings/${id}`, { token, body: meetingBody('meet.kept', { guestPin: '343434' }), headers: { 'if-match': '"1"' } });
      expect([res.status, res.body.message]).toEqual([502, expect.stringContaining('could not be reached')]);
    } finally {
      await unreachable.close();
    }

    const kept = await call(svc.url, 'GET', `/api/v1/meetings/${id}`, { token });
    expect([kept.body.version, kept.body.room.guestPin]).toEqual([1, '730514']);
    expect((await nodeRoom('meet.kept')).body.guestPin).toBe('730514');
    expect((await nodeRoom('meet.refused')).status).toBe(404);
    expect(await sql(db.url, "SELECT count(*)::int AS n FROM meetings WHERE alias_key = 'meet.refused'")).toEqual([{ n: 0 }]);
    expect(await sql(db.url, 'SELECT id FROM meeting_audit')).toEqual(auditBefore);
  });
});
