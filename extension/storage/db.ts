/**
 * The extension's database (Dexie over IndexedDB). It lives in the background only: content
 * scripts run in the page's origin and would open a database *there*, readable by the page.
 *
 * Schema versions:
 * - 1: the prototype's `meetings` table keyed by `id`, rows `{ id, url, pin, role, ... }`
 *   (core/vault's version-0 record).
 * - 2: `meetings` rows are core's {@link SavedMeeting} (indexed by origin), plus `guard`
 *   (attempt-guard state, one row per room key), `pending` (token requests seen but not yet
 *   completed) and `quarantine` (rows an upgrade could not read: kept, never dropped).
 *   The upgrade calls core's `upgradeStoredMeeting` on every row.
 */
import Dexie from 'dexie';
import type { Table } from 'dexie';
import { upgradeStoredMeeting } from '../../core/vault';
import type { SavedMeeting } from '../../core/vault';
import type { EpochMs, Issue } from '../../core/types';

/** Name of the IndexedDB database. */
export const DB_NAME = 'securejoin';
/** The schema version this build opens. */
export const DB_VERSION = 2;

/** One row of the guard table: core/guard's state for all rooms, stored under one key. */
export interface GuardRow {
  key: string;
  state: unknown;
}

/** A `request_token` call seen in `onSendHeaders`, waiting for its `onCompleted`. */
export interface PendingTokenRequest {
  requestId: string;
  url: string;
  /** The `pin` header sent, or null when none was sent. Deleted as soon as the outcome is known. */
  pinSent: string | null;
  tabId: number;
  seenAt: EpochMs;
}

/** A stored row an upgrade could not read, with the reasons. Shown in the options page. */
export interface QuarantinedRow {
  seq?: number;
  raw: unknown;
  errors: Issue[];
  at: EpochMs;
}

/** The typed database. */
export type SecureJoinDb = Dexie & {
  meetings: Table<SavedMeeting, string>;
  guard: Table<GuardRow, string>;
  pending: Table<PendingTokenRequest, string>;
  quarantine: Table<QuarantinedRow, number>;
};

/** Where IndexedDB comes from: the browser's globals by default, fake-indexeddb in unit tests. */
export interface DbOptions {
  name?: string;
  indexedDB?: IDBFactory;
  IDBKeyRange?: typeof IDBKeyRange;
  /** Upgrade timestamp for prototype rows without one. Default `Date.now`. */
  now?: () => EpochMs;
}

/** Declares schema version 1 only (what the prototype created). Exported so tests can build an old database. */
export function declareVersion1(db: Dexie): void {
  db.version(1).stores({ meetings: 'id' });
}

/**
 * Opens (creating or upgrading) the database. The upgrade rewrites every meeting row with
 * `upgradeStoredMeeting`; rows it cannot read move to `quarantine` with their errors.
 */
export function openDb(options: DbOptions = {}): SecureJoinDb {
  const { name = DB_NAME, now = Date.now } = options;
  const deps = options.indexedDB ? { indexedDB: options.indexedDB, IDBKeyRange: options.IDBKeyRange } : undefined;
  const db = new Dexie(name, deps) as SecureJoinDb;
  declareVersion1(db);
  db.version(2)
    .stores({ meetings: 'id, origin', guard: 'key', pending: 'requestId', quarantine: '++seq' })
    .upgrade(async (tx) => {
      const at = now();
      const rows = (await tx.table('meetings').toArray()) as unknown[];
      const keep: SavedMeeting[] = [];
      const broken: QuarantinedRow[] = [];
      for (const raw of rows) {
        const upgraded = upgradeStoredMeeting(raw, at);
        if (upgraded.ok) keep.push(upgraded.value);
        else broken.push({ raw, errors: upgraded.errors, at });
      }
      // Replace the table's content: version-0 ids may be numbers, upgraded ids are strings.
      await tx.table('meetings').clear();
      await tx.table('meetings').bulkPut(keep);
      if (broken.length > 0) await tx.table('quarantine').bulkAdd(broken);
    });
  return db;
}
