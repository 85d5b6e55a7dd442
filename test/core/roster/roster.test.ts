import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isWeakCode } from '../../../core/codes';
import { createRoster, recordJoin, resolvePasscode } from '../../../core/roster';
import type { RosterUsage } from '../../../core/roster';

const people = [
  { email: ' Ana.Lima@Example.com', name: 'Ana Lima' },
  { email: 'bo@example.org', name: '  Bo Chen ' },
];

describe('createRoster', () => {
  it('gives each invitee a distinct, non-weak 8-digit passcode, emails normalised, names trimmed', () => {
    const roster = createRoster(people, { exclude: ['48213907'] });
    expect(roster.invitees.map((i) => [i.email, i.name])).toEqual([
      ['ana.lima@example.com', 'Ana Lima'],
      ['bo@example.org', 'Bo Chen'],
    ]);
    const codes = roster.invitees.map((i) => i.passcode);
    expect(new Set(codes).size).toBe(2);
    expect(codes.every((c) => /^[0-9]{8}$/.test(c) && !isWeakCode(c) && c !== '48213907')).toBe(true);
  });

  it('de-duplicates people by email (first entry wins)', () => {
    const roster = createRoster([...people, { email: 'ANA.LIMA@example.com', name: 'Someone Else' }]);
    expect(roster.invitees).toHaveLength(2);
    expect(roster.invitees[0]?.name).toBe('Ana Lima');
  });

  it('keeps existing passcodes, issues fresh distinct ones to newcomers, drops removed invitees', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 30 }), fc.integer({ min: 0, max: 30 }), fc.integer({ min: 0, max: 30 }), (n, keep, add) => {
        const before = createRoster(Array.from({ length: n }, (_, i) => ({ email: `p${i}@example.com`, name: `P ${i}` })), { length: 6 });
        const kept = before.invitees.slice(0, Math.min(keep, n));
        const next = [
          ...kept.map((i) => ({ email: i.email.toUpperCase(), name: `${i.name} (renamed)` })),
          ...Array.from({ length: add }, (_, i) => ({ email: `new${i}@example.com`, name: `New ${i}` })),
        ];
        const after = createRoster(next, { length: 6, existing: before });
        expect(after.invitees).toHaveLength(kept.length + add);
        for (const k of kept) expect(resolvePasscode(after, k.passcode)?.email).toBe(k.email);
        for (const k of kept) expect(resolvePasscode(after, k.passcode)?.name).toBe(`${k.name} (renamed)`);
        const removed = before.invitees.slice(kept.length);
        for (const r of removed) expect(resolvePasscode(after, r.passcode)).toBeNull();
        const codes = after.invitees.map((i) => i.passcode);
        expect(new Set(codes).size).toBe(codes.length);
      }),
      { numRuns: 50 },
    );
  });

  it.each([
    [[{ email: 'not-an-email', name: 'X' }], /people\.email\[0\]: "not-an-email" is not a valid email address/],
    [[{ email: 'x@example.com', name: '  ' }], /people\[0\]\.name must be a non-empty string/],
  ])('rejects bad people %j', (list, message) => {
    expect(() => createRoster(list)).toThrow(message);
  });

  it('rejects an existing roster with repeated passcodes', () => {
    const existing = { invitees: [{ email: 'a@example.com', name: 'A', passcode: '48213907' }, { email: 'b@example.com', name: 'B', passcode: '48213907' }] };
    expect(() => createRoster(people, { existing })).toThrow(/existing\.invitees\[1\] repeats a passcode/);
  });
});

describe('resolvePasscode and recordJoin', () => {
  const roster = { invitees: [{ email: 'ana@example.com', name: 'Ana Lima', passcode: '48213907' }, { email: 'bo@example.com', name: 'Bo Chen', passcode: '73051694' }] };

  it('resolves exact passcodes only', () => {
    expect(resolvePasscode(roster, '48213907')?.name).toBe('Ana Lima');
    expect(resolvePasscode(roster, '4821390')).toBeNull();
    expect(resolvePasscode(roster, '')).toBeNull();
  });

  it('names later joiners on a shared passcode "Name (2)", "(3)" and is pure', () => {
    const start: RosterUsage = {};
    const first = recordJoin(roster, start, '48213907');
    expect(first?.displayName).toBe('Ana Lima');
    expect(start).toEqual({});
    const second = recordJoin(roster, first!.usage, '48213907');
    const other = recordJoin(roster, second!.usage, '73051694');
    const third = recordJoin(roster, other!.usage, '48213907');
    expect([second?.displayName, other?.displayName, third?.displayName]).toEqual(['Ana Lima (2)', 'Bo Chen', 'Ana Lima (3)']);
    expect(third?.usage).toEqual({ '48213907': 3, '73051694': 1 });
  });

  it('returns null for unknown passcodes and is safe with odd keys', () => {
    expect(recordJoin(roster, {}, '00000000')).toBeNull();
    const odd = { invitees: [{ email: 'p@example.com', name: 'Proto', passcode: '__proto__' }] };
    const a = recordJoin(odd, {}, '__proto__');
    const b = recordJoin(odd, a!.usage, '__proto__');
    expect(b?.displayName).toBe('Proto (2)');
    expect(Object.getPrototypeOf(b!.usage)).toBe(Object.prototype);
  });
});
