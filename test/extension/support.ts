/**
 * A background context over a fresh fake-indexeddb database, a fixed clock and plain-data tabs,
 * so handlers run for real (Dexie, core decisions) without a browser.
 */
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { DEFAULT_POLICY } from '../../core/policy';
import type { Policy } from '../../core/policy';
import type { BackgroundContext } from '../../extension/background/context';
import { settingsFrom } from '../../extension/background/settings';
import type { NavigationFact } from '../../extension/background/provenance';
import type { PolicyState } from '../../extension/policy/managedPolicy';
import { openDb } from '../../extension/storage/db';
import type { SecureJoinDb } from '../../extension/storage/db';
import type { SenderInfo } from '../../extension/messaging/sender';

export const RUNTIME_ID = 'jlfcocdbgnmkbgndlhnfblnffaofldef';
export const EXTENSION_ORIGIN = `chrome-extension://${RUNTIME_ID}`;
export const NODE = 'https://meet.example.com';
export const T0 = Date.UTC(2030, 0, 14, 9, 0);

/** A test context; mutate its fields (`tabs`, `clock`, `policy`, `prefs`) to drive scenarios. */
export interface TestContext extends BackgroundContext {
  tabs: Map<number, string>;
  /** Each tab's last main-frame navigation (set one with site `none` for a link opened from outside the browser). */
  navigations: Map<number, NavigationFact>;
  /** What went to the toolbar badge, per call. */
  badges: Array<{ tabId: number; text: string }>;
  /** Meeting ids whose first fill waits for the user's Join. */
  fresh: Set<string>;
  /** The browser session id `session()` answers (change it to simulate a browser restart). */
  browserSession: { id: string };
  clock: { now: number };
  state: { policy: PolicyState; prefs: unknown; changes: number };
  factory: IDBFactory;
}

let ids = 0;

/** A fresh context. Pass `factory` and `name` to reopen the same database (a restarted worker). */
export function testContext(opts: { factory?: IDBFactory; name?: string; policy?: Policy; managed?: boolean } = {}): TestContext {
  const factory = opts.factory ?? new IDBFactory();
  const db: SecureJoinDb = openDb({ name: opts.name ?? 'securejoin', indexedDB: factory, IDBKeyRange });
  const clock = { now: T0 };
  const state = {
    policy: { source: opts.managed ? 'managed' : 'default', policy: opts.policy ?? DEFAULT_POLICY, errors: [] } as PolicyState,
    prefs: undefined as unknown,
    changes: 0,
  };
  const tabs = new Map<number, string>();
  const navigations = new Map<number, NavigationFact>();
  const fresh = new Set<string>();
  const badges: Array<{ tabId: number; text: string }> = [];
  const browserSession = { id: 'session-1' };
  return {
    browserSession,
    session: async () => browserSession.id,
    db,
    factory,
    clock,
    state,
    tabs,
    now: () => clock.now,
    runtimeId: RUNTIME_ID,
    extensionOrigin: EXTENSION_ORIGIN,
    settings: async () => settingsFrom(state.policy, state.prefs),
    policyState: async () => state.policy,
    prefs: async () => state.prefs,
    savePrefs: async (p) => {
      state.prefs = p;
    },
    tabUrl: async (tabId) => tabs.get(tabId) ?? null,
    navigations,
    navigation: (tabId) => navigations.get(tabId),
    fresh,
    badges,
    showInBadge: async (tabId, text) => void badges.push({ tabId, text }),
    freshPins: {
      add: async (id) => void fresh.add(id),
      has: async (id) => fresh.has(id),
      remove: async (id) => void fresh.delete(id),
    },
    timeZone: 'Europe/Berlin',
    newId: () => `id${++ids}`,
    changed: () => {
      state.changes++;
    },
  };
}

/** A content-script sender in tab 7's top frame at `url`. */
export function contentSender(url: string, over: Partial<SenderInfo> = {}): SenderInfo {
  return { id: RUNTIME_ID, url, origin: new URL(url).origin, frameId: 0, tab: { id: 7, url }, ...over };
}

/** The popup as a sender. */
export const popupSender: SenderInfo = { id: RUNTIME_ID, url: `${EXTENSION_ORIGIN}/popup.html`, origin: EXTENSION_ORIGIN };

/** A fill:ask report for a top frame with an empty field. */
export function report(url: string, over: Record<string, unknown> = {}) {
  return {
    type: 'fill:ask',
    report: { pageUrl: url, frame: { isTop: true, sandboxed: false, frameOrigin: new URL(url).origin }, field: { present: true, hasValue: false }, ...over },
  };
}
