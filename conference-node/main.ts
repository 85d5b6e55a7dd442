/**
 * The reference node's command line (and `npm start`'s node): starts a reference conference node
 * with a demo room and prints how to try it. `main` returns the running node; whoever called it
 * owns shutdown (run directly, this file closes the node on SIGINT/SIGTERM).
 *
 * Options (flags win over environment):
 *   --port <n>       SECUREJOIN_NODE_PORT     default 8080, or 8443 with TLS (0 = any free port)
 *   --host <h>       SECUREJOIN_NODE_HOST     default 127.0.0.1 (loopback only: 127.0.0.1, localhost, ::1)
 *   --token <t>      SECUREJOIN_NODE_TOKEN    provisioning bearer token (random when absent)
 *   --test-clock     SECUREJOIN_TEST_CLOCK=1  expose POST /api/securejoin/v1/clock
 *   --tls-dir <dir>  SECUREJOIN_NODE_TLS_DIR  serve HTTPS with the development certificate in <dir>
 *                                             (key.pem + cert.pem, made with openssl when missing)
 */
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { generateAccessCode, generatePin, generatePinPair } from '../core/codes';
import { buildCaptureLink } from '../core/links';
import { createRoster } from '../core/roster';
import { ensureDevCertificate } from '../devcert';
import { LOOPBACK_HOSTS, startConferenceNode } from './server';
import type { ConferenceNode, LoopbackHost } from './server';

/** Parsed command-line/environment options of `main`. */
export interface MainOptions {
  /** The port, or null for the default (8080, or 8443 with TLS). */
  port: number | null;
  host: LoopbackHost;
  bearerToken: string | undefined;
  testClock: boolean;
  /** Folder of the development certificate to serve HTTPS with, or undefined for plain HTTP. */
  tlsDir: string | undefined;
}

/** Default ports: plain HTTP and HTTPS. */
export const DEFAULT_HTTP_PORT = 8080;
export const DEFAULT_HTTPS_PORT = 8443;

/**
 * Reads options from `argv` (flags) and `env`.
 * @throws Error naming the bad flag or variable.
 */
export function parseMainOptions(argv: readonly string[], env: Readonly<Record<string, string | undefined>>): MainOptions {
  const flags = new Map<string, string | true>();
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] ?? '';
    if (arg === '--test-clock') flags.set('test-clock', true);
    else if (arg === '--port' || arg === '--host' || arg === '--token' || arg === '--tls-dir') {
      const value = argv[i + 1];
      if (value === undefined || value.startsWith('--')) throw new Error(`${arg} needs a value`);
      flags.set(arg.slice(2), value);
      i++;
    } else throw new Error(`unknown argument ${arg} (use --port, --host, --token, --test-clock, --tls-dir)`);
  }
  const str = (flag: string, name: string): string | undefined => {
    const f = flags.get(flag);
    return typeof f === 'string' ? f : env[name] || undefined;
  };
  const portText = str('port', 'SECUREJOIN_NODE_PORT');
  const port = portText === undefined ? null : Number(portText);
  if (portText !== undefined && (!/^\d{1,5}$/.test(portText) || (port as number) > 65535)) throw new Error(`port must be 0-65535, got ${portText}`);
  const host = str('host', 'SECUREJOIN_NODE_HOST') ?? '127.0.0.1';
  if (!(LOOPBACK_HOSTS as readonly string[]).includes(host)) throw new Error(`host must be one of ${LOOPBACK_HOSTS.join(', ')}, got ${host}`);
  return {
    port,
    host: host as LoopbackHost,
    bearerToken: str('token', 'SECUREJOIN_NODE_TOKEN'),
    testClock: flags.get('test-clock') === true || env.SECUREJOIN_TEST_CLOCK === '1',
    tlsDir: str('tls-dir', 'SECUREJOIN_NODE_TLS_DIR'),
  };
}

/** The demo room's codes: fresh from core's generators on every start, never weak, all distinct. */
export interface DemoCodes {
  hostPin: string;
  guestPin: string;
  accessCode: string;
  invitees: Array<{ email: string; name: string; passcode: string }>;
}

/** Generates the demo room's codes with core (crypto source), so a demo never teaches weak PINs. */
export function demoCodes(): DemoCodes {
  const { hostPin, guestPin } = generatePinPair();
  const accessCode = generateAccessCode({ exclude: [hostPin, guestPin] });
  const roster = createRoster(
    [
      { email: 'ana.lima@example.com', name: 'Ana Lima' },
      { email: 'bo.chen@example.com', name: 'Bo Chen' },
    ],
    // Passcodes take the host PIN's length: Pexip Infinity refuses guest PINs of another length.
    { length: hostPin.length, exclude: [hostPin, guestPin, accessCode] },
  );
  return { hostPin, guestPin, accessCode, invitees: roster.invitees };
}

/** The demo meeting: starts now, lasts two hours; codes work from 15 minutes before the start. */
const demoMeeting = (now: number) => ({ start: now, end: now + 2 * 60 * 60_000, leadMinutes: 15 });

/**
 * The demo room's host and guest links as capture links: the PIN rides in the `#sj=` fragment,
 * which browsers never send to a server (a `?pin=` link would put it in history and logs); the
 * extension saves it and removes the fragment, and the page asks for the PIN without one.
 */
export function demoLinks(nodeUrl: string, now: number, codes: Pick<DemoCodes, 'hostPin' | 'guestPin'>): { guest: string; host: string } {
  const meeting = demoMeeting(now);
  const link = (role: 'host' | 'guest', pin: string, name: string) =>
    buildCaptureLink({ origin: nodeUrl, path: 'webapp3', alias: 'demo', role, pin, name, startsAt: meeting.start, endsAt: meeting.end, leadMinutes: meeting.leadMinutes });
  return { guest: link('guest', codes.guestPin, 'Guest'), host: link('host', codes.hostPin, 'Host') };
}

/** The demo room: host PIN, guest PIN, a one-time access code open now for two hours, and two invitees. */
export function demoRoom(now: number, codes: DemoCodes = demoCodes()): Record<string, unknown> {
  const meeting = demoMeeting(now);
  return {
    alias: 'demo',
    name: 'SecureJoin demo room',
    hostPin: codes.hostPin,
    guestPin: codes.guestPin,
    allowGuests: true,
    accessCode: { code: codes.accessCode, role: 'guest' },
    invitees: codes.invitees,
    meeting: { start: meeting.start, end: meeting.end },
    leadMinutes: meeting.leadMinutes,
  };
}

/** What a caller may add to the command line's options. */
export interface MainExtras {
  /** PEM key and certificate to serve HTTPS with (wins over `--tls-dir`); `certPath` is shown in the curl examples. */
  tls?: { key: string; cert: string; certPath?: string };
  /** Where to print (default console.log). */
  log?: (text: string) => void;
}

/**
 * Starts the demo node and prints how to use it. Returns the running node: the caller closes it
 * (no signal handlers are installed here).
 * @throws Error for bad options, a taken port or a missing openssl (with `--tls-dir`).
 */
export async function main(argv = process.argv.slice(2), env = process.env, extras: MainExtras = {}): Promise<ConferenceNode> {
  const opts = parseMainOptions(argv, env);
  const tls = extras.tls ?? (opts.tlsDir === undefined ? undefined : { ...ensureDevCertificate(opts.tlsDir), certPath: join(opts.tlsDir, 'cert.pem') });
  const node = await startConferenceNode({
    port: opts.port ?? (tls ? DEFAULT_HTTPS_PORT : DEFAULT_HTTP_PORT),
    host: opts.host,
    testClock: opts.testClock,
    ...(opts.bearerToken ? { bearerToken: opts.bearerToken } : {}),
    ...(tls ? { tls: { key: tls.key, cert: tls.cert } } : {}),
  });
  // curl must trust the development certificate (never -k: that would teach skipping the check).
  const curl = tls ? `curl --cacert ${tls.certPath ?? '<cert.pem>'}` : 'curl';
  const codes = demoCodes();
  const now = node.now();
  node.putRoom(demoRoom(now, codes));
  const links = demoLinks(node.url, now, codes);
  const [ana, bo] = codes.invitees;
  const lines = [
    `SecureJoin reference conference node on ${node.url} (also ${node.localhostUrl})`,
    '',
    `Demo room "demo": host PIN ${codes.hostPin}, guest PIN ${codes.guestPin}, access code ${codes.accessCode} (next 2 hours),`,
    `  invitee passcodes ${ana?.passcode} (${ana?.name}) and ${bo?.passcode} (${bo?.name}).`,
    `  Join page:        ${node.joinUrl('demo')}`,
    `  Guest link:       ${links.guest}`,
    `  Host link:        ${links.host}`,
    '  (SecureJoin links: the extension saves the PIN from the part after #, which never reaches a server;',
    '   without the extension the page asks for the PIN.)',
    '',
    `Provisioning API (bearer token ${node.bearerToken}):`,
    `  ${curl} -H 'Authorization: Bearer ${node.bearerToken}' ${node.url}/api/securejoin/v1/rooms/demo`,
    `  ${curl} -X PUT -H 'Authorization: Bearer ${node.bearerToken}' -H 'content-type: application/json' \\`,
    `    -d '{"alias":"team","hostPin":"${generatePin()}","allowGuests":true}' ${node.url}/api/securejoin/v1/rooms/team`,
    opts.testClock ? `  Test clock:       POST ${node.url}/api/securejoin/v1/clock {"advanceMs": 60000}` : '',
  ];
  (extras.log ?? console.log)(lines.filter((l, i, all) => l !== '' || all[i - 1] !== '').join('\n'));
  return node;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  main().then(
    (node) => {
      console.log('\nCtrl+C to stop.');
      const stop = (): void => void node.close().finally(() => process.exit(0));
      process.once('SIGINT', stop);
      process.once('SIGTERM', stop);
    },
    (error: unknown) => {
      console.error(`conference node: ${error instanceof Error ? error.message : String(error)}`);
      process.exit(1);
    },
  );
}
