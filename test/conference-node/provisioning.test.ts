import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ConferenceNode } from '../../conference-node/server';
import { provision, requestToken, startNode } from './support';

let node: ConferenceNode;
beforeAll(async () => {
  node = await startNode();
});
afterAll(() => node.close());

const ROOM = { alias: 'team', hostPin: '1234', guestPin: '5678', allowGuests: true };

describe('provisioning API', () => {
  it('refuses requests without the right bearer token', async () => {
    const res = await fetch(`${node.url}/api/securejoin/v1/rooms/team`);
    expect(res.status).toBe(401);
    expect(res.headers.get('www-authenticate')).toBe('Bearer');
    expect((await provision(node, 'GET', 'rooms/team', undefined, 'wrong')).status).toBe(401);
    expect((await provision(node, 'PUT', 'rooms/team', ROOM, 'wrong')).status).toBe(401);
    expect((await requestToken(node, 'team', 'X')).status).toBe(404);
  });

  it('creates (201), reads back, replaces (200), lists and deletes (204) a room', async () => {
    const created = await provision(node, 'PUT', 'rooms/team', ROOM);
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ ...ROOM, name: 'team', accessCode: null, invitees: [], window: null });
    expect((await provision(node, 'GET', 'rooms/team')).body).toEqual(created.body);
    expect((await requestToken(node, 'team', 'X', '5678')).body.result.role).toBe('GUEST');

    const replaced = await provision(node, 'PUT', 'rooms/team', { ...ROOM, guestPin: '8765' });
    expect(replaced.status).toBe(200);
    expect((await requestToken(node, 'team', 'X', '5678')).body.result).toBe('Invalid PIN');
    expect((await provision(node, 'GET', 'rooms')).body).toEqual({ rooms: ['team'] });

    expect((await provision(node, 'DELETE', 'rooms/team')).status).toBe(204);
    expect((await provision(node, 'GET', 'rooms/team')).status).toBe(404);
    expect((await provision(node, 'DELETE', 'rooms/team')).status).toBe(404);
    expect((await requestToken(node, 'team', 'X', '1234')).status).toBe(404);
  });

  it('answers 400 with every issue for a bad room, and stores nothing', async () => {
    const bad = await provision(node, 'PUT', 'rooms/bad', { alias: 'bad', hostPin: '12', allowGuests: 'yes', lockd: true });
    expect(bad.status).toBe(400);
    expect(bad.body.error).toBe('invalid_room');
    expect(bad.body.errors.map((e: { path: string }) => e.path).sort()).toEqual(['', 'allowGuests', 'hostPin']);
    expect((await provision(node, 'PUT', 'rooms/other', { ...ROOM, alias: 'team' })).body.errors).toEqual([
      { path: 'alias', message: 'must equal the alias in the URL (other)' },
    ]);
    expect((await provision(node, 'GET', 'rooms/bad')).status).toBe(404);
  });

  it('answers 400 to malformed JSON and 415 to a non-JSON body', async () => {
    const malformed = await fetch(`${node.url}/api/securejoin/v1/rooms/x`, {
      method: 'PUT', headers: { authorization: 'Bearer test-bearer-token', 'content-type': 'application/json' }, body: '{',
    });
    expect(malformed.status).toBe(400);
    const form = await fetch(`${node.url}/api/securejoin/v1/rooms/x`, {
      method: 'PUT', headers: { authorization: 'Bearer test-bearer-token', 'content-type': 'application/x-www-form-urlencoded' }, body: 'a=1',
    });
    expect(form.status).toBe(415);
  });

  it('answers CORS preflights so the Outlook add-in can call it', async () => {
    const res = await fetch(`${node.url}/api/securejoin/v1/rooms/team`, {
      method: 'OPTIONS', headers: { origin: 'https://addin.example', 'access-control-request-method': 'PUT' },
    });
    expect(res.status).toBe(204);
    expect(res.headers.get('access-control-allow-origin')).toBe('*');
    expect(res.headers.get('access-control-allow-headers')).toContain('authorization');
  });

  it('has no clock endpoint unless started with testClock', async () => {
    expect((await provision(node, 'POST', 'clock', { advanceMs: 1000 })).status).toBe(404);
  });

  it('shows a room status with roster usage', async () => {
    await provision(node, 'PUT', 'rooms/st', {
      alias: 'st', hostPin: '1234', allowGuests: true, window: { opensAt: 0, closesAt: 8_000_000_000_000 },
      invitees: [{ email: 'ana@example.com', name: 'Ana Lima', passcode: '6183' }],
    });
    await requestToken(node, 'st', 'whoever', '6183');
    const status = await provision(node, 'GET', 'rooms/st/status');
    expect(status.body).toMatchObject({
      alias: 'st', roomBlocked: false, rosterUsage: { '6183': 1 },
      participants: [{ displayName: 'Ana Lima', role: 'guest', serviceType: 'waiting_room', credential: 'invitee_passcode' }],
    });
  });
});
