/**
 * Page object for the Outlook add-in playground in a real browser page: the fake Outlook compose
 * window (subject, times, attendees, the body as Outlook rewrites it, Send with Smart Alerts) and
 * the real task pane in its frame. Tests drive the organizer's gestures through it and read what
 * the organizer would see; the playground's own element ids live here and nowhere else.
 */
import type { Browser, Frame, Page } from 'puppeteer-core';
import { waitForText } from './waitForText';

/** The task pane's state at its top: what the organizer reads first. */
export interface PaneState {
  /** `data-state` of `#pane-state`: `current`, `stale`, `missing`, ... */
  state: string | null;
  headline: string;
  /** Each difference the pane lists, in its words. */
  drifts: string[];
  /** The label of the one button that fixes it; null when there is none. */
  button: string | null;
  /** The live region's role (`status` when all is well, `alert` otherwise). */
  role: string | null;
}

/** The playground page with its task pane, ready. */
export interface Playground {
  page: Page;
  pane: Frame;
  /** The invite body as text (what attendees read). */
  bodyText(): Promise<string>;
  /** The invite body's HTML as the playground (like Outlook) rewrote it. */
  bodyHtml(): Promise<string>;
  waitForBody(re: RegExp, timeoutMs?: number): Promise<void>;
  /** The organizer edits the body's HTML by hand; `edit` must change it. */
  editBody(edit: (html: string) => string): Promise<void>;
  /** Sets the start time of day (`"14:00"`), as the organizer does in the date picker. */
  setStart(hourMinute: string): Promise<void>;
  /** Moves the meeting `days` days later at the same time of day. */
  moveDays(days: number): Promise<void>;
  /** The item's start and end (UTC ms), from the host state. */
  itemTimes(): Promise<{ start: number; end: number }>;
  addAttendee(name: string, email: string): Promise<void>;
  /** Presses the pane's Insert (or Update) block and waits for its "block was inserted/updated" message. */
  insertBlock(): Promise<void>;
  /** What the playground's sign-in gives from now on: a token (`ok`) or a declined sign-in (`refused`). */
  setSignIn(answer: 'ok' | 'refused'): Promise<void>;
  /** Clicks Send; resolves with the Smart Alert's message (after "Don't send"), or null when the meeting was sent. */
  send(): Promise<string | null>;
  /** The pane's state at its top. */
  paneState(): Promise<PaneState>;
  waitForPaneState(state: string, timeoutMs?: number): Promise<void>;
  /** Back in the task pane: a click moves focus into its frame, as the organizer's would. */
  backToPane(): Promise<void>;
  close(): Promise<void>;
}

/** `-- SecureJoin secure access --` blocks in `text`. */
export const blockCount = (text: string): number => text.split('-- SecureJoin secure access --').length - 1;
/** The web alias of the first join link in `text` (the 20 characters after `/m/`). */
/**
 * Presses a pane action button once it is available: the pane marks Insert/Remove/... with
 * `aria-disabled` while it is busy (a click then does nothing), e.g. just after an insert.
 */
export async function pressWhenAvailable(pane: Frame, selector: string): Promise<void> {
  await (await pane.waitForSelector(`${selector}:not([aria-disabled])`, { visible: true, timeout: 10_000 }))!.click();
}

export const aliasIn = (text: string): string => /\/m\/([a-z0-9]{20})(?![a-z0-9])/.exec(text)?.[1] as string;

/**
 * `url` with the playground's `officeDelay` from SECUREJOIN_E2E_OFFICE_DELAY_MS: run the suite
 * against a slow Outlook to find waits on timing instead of on what the page shows.
 */
function withOfficeDelay(url: string): string {
  const delay = Number(process.env.SECUREJOIN_E2E_OFFICE_DELAY_MS ?? 0);
  if (!(delay > 0)) return url;
  const u = new URL(url);
  u.searchParams.set('officeDelay', String(delay));
  return u.href;
}

/** Opens `url` (the playground, with any query) in `page`; resolves with the ready task pane frame. */
export async function loadPlayground(page: Page, url: string): Promise<Frame> {
  await page.goto(withOfficeDelay(url));
  await page.waitForSelector('body[data-ready="true"]', { timeout: 15_000 });
  const pane = await page.waitForFrame((f) => f.url().includes('/playground/addin/') && f.url().includes('taskpane'), { timeout: 10_000 });
  await pane.waitForSelector('body[data-ready="true"]', { timeout: 10_000 });
  return pane;
}

interface PlaygroundWindow {
  securejoinPlayground: { readItem(): { start: number; end: number; bodyHtml: string }; options: { signIn: string } };
}

/**
 * Opens the playground at `url` in a new page of `browser`.
 * @throws Error when the page raised an uncaught error while loading.
 */
export async function openPlayground(browser: Browser, url: string, viewport?: { width: number; height: number }): Promise<Playground> {
  const page = await browser.newPage();
  if (viewport) await page.setViewport(viewport);
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  const pane = await loadPlayground(page, url);
  if (errors.length > 0) throw new Error(`the playground raised errors while loading: ${errors.join('; ')}`);
  return playgroundOn(page, pane);
}

/** The page object for an already loaded playground `page` and its `pane`. */
export function playgroundOn(page: Page, pane: Frame): Playground {
  const bodyText = () => page.$eval('#body-text', (el) => el.textContent ?? '');
  const bodyHtml = () => page.evaluate(() => (window as unknown as PlaygroundWindow).securejoinPlayground.readItem().bodyHtml);
  return {
    page,
    pane,
    bodyText,
    bodyHtml,
    waitForBody: (re, timeoutMs = 10_000) => waitForText(page, '#body-text', re, timeoutMs),
    async editBody(edit) {
      if (!(await page.$eval('#compose details', (d) => (d as HTMLDetailsElement).open))) await page.click('#compose details > summary');
      const html = await bodyHtml();
      const edited = edit(html);
      if (edited === html) throw new Error('editBody: the edit changed nothing');
      await page.$eval('#body-html', (el, v) => void ((el as HTMLTextAreaElement).value = v as string), edited);
      await page.click('#apply-body');
    },
    setStart: (hourMinute) =>
      page.$eval('#start', (el, hm) => {
        const input = el as HTMLInputElement;
        input.value = `${input.value.slice(0, 10)}T${hm}`;
        input.dispatchEvent(new Event('change'));
      }, hourMinute),
    moveDays: (days) =>
      page.$eval('#start', (el, n) => {
        const input = el as HTMLInputElement;
        const [y, m, d] = input.value.slice(0, 10).split('-').map(Number) as [number, number, number];
        input.value = `${new Date(Date.UTC(y, m - 1, d + n)).toISOString().slice(0, 10)}${input.value.slice(10)}`;
        input.dispatchEvent(new Event('change'));
      }, days),
    itemTimes: () =>
      page.evaluate(() => {
        const item = (window as unknown as PlaygroundWindow).securejoinPlayground.readItem();
        return { start: item.start, end: item.end };
      }),
    async addAttendee(name, email) {
      await page.type('#attendee-name', name);
      await page.type('#attendee-email', email);
      await page.click('#add-attendee');
    },
    async insertBlock() {
      await pane.click('#insert');
      await waitForText(pane, '#message', /block was (inserted|updated)/);
    },
    setSignIn: (answer) => page.evaluate((v) => void ((window as unknown as PlaygroundWindow).securejoinPlayground.options.signIn = v), answer),
    async send() {
      await page.click('#send');
      await page.waitForFunction(() => (document.getElementById('smart-alert') as HTMLDialogElement).open || document.getElementById('host-status')?.textContent === 'Meeting sent.', { timeout: 10_000 });
      if (!(await page.$eval('#smart-alert', (d) => (d as HTMLDialogElement).open))) return null;
      const message = await page.$eval('#smart-alert-message', (el) => el.textContent ?? '');
      await page.click('#smart-alert-dont-send');
      await waitForText(page, '#host-status', /^Not sent\.$/);
      return message;
    },
    paneState: () =>
      pane.$eval('#pane-state', (el) => ({
        state: el.getAttribute('data-state'),
        headline: el.querySelector('#block-status')?.textContent ?? '',
        drifts: [...el.querySelectorAll('#block-problems li')].map((li) => li.textContent ?? ''),
        button: el.querySelector('#fix')?.textContent ?? null,
        role: el.querySelector('#block-status')?.parentElement?.getAttribute('role') ?? null,
      })),
    waitForPaneState: async (state, timeoutMs = 10_000) => void (await pane.waitForSelector(`#pane-state[data-state="${state}"]`, { timeout: timeoutMs })),
    backToPane: () => pane.click('h1'),
    close: () => page.close(),
  };
}
