/**
 * Guessing shut out (issue 18), as an attacker scanning access codes through a conferencing node
 * would try it: failed policy look-ups count per caller address, in the database, so every
 * replica shuts the same address out; a shut-out address is refused even a right alias while
 * others are not; the window passing lets it in again; the shut-out is an audit event naming the
 * address and never an alias.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MeetingService } from '../../service';
import { DEFAULT_GUESS_LIMITS } from '../../service/store/guesses';
import { aliasesOf, call, createTestDatabase, meetingBody, meetingId, sql, startIssuer, startService } from './support';
import type { TestDatabase, TestIssuer } from './support';
import { POLICY_PASSWORD, POLICY_USER, policyGet, sipDialInQuery, webJoinQuery } from './infinityRequests';

const START = Date.UTC(2030, 0, 7, 9);
const ATTACKER = '203.0.113.66';
const ATTENDEE = '198.51.100.7';

describe('guessing through the policy API (two replicas on PostgreSQL, default limits)', () => {
  let issuer: TestIssuer;
  let db: TestDatabase;
  let a: MeetingService;
  let b: MeetingService;
  let now = START;
  const logs: Array<Record<string, unknown>> = [];

  beforeAll(async () => {
    [issuer, db] = await Promise.all([startIssuer(), createTestDatabase()]);
    const opts = { databaseUrl: db.url, policy: { username: POLICY_USER, password: POLICY_PASSWORD }, clock: () => now, guessLimits: DEFAULT_GUESS_LIMITS };
    a = await startService(issuer, { ...opts, logLevel: 'info', logStream: { write: (line: string) => void logs.push(JSON.parse(line)) } });
    b = await startService(issuer, opts);
  }, 60_000);

  afterAll(async () => {
    await Promise.all([a?.close(), b?.close()]);
    await Promise.all([db?.drop(), issuer?.close()]);
  });

  const meeting = async () => {
    const token = await issuer.sign({ oid: 'ann-oid', preferred_username: 'ann@example.com' });
    const res = await call(a.url, 'PUT', `/api/v1/meetings/${meetingId()}`, { token, body: meetingBody({ sent: true }, START), headers: { 'if-none-match': '*' } });
    expect(res.status).toBe(201);
    return aliasesOf(res.body);
  };
  const lookUp = async (svc: MeetingService, alias: string, address: string) => (await policyGet(svc.url, 'service/configuration', webJoinQuery(alias, { remote_address: address }))).body.action as string;

  it('shuts out an address after 200 wrong look-ups on either replica, a right alias included, while another address still opens the meeting', async () => {
    now = START;
    const codes = await meeting();
    expect(await lookUp(a, codes.web, ATTACKER)).toBe('continue');
    // 200 wrong look-ups, spread over both replicas, as fast as one client sends them.
    for (let i = 0; i < 200; i += 1) {
      const guess = String(10_000_000 + i * 7919);
      expect(await lookUp(i % 2 ? a : b, guess, ATTACKER)).toBe('reject');
    }
    // Shut out everywhere, for the right alias, by web and by SIP.
    expect(await lookUp(a, codes.web, ATTACKER)).toBe('reject');
    expect(await lookUp(b, codes.web, ATTACKER)).toBe('reject');
    expect((await policyGet(b.url, 'service/configuration', { ...sipDialInQuery(codes.dial as string), remote_address: ATTACKER })).body.action).toBe('reject');
    // Everyone else is unaffected.
    expect(await lookUp(a, codes.web, ATTENDEE)).toBe('continue');
    expect(await lookUp(b, codes.invitees[0]!.web, ATTENDEE)).toBe('continue');

    // Counted only up to the limit (a shut-out address writes nothing more), one audit row, one warning, no alias.
    const [row] = await sql<{ failures: number; blocked_until: Date }>(db.url, 'SELECT failures, blocked_until FROM policy_guesses WHERE address = $1', [ATTACKER]);
    expect(row?.failures).toBe(DEFAULT_GUESS_LIMITS.limit);
    const audit = await sql<{ event: string; address: string; failures: number }>(db.url, 'SELECT event, address, failures FROM security_audit');
    expect(audit).toEqual([{ event: 'address_blocked_for_guessing', address: ATTACKER, failures: DEFAULT_GUESS_LIMITS.limit }]);
    const text = JSON.stringify(logs);
    for (const alias of codes.all) expect(text).not.toContain(alias);
    expect(text).not.toContain('10007919');

    // The window passes: the address may look up again (and starts a fresh count).
    now = START + DEFAULT_GUESS_LIMITS.windowMs - 1000;
    expect(await lookUp(a, codes.web, ATTACKER)).toBe('reject');
    now = START + DEFAULT_GUESS_LIMITS.windowMs;
    // Still inside the meeting's window (09:00 + 10 min), and the shut-out has ended.
    expect(await lookUp(b, codes.web, ATTACKER)).toBe('continue');
  });

  it('counts closed and unknown aliases as failures, never a right one, and gives each address its own count', async () => {
    now = START;
    const codes = await meeting();
    const address = '192.0.2.44';
    // Before the window opens the right alias is closed: a failure (the activation time is in the invite).
    now = START - 16 * 60_000;
    for (let i = 0; i < DEFAULT_GUESS_LIMITS.limit - 1; i += 1) expect(await lookUp(a, codes.web, address)).toBe('reject');
    now = START - 10 * 60_000;
    // Right look-ups do not count: many of them leave the address one failure short.
    for (let i = 0; i < 30; i += 1) expect(await lookUp(i % 2 ? a : b, codes.invitees[0]!.web, address)).toBe('continue');
    expect(await lookUp(a, codes.web, '192.0.2.45')).toBe('continue');
    expect(await lookUp(a, 'no-such-alias', address)).toBe('reject');
    expect(await lookUp(b, codes.web, address)).toBe('reject');
    expect(await lookUp(b, codes.web, '192.0.2.45')).toBe('continue');
  });
});
