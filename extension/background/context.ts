/**
 * What every background handler needs, injected so handlers are plain async functions that unit
 * tests call directly with fake-indexeddb and a fixed clock (no `browser.*` inside handlers).
 */
import type { EpochMs } from '../../core/types';
import type { SecureJoinDb } from '../storage/db';
import type { PolicyState } from '../policy/managedPolicy';
import type { NavigationFact } from './provenance';
import type { ExtensionSettings } from './settings';

/** The background's dependencies. */
export interface BackgroundContext {
  db: SecureJoinDb;
  now: () => EpochMs;
  /** `browser.runtime.id`. */
  runtimeId: string;
  /** `chrome-extension://<id>` (no trailing slash). */
  extensionOrigin: string;
  /** The settings in force, read fresh (policy and preferences may change at any time). */
  settings: () => Promise<ExtensionSettings>;
  /** The admin policy in force (storage.local 'policyState'). */
  policyState: () => Promise<PolicyState>;
  /** The user's preferences as stored (untrusted shape; core validates). */
  prefs: () => Promise<unknown>;
  /** Stores the user's preferences (already checked). */
  savePrefs: (prefs: Record<string, unknown>) => Promise<void>;
  /** The URL a tab shows right now, or null when the tab is gone (re-checked just before a PIN leaves). */
  tabUrl: (tabId: number) => Promise<string | null>;
  /** The user's IANA time zone, for the times shown on pages (`Intl.DateTimeFormat().resolvedOptions().timeZone`). */
  timeZone: string;
  /**
   * This browser session's id (kept in `storage.session`: it survives worker restarts, not a
   * browser restart, exactly like the browser's request ids the guard keys pending rows by).
   */
  session: () => Promise<string>;
  /** A new record id (nanoid). */
  newId: () => string;
  /** The last main-frame navigation of a tab, as the browser reported it (undefined when unknown). */
  navigation: (tabId: number) => NavigationFact | undefined;
  /**
   * Meetings whose PIN was saved from a link and not filled since: their first fill waits for
   * the user's Join (a PIN never spends an attempt before the user has seen it once).
   */
  freshPins: { add: (id: string) => Promise<void>; has: (id: string) => Promise<boolean>; remove: (id: string) => Promise<void> };
  /** Shows `text` on the toolbar button of tab `tabId` (badge "!" and its title): for a notice the page would not let show. */
  showInBadge: (tabId: number, text: string) => Promise<void>;
  /** Called after the saved meetings changed (re-registers content scripts, refreshes the badge). */
  changed: () => void;
}
