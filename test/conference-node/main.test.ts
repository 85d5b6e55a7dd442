import { afterAll, describe, expect, it } from 'vitest';
import { demoCodes, demoRoom, parseMainOptions } from '../../conference-node/main';
import { isWeakCode } from '../../core/codes';
import { parseRoomSpec } from '../../core/room';
import type { ConferenceNode } from '../../conference-node/server';
import { requestToken, startNode } from './support';

describe('parseMainOptions', () => {
  it('reads flags over environment, with defaults', () => {
    expect(parseMainOptions([], {})).toEqual({ port: 8080, host: '127.0.0.1', bearerToken: undefined, testClock: false });
    expect(parseMainOptions(['--port', '0', '--host', 'localhost', '--token', 'abc', '--test-clock'], { SECUREJOIN_NODE_PORT: '9000' })).toEqual({
      port: 0, host: 'localhost', bearerToken: 'abc', testClock: true,
    });
    expect(parseMainOptions([], { SECUREJOIN_NODE_PORT: '9000', SECUREJOIN_NODE_TOKEN: 't', SECUREJOIN_TEST_CLOCK: '1' })).toMatchObject({ port: 9000, bearerToken: 't', testClock: true });
  });

  it.each([
    [['--port', '70000'], /port must be 0-65535/],
    [['--port', 'x'], /port must be 0-65535/],
    [['--host', '0.0.0.0'], /host must be one of/],
    [['--port'], /--port needs a value/],
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
