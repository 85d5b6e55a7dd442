/**
 * TLS on both sides: the service serves HTTPS with a given key and certificate, and syncs rooms
 * to a node over HTTPS trusting only the CA it was given (an untrusted node is refused, 502).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { request } from 'node:https';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startConferenceNode } from '../../conference-node/server';
import type { ConferenceNode } from '../../conference-node/server';
import { ensureDevCertificate } from '../../devcert';
import { serviceOptions } from '../../cli/serviceCommand';
import { call, CODES_KEY, createTestDatabase, meetingBody, meetingId, startIssuer, startService } from './support';
import type { TestDatabase, TestIssuer } from './support';

const dir = mkdtempSync(join(tmpdir(), 'sj-service-tls-'));
const tls = ensureDevCertificate(dir);

function httpsGet(url: string, ca: string, headers: Record<string, string> = {}): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    request(url, { ca, headers }, (res) => {
      let body = '';
      res.on('data', (c: Buffer) => (body += c.toString()));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
    }).on('error', reject).end();
  });
}

describe('TLS', () => {
  let issuer: TestIssuer;
  let db: TestDatabase;
  let node: ConferenceNode;

  beforeAll(async () => {
    [issuer, db, node] = await Promise.all([startIssuer(), createTestDatabase(), startConferenceNode({ tls, bearerToken: 'node-secret' })]);
  });
  afterAll(async () => {
    await Promise.all([node?.close(), db?.drop(), issuer?.close()]);
    rmSync(dir, { recursive: true, force: true });
  });

  it('serves HTTPS from --tls-dir and syncs to an https node trusted through --node-ca only', async () => {
    const opts = serviceOptions(
      ['--port', '0', '--tls-dir', dir, '--node-url', node.url, '--node-ca', join(dir, 'cert.pem'),
        '--issuer', issuer.issuer, '--audience', issuer.audience, '--jwks-url', issuer.jwksUrl, '--tenant', issuer.tenant],
      { DATABASE_URL: db.url, SECUREJOIN_CODES_KEY: CODES_KEY, SECUREJOIN_NODE_TOKEN: 'node-secret' },
    );
    if (opts === 'help') throw new Error('unexpected help');
    const svc = await startService(issuer, { ...opts, logLevel: 'silent' });
    try {
      expect(svc.url).toMatch(/^https:\/\/127\.0\.0\.1:\d+$/);
      expect(await httpsGet(`${svc.url}/healthz`, tls.cert)).toEqual({ status: 200, body: '{"status":"ok"}' });
      // A service that was not given the node's CA refuses its certificate: the write is not applied.
      const untrusting = await startService(issuer, { databaseUrl: db.url, node: { url: node.url, token: 'node-secret' } });
      try {
        const token = await issuer.sign({ oid: 'ann-oid' });
        const refused = await call(untrusting.url, 'PUT', `/api/v1/meetings/${meetingId()}`, { token, body: meetingBody('meet.untrusted'), headers: { 'if-none-match': '*' } });
        expect([refused.status, refused.body.message]).toEqual([502, expect.stringContaining('could not be reached')]);
      } finally {
        await untrusting.close();
      }
    } finally {
      await svc.close();
    }
  });

  it('registers the room on the https node when the service trusts its CA', async () => {
    const svc = await startService(issuer, { databaseUrl: db.url, node: { url: node.url, token: 'node-secret', ca: tls.cert } });
    try {
      const token = await issuer.sign({ oid: 'ann-oid' });
      const created = await call(svc.url, 'PUT', `/api/v1/meetings/${meetingId()}`, { token, body: meetingBody('meet.tls'), headers: { 'if-none-match': '*' } });
      expect(created.status).toBe(201);
      const room = await httpsGet(`${node.url}/api/securejoin/v1/rooms/meet.tls`, tls.cert, { authorization: 'Bearer node-secret' });
      expect([room.status, JSON.parse(room.body).hostPin]).toEqual([200, '480213']);
    } finally {
      await svc.close();
    }
  });
});
