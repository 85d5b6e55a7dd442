import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  constantTimeEqual,
  guestsWaitForHost,
  isValidPinFormat,
  pinPrompt,
  resolveRole,
  validatePin,
  validatePinConfig,
} from '../../../core/pin';
import type { PinConfig } from '../../../core/pin';

describe('PIN format', () => {
  it.each(['1234', '123#', '12345678901234567890', '1234567890123456789#', '0000'])('%s is valid', (pin) => {
    expect(isValidPinFormat(pin)).toBe(true);
    expect(validatePin(pin)).toEqual({ ok: true, value: pin });
  });

  it.each([
    ['123', /4-20 characters .* got 3/],
    ['12#', /4-20 characters/],
    ['123456789012345678901', /got 21/],
    ['12#4', /# only as the last character/],
    ['12a4', /only digits 0-9/],
    ['１２３４', /only digits 0-9/],
    ['1234##', /# only as the last character/],
    [1234, /must be a string of digits, got number/],
    [null, /got null/],
  ])('%j is invalid', (pin, message) => {
    expect(isValidPinFormat(pin)).toBe(false);
    const r = validatePin(pin, 'hostPin');
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.errors[0]?.path).toBe('hostPin');
      expect(r.errors[0]?.message).toMatch(message);
    }
  });
});

const cfg = (hostPin: string | null, guestPin: string | null, allowGuests: boolean): PinConfig => ({ hostPin, guestPin, allowGuests });

describe('validatePinConfig', () => {
  it.each([
    cfg(null, null, false),
    cfg('4821', null, false),
    cfg('4821', null, true),
    cfg('4821', '7305', true),
    cfg('4821#', '7305#', true),
    cfg('48213907', '7305', true),
  ])('accepts %j', (c) => {
    expect(validatePinConfig(c)).toEqual({ ok: true, value: c });
  });

  it.each([
    [cfg(null, null, true), 'allowGuests', /only be allowed when a host PIN is set/],
    [cfg(null, '7305', true), 'guestPin', /needs a host PIN/],
    [cfg('4821', '7305', false), 'guestPin', /guests are not allowed/],
    [cfg('4821', '4821', true), 'guestPin', /must differ from the host PIN/],
    [cfg('4821', '4821#', true), 'guestPin', /not only by the trailing #/],
    [cfg('4821#', '7305', true), 'guestPin', /end in # exactly when the host PIN does/],
    [cfg('48', null, false), 'hostPin', /4-20 characters/],
    [cfg('4821', '73a5', true), 'guestPin', /only digits/],
  ])('rejects %j at %s', (c, path, message) => {
    const r = validatePinConfig(c);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.errors).toContainEqual({ path, message: expect.stringMatching(message) });
  });

  it('reports every problem at once', () => {
    const r = validatePinConfig(cfg('12', '12', 'yes' as unknown as boolean));
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.errors.map((e) => e.path).sort()).toEqual(['allowGuests', 'guestPin', 'guestPin', 'hostPin']);
  });
});

describe('resolveRole', () => {
  // [config, entered, expected]
  it.each([
    [cfg(null, null, false), null, 'host'],
    [cfg(null, null, false), '1234', 'host'],
    [cfg(null, null, false), 'none', 'host'],
    [cfg('4821', null, false), null, 'pin_required'],
    [cfg('4821', null, false), '4821', 'host'],
    [cfg('4821', null, false), 'none', 'rejected'],
    [cfg('4821', null, false), '7305', 'rejected'],
    [cfg('4821', null, true), 'none', 'guest'],
    [cfg('4821', null, true), '4821', 'host'],
    [cfg('4821', null, true), '', 'rejected'],
    [cfg('4821', null, true), 'None', 'rejected'],
    [cfg('4821', '7305', true), '7305', 'guest'],
    [cfg('4821', '7305', true), 'none', 'rejected'],
    [cfg('4821', '7305', true), null, 'pin_required'],
    [cfg('4821', '7305', true), '48210', 'rejected'],
    [cfg('4821', '7305', true), '482', 'rejected'],
    [cfg('4821#', '7305#', true), '4821', 'rejected'],
    [cfg('4821#', '7305#', true), '4821#', 'host'],
    [cfg(null, '7305', true), '7305', 'rejected'], // invalid config fails closed
    [cfg('4821', '4821', true), '4821', 'rejected'],
  ] as const)('%j with %j -> %s', (c, entered, expected) => {
    expect(resolveRole(c, entered)).toBe(expected);
  });

  it('never admits a wrong PIN (property)', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 25 }), (entered) => {
        const role = resolveRole(cfg('48213907', '730516', true), entered);
        if (entered === '48213907') return role === 'host';
        if (entered === '730516') return role === 'guest';
        return role === 'rejected';
      }),
    );
  });
});

describe('pinPrompt and lobby', () => {
  it.each([
    [cfg(null, null, false), { pin: 'none', guest_pin: 'none' }, false],
    [cfg('4821', null, false), { pin: 'required', guest_pin: 'required' }, false],
    [cfg('4821', null, true), { pin: 'required', guest_pin: 'none' }, true],
    [cfg('4821', '7305', true), { pin: 'required', guest_pin: 'required' }, true],
  ])('%j prompts %j, guests wait: %s', (c, prompt, wait) => {
    expect(pinPrompt(c)).toEqual(prompt);
    expect(guestsWaitForHost(c)).toBe(wait);
  });
});

describe('constantTimeEqual', () => {
  it('agrees with === on any strings', () => {
    fc.assert(fc.property(fc.string({ maxLength: 80 }), fc.string({ maxLength: 80 }), (a, b) => constantTimeEqual(a, b) === (a === b)));
    fc.assert(fc.property(fc.string({ maxLength: 80 }), (a) => constantTimeEqual(a, a)));
  });

  it('does not confuse a string with its NUL-padded form', () => {
    expect(constantTimeEqual('1234', '1234\u0000')).toBe(false);
    expect(constantTimeEqual('', '\u0000')).toBe(false);
  });
});
