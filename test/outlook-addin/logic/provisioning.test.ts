import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ConferenceNode } from '../../../conference-node/server';
import type { PolicyNode } from '../../../core/policy';
import { applySecurity, createSecurity, provisioningOutcome, provisioningRequest } from '../../../outlook-addin/logic';
import { requestToken, startNode, TOKEN } from '../../conference-node/support';
import { meeting, POLICY, SETTINGS } from './fixtures';

let node: ConferenceNode;
beforeAll(async () => {
  node = await startNode();
});
afterAll(async () => {
  await node.close();
});

describe('provisioningRequest against the reference node', () => {
  it('registers the codes so the access code and a personal passcode open the room', async () => {
    const now = Date.now();
    const m = meeting({ start: now + 5 * 60_000, end: now + 65 * 60_000 });
    const policyNode: PolicyNode = { origin: 'https://meet.example.com', webAppPath: 'webapp3', dialIn: [], provisioningUrl: `${node.url}/api/securejoin/v1/` };
    const security = applySecurity(m, createSecurity(m, SETTINGS.choices, SETTINGS, POLICY), SETTINGS).security;
    const req = provisioningRequest(m, security, SETTINGS, policyNode, { bearerToken: TOKEN, now });
    expect(req.url).toBe(`${node.url}/api/securejoin/v1/rooms/${security.alias}`);
    const res = await fetch(req.url, req.init);
    expect(provisioningOutcome(res.status, await res.text())).toEqual({ ok: true, created: true });

    const guest = await requestToken(node, security.alias, 'Someone', security.accessCode as string);
    expect(guest.status).toBe(200);
    const ana = security.roster?.invitees[0];
    const invitee = await requestToken(node, security.alias, 'Whoever', ana?.passcode);
    expect(invitee.status).toBe(200);
    expect(invitee.body.result.display_name).toBe(ana?.name);
    const wrong = await requestToken(node, security.alias, 'Mallory', '99999999');
    expect(wrong.status).toBe(403);
  });

  it('shows the node refusing a bad token', async () => {
    const m = meeting();
    const policyNode: PolicyNode = { origin: 'https://meet.example.com', webAppPath: 'webapp3', dialIn: [], provisioningUrl: `${node.url}/api/securejoin/v1` };
    const security = createSecurity(m, SETTINGS.choices, SETTINGS, POLICY);
    const req = provisioningRequest(m, security, SETTINGS, policyNode, { bearerToken: 'wrong' });
    const res = await fetch(req.url, req.init);
    expect(provisioningOutcome(res.status, await res.text())).toEqual({ ok: false, message: expect.stringMatching(/401/) });
  });

  it('refuses a node without provisioningUrl, and explains 400 answers', () => {
    const security = createSecurity(meeting(), SETTINGS.choices, SETTINGS, POLICY);
    expect(() => provisioningRequest(meeting(), security, SETTINGS, { origin: 'https://x.example', webAppPath: 'webapp3', dialIn: [] })).toThrow(/provisioningUrl/);
    const outcome = provisioningOutcome(400, JSON.stringify({ error: 'invalid_room', errors: [{ path: 'hostPin', message: 'must be 4-20 digits' }] }));
    expect(outcome).toEqual({ ok: false, message: 'The conference node refused the meeting: hostPin: must be 4-20 digits' });
    expect(provisioningOutcome(502, '<html>')).toEqual({ ok: false, message: 'The conference node could not be reached (502).' });
    expect(provisioningOutcome(500, '<html>')).toEqual({ ok: false, message: 'The conference node answered 500.' });
  });
});
