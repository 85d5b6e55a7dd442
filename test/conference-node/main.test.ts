import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { request } from 'node:https';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { demoCodes, demoRoom, main, parseMainOptions } from '../../conference-node/main';
import { isWeakCode } from '../../core/codes';
import { parseCaptureLink } from '../../core/links';
import { parseRoomSpec } from '../../core/room';
import type { ConferenceNode } from '../../conference-node/server';
import { requestToken, startNode } from './support';

describe('parseMainOptions', () => {
  it('reads flags over environment, with defaults', () => {
    expect(parseMainOptions([], {})).toEqual({ port: null, host: '127.0.0.1', bearerToken: undefined, testClock: false, tlsDir: undefined });
    expect(parseMainOptions(['--port', '0', '--host', 'localhost', '--token', 'abc', '--test-clock', '--tls-dir', '.cert'], { SECUREJOIN_NODE_PORT: '9000' })).toEqual({
      port: 0, host: 'localhost', bearerToken: 'abc', testClock: true, tlsDir: '.cert',
    });
    expect(parseMainOptions([], { SECUREJOIN_NODE_PORT: '9000', SECUREJOIN_NODE_TOKEN: 't', SECUREJOIN_TEST_CLOCK: '1', SECUREJOIN_NODE_TLS_DIR: '/tmp/c' })).toMatchObject({
      port: 9000, bearerToken: 't', testClock: true, tlsDir: '/tmp/c',
    });
  });

  it.each([
    [['--port', '70000'], /port must be 0-65535/],
    [['--port', 'x'], /port must be 0-65535/],
    [['--host', '0.0.0.0'], /host must be one of/],
    [['--port'], /--port needs a value/],
    [['--tls-dir', '--test-clock'], /--tls-dir needs a value/],
    [['--verbose'], /unknown argument --verbose/],
  ])('refuses %j', (argv, message) => {
    expect(() => parseMainOptions(argv, {})).toThrow(message);
  });
});

describe('demo room', () => {
  let node: ConferenceNode | undefined;
  afterAll(() => node?.close());

  it('is a valid room with fresh, strong, distinct codes that all work now', async () => {
    node = await startNode();
    const codes = demoCodes();
    const all = [codes.hostPin, codes.guestPin, codes.accessCode, ...codes.invitees.map((i) => i.passcode)];
    expect(new Set(all).size).toBe(5);
    for (const code of all) expect(isWeakCode(code)).toBe(false);
    expect(demoCodes().hostPin === codes.hostPin && demoCodes().accessCode === codes.accessCode).toBe(false);
    const spec = demoRoom(node.now(), codes);
    expect(parseRoomSpec(spec).ok).toBe(true);
    node.putRoom(spec);
    const names = [];
    for (const pin of all) {
      const res = await requestToken(node, 'demo', 'Tester', pin);
      expect(res.status).toBe(200);
      names.push(res.body.result.display_name);
    }
    expect(names).toEqual(['Tester', 'Tester', 'Tester', 'Ana Lima', 'Bo Chen']);
  });

  it('refuses a non-loopback host and an invalid initial room', async () => {
    await expect(startNode({ host: '0.0.0.0' as never })).rejects.toThrow(/loopback/);
    await expect(startNode({ rooms: [{ alias: 'x', hostPin: '1' }] })).rejects.toThrow(/invalid room: hostPin/);
  });
});

describe('main', () => {
  it('serves the demo room over HTTPS with the development certificate, and leaves shutdown to its caller', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'securejoin-main-'));
    const printed: string[] = [];
    const signals = [process.listenerCount('SIGINT'), process.listenerCount('SIGTERM')];
    const node = await main(['--port', '0', '--token', 'main-test-token', '--tls-dir', dir], {}, { log: (t) => printed.push(t) });
    try {
      expect(node.url).toMatch(/^https:\/\/127\.0\.0\.1:\d+$/);
      expect([process.listenerCount('SIGINT'), process.listenerCount('SIGTERM')]).toEqual(signals);
      const text = printed.join('\n');
      // The demo's host and guest links are capture links: the PIN only in the #sj= fragment, never in a query.
      expect(text).not.toMatch(/[?&]pin=/);
      const links = [...text.matchAll(/(Guest|Host) link: +(\S+)/g)].map((m) => ({ label: m[1], parsed: parseCaptureLink(m[2] ?? '') }));
      expect(links.map((l) => l.label)).toEqual(['Guest', 'Host']);
      const pins = text.match(/host PIN (\d+), guest PIN (\d+)/);
      expect(links[0]?.parsed).toMatchObject({ ok: true, value: { origin: node.url, alias: 'demo', role: 'guest', pin: pins?.[2], leadMinutes: 15 } });
      expect(links[1]?.parsed).toMatchObject({ ok: true, value: { origin: node.url, alias: 'demo', role: 'host', pin: pins?.[1] } });
      expect(printed.join('\n')).toContain(`curl --cacert ${join(dir, 'cert.pem')} -H 'Authorization: Bearer main-test-token' ${node.url}/api/securejoin/v1/rooms/demo`);
      const ca = readFileSync(join(dir, 'cert.pem'), 'utf8');
      // The certificate the node serves is the one in the folder: a client trusting only it gets the room.
      const answer = await new Promise<{ status: number; body: string }>((resolve, reject) => {
        const req = request(`${node.url}/api/securejoin/v1/rooms/demo`, { ca, headers: { authorization: 'Bearer main-test-token' } }, (res) => {
          let body = '';
          res.on('data', (c: Buffer) => (body += c.toString()));
          res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
        });
        req.on('error', reject);
        req.end();
      });
      expect(answer.status).toBe(200);
      expect(JSON.parse(answer.body).alias).toBe('demo');
    } finally {
      await node.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
