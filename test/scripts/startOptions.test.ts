import { describe, expect, it } from 'vitest';
import { portProblems } from '../../scripts/ports';
import { parseStartOptions } from '../../scripts/startOptions';

describe('parseStartOptions', () => {
  it('reads every port from a flag or the environment, flags first; the rest goes to the node', () => {
    expect(parseStartOptions([], {})).toEqual({ nodePort: null, addinPort: 3000, noBrowser: false, nodeArgs: [] });
    expect(parseStartOptions(['--node-port', '9443', '--addin-port=3100', '--no-browser', '--test-clock'], { SECUREJOIN_NODE_PORT: '1', SECUREJOIN_ADDIN_PORT: '2' })).toEqual({
      nodePort: 9443, addinPort: 3100, noBrowser: true, nodeArgs: ['--test-clock'],
    });
    expect(parseStartOptions(['--port', '9000'], { SECUREJOIN_ADDIN_PORT: '0', SECUREJOIN_NO_BROWSER: '1' })).toMatchObject({ nodePort: 9000, addinPort: 0, noBrowser: true });
    expect(parseStartOptions([], { SECUREJOIN_NODE_PORT: '8444' }).nodePort).toBe(8444);
  });

  it.each([
    [['--addin-port', 'x'], {}, '--addin-port must be a port number from 0 to 65535, got "x"'],
    [['--node-port', '70000'], {}, '--node-port must be a port number from 0 to 65535, got "70000"'],
    [['--addin-port'], {}, '--addin-port needs a port number'],
    [[], { SECUREJOIN_ADDIN_PORT: 'http' }, 'SECUREJOIN_ADDIN_PORT must be a port number'],
  ])('refuses %j %j naming the flag', (argv, env, message) => {
    expect(() => parseStartOptions(argv, env)).toThrow(message);
  });
});

describe('portProblems', () => {
  it('refuses one port for two servers, naming both flags; port 0 is always fine', async () => {
    const a = { host: '127.0.0.1', what: 'the node', flag: '--node-port', envName: 'SECUREJOIN_NODE_PORT' };
    const b = { host: 'localhost', what: 'the add-in', flag: '--addin-port', envName: 'SECUREJOIN_ADDIN_PORT' };
    expect(await portProblems([{ ...a, port: 3000 }, { ...b, port: 3000 }])).toEqual(['--node-port and --addin-port are both 3000: give the add-in another port with --addin-port N.']);
    expect(await portProblems([{ ...a, port: 0 }, { ...b, port: 0 }])).toEqual([]);
  });
});
