/**
 * `npm start`: runs the whole of SecureJoin on this machine with embedded defaults:
 * - the reference conference node with a fresh demo room, over HTTPS with the development
 *   certificate in .cert/ (https://127.0.0.1:8443; plain http://127.0.0.1:8080 when openssl is
 *   missing);
 * - the Outlook add-in and its playground on https://localhost:3000 (with the local token issuer
 *   for the playground's sign-in), and the meeting service on https://127.0.0.1:8444 with its
 *   embedded database in .data/service (scripts/localMeetingService.ts); the demo policy names
 *   the local node and the service, and the node asks the service's External Policy API (with
 *   credentials made for this start) about every alias, as Infinity would, so the codes the
 *   playground puts in an invite open their meeting there;
 * - the browser extension, built with `wxt build` into .output/chrome-mv3;
 * - with a display ($DISPLAY or $WAYLAND_DISPLAY) and Chromium installed, a Chromium with a
 *   throwaway profile, the extension loaded and the development certificate accepted, on the
 *   playground (skip it with `--no-browser`).
 * Ports and options: ./startOptions.ts (--node-port, --addin-port, --service-port, their environment variables).
 * The ports are checked before anything is printed or started (./ports.ts). It prints where to
 * go and what to do, and closes every server and child on SIGINT, SIGTERM, SIGHUP or when npm
 * goes away (./supervisor.ts).
 */
import type { ChildProcess } from 'node:child_process';
import { createHash, X509Certificate } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DEFAULT_HTTP_PORT, DEFAULT_HTTPS_PORT, main as startNode, parseMainOptions } from '../dev/conference-node/main';
import type { ConferenceNode } from '../dev/conference-node/server';
import { DEFAULT_POLICY, validPolicyJson } from '../core/policy/valid';
import { ensureDevCertificate } from '../dev/devcert';
import { DEFAULT_POLICY_PATH, startAddinServer } from '../dev/addin-server/server';
import type { AddinServer } from '../dev/addin-server/server';
import { listenErrorCode, portProblem, portProblems } from './ports';
import type { WantedPort } from './ports';
import { parseStartOptions } from './startOptions';
import { whatToDo } from './startText';
import { Supervisor } from './supervisor';
import { createLocalIssuer, policyWithLocalService, startLocalMeetingStack } from './localMeetingService';
import type { LocalMeetingStack } from './localMeetingService';

const ROOT = process.cwd();
/** Where wxt writes (SECUREJOIN_WXT_OUT_DIR as in wxt.config.ts, so a test can build elsewhere). */
const EXTENSION_DIR = join(process.env.SECUREJOIN_WXT_OUT_DIR ?? join(ROOT, '.output'), 'chrome-mv3');
const ADDIN_HOST = 'localhost';
/** The meeting service's embedded database: SECUREJOIN_DATA_DIR (as for `securejoin service`), else .data/service. */
const SERVICE_DATA_DIR = process.env.SECUREJOIN_DATA_DIR || join(ROOT, '.data', 'service');

/** Builds the extension (`wxt build`); resolves with its folder, rejects with WXT's output. */
function buildExtension(supervisor: Supervisor): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = supervisor.spawn(join(ROOT, 'node_modules', '.bin', 'wxt'), ['build'], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
    if (!child.stdout || !child.stderr) return reject(new Error('wxt build has no output streams'));
    let output = '';
    child.stdout.on('data', (c: Buffer) => (output += c.toString()));
    child.stderr.on('data', (c: Buffer) => (output += c.toString()));
    child.on('error', reject);
    child.on('exit', (code) => (code === 0 && existsSync(join(EXTENSION_DIR, 'manifest.json')) ? resolve(EXTENSION_DIR) : reject(new Error(`wxt build failed (exit ${code}):\n${output.slice(-2000)}`))));
  });
}

/** The Chromium to open, or null: $PUPPETEER_EXECUTABLE_PATH, then the usual Linux paths. */
function findChromium(): string | null {
  const candidates = [process.env.PUPPETEER_EXECUTABLE_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'];
  return candidates.find((p): p is string => typeof p === 'string' && p !== '' && existsSync(p)) ?? null;
}

/** base64 SHA-256 of the certificate's public key: what `--ignore-certificate-errors-spki-list` takes. */
function spkiHash(certPem: string): string {
  const spki = new X509Certificate(certPem).publicKey.export({ type: 'spki', format: 'der' });
  return createHash('sha256').update(spki).digest('base64');
}

/**
 * Opens Chromium with a throwaway profile and the extension loaded, trusting only our development
 * certificate (by its key), on `urls`. Returns the process and the profile folder to remove.
 */
function openChromium(supervisor: Supervisor, chromium: string, extensionDir: string, certPem: string | null, urls: string[]): { child: ChildProcess; profile: string } {
  const profile = mkdtempSync(join(tmpdir(), 'securejoin-chromium-'));
  const args = [
    `--user-data-dir=${profile}`,
    `--disable-extensions-except=${extensionDir}`,
    `--load-extension=${extensionDir}`,
    '--no-first-run',
    '--no-default-browser-check',
    ...(certPem ? [`--ignore-certificate-errors-spki-list=${spkiHash(certPem)}`] : []),
    // Chromium refuses to run its sandbox as root.
    ...(process.getuid?.() === 0 ? ['--no-sandbox'] : []),
    ...urls,
  ];
  const child = supervisor.spawn(chromium, args, { stdio: 'ignore' });
  child.on('error', (error) => console.warn(`Could not open Chromium (${error.message}).`));
  return { child, profile };
}

/** Prints the problem and ends with the exit code (2 for a wrong command line, 1 otherwise). */
function fail(message: string, code: 1 | 2): never {
  console.error(`npm start: ${message}`);
  process.exit(code);
}

async function start(): Promise<void> {
  const supervisor = new Supervisor();
  let profile: string | null = null;
  supervisor.watch(() => {
    void supervisor.stop().finally(() => {
      if (profile) rmSync(profile, { recursive: true, force: true });
      process.exit(0);
    });
  });

  let opts;
  let nodeHost;
  try {
    opts = parseStartOptions(process.argv.slice(2), process.env);
    nodeHost = parseMainOptions(opts.nodeArgs, process.env).host; // also refuses unknown node flags now, before anything starts
  } catch (error) {
    const message = error instanceof Error ? error.message.replace(/ \(use --port.*\)$/, '') : String(error);
    fail(`${message}\nOptions: --node-port N, --addin-port N, --service-port N, --no-browser, --host H, --test-clock (README "Try it").`, 2);
  }

  const notes: string[] = []; // printed once the ports are known to be free
  let tls: { key: string; cert: string; certPath: string } | undefined;
  try {
    const certDir = join(ROOT, '.cert');
    mkdirSync(certDir, { recursive: true });
    tls = { ...ensureDevCertificate(certDir), certPath: join(certDir, 'cert.pem') };
  } catch (error) {
    notes.push(`No development certificate (${error instanceof Error ? error.message : String(error)}): everything runs on plain http, and the add-in's policy cannot name the local node.\n`);
  }
  const wanted: WantedPort[] = [
    { port: opts.nodePort ?? (tls ? DEFAULT_HTTPS_PORT : DEFAULT_HTTP_PORT), host: nodeHost, what: 'the reference conference node', flag: '--node-port', envName: 'SECUREJOIN_NODE_PORT' },
    { port: opts.addinPort, host: ADDIN_HOST, what: 'the Outlook add-in', flag: '--addin-port', envName: 'SECUREJOIN_ADDIN_PORT' },
    { port: opts.servicePort, host: '127.0.0.1', what: 'the meeting service', flag: '--service-port', envName: 'SECUREJOIN_SERVICE_PORT' },
  ];
  const [nodePort, addinPort, servicePort] = wanted as [WantedPort, WantedPort, WantedPort];
  const problems = await portProblems(wanted);
  if (problems.length > 0) fail(problems.join('\n'), 1);
  for (const note of notes) console.warn(note);

  const extension = buildExtension(supervisor);
  extension.catch(() => undefined); // reported below, after the servers are up

  // The node's own lines (demo codes and links) are printed once everything listens:
  // a port taken in the meantime then ends the start before any code is printed.
  const nodeLines: string[] = [];
  let node: ConferenceNode;
  let addin: AddinServer;
  let meetings: LocalMeetingStack;
  const listening = async <T>(wantedPort: WantedPort, run: () => Promise<T>): Promise<T> => {
    try {
      return await run();
    } catch (error) {
      const code = listenErrorCode(error);
      throw code ? new Error(portProblem(wantedPort, code)) : error;
    }
  };
  // The service first: the node is configured with its policy URL and the credentials made for this start.
  const issuer = await createLocalIssuer();
  addin = await listening(addinPort, () => startAddinServer({ port: addinPort.port, host: ADDIN_HOST, devIssuer: issuer, ...(tls ? { https: { key: tls.key, cert: tls.cert } } : {}) }));
  supervisor.adopt(() => addin.close());
  meetings = await listening(servicePort, () =>
    startLocalMeetingStack({
      issuer,
      addinUrl: addin.url,
      dataDir: SERVICE_DATA_DIR,
      port: servicePort.port,
      ...(tls ? { tls: { key: tls.key, cert: tls.cert } } : {}),
    }),
  );
  supervisor.adopt(() => meetings.close());
  const policy = { url: meetings.service.url, ...meetings.policy, ...(tls ? { ca: tls.cert } : {}) };
  const eventSink = { url: meetings.eventSinkUrl, ...meetings.eventSink, ...(tls ? { ca: tls.cert } : {}) };
  // The policy everything runs under (the add-in, the service's checks): the demo room's codes take its lengths.
  const example = readFileSync(DEFAULT_POLICY_PATH, 'utf8');
  const adminPolicy = validPolicyJson(example) ?? DEFAULT_POLICY;
  node = await listening(nodePort, () => startNode([...opts.nodeArgs, '--port', String(nodePort.port)], process.env, { ...(tls ? { tls } : {}), policy, eventSink, adminPolicy, log: (text) => nodeLines.push(text) }));
  supervisor.adopt(() => node.close());
  if (supervisor.stopped) return;
  // Admin policies only name https nodes: without a certificate the policy keeps the example's nodes.
  addin.setPolicyText(
    tls
      ? policyWithLocalService(example, node.url, meetings.servicePolicy, 'Local reference node (npm start)')
      : JSON.stringify({ ...(JSON.parse(example) as object), meetingService: meetings.servicePolicy }, null, 2),
  );
  console.log(nodeLines.join('\n'));
  console.log(
    [
      '',
      `Outlook add-in on ${addin.url} (policy: examples/policy.json with ${tls ? `the local node ${node.url} and ` : ''}the meeting service ${meetings.service.url})`,
      `Meeting service on ${meetings.service.url} (embedded database in ${SERVICE_DATA_DIR}; mints every meeting's aliases and checks each write against examples/policy.json; the playground signs in with the local issuer at ${addin.url}/dev-issuer/)`,
      `  Playground (Outlook stand-in): ${addin.playgroundUrl}`,
      `  Sideload: ${addin.url}/manifest.xml (README "The Outlook add-in")${tls ? `; trust ${tls.certPath} first` : ''}.`,
    ].join('\n'),
  );

  let extensionDir: string | null = null;
  try {
    extensionDir = await extension;
    console.log(`\nBrowser extension built: ${extensionDir}\n  Load it: chrome://extensions -> Developer mode -> Load unpacked -> that folder.`);
  } catch (error) {
    if (supervisor.stopped) return;
    console.warn(`\nThe browser extension could not be built: ${error instanceof Error ? error.message : String(error)}`);
  }
  if (supervisor.stopped) return;

  const chromium = findChromium();
  const display = Boolean(process.env.DISPLAY || process.env.WAYLAND_DISPLAY);
  if (!opts.noBrowser && display && chromium && extensionDir) {
    const browser = openChromium(supervisor, chromium, extensionDir, tls?.cert ?? null, [addin.playgroundUrl]);
    profile = browser.profile;
    browser.child.on('exit', (code) => {
      if (!supervisor.stopped && code !== 0) console.warn(`\nChromium exited (code ${code}): open the URLs above in your own browser; the servers keep running.`);
    });
    console.log(`\nOpened ${chromium} with the extension on the playground (throwaway profile; it trusts only the development certificate).`);
  } else if (!opts.noBrowser) {
    console.log(`\n${!display ? 'No display' : !chromium ? 'No Chromium found' : 'No extension build'}: open the URLs below in your own browser${tls ? ` (trust ${tls.certPath} or accept the warning for ${addin.url} and ${node.url})` : ''}.`);
  }

  console.log(['', ...whatToDo(addin.playgroundUrl, node.url, Boolean(tls)), '', 'Ctrl+C stops everything.'].join('\n'));
}

start().catch((error: unknown) => {
  console.error(`npm start: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
