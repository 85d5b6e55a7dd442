import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ConferenceNode } from '../../../conference-node/server';
import type { PolicyNode } from '../../../core/policy';
import { applySecurity, createSecurity, provisioningOutcome, provisioningRequest } from '../../../outlook-addin/logic';
import { provision, requestToken, startNode, TOKEN } from '../../conference-node/support';
import { meeting, POLICY, SETTINGS, START } from './fixtures';

let node: ConferenceNode;
beforeAll(async () => {
  node = await startNode({ testClock: true });
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

  it('registers a weekly series whole: the codes open the room again in a later occurrence, after DST', async () => {
    // 09:00-10:00 Berlin every Tuesday from 10 March 2026 (08:00Z); 31 March is summer time (07:00Z).
    const series = { start: START, end: START + 3_600_000, timeZone: 'Europe/Berlin', rule: { frequency: 'weekly' as const, daysOfWeek: ['TU' as const] } };
    const m = meeting({ recurrence: series });
    const policyNode: PolicyNode = { origin: 'https://meet.example.com', webAppPath: 'webapp3', dialIn: [], provisioningUrl: `${node.url}/api/securejoin/v1` };
    const security = applySecurity(m, createSecurity(m, SETTINGS.choices, SETTINGS, POLICY), SETTINGS).security;
    const req = provisioningRequest(m, security, SETTINGS, policyNode, { bearerToken: TOKEN, now: START + 30 * 86_400_000 });
    expect(JSON.parse(req.init.body as string)).toMatchObject({ meeting: { start: START, end: START + 3_600_000 }, recurrence: { timeZone: 'Europe/Berlin', rule: { frequency: 'weekly', daysOfWeek: ['TU'] } } });
    const res = await fetch(req.url, req.init);
    expect(provisioningOutcome(res.status, await res.text())).toEqual({ ok: true, created: true });
    const fourth = Date.UTC(2026, 2, 31, 7);
    await provision(node, 'POST', 'clock', { set: fourth - SETTINGS.leadMinutes * 60_000 });
    expect((await requestToken(node, security.alias, 'Fourth week', security.accessCode as string)).status).toBe(200);
    await provision(node, 'POST', 'clock', { set: fourth + 3 * 3_600_000 });
    expect((await requestToken(node, security.alias, 'Too late', security.accessCode as string)).status).toBe(403);
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
