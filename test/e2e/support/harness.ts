/**
 * The e2e harness: every browser test starts its parts and drives its pages through here.
 *
 *   // The extension in real Chromium, a reference node (http) and the plain join pages:
 *   const x = forFile(() => startExtensionStack({ rooms: [{ alias: 'r', hostPin: '2468', guestPin: '1357', allowGuests: true }] }));
 *   it('...', async () => {
 *     const popup = await x.openPopup();              // popup.ts: pasteInvite, waitForText
 *     const join = await x.openJoinPage('r', 'Ana');   // joinPage.ts: join, waitForState, pinsSent
 *   });
 *
 *   // The Outlook playground with the meeting service (a fresh PostgreSQL database) and an https node:
 *   const o = forFile(() => startOutlookStack());
 *   it('...', async () => {
 *     const p = await o.openPlayground('?mailbox=1.5'); // playground.ts: send, editBody, paneState, ...
 *     expect((await o.service.storedRoom(aliasIn(await p.bodyText()))).status).toBe(200);
 *   });
 *
 *   // The playground alone (no meeting service): startPlaygroundStack({ policyText }).
 *   // A node's join page in plain Chromium (no extension): startNodeStack({ rooms }).
 *
 * `forFile` starts the stack in the file's beforeAll and closes it in afterAll; its result is the
 * started stack (use it inside tests and hooks only). Each stack starts its parts side by side.
 * Development-only parts (add-in server, node, local meeting service) come from devParts.ts only.
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'puppeteer-core';
import type { DevIssuer } from '../../../service';
import { createTestDatabase } from '../../service/support';
import { launchChromium } from './chromium';
import { closeTogether, freePort, startTogether } from './lifecycle';
import type { Closable } from './lifecycle';
import { createLocalIssuer, ensureDevCertificate, localServicePolicy, policyWithLocalService, startAddinServer, startConferenceNode, startLocalMeetingStack } from './devParts';
import type { AddinServer, ConferenceNode, ConferenceNodeOptions, LocalMeetingStack } from './devParts';
import { launchWithExtension, waitForRegistration } from './extensionBrowser';
import type { ExtensionBrowser } from './extensionBrowser';
import { EXTENSION_DIR } from './globalSetup';
import { meetingServiceClient } from './meetingServiceClient';
import type { MeetingServiceClient } from './meetingServiceClient';
import { openJoinPage } from './joinPage';
import { nodeClient } from './nodeClient';
import type { NodeClient } from './nodeClient';
import type { JoinPage } from './joinPage';
import { startPlainJoinPages } from './plainJoinPages';
import type { PlainJoinPages } from './plainJoinPages';
import { openPlayground } from './playground';
import type { Playground } from './playground';
import { openPopup } from './popup';
import type { Popup } from './popup';

export { closeTogether, forFile, startTogether } from './lifecycle';
export type { Closable } from './lifecycle';
export { aliasIn, blockCount, pressWhenAvailable } from './playground';
export type { PaneState, Playground } from './playground';
export { waitForJoinState } from './joinPage';
export type { JoinPage } from './joinPage';
export type { Popup } from './popup';
export { waitForText } from './waitForText';
export { noticeText, waitForNotice } from './extensionBrowser';
export { startConferenceNode } from './devParts';
export type { ConferenceNode } from './devParts';

/** The admin policy every stack starts from. */
export const EXAMPLE_POLICY = readFileSync('examples/policy.json', 'utf8');
/** A browser that accepts the self-signed development certificate of the https parts. */
export const ACCEPT_DEV_CERT = ['--ignore-certificate-errors'];

// ---- the extension ---------------------------------------------------------------------------

/** Chromium with the built extension, a reference node on http and the plain join pages. */
export interface ExtensionStack extends Closable {
  ext: ExtensionBrowser;
  node: ConferenceNode;
  /** Join pages of other markup than the node's (plainJoinPages.ts). */
  pages: PlainJoinPages;
  /** The extension's popup in a new tab. */
  openPopup(opts?: { viewport?: { width: number; height: number } }): Promise<Popup>;
  /** The node's join page for `alias` in a new tab (with `?name=`), recording the PINs it sends. */
  openJoinPage(alias: string, name?: string): Promise<JoinPage>;
}

/**
 * Starts the extension stack; resolves once the extension has registered its join-page script
 * for the node (`http://127.0.0.1/*`). `rooms` are the node's own rooms; `node` its other options.
 */
export async function startExtensionStack(opts: { rooms?: readonly unknown[]; node?: ConferenceNodeOptions; browserArgs?: string[] } = {}): Promise<ExtensionStack> {
  const [node, pages, ext] = await startTogether<[ConferenceNode, PlainJoinPages, ExtensionBrowser]>([
    startConferenceNode({ ...opts.node, ...(opts.rooms ? { rooms: opts.rooms } : {}) }),
    startPlainJoinPages(),
    launchWithExtension(EXTENSION_DIR, { args: opts.browserArgs ?? [] }),
  ]);
  const close = () => closeTogether([node, pages, ext]);
  try {
    await waitForRegistration(ext, 'http://127.0.0.1/*');
  } catch (error) {
    await close();
    throw error;
  }
  return {
    ext,
    node,
    pages,
    openPopup: (popupOpts) => openPopup(ext.browser, ext.extensionId, popupOpts),
    openJoinPage: (alias, name) => openJoinPage(ext.browser, node.joinUrl(alias, name === undefined ? {} : { name })),
    close,
  };
}

/** A reference node (http) and plain Chromium, without the extension: the join page as anyone sees it. */
export interface NodeStack extends Closable {
  node: ConferenceNode;
  browser: Browser;
  /** The node's join page for `alias` in a new tab (with `?name=`), recording the PINs it sends. */
  openJoinPage(alias: string, name?: string): Promise<JoinPage>;
}

/** Starts the node stack; `rooms` are the node's own rooms, `node` its other options. */
export async function startNodeStack(opts: { rooms?: readonly unknown[]; node?: ConferenceNodeOptions } = {}): Promise<NodeStack> {
  const [node, browser] = await startTogether<[ConferenceNode, Browser]>([startConferenceNode({ ...opts.node, ...(opts.rooms ? { rooms: opts.rooms } : {}) }), launchChromium()]);
  return {
    node,
    browser,
    openJoinPage: (alias, name) => openJoinPage(browser, node.joinUrl(alias, name === undefined ? {} : { name })),
    close: () => closeTogether([node, browser]),
  };
}

// ---- the Outlook add-in --------------------------------------------------------------------

/** The add-in server with its playground and one Chromium to open it in. */
export interface PlaygroundStack extends Closable {
  addin: AddinServer;
  browser: Browser;
  /** The playground with its task pane, ready, in a new page; `query` e.g. `?mailbox=1.5`. */
  openPlayground(query?: string, opts?: { viewport?: { width: number; height: number } }): Promise<Playground>;
  /** The policy.json the add-in server serves. */
  policyText: string;
  /** Runs `run` while the add-in server serves `text` as policy.json, then serves policyText again. */
  withPolicyText<T>(text: string, run: () => Promise<T>): Promise<T>;
}

/** {@link PlaygroundStack.withPolicyText} for `addin`, whose usual policy is `policyText`. */
function policySwitch(addin: AddinServer, policyText: string): PlaygroundStack['withPolicyText'] {
  return async (text, run) => {
    addin.setPolicyText(text);
    try {
      return await run();
    } finally {
      addin.setPolicyText(policyText);
    }
  };
}

/** Starts the playground alone over http, serving `policyText` (default the example policy). */
export async function startPlaygroundStack(opts: { policyText?: string } = {}): Promise<PlaygroundStack> {
  const policyText = opts.policyText ?? EXAMPLE_POLICY;
  const [addin, browser] = await startTogether<[AddinServer, Browser]>([startAddinServer({ policyText }), launchChromium()]);
  return {
    addin,
    browser,
    policyText,
    withPolicyText: policySwitch(addin, policyText),
    openPlayground: (query = '', o = {}) => openPlayground(browser, `${addin.playgroundUrl}${query}`, o.viewport),
    close: () => closeTogether([addin, browser]),
  };
}

/** The playground signed in to the meeting service, whose External Policy API an https reference node asks. */
export interface OutlookStack extends PlaygroundStack {
  // policyText: the example policy (after `policy`), naming this node and service.
  /** The development certificate every https part serves. */
  tls: { key: string; cert: string };
  issuer: DevIssuer;
  meetings: LocalMeetingStack;
  node: ConferenceNode;
  /** The test's own view of the meeting service (what the node will be told, what it stores). */
  service: MeetingServiceClient;
  /** The node's client API, as a Pexip web client calls it (`requestToken`). */
  nodeApi: NodeClient;
  /** policyText with a meeting service at an address where nothing listens. */
  unreachableServicePolicy(): Promise<string>;
}

/** Options of {@link startOutlookStack}. */
export interface OutlookStackOptions {
  /** Edits the admin policy (parsed examples/policy.json) before it is served. */
  policy?: (policy: Record<string, any>) => void;
  /** More options for the node: its own rooms, attempt limits. */
  node?: ConferenceNodeOptions;
  /**
   * The meeting service's database: a fresh PostgreSQL database on 127.0.0.1:5432 (default; made
   * in well under a second) or in-memory PGlite as `npm start` runs it (many seconds to start).
   */
  database?: 'postgres' | 'pglite';
}

/** A fresh PostgreSQL database for one stack, dropped when it closes. */
async function freshPostgres(): Promise<{ postgres: { url: string; codesKey: string }; drop: Closable }> {
  const db = await createTestDatabase();
  return { postgres: { url: db.url, codesKey: randomBytes(32).toString('base64') }, drop: { close: () => db.drop() } };
}

/** Starts the Outlook stack: add-in server, meeting service and Chromium side by side, then the node. */
export async function startOutlookStack(opts: OutlookStackOptions = {}): Promise<OutlookStack> {
  const certDir = mkdtempSync(join(tmpdir(), 'securejoin-e2e-cert-'));
  const removeCertDir: Closable = { close: async () => rmSync(certDir, { recursive: true, force: true }) };
  const database = opts.database === 'pglite' ? null : await freshPostgres();
  /** Closes the stack's parts, then removes what they used (the database after the service let go of it). */
  const closeWith = async (parts: Closable[]) => {
    try {
      await closeTogether(parts);
    } finally {
      await closeTogether([removeCertDir, database?.drop]);
    }
  };
  try {
    const tls = ensureDevCertificate(certDir);
    const [issuer, port] = await Promise.all([createLocalIssuer(), freePort()]);
    const [addin, meetings, browser] = await startTogether<[AddinServer, LocalMeetingStack, Browser]>([
      startAddinServer({ https: tls, devIssuer: issuer, port }),
      startLocalMeetingStack({ issuer, addinUrl: `https://127.0.0.1:${port}`, dataDir: null, ...(database ? { postgres: database.postgres } : {}), port: 0, tls }),
      launchChromium({ args: ACCEPT_DEV_CERT }),
    ]);
    // The node asks the service about every alias (a policy profile) and sends it its events (an Event sink), as Infinity does.
    const node = await startConferenceNode({
      ...opts.node,
      tls,
      policy: { url: meetings.service.url, ...meetings.policy, ca: tls.cert },
      eventSink: { url: meetings.eventSinkUrl, ...meetings.eventSink, ca: tls.cert, retryMs: 100 },
    }).catch(async (error: unknown) => {
      await closeWith([addin, meetings, browser]);
      throw error;
    });
    const policy = JSON.parse(EXAMPLE_POLICY) as Record<string, any>;
    opts.policy?.(policy);
    const policyText = policyWithLocalService(JSON.stringify(policy), node.url, meetings.servicePolicy);
    addin.setPolicyText(policyText);
    return {
      tls,
      issuer,
      addin,
      meetings,
      node,
      browser,
      service: meetingServiceClient(meetings, issuer, tls.cert),
      nodeApi: nodeClient(node, tls.cert),
      policyText,
      openPlayground: (query = '', o = {}) => openPlayground(browser, `${addin.playgroundUrl}${query}`, o.viewport),
      withPolicyText: policySwitch(addin, policyText),
      unreachableServicePolicy: async () => policyWithLocalService(JSON.stringify(policy), node.url, localServicePolicy(`https://127.0.0.1:${await freePort()}`, addin.url)),
      close: () => closeWith([node, meetings, addin, browser]),
    };
  } catch (error) {
    await closeWith([]);
    throw error;
  }
}
