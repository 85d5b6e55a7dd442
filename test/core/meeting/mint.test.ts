import { describe, expect, it } from 'vitest';
import { ALIASES_ARE_MINTED, NOTHING_HELD, aliasDraw, mintAliases, redrawSlots } from '../../../core/meeting/mint';
import type { AliasDraw, HeldAliases } from '../../../core/meeting/mint';

/** A draw that counts, so a test can see which slots were drawn. */
function counting(): { draw: AliasDraw; taken: Array<ReadonlySet<string>> } {
  let n = 0;
  const taken: Array<ReadonlySet<string>> = [];
  return {
    taken,
    draw: (kind, t) => {
      taken.push(new Set(t));
      n += 1;
      return kind === 'web' || kind === 'inviteeWeb' ? `web${n}` : String(90_000_000 + n);
    },
  };
}

const room = (over: Record<string, unknown> = {}) => ({
  hostPin: '4802139157',
  accessCode: { role: 'guest' },
  invitees: [{ email: 'a@b.c', name: 'A', passcode: '5510293847' }],
  ...over,
});

const held = (h: Partial<Record<keyof HeldAliases, string[]>>): HeldAliases => ({
  web: new Set(h.web ?? []),
  dial: new Set(h.dial ?? []),
  inviteeWeb: new Set(h.inviteeWeb ?? []),
  inviteeDial: new Set(h.inviteeDial ?? []),
});

describe('mintAliases', () => {
  it('fills every alias a write leaves out, keeping draws apart from each other and from the room\'s codes', () => {
    const { draw, taken } = counting();
    const r = mintAliases(room(), NOTHING_HELD, draw);
    expect(r).toEqual({
      ok: true,
      room: { ...room(), alias: 'web1', accessCode: { role: 'guest', code: '90000002' }, invitees: [{ email: 'a@b.c', name: 'A', passcode: '5510293847', alias: 'web3', dialAlias: '90000004' }] },
      minted: [
        { kind: 'web', path: 'alias', value: 'web1' },
        { kind: 'dial', path: 'accessCode.code', value: '90000002' },
        { kind: 'inviteeWeb', path: 'invitees[0].alias', value: 'web3' },
        { kind: 'inviteeDial', path: 'invitees[0].dialAlias', value: '90000004' },
      ],
    });
    expect([...(taken[0] ?? [])]).toEqual(['4802139157', '5510293847']);
    expect(taken[3]).toEqual(new Set(['4802139157', '5510293847', 'web1', '90000002', 'web3']));
  });

  it('keeps values the meeting holds, in their own role, case-insensitively', () => {
    const { draw } = counting();
    const h = held({ web: ['abc'], dial: ['123456789'], inviteeWeb: ['p1'], inviteeDial: ['987654321'] });
    const r = mintAliases(room({ alias: 'ABC', accessCode: { code: '123456789', role: 'guest' }, invitees: [{ email: 'a@b.c', name: 'A', passcode: '1', alias: 'p1', dialAlias: '987654321' }] }), h, draw);
    expect(r.ok && r.minted).toEqual([]);
  });

  it('refuses any other value the same way: someone else\'s, a fresh one, one of its own in another role, a non-string', () => {
    const h = held({ web: ['abc'], dial: ['123456789'], inviteeWeb: ['p1'], inviteeDial: ['987654321'] });
    const { draw } = counting();
    for (const bad of [
      room({ alias: 'other' }),
      room({ alias: '123456789' }),
      room({ alias: 42 }),
      room({ accessCode: { code: '987654321', role: 'guest' } }),
      room({ accessCode: { code: '111111111', role: 'guest' } }),
      room({ invitees: [{ email: 'a@b.c', name: 'A', passcode: '1', alias: 'abc' }] }),
      room({ invitees: [{ email: 'a@b.c', name: 'A', passcode: '1', dialAlias: '123456789' }] }),
    ]) {
      expect(mintAliases(bad, h, draw)).toEqual({ ok: false });
      expect(mintAliases(bad, NOTHING_HELD, draw)).toEqual({ ok: false });
    }
    expect(ALIASES_ARE_MINTED.error).toBe('aliases_are_minted');
  });

  it('leaves what is not a room for the room\'s own validation, and no access code when it is null', () => {
    const { draw } = counting();
    expect(mintAliases('x', NOTHING_HELD, draw)).toEqual({ ok: true, room: 'x', minted: [] });
    const r = mintAliases(room({ accessCode: null, invitees: undefined }), NOTHING_HELD, draw);
    expect(r.ok && r.minted.map((m) => m.path)).toEqual(['alias']);
  });

  it('draws again only the clashing slots', () => {
    const { draw } = counting();
    const first = mintAliases(room(), NOTHING_HELD, draw);
    if (!first.ok) throw new Error('minted');
    const again = redrawSlots(first.room as Record<string, unknown>, first.minted, new Set(['90000002']), draw);
    expect(again.minted.map((m) => m.value)).toEqual(['web1', '90000005', 'web3', '90000004']);
    expect((again.room.accessCode as { code: string }).code).toBe('90000005');
  });

  it('draws with core\'s generators: 20 letters and digits, and numeric aliases at the policy\'s length, never a taken one', () => {
    const draw = aliasDraw(9);
    expect(draw('web', new Set())).toMatch(/^[a-z0-9]{20}$/);
    expect(draw('inviteeDial', new Set())).toMatch(/^[0-9]{9}$/);
    const all = new Set(Array.from({ length: 200 }, () => draw('dial', new Set())));
    expect(all.size).toBe(200);
  });
});
