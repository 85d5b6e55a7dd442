/**
 * Debian's Firefox ESR under puppeteer (WebDriver BiDi) with the extension's Firefox MV3 build
 * installed as a temporary add-on (platform facts §9). BiDi cannot open the extension's own
 * pages (moz-extension:// navigation is refused), so Firefox tests drive the extension the way
 * a user does, through web pages; the extension's notice sits in a CLOSED shadow root, read here
 * through BiDi's serialisation with `includeShadowTree: 'all'` (page scripts still cannot).
 */
import { existsSync } from 'node:fs';
import puppeteer from 'puppeteer-core';
import { buildExtensionOnce } from './globalSetup';
import type { Browser, Page } from 'puppeteer-core';

const DEFAULT_PATH = '/usr/bin/firefox-esr';

/**
 * The Firefox executable: env `SECUREJOIN_FIREFOX_PATH`, then /usr/bin/firefox-esr.
 * @throws Error naming `apt-get install -y firefox-esr` when there is none.
 */
export function findFirefox(env: Readonly<Record<string, string | undefined>> = process.env): string {
  const fromEnv = env.SECUREJOIN_FIREFOX_PATH;
  if (fromEnv) {
    if (!existsSync(fromEnv)) throw new Error(`SECUREJOIN_FIREFOX_PATH points to ${fromEnv}, which does not exist`);
    return fromEnv;
  }
  if (existsSync(DEFAULT_PATH)) return DEFAULT_PATH;
  throw new Error(`No Firefox found: set SECUREJOIN_FIREFOX_PATH or install it with \`apt-get update && apt-get install -y firefox-esr\` (expected at ${DEFAULT_PATH}).`);
}

/** Builds the development Firefox MV3 extension (loopback hosts granted, as the Chromium one), or reuses an up-to-date build. */
export function buildFirefoxExtension(): string {
  return buildExtensionOnce('firefox-mv3', ['-b', 'firefox', '--mv3']);
}

/** Headless Firefox ESR with the extension at `extensionDir` installed. */
export async function launchFirefoxWithExtension(extensionDir: string): Promise<Browser> {
  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: findFirefox(),
    headless: true,
    // Off the network: no update checks, telemetry or remote settings while the test runs.
    extraPrefsFirefox: {
      'app.update.enabled': false,
      'datareporting.policy.dataSubmissionEnabled': false,
      'extensions.update.enabled': false,
      'services.settings.server': 'data:,',
      'network.captive-portal-service.enabled': false,
    },
  });
  try {
    await browser.installExtension(extensionDir);
    return browser;
  } catch (error) {
    await browser.close();
    throw error;
  }
}

interface RemoteNode {
  type?: string;
  value?: { nodeType?: number; nodeValue?: string; children?: RemoteNode[]; shadowRoot?: RemoteNode | null };
}

function textOf(node: RemoteNode | null | undefined): string {
  const value = node?.value;
  if (!value) return '';
  if (value.nodeType === 3) return value.nodeValue ?? '';
  return [value.shadowRoot ? textOf(value.shadowRoot) : '', ...(value.children ?? []).map(textOf)].join(' ');
}

/** The text of the extension's notice(s) on `page`, through closed shadow roots (BiDi). */
export async function firefoxNoticeText(browser: Browser, page: Page): Promise<string> {
  // puppeteer exposes no BiDi serialisation options; its connection and the frame's context id do.
  const connection = (browser as unknown as { connection: { send(method: string, params: object): Promise<{ result: { result: RemoteNode } }> } }).connection;
  const context = (page.mainFrame() as unknown as { _id: string })._id;
  const answer = await connection.send('script.evaluate', {
    expression: '[...document.querySelectorAll("securejoin-notice")]',
    target: { context },
    awaitPromise: false,
    serializationOptions: { maxDomDepth: 40, includeShadowTree: 'all' },
  });
  const list = answer.result.result as { value?: RemoteNode[] };
  return (list.value ?? []).map(textOf).join(' ').replace(/\s+/g, ' ').trim();
}

/** Waits until the notice on `page` contains `expected`. */
export async function waitForFirefoxNotice(browser: Browser, page: Page, expected: string, timeoutMs = 10_000): Promise<string> {
  const deadline = Date.now() + timeoutMs;
  let last = '';
  while (Date.now() < deadline) {
    last = await firefoxNoticeText(browser, page);
    if (last.includes(expected)) return last;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`notice never showed ${JSON.stringify(expected)}; last: ${JSON.stringify(last)}`);
}
