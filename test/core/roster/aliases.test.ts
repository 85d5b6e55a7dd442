import { describe, expect, it } from 'vitest';
import { createRoster, withPersonalAliases } from '../../../core/roster';

const people = [
  { email: 'ana@example.com', name: 'Ana Lima' },
  { email: 'bo@example.com', name: 'Bo' },
  { email: 'cy@example.com', name: 'Cy' },
];

describe('withPersonalAliases', () => {
  it('gives every invitee a distinct web alias and numeric alias, apart from the meeting\'s', () => {
    const roster = withPersonalAliases(createRoster(people), { dialLength: 9, exclude: ['meetingalias', '12345678'] });
    const all = roster.invitees.flatMap((i) => [i.alias, i.dialAlias]);
    expect(new Set(all).size).toBe(6);
    for (const inv of roster.invitees) {
      expect(inv.alias).toMatch(/^[a-z0-9]{20}$/);
      expect(inv.dialAlias).toMatch(/^[0-9]{9}$/);
    }
    expect(roster.invitees.map((i) => i.passcode).every((p) => /^[0-9]{8}$/.test(p))).toBe(true);
  });

  it('keeps the aliases of invitees who stay, gives new invitees fresh ones, drops the removed', () => {
    const first = withPersonalAliases(createRoster(people), { dialLength: 8, exclude: [] });
    const next = createRoster([people[0]!, { email: 'di@example.com', name: 'Di' }], { existing: first });
    const synced = withPersonalAliases(next, { dialLength: 8, exclude: [], existing: first });
    expect(synced.invitees[0]).toEqual(first.invitees[0]);
    const di = synced.invitees[1]!;
    expect(di.email).toBe('di@example.com');
    expect(first.invitees.flatMap((i) => [i.alias, i.dialAlias])).not.toContain(di.alias);
    expect(first.invitees.flatMap((i) => [i.alias, i.dialAlias])).not.toContain(di.dialAlias);
  });

  it('replaces a kept alias that now clashes with the meeting\'s', () => {
    const first = withPersonalAliases(createRoster(people.slice(0, 1)), { dialLength: 8, exclude: [] });
    const clash = first.invitees[0]!.dialAlias as string;
    const again = withPersonalAliases(first, { dialLength: 8, exclude: [clash] });
    expect(again.invitees[0]!.dialAlias).not.toBe(clash);
    expect(again.invitees[0]!.alias).toBe(first.invitees[0]!.alias);
  });
});
