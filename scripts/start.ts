/**
 * `npm start`: runs the whole of SecureJoin on this machine with embedded defaults:
 * - the reference conference node with a fresh demo room, over HTTPS with the development
 *   certificate in .cert/ (https://127.0.0.1:8443; plain http://127.0.0.1:8080 when openssl is
 *   missing);
 * - the Outlook add-in and its playground on https://localhost:3000 (with the local token issuer
 *   for the playground's sign-in), and the meeting service on https://127.0.0.1:8444 with its
 *   embedded database in .data/service (scripts/localMeetingService.ts); the demo policy names
 *   the local node and the service, which registers each meeting's room on the node, so the
 *   codes the playground puts in an invite open rooms there;
 * - the browser extension, built with `wxt build` into .output/chrome-mv3;
 * - with a display ($DISPLAY or $WAYLAND_DISPLAY) and Chromium installed, a Chromium with a
 *   throwaway profile, the extension loaded and the development certificate accepted, on the
 *   playground (skip it with `--no-browser`).
 * It prints where to go and what to do, and closes everything on Ctrl+C (SIGINT) or SIGTERM.
 * Other arguments go to the node (conference-node/main.ts: --port, --host, --token, --test-clock).
 */
import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { createHash, X509Certificate } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { main as startNode } from '../conference-node/main';
import type { ConferenceNode } from '../conference-node/server';
import { ensureDevCertificate } from '../devcert';
import { DEFAULT_POLICY_PATH, startAddinServer } from '../outlook-addin/server';
import type { AddinServer } from '../outlook-addin/server';
import { createLocalIssuer, policyWithLocalService, startLocalMeetingStack } from './localMeetingService';
import type { LocalMeetingStack } from './localMeetingService';

const ROOT = process.cwd();
const ADDIN_PORT = 3000;
const SERVICE_PORT = 8444;
const EXTENSION_DIR = join(ROOT, '.output', 'chrome-mv3');

/** Builds the extension (`wxt build`); resolves with its folder, rejects with WXT's output. */
function buildExtension(): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(join(ROOT, 'node_modules', '.bin', 'wxt'), ['build'], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
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
function openChromium(chromium: string, extensionDir: string, certPem: string | null, urls: string[]): { child: ChildProcess; profile: string } {
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
  const child = spawn(chromium, args, { stdio: 'ignore' });
  child.on('error', (error) => console.warn(`Could not open Chromium (${error.message}).`));
  return { child, profile };
}

async function start(): Promise<void> {
  const argv = process.argv.slice(2);
  const noBrowser = argv.includes('--no-browser') || process.env.SECUREJOIN_NO_BROWSER === '1';
  const nodeArgs = argv.filter((a) => a !== '--no-browser');

  let tls: { key: string; cert: string; certPath: string } | undefined;
  try {
    const certDir = join(ROOT, '.cert');
    mkdirSync(certDir, { recursive: true });
    tls = { ...ensureDevCertificate(certDir), certPath: join(certDir, 'cert.pem') };
  } catch (error) {
    console.warn(`No development certificate (${error instanceof Error ? error.message : String(error)}): everything runs on plain http, and the add-in's policy cannot name the local node.\n`);
  }
  const extension = buildExtension();
  extension.catch(() => undefined); // reported below, after the servers are up

  let node: ConferenceNode | undefined;
  let addin: AddinServer | undefined;
  let meetings: LocalMeetingStack | undefined;
  let browser: { child: ChildProcess; profile: string } | undefined;
  let stopping = false;
  const stop = (): void => {
    if (stopping) return;
    stopping = true;
    if (browser) {
      browser.child.kill();
      rmSync(browser.profile, { recursive: true, force: true });
    }
    void Promise.allSettled([addin?.close(), meetings?.close(), node?.close()]).finally(() => process.exit(0));
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);

  node = await startNode(nodeArgs, process.env, tls ? { tls } : {});
  const issuer = await createLocalIssuer();
  addin = await startAddinServer({ port: ADDIN_PORT, host: 'localhost', devIssuer: issuer, ...(tls ? { https: { key: tls.key, cert: tls.cert } } : {}) });
  meetings = await startLocalMeetingStack({
    issuer,
    addinUrl: addin.url,
    node: { url: node.url, token: node.bearerToken, ...(tls ? { ca: tls.cert } : {}) },
    dataDir: join(ROOT, '.data', 'service'),
    port: SERVICE_PORT,
    ...(tls ? { tls: { key: tls.key, cert: tls.cert } } : {}),
  });
  // Admin policies only name https nodes: without a certificate the policy keeps the example's nodes.
  const example = readFileSync(DEFAULT_POLICY_PATH, 'utf8');
  addin.setPolicyText(
    tls
      ? policyWithLocalService(example, node.url, meetings.servicePolicy, 'Local reference node (npm start)')
      : JSON.stringify({ ...(JSON.parse(example) as object), meetingService: meetings.servicePolicy }, null, 2),
  );
  console.log(
    [
      '',
      `Outlook add-in on ${addin.url} (policy: examples/policy.json with ${tls ? `the local node ${node.url} and ` : ''}the meeting service ${meetings.service.url})`,
      `Meeting service on ${meetings.service.url} (embedded database in .data/service; the playground signs in with the local issuer at ${addin.url}/dev-issuer/)`,
      `  Playground (Outlook stand-in): ${addin.playgroundUrl}`,
      `  Sideload: ${addin.url}/manifest.xml (README "The Outlook add-in")${tls ? `; trust ${tls.certPath} first` : ''}.`,
    ].join('\n'),
  );

  let extensionDir: string | null = null;
  try {
    extensionDir = await extension;
    console.log(`\nBrowser extension built: ${extensionDir}\n  Load it: chrome://extensions -> Developer mode -> Load unpacked -> that folder.`);
  } catch (error) {
    console.warn(`\nThe browser extension could not be built: ${error instanceof Error ? error.message : String(error)}`);
  }

  const chromium = findChromium();
  const display = Boolean(process.env.DISPLAY || process.env.WAYLAND_DISPLAY);
  if (!noBrowser && display && chromium && extensionDir && !stopping) {
    browser = openChromium(chromium, extensionDir, tls?.cert ?? null, [addin.playgroundUrl]);
    browser.child.on('exit', (code) => {
      if (!stopping && code !== 0) console.warn(`\nChromium exited (code ${code}): open the URLs above in your own browser; the servers keep running.`);
    });
    console.log(`\nOpened ${chromium} with the extension on the playground (throwaway profile; it trusts only the development certificate).`);
  } else if (!noBrowser) {
    console.log(`\n${!display ? 'No display' : !chromium ? 'No Chromium found' : 'No extension build'}: open the URLs below in your own browser${tls ? ` (trust ${tls.certPath} or accept the warning for ${addin.url} and ${node.url})` : ''}.`);
  }

  console.log(
    [
      '',
      'What to do:',
      `  1. Organizer: open ${addin.playgroundUrl}. Set the start to within 15 minutes from now (codes open 15 minutes`,
      '     before the start), add a subject and two attendees, choose "unique per invitee" in the task pane,',
      `     press "Insert block" and "Send". The task pane registers the meeting with the meeting service, which registers its room on ${node.url}.`,
      '  2. Attendee: in the extension popup, paste a personal message from the task pane ("Personal messages")',
      '     and confirm; or add the demo room above by hand.',
      '  3. Open the invite\'s join link, type a name, press Join: the extension fills the PIN (or says when the code',
      '     opens). Guests wait until someone joins with the host PIN (task pane: "Host PIN").',
      '  4. Enter wrong PINs on a join page: the extension warns before the limit; too many lock the room.',
      '',
      'Ctrl+C stops everything.',
    ].join('\n'),
  );
}

start().catch((error: unknown) => {
  console.error(`securejoin start: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
