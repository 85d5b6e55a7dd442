/**
 * TLS: the service serves HTTPS with the key and certificate of --tls-dir, the policy API
 * included (Infinity's policy profile names an https URL).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { request } from 'node:https';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureDevCertificate } from '../../dev/devcert';
import { serviceOptions } from '../../cli/serviceCommand';
import { CODES_KEY, createTestDatabase, startIssuer, startService } from './support';
import type { TestDatabase, TestIssuer } from './support';
import { POLICY_PASSWORD, POLICY_USER, basic, webJoinQuery } from './infinityRequests';

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

  beforeAll(async () => {
    [issuer, db] = await Promise.all([startIssuer(), createTestDatabase()]);
  });
  afterAll(async () => {
    await Promise.all([db?.drop(), issuer?.close()]);
    rmSync(dir, { recursive: true, force: true });
  });

  it('serves HTTPS from --tls-dir, the policy API with the credentials from the environment included', async () => {
    const opts = serviceOptions(
      ['--port', '0', '--tls-dir', dir, '--issuer', issuer.issuer, '--audience', issuer.audience, '--jwks-url', issuer.jwksUrl, '--tenant', issuer.tenant],
      { DATABASE_URL: db.url, SECUREJOIN_CODES_KEY: CODES_KEY, SECUREJOIN_POLICY_USERNAME: POLICY_USER, SECUREJOIN_POLICY_PASSWORD: POLICY_PASSWORD },
    );
    if (opts === 'help') throw new Error('unexpected help');
    const svc = await startService(issuer, { ...opts, logLevel: 'silent' });
    try {
      expect(svc.url).toMatch(/^https:\/\/127\.0\.0\.1:\d+$/);
      expect(await httpsGet(`${svc.url}/healthz`, tls.cert)).toEqual({ status: 200, body: '{"status":"ok"}' });
      const path = `/policy/v1/service/configuration?${new URLSearchParams(webJoinQuery('unknown-alias'))}`;
      expect(await httpsGet(`${svc.url}${path}`, tls.cert, { authorization: basic() })).toEqual({ status: 200, body: '{"status":"success","action":"reject"}' });
      expect((await httpsGet(`${svc.url}${path}`, tls.cert)).status).toBe(401);
    } finally {
      await svc.close();
    }
  });
});
