/**
 * `securejoin service attendance`: an admin at the server reads a meeting's record from the
 * service's own database (PGlite here), as text per invitee or as the CSV.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CODES_KEY, aliasesOf, call, meetingId, startIssuer, startService } from '../service/support';
import { SINK_PASSWORD, SINK_USER, participantData, postSink, sinkNode } from '../service/eventSinkRequests';
import { runIn } from './support';

describe('securejoin service attendance', () => {
  const dir = mkdtempSync(join(tmpdir(), 'securejoin-attendance-cli-'));
  const id = meetingId();

  beforeAll(async () => {
    const issuer = await startIssuer();
    const svc = await startService(issuer, { dataDir: dir, eventSink: { username: SINK_USER, password: SINK_PASSWORD } });
    try {
      const start = Date.now() + 5 * 60_000;
      const room = { hostPin: '480213779', allowGuests: true, accessCode: { role: 'guest' }, sent: true, invitees: [{ email: 'ana@example.com', name: 'Ana Lima', passcode: '551029384' }, { email: 'bo@example.com', name: '=Bo', passcode: '662038475' }], meeting: { start, end: start + 3_600_000 } };
      const res = await call(svc.url, 'PUT', `/api/v1/meetings/${id}`, { token: await issuer.sign({ oid: 'olga' }), body: { subject: 'Review', room }, headers: { 'if-none-match': '*' } });
      const ana = aliasesOf(res.body).invitees[0]?.web ?? '';
      const node = sinkNode();
      const at = Date.UTC(2026, 11, 7, 9);
      expect((await postSink(svc.url, node.next('participant_connected', participantData('p1', ana, 'Ana Lima', at), at))).status).toBe(200);
    } finally {
      await svc.close();
      await issuer.close();
    }
  }, 60_000);

  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  /** Runs the command and waits for what it prints (it reads the database after returning). */
  const run = async (...args: string[]) => {
    let out = '';
    let err = '';
    const { runCli } = await import('../../cli/run');
    const code = runCli(['service', 'attendance', ...args], { out: (t) => void (out += t), err: (t) => void (err += t), outBytes: () => undefined });
    for (const until = Date.now() + 30_000; out === '' && err === '' && Date.now() < until; ) await new Promise((r) => setTimeout(r, 50));
    return { code, out, err };
  };

  it('prints who came per invitee, and the CSV', async () => {
    const text = await run(id, '--data-dir', dir, '--codes-key', CODES_KEY);
    expect(text.out).toBe('Review\nAna Lima: 1 person, 1 present now\n  Ana Lima, guest, WebRTC: joined 2026-12-07T09:00:00Z, present now\n=Bo: did not join\n');
    const csv = await run(id, '--data-dir', dir, '--codes-key', CODES_KEY, '--csv');
    expect(csv.out.split('\r\n')[1]).toMatch(/^"Ana Lima","Ana Lima","","guest","WebRTC","2026-12-07T09:00:00.000Z",""/);
  });

  it('refuses a missing or malformed meeting id', () => {
    expect(runIn({}, 'service', 'attendance').stderr).toContain('name the meeting');
    expect(runIn({}, 'service', 'attendance', 'x').code).toBe(2);
  });
});
