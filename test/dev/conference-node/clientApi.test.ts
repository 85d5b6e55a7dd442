import { request } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ConferenceNode } from '../../../dev/conference-node/server';
import { clockCall, readEvents, requestToken, startNode } from './support';

const T0 = Date.UTC(2030, 0, 15, 9, 0, 0);
let node: ConferenceNode;
beforeAll(async () => {
  node = await startNode({
    clock: () => T0,
    testClock: true,
    rooms: [
      { alias: 'pinned', hostPin: '1234', guestPin: '5678', allowGuests: true },
      {
        alias: 'meeting', hostPin: '1234', allowGuests: true, accessCode: { code: '40712583' },
        meeting: { start: T0 + 60 * 60_000, end: T0 + 120 * 60_000 },
      },
    ],
  });
});
afterAll(() => node.close());

const tokenHeaders = (token: string) => ({ token });

describe('client API: request_token over HTTP', () => {
  it('answers Pexip status codes and bodies', async () => {
    expect(await requestToken(node, 'pinned', 'A')).toEqual({
      status: 403,
      body: { status: 'success', result: { version: { version_id: '36', pseudo_version: '0.1.0-securejoin' }, pin: 'required', guest_pin: 'required' } },
    });
    expect(await requestToken(node, 'pinned', 'A', '0000')).toEqual({ status: 403, body: { status: 'success', result: 'Invalid PIN' } });
    expect(await requestToken(node, 'nosuchroom', 'A')).toEqual({ status: 404, body: { status: 'failed', result: 'Neither conference nor gateway found' } });
    const host = await requestToken(node, 'PINNED', 'Hana', '1234'); // aliases match case-insensitively
    expect(host.status).toBe(200);
    expect(host.body.result).toMatchObject({ role: 'HOST', current_service_type: 'conference', display_name: 'Hana', expires: '120', conference_name: 'pinned' });
    await fetch(`${node.url}/api/client/v2/conferences/pinned/release_token`, { method: 'POST', headers: tokenHeaders(host.body.result.token) });
  });

  it('refuses a missing or oversized display name with 400', async () => {
    expect((await requestToken(node, 'pinned', '   ', '1234')).status).toBe(400);
    expect((await requestToken(node, 'pinned', 'x'.repeat(101), '1234')).status).toBe(400);
  });
});

describe('client API: token life cycle and events', () => {
  it('streams the participant list, lets a waiting guest in when the host joins, and forgets released tokens', async () => {
    const guest = await requestToken(node, 'pinned', 'Gus', '5678');
    expect(guest.body.result.current_service_type).toBe('waiting_room');
    const guestToken: string = guest.body.result.token;
    const guestUuid: string = guest.body.result.participant_uuid;

    // The host must arrive after the stream's initial sync (a fixed 50 ms pause raced it on a busy machine).
    let synced!: () => void;
    const syncedPromise = new Promise<void>((resolve) => (synced = resolve));
    const eventsPromise = readEvents(
      node,
      'pinned',
      guestToken,
      (evs) => evs.some((e) => e.event === 'participant_update' && e.data.uuid === guestUuid && e.data.service_type === 'conference'),
      (evs) => evs.some((e) => e.event === 'participant_sync_end') && synced(),
    );
    await syncedPromise;
    const host = await requestToken(node, 'pinned', 'Hana', '1234');
    const events = await eventsPromise;
    const names = events.map((e) => e.event);
    expect(names.slice(0, 4)).toEqual(['participant_sync_begin', 'participant_create', 'participant_sync_end', 'conference_update']);
    expect(events[1]?.data).toMatchObject({ uuid: guestUuid, display_name: 'Gus', role: 'guest', service_type: 'waiting_room' });
    expect(events.find((e) => e.event === 'participant_create' && e.data.display_name === 'Hana')?.data.role).toBe('chair');

    const list = await fetch(`${node.url}/api/client/v2/conferences/pinned/participants`, { headers: tokenHeaders(guestToken) });
    expect((await list.json()).result.map((p: { display_name: string; service_type: string }) => [p.display_name, p.service_type])).toEqual([
      ['Gus', 'conference'], ['Hana', 'conference'],
    ]);

    const refreshed = await fetch(`${node.url}/api/client/v2/conferences/pinned/refresh_token`, { method: 'POST', headers: tokenHeaders(guestToken) });
    const refreshedBody = await refreshed.json();
    expect(refreshedBody).toMatchObject({ status: 'success', result: { expires: '120', role: 'GUEST' } });
    expect(refreshedBody.result.token).not.toBe(guestToken);

    const released = await fetch(`${node.url}/api/client/v2/conferences/pinned/release_token`, {
      method: 'POST', headers: { ...tokenHeaders(refreshedBody.result.token), 'content-type': 'application/json' }, body: '{"reason":"User initiated disconnect"}',
    });
    expect(await released.json()).toEqual({ status: 'success', result: true });
    const after = await fetch(`${node.url}/api/client/v2/conferences/pinned/participants`, { headers: tokenHeaders(guestToken) });
    expect(after.status).toBe(403);
    expect(await after.json()).toEqual({ status: 'success', result: 'Invalid token' });
    await fetch(`${node.url}/api/client/v2/conferences/pinned/release_token?token=${host.body.result.token}`, { method: 'POST' });
  });

  it('refuses a token from another room and expired tokens', async () => {
    const host = await requestToken(node, 'pinned', 'Hana', '1234');
    const token: string = host.body.result.token;
    expect((await fetch(`${node.url}/api/client/v2/conferences/meeting/participants`, { headers: tokenHeaders(token) })).status).toBe(403);
    node.clock?.advance(121_000);
    expect((await fetch(`${node.url}/api/client/v2/conferences/pinned/participants`, { headers: tokenHeaders(token) })).status).toBe(403);
    node.clock?.set(T0);
  });
});

describe('test clock', () => {
  it('moves the node into an access code window', async () => {
    expect((await requestToken(node, 'meeting', 'Early', '40712583')).body.result).toBe('Invalid PIN');
    expect((await clockCall(node, 'POST', { advanceMs: 45 * 60_000 })).body).toEqual({ now: T0 + 45 * 60_000 });
    expect((await requestToken(node, 'meeting', 'OnTime', '40712583')).body.result.role).toBe('GUEST');
    expect((await clockCall(node, 'POST', { set: T0 })).body).toEqual({ now: T0 });
    expect((await clockCall(node, 'POST', { advanceMs: -5 })).status).toBe(400);
    expect((await clockCall(node, 'GET')).body).toEqual({ now: T0 });
  });
  it('a configured weekly series opens its code again in the second occurrence (Berlin, across DST)', async () => {
    // Monday 2030-03-25 10:00-11:00 Berlin is 09:00Z; the next Monday (after 31 March) it is 08:00Z.
    const first = { start: Date.UTC(2030, 2, 25, 9), end: Date.UTC(2030, 2, 25, 10) };
    const put = node.putRoom({
      alias: 'weekly', hostPin: '1234', allowGuests: true, accessCode: { code: '40712583' },
      meeting: first, leadMinutes: 15, graceMinutes: 10,
      recurrence: { timeZone: 'Europe/Berlin', rule: { frequency: 'weekly', count: 3 } },
    });
    expect(put.recurrence?.rule).toEqual({ frequency: 'weekly', count: 3 });
    const at = async (now: number, name: string) => {
      await clockCall(node, 'POST', { set: now });
      return (await requestToken(node, 'weekly', name, '40712583')).body.result;
    };
    const second = Date.UTC(2030, 3, 1, 8);
    expect((await at(second - 15 * 60_000, 'Second')).role).toBe('GUEST');
    expect(await at(first.start + 7 * 86_400_000 + 15 * 60_000, 'Stale')).toBe('Invalid PIN');
    expect((await at(second + 7 * 86_400_000 + 60 * 60_000, 'Third')).role).toBe('GUEST');
    expect(await at(second + 14 * 86_400_000, 'Fourth')).toBe('Invalid PIN');
    await clockCall(node, 'POST', { set: T0 });
  });
});

describe('break-in defence over HTTP', () => {
  it('blocks a room after 21 wrong PINs (404 as if it did not exist) and unblocks 10 minutes later', async () => {
    node.putRoom({ alias: 'target', hostPin: '1234', allowGuests: false });
    for (let i = 0; i < 21; i++) {
      expect((await requestToken(node, 'target', `guess-${i}`, String(1000 + i * 7).padStart(4, '0'))).status).toBe(403);
    }
    expect(await requestToken(node, 'target', 'Owner', '1234')).toEqual({ status: 404, body: { status: 'failed', result: 'Neither conference nor gateway found' } });
    node.clock?.advance(10 * 60_000);
    expect((await requestToken(node, 'target', 'Owner', '1234')).status).toBe(200);
    node.clock?.set(T0);
  });

  it('stops one client after 5 wrong PINs with Pexip\'s retries error', async () => {
    node.putRoom({ alias: 'typo', hostPin: '1234', allowGuests: false });
    for (let i = 0; i < 5; i++) await requestToken(node, 'typo', 'Clumsy', '9999');
    node.clock?.advance(4 * 60_000);
    const res = await fetch(`${node.url}/api/client/v2/conferences/typo/request_token`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', pin: '1234' },
      body: JSON.stringify({ display_name: 'Clumsy' }),
    });
    expect(await res.json()).toEqual({ status: 'success', result: 'Participant exceeded PIN entry retries' });
    // The node knows when the oldest wrong PIN leaves the 10-minute window: 6 minutes from now.
    expect(res.headers.get('retry-after')).toBe('360');
    node.clock?.set(T0);
    expect((await requestToken(node, 'typo', 'Careful', '1234')).status).toBe(200);
  });
});

describe('HTTP shell', () => {
  it('only answers to loopback host names (DNS rebinding guard)', async () => {
    const status = await new Promise<number>((resolve, reject) => {
      const req = request({ host: '127.0.0.1', port: node.port, path: '/api/client/v2/conferences/pinned/request_token', method: 'POST', headers: { host: `evil.example:${node.port}` } }, (res) => {
        res.resume();
        resolve(res.statusCode ?? 0);
      });
      req.on('error', reject);
      req.end();
    });
    expect(status).toBe(421);
    expect((await fetch(`${node.localhostUrl}/`)).status).toBe(200);
  });

  it('serves the join page escaped, with a strict CSP, a labelled password PIN input and the SDK bundle', async () => {
    const res = await fetch(`${node.url}/webapp3/m/${encodeURIComponent('<img src=x onerror=alert(1)>')}`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-security-policy')).toContain("script-src 'self'");
    const html = await res.text();
    expect(html).not.toContain('<img');
    expect(html).toContain('&#60;img src=x onerror=alert(1)&#62;');
    expect(html).toMatch(/<label id="pin-label" for="pin">/);
    expect(html).toMatch(/<input id="pin" name="pin" type="password" autocomplete="off"/);
    const js = await fetch(`${node.url}/webapp3/join-page.js`);
    expect(js.headers.get('content-type')).toContain('javascript');
    expect((await js.text()).length).toBeGreaterThan(10_000);
    expect((await fetch(`${node.url}/webapp/m/pinned`)).status).toBe(404);
  });
});
