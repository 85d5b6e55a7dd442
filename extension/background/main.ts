/**
 * Wires the background's modules to the browser: database, message router, webRequest guard,
 * content-script registration, badge. No decisions here.
 */
import { browser } from 'wxt/browser';
import { nanoid } from 'nanoid';
import { currentPolicyState, watchManagedPolicy } from '../policy/managedPolicy';
import { openDb } from '../storage/db';
import { deleteExpiredMeetings, meetingOrigins } from '../storage/meetings';
import type { BackgroundContext } from './context';
import { badgeFor, dropTokenRequest, noteTokenRequest, settleTokenRequest, TOKEN_REQUEST_URL_PATTERNS } from './guard';
import { sweepExpired } from './sweep';
import type { GuardUpdate } from './guard';
import { applyRegistration, contentScriptMatches } from './registration';
import { navigationFact } from './provenance';
import type { NavigationFact } from './provenance';
import { handleMessage } from './router';
import { wireManualFill } from './fillCommand';
import { scheduleRetention } from './retention';
import { retentionToApply, settingsFrom, USER_PREFS_KEY } from './settings';

/** storage.session key of the browser session id. */
const SESSION_KEY = 'browserSession';
let sessionId: Promise<string> | null = null;

/** This browser session's id: made once per browser session, kept in storage.session across worker restarts. */
function browserSession(): Promise<string> {
  sessionId ??= (async () => {
    const stored = (await browser.storage.session.get(SESSION_KEY))[SESSION_KEY];
    if (typeof stored === 'string' && stored !== '') return stored;
    const fresh = nanoid();
    await browser.storage.session.set({ [SESSION_KEY]: fresh });
    return fresh;
  })().catch((error: unknown) => {
    sessionId = null;
    throw error;
  });
  return sessionId;
}

/** storage.local key of the meeting ids whose first fill waits for the user's Join (context.ts `freshPins`). */
const FRESH_PINS_KEY = 'freshPins';

/**
 * The fresh-PIN set in storage.local (it must outlive worker restarts and browser restarts: the
 * user may join tomorrow), read once per worker into memory: `has` sits on the way to a fill.
 */
function freshPinStore(): BackgroundContext['freshPins'] {
  let ids: Promise<Set<string>> | null = null;
  const load = (): Promise<Set<string>> => {
    ids ??= browser.storage.local.get(FRESH_PINS_KEY).then(
      (got) => new Set(Array.isArray(got[FRESH_PINS_KEY]) ? (got[FRESH_PINS_KEY] as unknown[]).filter((x): x is string => typeof x === 'string') : []),
      (error: unknown) => {
        ids = null;
        throw error;
      },
    );
    return ids;
  };
  let writes: Promise<unknown> = Promise.resolve();
  const change = async (apply: (set: Set<string>) => boolean): Promise<void> => {
    const set = await load();
    if (!apply(set)) return;
    const snapshot = [...set];
    writes = writes.then(() => browser.storage.local.set({ [FRESH_PINS_KEY]: snapshot })).catch(() => undefined);
    await writes;
  };
  return {
    add: (id) =>
      change((set) => {
        if (set.has(id)) return false;
        set.add(id);
        return true;
      }),
    has: async (id) => (await load()).has(id),
    remove: (id) => change((set) => set.delete(id)),
  };
}

/** Starts the background. Listeners are added synchronously, as MV3 requires for a woken worker. */
export function startBackground(): void {
  const db = openDb();
  const readPrefs = async (): Promise<unknown> => (await browser.storage.local.get(USER_PREFS_KEY))[USER_PREFS_KEY];
  let refreshing: Promise<void> = Promise.resolve();
  // Each tab's last main-frame navigation (provenance.ts). In memory: a worker restart between a
  // navigation and its capture message forgets it, and the capture then asks the user (fails closed).
  const navigations = new Map<number, NavigationFact>();

  const ctx: BackgroundContext = {
    db,
    now: () => Date.now(),
    runtimeId: browser.runtime.id,
    // The service worker's own origin: chrome-extension://<id> (moz-extension://<uuid> in Firefox).
    extensionOrigin: globalThis.location.origin,
    // Read fresh on every use (a policy that just arrived must win), the two reads side by side.
    settings: async () => {
      const [policy, prefs] = await Promise.all([currentPolicyState(), readPrefs()]);
      return settingsFrom(policy, prefs);
    },
    policyState: currentPolicyState,
    prefs: readPrefs,
    savePrefs: (prefs) => browser.storage.local.set({ [USER_PREFS_KEY]: prefs }),
    tabUrl: async (tabId) => {
      try {
        return (await browser.tabs.get(tabId)).url ?? null;
      } catch {
        return null;
      }
    },
    timeZone: Intl.DateTimeFormat().resolvedOptions().timeZone,
    newId: () => nanoid(),
    session: browserSession,
    navigation: (tabId) => navigations.get(tabId),
    showInBadge: async (tabId, text) => {
      // Title and colour first: whoever sees the "!" (a person hovering, a test) finds the words there.
      await browser.action.setTitle({ tabId, title: `SecureJoin: ${text}` }).catch(() => undefined);
      await browser.action.setBadgeBackgroundColor({ tabId, color: '#b00020' }).catch(() => undefined);
      await browser.action.setBadgeText({ tabId, text: '!' }).catch(() => undefined);
    },
    freshPins: freshPinStore(),
    changed: () => {
      refreshing = refreshing.then(refreshRegistration, refreshRegistration);
    },
  };

  async function refreshRegistration(): Promise<void> {
    try {
      const settings = await ctx.settings();
      const granted = (await browser.permissions.getAll()).origins ?? [];
      const matches = contentScriptMatches({ meetingOrigins: await meetingOrigins(db), policyOrigins: settings.policyOrigins, grantedPatterns: granted });
      await applyRegistration(browser.scripting, matches);
      // Also on every change: a shorter retention chosen in the options page applies at once.
      const retention = retentionToApply(settings);
      if (retention !== null) await deleteExpiredMeetings(db, ctx.now(), retention);
    } catch (error) {
      console.error('SecureJoin: could not register the join-page script', error);
    }
  }

  browser.runtime.onMessage.addListener((msg, sender, sendResponse) => {
    // sendResponse + true: a Dexie promise returned from here would reach the sender as undefined.
    void handleMessage(msg, sender, ctx).then(sendResponse);
    return true;
  });

  wireManualFill(ctx);

  const pushUpdate = async (update: GuardUpdate | null): Promise<void> => {
    if (update === null || update.tabId < 0) return;
    const badge = badgeFor(update.status);
    await browser.action.setBadgeText({ tabId: update.tabId, text: badge.text }).catch(() => undefined);
    if (badge.text) await browser.action.setBadgeBackgroundColor({ tabId: update.tabId, color: badge.color }).catch(() => undefined);
    await browser.action.setTitle({ tabId: update.tabId, title: badge.title ?? 'SecureJoin' }).catch(() => undefined);
    await browser.tabs.sendMessage(update.tabId, { type: 'guard:update', warning: update.warning }, { frameId: 0 }).catch(() => undefined);
  };

  const filter = { urls: TOKEN_REQUEST_URL_PATTERNS, types: ['xmlhttprequest' as const] };
  // Chromium hides some headers unless 'extraHeaders' is asked for; Firefox has no such option.
  const extra = (browser.webRequest as { OnSendHeadersOptions?: { EXTRA_HEADERS?: string } }).OnSendHeadersOptions?.EXTRA_HEADERS;
  // Who started each top-level navigation (Sec-Fetch-Site), for captures (provenance.ts). Only
  // hosts the extension holds permission for report anything: the nodes.
  browser.webRequest.onSendHeaders.addListener(
    (details) => {
      if (details.tabId >= 0) navigations.set(details.tabId, navigationFact(details.url, details.requestHeaders));
    },
    { urls: ['http://*/*', 'https://*/*'], types: ['main_frame' as const] },
    (extra ? ['requestHeaders', extra] : ['requestHeaders']) as never,
  );
  browser.tabs.onRemoved.addListener((tabId) => void navigations.delete(tabId));
  browser.webRequest.onSendHeaders.addListener(
    (details) => void noteTokenRequest(details, ctx).catch((e) => console.error('SecureJoin guard', e)),
    filter,
    (extra ? ['requestHeaders', extra] : ['requestHeaders']) as never,
  );
  browser.webRequest.onCompleted.addListener(
    (details) => void settleTokenRequest(details, ctx).then(pushUpdate).catch((e) => console.error('SecureJoin guard', e)),
    filter,
  );
  browser.webRequest.onErrorOccurred.addListener((details) => void dropTokenRequest(details.requestId, ctx).catch((e) => console.error('SecureJoin guard', e)), filter);
  // Rows a browser that died mid-request left behind (they never match a new request anyway),
  // expired reservations and unconfirmed captures; the daily retention job sweeps them again.
  void sweepExpired(ctx).catch((e) => console.error('SecureJoin sweep', e));

  // Retention: a daily alarm (alarms survive worker stops; timers do not). Each worker start
  // also runs it through the registration refresh that watchManagedPolicy triggers.
  const retentionFailed = (e: unknown) => console.error('SecureJoin retention', e);
  void scheduleRetention(browser.alarms, ctx, retentionFailed).catch(retentionFailed);

  browser.permissions.onAdded.addListener(ctx.changed);
  browser.permissions.onRemoved.addListener(ctx.changed);
  watchManagedPolicy(ctx.changed);
  browser.storage.onChanged.addListener((changes, area) => {
    if (area === 'local' && USER_PREFS_KEY in changes) ctx.changed();
  });
}
