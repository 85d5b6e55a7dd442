/**
 * The browser side of the manual fill (manualFill.ts): the "Fill SecureJoin PIN" context-menu
 * item on editable fields and the keyboard command of the same name (manifest `commands`,
 * wxt.config.ts; users change the keys at chrome://extensions/shortcuts).
 */
import { browser } from 'wxt/browser';
import type { BackgroundContext } from './context';
import { armManualFill } from './manualFill';

/** The manifest's command name (wxt.config.ts `commands`). */
export const FILL_COMMAND = 'fill-pin';
/** The context-menu item's id. */
export const FILL_MENU_ID = 'securejoin-fill-pin';
/** What the user sees, in the menu and in the browser's shortcut settings. */
export const FILL_TITLE = 'Fill SecureJoin PIN';

/** Asks the scripts of `tabId` (of frame `frameId` only, when given) to fill the focused field (the focused frame's answers with `fill:manual`). */
async function requestFill(tabId: number | undefined, ctx: BackgroundContext, frameId?: number): Promise<void> {
  if (tabId === undefined || tabId < 0) return;
  armManualFill(tabId, ctx.now(), frameId ?? null);
  // No join-page script in this tab (not a known node): nothing to fill, and nothing happens (the
  // request expires unused). Not disarmed on a rejection: the script answers after its listener
  // returned, which some browsers report as a closed port.
  await browser.tabs.sendMessage(tabId, { type: 'fill:manual' }, frameId === undefined ? {} : { frameId }).catch(() => undefined);
}

/** The listeners, as the browser calls them (the browser ignores what they return; tests await it). */
const listeners = (ctx: BackgroundContext) => ({
  onMenuClick: async (info: { menuItemId: string | number; frameId?: number }, tab?: { id?: number }): Promise<void> => {
    if (info.menuItemId === FILL_MENU_ID) await requestFill(tab?.id, ctx, info.frameId ?? 0);
  },
  onCommand: async (command: string, tab?: { id?: number }): Promise<void> => {
    if (command !== FILL_COMMAND) return;
    await requestFill(tab?.id ?? (await browser.tabs.query({ active: true, lastFocusedWindow: true }))[0]?.id, ctx);
  },
});

/**
 * Where the browser tests reach the listeners: headless Chromium neither shows context menus nor
 * delivers extension keyboard shortcuts, so test/e2e/extension-fill-command.test.ts calls them
 * here, in the service worker, with what the browser would pass. Only code running inside the
 * extension's own worker can see this global; pages and content scripts cannot. Store builds
 * (SECUREJOIN_STORE_BUILD) define no such global.
 */
export const TEST_HOOK = '__securejoinFill';

/** Set by the build (wxt.config.ts): false in store builds, which define no test hook. */
declare const __SECUREJOIN_TEST_HOOKS__: boolean | undefined;
/** Whether this build exposes {@link TEST_HOOK}: development and test builds only; unknown means no. */
const TEST_HOOKS = typeof __SECUREJOIN_TEST_HOOKS__ === 'boolean' && __SECUREJOIN_TEST_HOOKS__;

/** Adds the context-menu item and listens for it and the keyboard command. Call once at start, synchronously. */
export function wireManualFill(ctx: BackgroundContext): void {
  const on = listeners(ctx);
  browser.contextMenus.onClicked.addListener((info, tab) => void on.onMenuClick(info, tab).catch(() => undefined));
  browser.commands.onCommand.addListener((command, tab) => void on.onCommand(command, tab).catch(() => undefined));
  if (TEST_HOOKS) (globalThis as Record<string, unknown>)[TEST_HOOK] = on;
  // Menu items persist across worker restarts: recreate ours once per start so it exists exactly once.
  void browser.contextMenus
    .removeAll()
    .then(() => browser.contextMenus.create({ id: FILL_MENU_ID, title: FILL_TITLE, contexts: ['editable'] }))
    .catch((e: unknown) => console.error('SecureJoin: context menu', e));
}
