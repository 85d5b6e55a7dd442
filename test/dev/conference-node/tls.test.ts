import { request } from 'node:https';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureDevCertificate } from '../../../dev/devcert';
import type { ConferenceNode } from '../../../dev/conference-node/server';
import { startNode } from './support';

/** GET over HTTPS trusting only `ca` (the node's self-signed certificate). */
function get(url: string, ca: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    request(url, { ca }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (body += chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
    }).on('error', reject).end();
  });
}

const dir = mkdtempSync(join(tmpdir(), 'sj-tls-'));
const tls = ensureDevCertificate(dir);
let node: ConferenceNode;
beforeAll(async () => {
  node = await startNode({ tls, rooms: [{ alias: 'secure', hostPin: '1234', guestPin: '5678', allowGuests: true }] });
});
afterAll(async () => {
  await node.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('conference node over HTTPS', () => {
  it('names https origins and serves the join page and the client API over TLS', async () => {
    expect(node.url).toBe(`https://127.0.0.1:${node.port}`);
    expect(node.localhostUrl).toBe(`https://localhost:${node.port}`);
    expect(node.joinUrl('secure')).toBe(`https://127.0.0.1:${node.port}/webapp3/m/secure`);
    const page = await get(node.joinUrl('secure'), tls.cert);
    expect(page.status).toBe(200);
    expect(page.body).toContain('id="pin"');
    const viaLocalhost = await get(`${node.localhostUrl}/`, tls.cert);
    expect(viaLocalhost.body).toContain('reference conference node');
  });

  it('refuses a client that does not trust the certificate', async () => {
    await expect(get(`${node.url}/`, '')).rejects.toThrow(/self[- ]signed|certificate/i);
  });

  it('reuses the certificate already in the folder', () => {
    expect(ensureDevCertificate(dir)).toEqual(tls);
  });
});
