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
 * - 3: `pending` rows hold a PIN fingerprint, never the PIN, and are keyed by browser session
 *   and request id (the upgrade drops version-2 rows, which held the PIN in clear);
 *   `reservations` (attempts handed out to tabs, not yet answered) and `changes` (captures
 *   that would replace a saved meeting, waiting for the user's confirmation).
 */
import Dexie from 'dexie';
import type { Table } from 'dexie';
import { upgradeStoredMeeting } from '../../core/vault';
import type { SavedMeeting } from '../../core/vault';
import type { EpochMs, Issue } from '../../core/types';

/** Name of the IndexedDB database. */
export const DB_NAME = 'securejoin';
/** The schema version this build opens. */
export const DB_VERSION = 3;

/** One row of the guard table: core/guard's state for all rooms, stored under one key. */
export interface GuardRow {
  key: string;
  state: unknown;
}

/** A `request_token` call seen in `onSendHeaders`, waiting for its `onCompleted`. */
export interface PendingTokenRequest {
  /** core/guard `pendingRowKey(session, browser request id)`. */
  requestId: string;
  /** The browser session that saw it (request ids start over with each browser session). */
  session: string;
  url: string;
  /** `pinFingerprint(room, pin)` of the `pin` header sent, or null when none was sent. Never the PIN. */
  pinFingerprint: string | null;
  tabId: number;
  seenAt: EpochMs;
}

/** An attempt reserved for a tab (core/guard `Reservation`), keyed `<room key>|<tab id>`. */
export interface ReservationRow {
  id: string;
  key: string;
  tabId: number;
  at: EpochMs;
}

/** A capture that would change what a saved meeting holds, kept until the user confirms or discards it. */
export interface PendingChangeRow {
  id: string;
  /** core/guard `guardKey(origin, alias)`: one pending change per room (a newer capture replaces it). */
  roomKey: string;
  /** The record the capture would store (validated; holds the PIN, like the meetings table). */
  record: SavedMeeting;
  at: EpochMs;
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
  reservations: Table<ReservationRow, string>;
  changes: Table<PendingChangeRow, string>;
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
  db.version(3)
    .stores({ reservations: 'id, key', changes: 'id, roomKey' })
    .upgrade(async (tx) => {
      // Version-2 pending rows held the typed PIN in clear; their requests are long over.
      await tx.table('pending').clear();
    });
  return db;
}
