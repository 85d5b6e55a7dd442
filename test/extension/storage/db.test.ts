/**
 * The database's versioned schema: a prototype (version 1) database upgrades through core's
 * upgradeStoredMeeting; unreadable rows are kept in quarantine, never dropped.
 */
import Dexie from 'dexie';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import { declareVersion1, openDb } from '../../../extension/storage/db';
import { meetingsOnOrigin, saveMeeting } from '../../../extension/storage/meetings';
import { newSavedMeeting } from '../../../core/vault';

describe('database upgrade', () => {
  it('upgrades prototype rows and quarantines what it cannot read', async () => {
    const factory = new IDBFactory();
    const old = new Dexie('securejoin', { indexedDB: factory, IDBKeyRange });
    declareVersion1(old);
    await old.table('meetings').bulkPut([
      { id: 1, url: 'https://meet.example.com/webapp3/m/board?role=host', pin: '2468', savedAt: 1_000 },
      { id: 2, url: 'ftp://nope', pin: '1' },
    ]);
    old.close();

    const db = openDb({ indexedDB: factory, IDBKeyRange, now: () => 5_000 });
    const rows = await db.meetings.toArray();
    expect(rows).toEqual([
      expect.objectContaining({ id: '1', origin: 'https://meet.example.com', path: 'webapp3', alias: 'board', role: 'host', pin: '2468', createdAt: 1_000 }),
    ]);
    const quarantined = await db.quarantine.toArray();
    expect(quarantined).toHaveLength(1);
    expect(quarantined[0]).toMatchObject({ raw: { id: 2 }, at: 5_000 });
    expect(quarantined[0]!.errors.length).toBeGreaterThan(0);
    db.close();
  });

  it('saves through core\'s merge rule: the same meeting twice is one row, newer content wins', async () => {
    const db = openDb({ indexedDB: new IDBFactory(), IDBKeyRange });
    const make = (pin: string, now: number, id: string) => {
      const r = newSavedMeeting({ url: 'https://meet.example.com/webapp3/m/board', role: 'guest', pin }, now, id);
      if (!r.ok) throw new Error(JSON.stringify(r.errors));
      return r.value;
    };
    expect((await saveMeeting(db, make('1357', 1_000, 'a'))).outcome).toBe('added');
    const second = await saveMeeting(db, make('7531', 2_000, 'b'));
    expect(second).toMatchObject({ outcome: 'updated', meeting: { id: 'a', pin: '7531' } });
    expect(second.conflict).not.toBeNull();
    expect(await meetingsOnOrigin(db, 'https://meet.example.com')).toHaveLength(1);
    db.close();
  });

  it('version 3 drops version-2 pending rows, which held the typed PIN in clear', async () => {
    const factory = new IDBFactory();
    const v2 = new Dexie('securejoin', { indexedDB: factory, IDBKeyRange });
    declareVersion1(v2);
    v2.version(2).stores({ meetings: 'id, origin', guard: 'key', pending: 'requestId', quarantine: '++seq' });
    await v2.table('pending').put({ requestId: '17', url: 'https://meet.example.com/api/client/v2/conferences/board/request_token', pinSent: '48213957', tabId: 3, seenAt: 1_000 });
    v2.close();
    const db = openDb({ indexedDB: factory, IDBKeyRange });
    expect(await db.pending.count()).toBe(0);
    expect(await db.reservations.count()).toBe(0);
    expect(await db.changes.count()).toBe(0);
    db.close();
  });
});
