/**
 * `npm start`'s command line and environment (flags win over environment):
 *   --node-port N    SECUREJOIN_NODE_PORT    the reference node (default 8443 with HTTPS, 8080 without; 0 = any free)
 *                                            (`--port N` is the same, as before)
 *   --addin-port N   SECUREJOIN_ADDIN_PORT   the Outlook add-in and playground (default 3000; 0 = any free)
 *   --service-port N SECUREJOIN_SERVICE_PORT the meeting service (default 8444; 0 = any free)
 *   --no-browser     SECUREJOIN_NO_BROWSER=1 do not open Chromium
 * Anything else goes to the node (dev/conference-node/main.ts: --host, --test-clock; npm start sets its policy server itself).
 */

/** What `npm start` runs with. */
export interface StartOptions {
  /** The node's port, or null for its default (decided once it is known whether HTTPS is available). */
  nodePort: number | null;
  addinPort: number;
  servicePort: number;
  noBrowser: boolean;
  /** Arguments for the node's own parser (without any port: `start` passes the one it checked). */
  nodeArgs: string[];
}

/** The add-in's default port: the root manifest.xml is generated for https://localhost:3000. */
export const DEFAULT_ADDIN_PORT = 3000;

/** The meeting service's default port. */
export const DEFAULT_SERVICE_PORT = 8444;

/** A mistake on the command line or in the environment, naming the flag (exit 2). */
export class StartUsageError extends Error {
  override readonly name = 'StartUsageError';
}

function port(text: string, source: string): number {
  if (!/^[0-9]{1,5}$/.test(text) || Number(text) > 65535) throw new StartUsageError(`${source} must be a port number from 0 to 65535, got "${text}"`);
  return Number(text);
}

/** Parses `npm start -- ...` arguments and the environment. @throws StartUsageError naming the flag or variable. */
export function parseStartOptions(argv: readonly string[], env: Readonly<Record<string, string | undefined>>): StartOptions {
  let nodePort: number | null = null;
  let addinPort: number | null = null;
  let servicePort: number | null = null;
  let noBrowser = env.SECUREJOIN_NO_BROWSER === '1';
  const nodeArgs: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] as string;
    const [flag, inline] = arg.startsWith('--') && arg.includes('=') ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)] : [arg, undefined];
    if (flag === '--node-port' || flag === '--port' || flag === '--addin-port' || flag === '--service-port') {
      const value = inline ?? argv[++i];
      if (value === undefined || value.startsWith('--')) throw new StartUsageError(`${flag} needs a port number, e.g. ${flag} 9000`);
      if (flag === '--addin-port') addinPort = port(value, flag);
      else if (flag === '--service-port') servicePort = port(value, flag);
      else nodePort = port(value, flag);
    } else if (arg === '--no-browser') noBrowser = true;
    else nodeArgs.push(arg);
  }
  if (nodePort === null && env.SECUREJOIN_NODE_PORT) nodePort = port(env.SECUREJOIN_NODE_PORT, 'SECUREJOIN_NODE_PORT');
  if (addinPort === null && env.SECUREJOIN_ADDIN_PORT) addinPort = port(env.SECUREJOIN_ADDIN_PORT, 'SECUREJOIN_ADDIN_PORT');
  if (servicePort === null && env.SECUREJOIN_SERVICE_PORT) servicePort = port(env.SECUREJOIN_SERVICE_PORT, 'SECUREJOIN_SERVICE_PORT');
  return { nodePort, addinPort: addinPort ?? DEFAULT_ADDIN_PORT, servicePort: servicePort ?? DEFAULT_SERVICE_PORT, noBrowser, nodeArgs };
}
