/**
 * Pexip's own client API package (`@pexip/infinity-api`, strict response validation) against the
 * node. The full `@pexip/infinity` client needs `window` and `EventSource`, which Node 20 lacks;
 * it is exercised in real Chromium by test/e2e/join-page.test.ts.
 */
import { participants, refreshToken, releaseToken, requestToken, withPin, withToken } from '@pexip/infinity-api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ConferenceNode } from '../../../dev/conference-node/server';
import { startNode } from './support';

let node: ConferenceNode;
beforeAll(async () => {
  node = await startNode({
    rooms: [
      { alias: 'pinned', hostPin: '1234', guestPin: '5678', allowGuests: true },
      { alias: 'hostonly', hostPin: '1234', allowGuests: true },
    ],
  });
});
afterAll(() => node.close());

const ask = (alias: string, pin?: string) =>
  requestToken({
    fetcher: pin === undefined ? fetch : withPin(fetch, pin),
    body: { display_name: 'Pat', client_id: 'infinity-api-test' },
    params: { conferenceAlias: alias },
    host: node.url,
  });

describe('@pexip/infinity-api against the node', () => {
  it('validates the pin-required answer', async () => {
    const res = await ask('pinned');
    expect(res.status).toBe(403);
    expect(res.data.result).toMatchObject({ pin: 'required', guest_pin: 'required' });
    expect((await ask('hostonly')).data.result).toMatchObject({ pin: 'required', guest_pin: 'none' });
  });

  it('validates Invalid PIN and not found', async () => {
    expect(await ask('pinned', '0000')).toEqual({ status: 403, data: { status: 'success', result: 'Invalid PIN' } });
    expect(await ask('nowhere', '0000')).toEqual({ status: 404, data: { status: 'failed', result: 'Neither conference nor gateway found' } });
  });

  it('gets, refreshes, uses and releases a token', async () => {
    const host = await ask('pinned', '1234');
    expect(host.status).toBe(200);
    if (host.status !== 200) return;
    expect(host.data.result).toMatchObject({ role: 'HOST', current_service_type: 'conference' });
    const guest = await ask('hostonly', 'none');
    expect(guest.status === 200 && [guest.data.result.role, guest.data.result.current_service_type]).toEqual(['GUEST', 'waiting_room']);

    const refreshed = await refreshToken({ fetcher: withToken(fetch, host.data.result.token), params: { conferenceAlias: 'pinned' }, host: node.url });
    expect(refreshed.status).toBe(200);
    if (refreshed.status !== 200) return;
    const list = await participants({ fetcher: withToken(fetch, refreshed.data.result.token), params: { conferenceAlias: 'pinned' }, host: node.url });
    expect(list.status === 200 && list.data.result.map((p) => [p.display_name, p.role])).toEqual([['Pat', 'chair']]);
    const released = await releaseToken({ fetcher: withToken(fetch, refreshed.data.result.token), params: { conferenceAlias: 'pinned' }, body: {}, host: node.url });
    expect(released).toEqual({ status: 200, data: { status: 'success', result: true } });
  });
});
