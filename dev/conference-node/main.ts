/**
 * The reference node's command line (and `npm start`'s node): starts a reference conference node
 * with a demo room and prints how to try it. `main` returns the running node; whoever called it
 * owns shutdown (run directly, this file closes the node on SIGINT/SIGTERM).
 *
 * Options (flags win over environment):
 *   --port <n>       SECUREJOIN_NODE_PORT     default 8080, or 8443 with TLS (0 = any free port)
 *   --host <h>       SECUREJOIN_NODE_HOST     default 127.0.0.1 (loopback only: 127.0.0.1, localhost, ::1)
 *   --policy-url <u>       SECUREJOIN_NODE_POLICY_URL       the External Policy API server (the meeting
 *                                                          service's origin); the node asks it for every alias
 *   --policy-username <u>  SECUREJOIN_NODE_POLICY_USERNAME  its HTTP Basic credentials (both required with a URL;
 *   --policy-password <p>  SECUREJOIN_NODE_POLICY_PASSWORD  prefer the environment for the password)
 *   --policy-ca <file>     SECUREJOIN_NODE_POLICY_CA        PEM CA to trust for an https policy server
 *   --test-clock     SECUREJOIN_TEST_CLOCK=1  expose POST /api/securejoin/v1/clock
 *   --tls-dir <dir>  SECUREJOIN_NODE_TLS_DIR  serve HTTPS with the development certificate in <dir>
 *                                             (key.pem + cert.pem, made with openssl when missing)
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { generateAccessCode, generatePinPair } from '../../core/codes';
import { buildCaptureLink } from '../../core/links';
import { policyCodeLengths } from '../../core/policy/codeLengths';
import type { CodeLengths } from '../../core/policy/codeLengths';
import type { Policy } from '../../core/policy/schema';
import { DEFAULT_POLICY } from '../../core/policy/valid';
import { createRoster } from '../../core/roster';
import { ensureDevCertificate } from '../devcert';
import { LOOPBACK_HOSTS, startConferenceNode } from './server';
import type { EventSinkOptions } from './eventSink';
import type { PolicyClientOptions } from './policyClient';
import type { ConferenceNode, LoopbackHost } from './server';

/** Parsed command-line/environment options of `main`. */
export interface MainOptions {
  /** The port, or null for the default (8080, or 8443 with TLS). */
  port: number | null;
  host: LoopbackHost;
  /** The policy server to ask (URL, credentials, CA file path), or undefined for local rooms only. */
  policy: { url: string; username: string; password: string; caPath?: string } | undefined;
  testClock: boolean;
  /** Folder of the development certificate to serve HTTPS with, or undefined for plain HTTP. */
  tlsDir: string | undefined;
}

/** Default ports: plain HTTP and HTTPS. */
export const DEFAULT_HTTP_PORT = 8080;
export const DEFAULT_HTTPS_PORT = 8443;

const VALUE_FLAGS: readonly string[] = ['--port', '--host', '--tls-dir', '--policy-url', '--policy-username', '--policy-password', '--policy-ca'];

/**
 * Reads options from `argv` (flags) and `env`.
 * @throws Error naming the bad flag or variable.
 */
export function parseMainOptions(argv: readonly string[], env: Readonly<Record<string, string | undefined>>): MainOptions {
  const flags = new Map<string, string | true>();
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] ?? '';
    if (arg === '--test-clock') flags.set('test-clock', true);
    else if (VALUE_FLAGS.includes(arg)) {
      const value = argv[i + 1];
      if (value === undefined || value.startsWith('--')) throw new Error(`${arg} needs a value`);
      flags.set(arg.slice(2), value);
      i++;
    } else throw new Error(`unknown argument ${arg} (use ${[...VALUE_FLAGS, '--test-clock'].join(', ')})`);
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
  const policyUrl = str('policy-url', 'SECUREJOIN_NODE_POLICY_URL');
  const username = str('policy-username', 'SECUREJOIN_NODE_POLICY_USERNAME');
  const password = str('policy-password', 'SECUREJOIN_NODE_POLICY_PASSWORD');
  const caPath = str('policy-ca', 'SECUREJOIN_NODE_POLICY_CA');
  if (policyUrl === undefined && (username ?? password ?? caPath) !== undefined) throw new Error('--policy-username, --policy-password and --policy-ca need --policy-url');
  if (policyUrl !== undefined && (!username || !password)) throw new Error('--policy-url needs --policy-username and --policy-password (or SECUREJOIN_NODE_POLICY_USERNAME/_PASSWORD)');
  if (policyUrl !== undefined && !/^https?:\/\/[^/]/.test(policyUrl)) throw new Error(`--policy-url must be an http(s) URL, got ${policyUrl}`);
  return {
    port,
    host: host as LoopbackHost,
    policy: policyUrl === undefined ? undefined : { url: policyUrl, username: username as string, password: password as string, ...(caPath ? { caPath } : {}) },
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

/**
 * Generates the demo room's codes with core (crypto source), so a demo never teaches weak PINs,
 * at the lengths the admin policy makes codes with (core/policy/codeLengths, the rule the
 * Outlook pane and `policy check` follow): by default the secure defaults' policy.
 */
export function demoCodes(lengths: CodeLengths = policyCodeLengths(DEFAULT_POLICY.organizer)): DemoCodes {
  const { hostPin, guestPin } = generatePinPair({ hostLength: lengths.pin, guestLength: lengths.pin });
  const accessCode = generateAccessCode({ length: lengths.accessCode, exclude: [hostPin, guestPin] });
  const roster = createRoster(
    [
      { email: 'ana.lima@example.com', name: 'Ana Lima' },
      { email: 'bo.chen@example.com', name: 'Bo Chen' },
    ],
    // Passcodes take the host PIN's length (the same rule): Pexip Infinity refuses guest PINs of another length.
    { length: lengths.passcode, exclude: [hostPin, guestPin, accessCode] },
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
  /** The policy server to ask (wins over `--policy-*`): `npm start` hands over its meeting service's. */
  policy?: PolicyClientOptions;
  /** The Event sink to send events to: `npm start` hands over its meeting service's (the attendance record). */
  eventSink?: EventSinkOptions;
  /** The admin policy the demo runs under (its code lengths); default the secure defaults. `npm start` hands over its policy file's. */
  adminPolicy?: Policy;
}

/**
 * Starts the demo node and prints how to use it. Returns the running node: the caller closes it
 * (no signal handlers are installed here).
 * @throws Error for bad options, a taken port or a missing openssl (with `--tls-dir`).
 */
export async function main(argv = process.argv.slice(2), env = process.env, extras: MainExtras = {}): Promise<ConferenceNode> {
  const opts = parseMainOptions(argv, env);
  const tls = extras.tls ?? (opts.tlsDir === undefined ? undefined : { ...ensureDevCertificate(opts.tlsDir), certPath: join(opts.tlsDir, 'cert.pem') });
  let policy: PolicyClientOptions | undefined = extras.policy;
  if (!policy && opts.policy) {
    const { caPath, ...rest } = opts.policy;
    let ca: string | undefined;
    try {
      ca = caPath === undefined ? undefined : readFileSync(caPath, 'utf8');
    } catch (error) {
      throw new Error(`--policy-ca: cannot read ${caPath} (${error instanceof Error ? error.message : String(error)})`);
    }
    policy = { ...rest, ...(ca ? { ca } : {}) };
  }
  const node = await startConferenceNode({
    port: opts.port ?? (tls ? DEFAULT_HTTPS_PORT : DEFAULT_HTTP_PORT),
    host: opts.host,
    testClock: opts.testClock,
    ...(policy ? { policy } : {}),
    ...(extras.eventSink ? { eventSink: extras.eventSink } : {}),
    ...(tls ? { tls: { key: tls.key, cert: tls.cert } } : {}),
  });
  // curl must trust the development certificate (never -k: that would teach skipping the check).
  const curl = tls ? `curl --cacert ${tls.certPath ?? '<cert.pem>'}` : 'curl';
  const codes = demoCodes(policyCodeLengths((extras.adminPolicy ?? DEFAULT_POLICY).organizer));
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
    policy
      ? `Every other alias: asks the policy server ${policy.url} (/policy/v1/service/configuration), as Infinity's policy profile would.`
      : 'No policy server (--policy-url): only the demo room exists.',
    extras.eventSink ? `Events (who joined, who left) go to the Event sink ${extras.eventSink.url}, as Infinity's event sinks do.` : '',
    opts.testClock ? `Test clock:       ${curl} -X POST -d '{"advanceMs": 60000}' ${node.url}/api/securejoin/v1/clock` : '',
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
