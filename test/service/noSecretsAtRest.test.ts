/**
 * "Secrets stay secret", end to end on PostgreSQL (issue 18): after a full journey at the default
 * log level (an organizer creates, moves and sends a per-invitee meeting; Infinity looks up every
 * alias by web and by SIP, names participants, and someone guesses), neither the service's log
 * nor `pg_dump --data-only` of its database holds any alias, access code, PIN or passcode in clear.
 */
import { execFileSync } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MeetingService } from '../../service';
import { POLICY_PASSWORD, POLICY_USER, participantQuery, policyGet, sipDialInQuery, webJoinQuery } from './infinityRequests';
import { aliasesOf, call, carryBack, createTestDatabase, meetingId, startIssuer, startService } from './support';
import type { TestDatabase, TestIssuer } from './support';

const START = Date.UTC(2030, 0, 7, 9);
const SECRETS = { hostPin: '4802139157', passcodes: ['5510293847', '6620384751'] };

describe('no secret in the log or a database dump after a full journey (PostgreSQL, default log level)', () => {
  let issuer: TestIssuer;
  let db: TestDatabase;
  let svc: MeetingService;
  let now = START;
  const log: string[] = [];

  beforeAll(async () => {
    [issuer, db] = await Promise.all([startIssuer(), createTestDatabase()]);
    svc = await startService(issuer, { databaseUrl: db.url, logLevel: 'info', logStream: { write: (line: string) => void log.push(line) }, policy: { username: POLICY_USER, password: POLICY_PASSWORD }, clock: () => now });
  }, 60_000);

  afterAll(async () => {
    await svc?.close();
    await Promise.all([db?.drop(), issuer?.close()]);
  });

  it('keeps every alias and code out of both', async () => {
    const token = await issuer.sign({ oid: 'ann-oid', preferred_username: 'ann@example.com' });
    const id = meetingId();
    const body = {
      subject: 'Board meeting',
      room: {
        hostPin: SECRETS.hostPin,
        allowGuests: true,
        accessCode: { role: 'guest' },
        invitees: [
          { email: 'ana@example.com', name: 'Ana Lima', passcode: SECRETS.passcodes[0] },
          { email: 'bo@example.com', name: 'Bo Chen', passcode: SECRETS.passcodes[1] },
        ],
        meeting: { start: START, end: START + 3_600_000 },
      },
    };
    const draft = await call(svc.url, 'PUT', `/api/v1/meetings/${id}`, { token, body, headers: { 'if-none-match': '*' } });
    expect(draft.status).toBe(201);
    const moved = await call(svc.url, 'PUT', `/api/v1/meetings/${id}`, { token, body: carryBack(draft.body, { meeting: { start: START, end: START + 2 * 3_600_000 } }), headers: { 'if-match': '"1"' } });
    const sent = await call(svc.url, 'PUT', `/api/v1/meetings/${id}`, { token, body: carryBack(moved.body, { meeting: { start: START, end: START + 2 * 3_600_000 }, sent: true }), headers: { 'if-match': '"2"' } });
    expect([moved.status, sent.status]).toEqual([200, 200]);
    const a = aliasesOf(sent.body);
    // Infinity at work: every alias by web and by SIP, participants named, a few wrong guesses.
    for (const alias of a.all) expect((await policyGet(svc.url, 'service/configuration', webJoinQuery(alias))).body.action).toBe('continue');
    for (const dial of [a.dial!, ...a.invitees.map((i) => i.dial)]) expect((await policyGet(svc.url, 'service/configuration', sipDialInQuery(dial))).body.action).toBe('continue');
    for (const [i, inv] of a.invitees.entries()) {
      const named = await policyGet(svc.url, 'participant/properties', participantQuery(inv.web, `securejoin-${id}`, `p${i}`));
      expect(named.body.result.remote_display_name).toBe(i === 0 ? 'Ana Lima' : 'Bo Chen');
    }
    for (const guess of ['12345678', 'meet.ceo', a.dial!.replace(/.$/, (d) => String((Number(d) + 1) % 10))]) {
      expect((await policyGet(svc.url, 'service/configuration', webJoinQuery(guess))).body.action).toBe('reject');
    }
    expect((await call(svc.url, 'GET', `/api/v1/meetings/${id}`, { token })).status).toBe(200);

    const secrets = [SECRETS.hostPin, ...SECRETS.passcodes, ...a.all].map((s) => s.toLowerCase());
    const dump = execFileSync('pg_dump', ['--data-only', db.url], { maxBuffer: 64 * 1024 * 1024 }).toString('utf8').toLowerCase();
    expect(dump).toContain('ann-oid');
    expect(dump).toContain('board meeting');
    for (const secret of secrets) expect(dump, secret).not.toContain(secret);
    const lines = log.join('').toLowerCase();
    expect(lines).toContain('"route":"/policy/v1/service/configuration"');
    for (const secret of [...secrets, token.toLowerCase(), 'ana lima', 'sip:']) expect(lines, secret).not.toContain(secret);
  });
});
