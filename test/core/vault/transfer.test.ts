import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { meetingKey } from '../../../core/vault/key';
import { mergeMeeting } from '../../../core/vault/merge';
import type { SavedMeeting } from '../../../core/vault/schema';
import { exportVault, importVault, MAX_IMPORT_ISSUES } from '../../../core/vault/transfer';
import { meeting, T0 } from './support';

const NOW = T0 + 86_400_000;
const errorsOf = (r: ReturnType<typeof importVault>): string[] => (r.ok ? [] : r.errors.map((e) => `${e.path}: ${e.message}`));
const file = (meetings: unknown[], over: Record<string, unknown> = {}): string =>
  JSON.stringify({ format: 'securejoin-vault', version: 1, exportedAt: T0, meetings, ...over });

describe('exportVault / importVault', () => {
  it('round-trips into an empty vault', () => {
    const ms = [meeting(), meeting({ id: 'm2', alias: 'other', role: 'host', pin: '1234#', startsAt: T0, endsAt: T0 + 1 })];
    const text = exportVault(ms, NOW);
    expect(JSON.parse(text)).toMatchObject({ format: 'securejoin-vault', version: 1, exportedAt: NOW });
    const r = importVault(text, [], NOW);
    expect(r).toEqual({ ok: true, value: { meetings: ms, added: 2, updated: 0, unchanged: 0, conflicts: [], expired: 0 } });
  });
  it('counts unchanged, updates in place with the stored id, and reports PIN conflicts both ways', () => {
    const stored = [meeting({ id: 'a', pin: '111111', updatedAt: T0 + 10 }), meeting({ id: 'b', alias: 'b', pin: '222222', updatedAt: T0 + 10 }), meeting({ id: 'c', alias: 'c' })];
    const incoming = [
      meeting({ id: 'x1', pin: '999999', updatedAt: T0 + 20 }), // newer, different PIN -> updated + conflict (incoming kept)
      meeting({ id: 'x2', alias: 'B', pin: '333333', updatedAt: T0 + 5 }), // older, different PIN -> unchanged + conflict (existing kept)
      meeting({ id: 'x3', alias: 'c', source: 'import' }), // same content -> unchanged
      meeting({ id: 'a', alias: 'new' }), // new meeting whose id is taken -> added with fresh id
    ];
    const r = importVault(file(incoming), stored, NOW);
    if (!r.ok) throw new Error(errorsOf(r).join('\n'));
    expect([r.value.added, r.value.updated, r.value.unchanged]).toEqual([1, 1, 2]);
    expect(r.value.meetings.map((m) => [m.id, m.pin])).toEqual([
      ['a', '999999'],
      ['b', '222222'],
      ['c', '246813'],
      ['a.2', '246813'],
    ]);
    expect(r.value.meetings[0]?.createdAt).toBe(T0);
    expect(r.value.conflicts.map((c) => [c.existingId, c.kept])).toEqual([
      ['a', 'incoming'],
      ['b', 'existing'],
    ]);
    expect(JSON.stringify(r.value.conflicts)).not.toContain('999999');
    const ids = importVault(file([meeting({ id: 'a', alias: 'new' })]), stored, NOW, { newId: () => 'fresh' });
    expect(ids.ok && ids.value.meetings.at(-1)?.id).toBe('fresh');
  });
  it('keeps the stored record on an updatedAt tie', () => {
    const r = importVault(file([meeting({ pin: '555555' })]), [meeting()], NOW);
    expect(r.ok && r.value.meetings).toEqual([meeting()]);
    expect(r.ok && r.value.conflicts[0]?.kept).toBe('existing');
  });
  it('reports JSON syntax errors with line and column', () => {
    expect(errorsOf(importVault('{\n  "format": "securejoin-vault",\n  "meetings": [,]\n}', [], NOW))).toEqual(['line 3, column 16: invalid JSON: expected a value, found ","']);
  });
  it('refuses the whole file on one bad record, listing every problem by path', () => {
    const stored = [meeting()];
    const r = importVault(file([meeting({ id: 'ok1', alias: 'fine' }), { ...meeting({ id: 'bad' }), pin: '12' }, meeting({ id: 'ok1', alias: 'fine' }), 'junk']), stored, NOW);
    expect(errorsOf(r)).toEqual([
      'meetings[1].pin: must be 4-20 digits, optionally ending in "#" (the "#" counts)',
      'meetings[2]: is the same meeting (node, path, alias, role) as meetings[0]',
      'meetings[2].id: repeats the id of meetings[0]',
      expect.stringMatching(/^meetings\[3\]: /),
    ]);
  });
  it('refuses other formats, versions, and future timestamps', () => {
    expect(errorsOf(importVault(file([], { format: 'other' }), [], NOW))).toEqual(['format: must be "securejoin-vault" (is this a SecureJoin export?)']);
    expect(errorsOf(importVault(file([], { version: 2 }), [], NOW))[0]).toContain('version: must be 1');
    expect(errorsOf(importVault(file([meeting({ updatedAt: NOW + 2 * 86_400_000 })]), [], NOW))[0]).toContain('meetings[0].updatedAt: is more than a day in the future');
    expect(errorsOf(importVault('[]', [], NOW))).toEqual(['file: Invalid input: expected object, received array']);
  });
  it('caps the list of problems', () => {
    const r = importVault(file(Array.from({ length: 300 }, () => 1)), [], NOW);
    expect(errorsOf(r)).toHaveLength(MAX_IMPORT_ISSUES + 1);
    expect(errorsOf(r).at(-1)).toBe('meetings: and 100 more problems');
  });
  it('never throws and never loses stored records (property)', () => {
    const stored = [meeting(), meeting({ id: 'm2', alias: 'x', role: 'host', pin: '8888' })];
    const record = fc.record({
      id: fc.constantFrom('m1', 'm2', 'n1', 'n2', 'n3'),
      alias: fc.constantFrom('Alice.Room', 'alice.room', 'x', 'y'),
      role: fc.constantFrom('host', 'guest'),
      pin: fc.constantFrom('246813', '8888', '1234#', '12', 'none'),
      updatedAt: fc.integer({ min: T0, max: T0 + 1000 }),
    });
    const text = fc.oneof(
      fc.string(),
      fc.json(),
      fc.array(record, { maxLength: 6 }).map((rs) => file(rs.map((r) => meeting(r as Partial<SavedMeeting>)))),
      fc.array(fc.anything(), { maxLength: 4 }).map((rs) => file(rs)),
    );
    fc.assert(
      fc.property(text, (t) => {
        const r = importVault(t, stored, NOW);
        if (!r.ok) {
          expect(r.errors.length).toBeGreaterThan(0);
          for (const e of r.errors) expect(typeof e.path === 'string' && e.message.length > 0).toBe(true);
          return;
        }
        const keys = new Set(r.value.meetings.map(meetingKey));
        const ids = r.value.meetings.map((m) => m.id);
        for (const s of stored) {
          expect(keys.has(meetingKey(s))).toBe(true);
          expect(ids).toContain(s.id);
        }
        expect(new Set(ids).size).toBe(ids.length);
        expect(r.value.meetings.length).toBe(stored.length + r.value.added);
      }),
      { numRuns: 300 },
    );
  });
});

describe('mergeMeeting', () => {
  it('adds, updates (keeping id and createdAt) and leaves inputs untouched', () => {
    const stored = [meeting({ createdAt: T0 - 10 })];
    const snapshot = JSON.stringify(stored);
    expect(mergeMeeting(stored, meeting({ id: 'z', alias: 'new' })).outcome).toBe('added');
    const up = mergeMeeting(stored, meeting({ id: 'z', label: 'Renamed', updatedAt: T0 + 1 }));
    expect(up.outcome).toBe('updated');
    expect(up.meetings).toEqual([meeting({ id: 'm1', label: 'Renamed', updatedAt: T0 + 1, createdAt: T0 - 10 })]);
    expect(up.conflict).toBeUndefined();
    expect(JSON.stringify(stored)).toBe(snapshot);
  });
});
