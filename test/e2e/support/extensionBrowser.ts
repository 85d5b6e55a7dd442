/**
 * Real Chromium with the built extension loaded through the DevTools pipe (fast; managed policy
 * is not needed here, see managedPolicyBrowser.ts for that path), plus helpers the extension
 * tests share: talk to the background as the popup does, wait for the join-page script to be
 * registered, and read the text of the extension's CLOSED shadow-root notice (which page
 * scripts cannot read) through the DevTools protocol.
 */
import type { Browser, Page, WebWorker } from 'puppeteer-core';
import { launchChromium } from './chromium';

/** A running browser with the extension. */
export interface ExtensionBrowser {
  browser: Browser;
  extensionId: string;
  worker: () => Promise<WebWorker>;
  /** Sends a message to the background from the extension's popup page and returns the answer. */
  send(msg: unknown): Promise<any>;
  /**
   * Runs `fn` in the extension's popup page (extension APIs without attaching to the worker:
   * once puppeteer has attached to the service worker, a stopped worker never finishes
   * starting again, so tests that stop it must not use {@link ExtensionBrowser.worker}).
   */
  inExtensionPage<T>(fn: () => Promise<T> | T): Promise<T>;
  close(): Promise<void>;
}

declare const chrome: any;

/**
 * Waits until the worker's extension APIs are bound. Puppeteer can reach a freshly started
 * service worker before Chromium has installed `chrome` in it; evaluating then fails with
 * "chrome is not defined".
 */
export async function waitForExtensionApi(worker: WebWorker, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const ready = await worker.evaluate(() => typeof (globalThis as { chrome?: { runtime?: { id?: string } } }).chrome?.runtime?.id === 'string').catch(() => false);
    if (ready) return;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error('the extension service worker never got its extension APIs');
}

/**
 * The extension's popup page, opened once as a tab on first use and reopened if closed: tests
 * talk to the background from it as the popup does.
 */
export function popupPage(browser: Browser, extensionId: string): () => Promise<Page> {
  let ui: Page | null = null;
  return async () => {
    if (ui && !ui.isClosed()) return ui;
    ui = await browser.newPage();
    await ui.goto(`chrome-extension://${extensionId}/popup.html`);
    return ui;
  };
}

/** Launches Chromium with the extension at `extensionDir`; `opts.args` are extra command-line flags. */
export async function launchWithExtension(extensionDir: string, opts: { args?: string[] } = {}): Promise<ExtensionBrowser> {
  const browser = await launchChromium({ pipe: true, enableExtensions: [extensionDir], args: opts.args ?? [] });
  try {
    const target = await browser.waitForTarget((t) => t.type() === 'service_worker' && t.url().startsWith('chrome-extension://'), { timeout: 15_000 });
    const extensionId = new URL(target.url()).host;
    const uiPage = popupPage(browser, extensionId);
    return {
      browser,
      extensionId,
      worker: async () => {
        const t = await browser.waitForTarget((x) => x.type() === 'service_worker' && x.url().startsWith(`chrome-extension://${extensionId}/`), { timeout: 15_000 });
        const w = await t.worker();
        if (!w) throw new Error('no service worker');
        await waitForExtensionApi(w);
        return w;
      },
      send: async (msg) => (await uiPage()).evaluate((m) => chrome.runtime.sendMessage(m), msg as never),
      inExtensionPage: async (fn) => (await uiPage()).evaluate(fn) as never,
      close: () => browser.close(),
    };
  } catch (error) {
    await browser.close();
    throw error;
  }
}

/** A stopped service worker, watched through the DevTools protocol until it runs again. */
export interface StoppedWorker {
  /** The stopped worker's script URL. */
  scriptUrl: string;
  /** Resolves when Chromium reports the worker running again (it wakes for its next event). */
  restarted(timeoutMs?: number): Promise<void>;
  /** Stops watching. */
  close(): Promise<void>;
}

interface WorkerVersion {
  versionId: string;
  scriptURL: string;
  runningStatus: 'stopped' | 'starting' | 'running' | 'stopping';
}

/**
 * Stops the extension's service worker as Chromium does when it idles (DevTools protocol
 * `ServiceWorker.stopWorker`, through a session on `page`) and waits until Chromium reports it
 * stopped. Puppeteer may keep
 * showing the old target, so the protocol's own `runningStatus` is what is waited on.
 */
export async function stopServiceWorker(ext: ExtensionBrowser, page: Page, timeoutMs = 10_000): Promise<StoppedWorker> {
  // A session on a page the test already has: opening a tab here would push the test's page to
  // the background, where puppeteer's clicks wait for a frame that never comes.
  const cdp = await page.createCDPSession();
  const ours = (v: WorkerVersion) => v.scriptURL.startsWith(`chrome-extension://${ext.extensionId}/`);
  const seen: WorkerVersion[] = [];
  cdp.on('ServiceWorker.workerVersionUpdated', (e: { versions: WorkerVersion[] }) => seen.push(...e.versions.filter(ours)));
  const waitFor = async (status: WorkerVersion['runningStatus'], from: number, ms: number): Promise<void> => {
    const deadline = Date.now() + ms;
    while (!seen.slice(from).some((v) => v.runningStatus === status)) {
      if (Date.now() > deadline) throw new Error(`the service worker never became ${status}; seen: ${seen.map((v) => v.runningStatus).join(', ')}`);
      await new Promise((r) => setTimeout(r, 25));
    }
  };
  const close = async () => {
    await cdp.detach().catch(() => undefined);
  };
  try {
    await cdp.send('ServiceWorker.enable');
    await waitFor('running', 0, timeoutMs);
    const version = seen.find((v) => v.runningStatus === 'running')!;
    const mark = seen.length;
    await cdp.send('ServiceWorker.stopWorker', { versionId: version.versionId });
    await waitFor('stopped', mark, timeoutMs);
    const stoppedAt = seen.length;
    return { scriptUrl: version.scriptURL, restarted: (ms = 10_000) => waitFor('running', stoppedAt, ms), close };
  } catch (error) {
    await close();
    throw error;
  }
}

/** Waits until the background has registered the join-page script with a match covering `pattern`. */
export async function waitForRegistration(ext: ExtensionBrowser, pattern: string, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const matches = (await ext.inExtensionPage(async () => (await chrome.scripting.getRegisteredContentScripts()).flatMap((s: any) => s.matches ?? []))) as string[];
    if (matches.includes(pattern)) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`join-page script never registered for ${pattern}`);
}

interface CdpNode {
  nodeType: number;
  nodeName: string;
  nodeValue?: string;
  children?: CdpNode[];
  shadowRoots?: CdpNode[];
}

function textIn(node: CdpNode): string {
  if (node.nodeType === 3) return node.nodeValue ?? '';
  return [...(node.shadowRoots ?? []), ...(node.children ?? [])].map(textIn).join(' ');
}

function findNotices(node: CdpNode, out: CdpNode[] = []): CdpNode[] {
  if (node.nodeName.toLowerCase() === 'securejoin-notice') out.push(node);
  for (const child of [...(node.shadowRoots ?? []), ...(node.children ?? [])]) findNotices(child, out);
  return out;
}

/** The text of the extension's notice(s) on `page`, read through closed shadow roots with CDP. */
export async function noticeText(page: Page): Promise<string> {
  const cdp = await page.createCDPSession();
  try {
    const { root } = (await cdp.send('DOM.getDocument', { depth: -1, pierce: true })) as { root: CdpNode };
    return findNotices(root).map(textIn).join(' ').replace(/\s+/g, ' ').trim();
  } finally {
    await cdp.detach();
  }
}

/** Waits until the notice on `page` contains `expected`. */
export async function waitForNotice(page: Page, expected: string | RegExp, timeoutMs = 10_000): Promise<string> {
  const deadline = Date.now() + timeoutMs;
  let last = '';
  while (Date.now() < deadline) {
    last = await noticeText(page);
    if (typeof expected === 'string' ? last.includes(expected) : expected.test(last)) return last;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`notice never showed ${String(expected)}; last: ${JSON.stringify(last)}`);
}
