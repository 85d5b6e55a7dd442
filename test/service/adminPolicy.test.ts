/**
 * The admin policy is the service's policy too (issue 18): started with the example policy file
 * (PINs of at least 10 digits, grace locked at 10 minutes, 8-digit passcodes, 9-digit access
 * codes), the service refuses what the policy forbids from any client, mints at the policy's
 * lengths, and the command line refuses an invalid policy file and keys over plain http.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serviceOptions as cliServiceOptions } from '../../cli/serviceCommand';
import { parsePolicyJson } from '../../core/policy';
import type { MeetingService } from '../../service';
import { aliasesOf, call, carryBack, createTestDatabase, meetingId, startIssuer, startService } from './support';
import type { TestDatabase, TestIssuer } from './support';
import { runIn } from '../cli/support';

const START = Date.UTC(2030, 0, 7, 9);
const EXAMPLE = readFileSync('examples/policy.json', 'utf8');

/** A write that keeps examples/policy.json: 10-digit PINs and passcodes, grace 10, an access code. */
function compliant(over: Record<string, unknown> = {}) {
  return {
    subject: 'Board meeting',
    room: {
      hostPin: '4802139157',
      allowGuests: true,
      accessCode: { role: 'guest' },
      invitees: [{ email: 'ana@example.com', name: 'Ana Lima', passcode: '5510293847' }],
      meeting: { start: START, end: START + 3_600_000 },
      leadMinutes: 15,
      graceMinutes: 10,
      ...over,
    },
  };
}

describe('meeting writes under examples/policy.json (PostgreSQL)', () => {
  let issuer: TestIssuer;
  let db: TestDatabase;
  let svc: MeetingService;
  let token: string;

  beforeAll(async () => {
    [issuer, db] = await Promise.all([startIssuer(), createTestDatabase()]);
    const parsed = parsePolicyJson(EXAMPLE);
    if (!parsed.ok) throw new Error('examples/policy.json must be valid');
    svc = await startService(issuer, { databaseUrl: db.url, adminPolicy: parsed.value });
    token = await issuer.sign({ oid: 'ann-oid', preferred_username: 'ann@example.com' });
  }, 60_000);

  afterAll(async () => {
    await svc?.close();
    await Promise.all([db?.drop(), issuer?.close()]);
  });

  const create = (body: unknown) => call(svc.url, 'PUT', `/api/v1/meetings/${meetingId()}`, { token, body, headers: { 'if-none-match': '*' } });
  const paths = (res: { body: { issues?: Array<{ path: string }> } }) => (res.body.issues ?? []).map((i) => i.path);

  it('accepts a write that keeps the policy, minting a 9-digit access code and personal aliases', async () => {
    const res = await create(compliant());
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    const a = aliasesOf(res.body);
    expect(a.dial).toMatch(/^[0-9]{9}$/);
    expect(a.invitees[0]?.dial).toMatch(/^[0-9]{9}$/);
  });

  it('refuses short PINs, another grace, a missing access code, a 30-day window, a chosen alias and control characters (4xx), storing nothing', async () => {
    const count = async () => (await call(svc.url, 'GET', '/api/v1/meetings', { token })).body.meetings.length as number;
    const before = await count();
    const six = await create(compliant({ hostPin: '480213', invitees: [{ email: 'ana@example.com', name: 'Ana Lima', passcode: '551029' }] }));
    expect([six.status, paths(six)]).toEqual([400, ['room.hostPin', 'room.invitees[0].passcode']]);
    const grace = await create(compliant({ graceMinutes: 0 }));
    expect([grace.status, paths(grace)]).toEqual([400, ['room.graceMinutes']]);
    const noGrace = await create(compliant({ graceMinutes: undefined }));
    expect([noGrace.status, paths(noGrace)]).toEqual([400, ['room.graceMinutes']]);
    const noCode = await create(compliant({ accessCode: null }));
    expect([noCode.status, paths(noCode)]).toEqual([400, ['room.accessCode']]);
    const month = await create(compliant({ meeting: { start: START, end: START + 30 * 24 * 3_600_000 } }));
    expect([month.status, paths(month)]).toEqual([400, ['room.meeting']]);
    const fixedWindow = await create(compliant({ meeting: undefined, leadMinutes: undefined, graceMinutes: undefined, window: { opensAt: START, closesAt: START + 3_600_000 } }));
    expect([fixedWindow.status, paths(fixedWindow)]).toEqual([400, ['room.window']]);
    const vanity = await create(compliant({ alias: 'meet.ceo', hostPin: '1234' }));
    expect([vanity.status, vanity.body.error]).toEqual([400, 'aliases_are_minted']);
    const nul = await create({ ...compliant(), subject: 'Board\u0000meeting' });
    expect([nul.status, paths(nul)]).toEqual([400, ['subject']]);
    expect(await count()).toBe(before);
  });

  it('checks replaces too: a sent meeting cannot be weakened by carrying its aliases back with a short PIN', async () => {
    const created = await create(compliant({ sent: true }));
    const id = created.body.id as string;
    const weakened = await call(svc.url, 'PUT', `/api/v1/meetings/${id}`, { token, body: carryBack(created.body, { hostPin: '480213', invitees: [{ ...created.body.room.invitees[0], passcode: '551029' }], graceMinutes: 10 }), headers: { 'if-match': '"1"' } });
    expect([weakened.status, paths(weakened)]).toEqual([400, ['room.hostPin', 'room.invitees[0].passcode']]);
    const kept = await call(svc.url, 'GET', `/api/v1/meetings/${id}`, { token });
    expect(kept.body.room.hostPin).toBe('4802139157');
  });
});

describe('securejoin service: admin policy and key URL flags', () => {
  const base = ['--issuer', 'https://login.example/t/v2.0', '--audience', 'api://sj', '--tenant', 't'];

  it('loads --admin-policy (or SECUREJOIN_ADMIN_POLICY) and stops at an invalid one with every problem named as policy check does', () => {
    const dir = mkdtempSync(join(tmpdir(), 'sj-policy-'));
    const good = join(dir, 'policy.json');
    writeFileSync(good, EXAMPLE);
    const opts = cliServiceOptions([...base, '--jwks-url', 'https://login.example/keys', '--admin-policy', good], {});
    expect(opts !== 'help' && opts.adminPolicy?.organizer.pin.minLength).toEqual({ value: 10, locked: true });
    const fromEnv = cliServiceOptions([...base, '--jwks-url', 'https://login.example/keys'], { SECUREJOIN_ADMIN_POLICY: good });
    expect(fromEnv !== 'help' && fromEnv.adminPolicy?.organizer.accessCode.length.value).toBe(9);

    const bad = join(dir, 'bad.json');
    writeFileSync(bad, '{ "version": 1, "organizer": { "pin": { "minLength": { "value": 2 } } }, "maxActivationWindowHours": 0 }');
    const check = runIn({}, 'policy', 'check', bad);
    expect(() => cliServiceOptions([...base, '--jwks-url', 'https://login.example/keys', '--admin-policy', bad], {})).toThrow(/organizer\.pin\.minLength\.value: .*\n.*maxActivationWindowHours: /s);
    const started = runIn({}, 'service', ...base, '--jwks-url', 'https://login.example/keys', '--admin-policy', bad);
    expect(started.code).not.toBe(0);
    for (const line of check.stderr.split('\n').filter((l) => l.startsWith('  '))) expect(started.stderr).toContain(line);
  });

  it('refuses signing keys over plain http unless on loopback', () => {
    expect(() => cliServiceOptions([...base, '--jwks-url', 'http://keys.example.com/discovery/v2.0/keys'], {})).toThrow(/--jwks-url must be an https URL/);
    expect(() => cliServiceOptions([...base, '--jwks-url', 'http://10.0.0.5/keys'], {})).toThrow(/https/);
    expect(() => cliServiceOptions([...base, '--jwks-url', 'ftp://keys.example.com/keys'], {})).toThrow(/https/);
    for (const url of ['http://127.0.0.1:9000/jwks.json', 'http://localhost:9000/jwks.json', 'http://[::1]:9000/jwks.json', 'https://login.microsoftonline.com/t/discovery/v2.0/keys']) {
      const opts = cliServiceOptions([...base, '--jwks-url', url], {});
      expect(opts !== 'help' && opts.auth.jwksUrl).toBe(url);
    }
  });
});
