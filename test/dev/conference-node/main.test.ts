import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { request } from 'node:https';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { demoCodes, demoRoom, main, parseMainOptions } from '../../../dev/conference-node/main';
import { isWeakCode } from '../../../core/codes';
import { parseCaptureLink } from '../../../core/links';
import { validPolicyJson } from '../../../core/policy/valid';
import { parseRoomSpec } from '../../../core/roomSpec';
import type { ConferenceNode } from '../../../dev/conference-node/server';
import { requestToken, startNode } from './support';

describe('parseMainOptions', () => {
  it('reads flags over environment, with defaults', () => {
    expect(parseMainOptions([], {})).toEqual({ port: null, host: '127.0.0.1', policy: undefined, testClock: false, tlsDir: undefined });
    expect(parseMainOptions(['--port', '0', '--host', 'localhost', '--policy-url', 'https://127.0.0.1:8444', '--policy-username', 'node', '--policy-ca', 'ca.pem', '--test-clock', '--tls-dir', '.cert'], { SECUREJOIN_NODE_PORT: '9000', SECUREJOIN_NODE_POLICY_PASSWORD: 'pw' })).toEqual({
      port: 0, host: 'localhost', policy: { url: 'https://127.0.0.1:8444', username: 'node', password: 'pw', caPath: 'ca.pem' }, testClock: true, tlsDir: '.cert',
    });
    expect(parseMainOptions([], { SECUREJOIN_NODE_PORT: '9000', SECUREJOIN_NODE_POLICY_URL: 'http://127.0.0.1:1', SECUREJOIN_NODE_POLICY_USERNAME: 'u', SECUREJOIN_NODE_POLICY_PASSWORD: 'p', SECUREJOIN_TEST_CLOCK: '1', SECUREJOIN_NODE_TLS_DIR: '/tmp/c' })).toMatchObject({
      port: 9000, policy: { url: 'http://127.0.0.1:1', username: 'u', password: 'p' }, testClock: true, tlsDir: '/tmp/c',
    });
  });

  it.each([
    [['--port', '70000'], /port must be 0-65535/],
    [['--port', 'x'], /port must be 0-65535/],
    [['--host', '0.0.0.0'], /host must be one of/],
    [['--port'], /--port needs a value/],
    [['--tls-dir', '--test-clock'], /--tls-dir needs a value/],
    [['--verbose'], /unknown argument --verbose/],
    [['--token', 'x'], /unknown argument --token/],
    [['--policy-url', 'https://127.0.0.1:1', '--policy-username', 'u'], /--policy-url needs --policy-username and --policy-password/],
    [['--policy-username', 'u'], /need --policy-url/],
    [['--policy-url', 'ftp://x', '--policy-username', 'u', '--policy-password', 'p'], /--policy-url must be an http\(s\) URL/],
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

  it('takes the code lengths of the policy it runs under (the pane\'s rule: PINs and passcodes share the longer length)', () => {
    const lengths = (codes: ReturnType<typeof demoCodes>) => [codes.hostPin, codes.guestPin, codes.accessCode, ...codes.invitees.map((i) => i.passcode)].map((c) => c.length);
    expect(lengths(demoCodes())).toEqual([9, 9, 8, 9, 9]); // the secure defaults: PINs 9, passcodes 8 -> 9, access code 8
    expect(lengths(demoCodes({ pin: 10, passcode: 10, accessCode: 9 }))).toEqual([10, 10, 9, 10, 10]);
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
    const adminPolicy = validPolicyJson(readFileSync('examples/policy.json', 'utf8')) ?? undefined;
    const node = await main(['--port', '0', '--tls-dir', dir], {}, { log: (t) => printed.push(t), ...(adminPolicy ? { adminPolicy } : {}) });
    try {
      expect(node.url).toMatch(/^https:\/\/127\.0\.0\.1:\d+$/);
      expect([process.listenerCount('SIGINT'), process.listenerCount('SIGTERM')]).toEqual(signals);
      const text = printed.join('\n');
      // The demo's host and guest links are capture links: the PIN only in the #sj= fragment, never in a query.
      expect(text).not.toMatch(/[?&]pin=/);
      const links = [...text.matchAll(/(Guest|Host) link: +(\S+)/g)].map((m) => ({ label: m[1], parsed: parseCaptureLink(m[2] ?? '') }));
      expect(links.map((l) => l.label)).toEqual(['Guest', 'Host']);
      const pins = text.match(/host PIN (\d+), guest PIN (\d+), access code (\d+)/);
      // Under examples/policy.json (PINs 10, passcodes 8, access code 9): PINs 10 digits, access code 9.
      expect(pins?.slice(1).map((code) => code.length)).toEqual([10, 10, 9]);
      expect(links[0]?.parsed).toMatchObject({ ok: true, value: { origin: node.url, alias: 'demo', role: 'guest', pin: pins?.[2], leadMinutes: 15 } });
      expect(links[1]?.parsed).toMatchObject({ ok: true, value: { origin: node.url, alias: 'demo', role: 'host', pin: pins?.[1] } });
      expect(text).toContain('No policy server (--policy-url): only the demo room exists.');
      const ca = readFileSync(join(dir, 'cert.pem'), 'utf8');
      // The certificate the node serves is the one in the folder: a client trusting only it gets the room.
      const answer = await new Promise<{ status: number; body: string }>((resolve, reject) => {
        const req = request(`${node.url}/api/client/v2/conferences/demo/request_token`, { method: 'POST', ca, headers: { 'content-type': 'application/json' } }, (res) => {
          let body = '';
          res.on('data', (c: Buffer) => (body += c.toString()));
          res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
        });
        req.on('error', reject);
        req.end(JSON.stringify({ display_name: 'Tester' }));
      });
      // The demo room needs a PIN: Pexip's pin-required answer.
      expect(answer.status).toBe(403);
      expect(JSON.parse(answer.body).result).toMatchObject({ pin: 'required', guest_pin: 'required' });
    } finally {
      await node.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
