import { describe, expect, it } from 'vitest';
import { isWeakCode } from '../../../core/codes';
import { DEFAULT_POLICY } from '../../../core/policy';
import {
  aliasesOf, applySecurity, codesOf, createSecurity, organizerSettings, parseSecurity, rebuildSecurityFromBody, securityFromBody, syncAttendees,
} from '../../../outlook-addin/logic';
import { aliasDraw, mintAliases, NOTHING_HELD } from '../../../core/meeting/mint';
import { parseRoomSpec } from '../../../core/roomSpec';
import { roomSpecFor } from '../../../outlook-addin/logic';
import { meeting, POLICY, SETTINGS } from './fixtures';

describe('createSecurity', () => {
  it('makes distinct, non-weak codes of the policy lengths on the first node', () => {
    const security = createSecurity(meeting(), SETTINGS.choices, SETTINGS, POLICY);
    expect(security.nodeOrigin).toBe('https://meet.example.com');
    expect(security.alias).toMatch(/^[a-z0-9]{20}$/);
    expect(security.accessCode).toMatch(/^[0-9]{9}$/);
    expect(security.hostPin).toMatch(/^[0-9]{10}$/);
    expect(security.guestPin).toBeNull();
    expect(security.roster?.invitees.map((i) => i.email)).toEqual(['ana@example.com', 'bo@example.com']);
    const codes = codesOf(security);
    expect(new Set(codes).size).toBe(codes.length);
    expect(codes.some(isWeakCode)).toBe(false);
    // Passcodes are the guest PIN of the invitee's alias: the host PIN's length (Infinity's rule).
    for (const inv of security.roster?.invitees ?? []) {
      expect(inv.passcode).toMatch(/^[0-9]{10}$/);
      expect(inv.alias).toMatch(/^[a-z0-9]{20}$/);
      expect(inv.dialAlias).toMatch(/^[0-9]{9}$/);
    }
    const aliases = aliasesOf(security);
    expect(aliases).toHaveLength(6);
    expect(new Set([...aliases, ...codes]).size).toBe(aliases.length + codes.length - 1); // the access code is both
  });

  it('enforces locked policy values over the choices passed in', () => {
    const security = createSecurity(meeting(), { accessCode: false, passcodeMode: 'shared' }, SETTINGS, POLICY);
    expect(security.accessCode).not.toBeNull();
    expect(security.passcodeMode).toBe('shared');
    expect(security.sharedPasscode).toMatch(/^[0-9]{10}$/);
    expect(security.roster).toBeNull();
  });

  it('refuses to make codes when the policy names no conference node', () => {
    const settings = organizerSettings(DEFAULT_POLICY, null);
    expect(() => createSecurity(meeting(), settings.choices, settings, DEFAULT_POLICY)).toThrow(/no conference node/);
  });

  it('skips attendees without a valid email and de-duplicates them', () => {
    const m = meeting({ attendees: [{ email: 'ana@example.com', name: '' }, { email: 'ANA@example.com', name: 'Dup' }, { email: 'Room 4', name: 'Room 4' }] });
    const security = createSecurity(m, SETTINGS.choices, SETTINGS, POLICY);
    expect(security.roster?.invitees).toEqual([{ email: 'ana@example.com', name: 'ana@example.com', passcode: expect.any(String), alias: expect.any(String), dialAlias: expect.any(String) }]);
  });
});

describe('the PIN length rule over the policy space', () => {
  it('host PIN, guest PIN and passcodes have one length for every policy the schema allows, in every mode', () => {
    const modes = [{ accessCode: true, passcodeMode: 'none' }, { accessCode: true, passcodeMode: 'shared' }, { accessCode: true, passcodeMode: 'per-invitee' }, { accessCode: false, passcodeMode: 'shared' }, { accessCode: false, passcodeMode: 'none' }] as const;
    for (let pin = 4; pin <= 20; pin++) {
      for (let passcode = 6; passcode <= 15; passcode++) {
        const policy = { ...POLICY, organizer: { ...POLICY.organizer, pin: { ...POLICY.organizer.pin, minLength: { value: pin, locked: true } }, passcodes: { ...POLICY.organizer.passcodes, length: { value: passcode, locked: true } }, accessCode: { ...POLICY.organizer.accessCode, required: { value: false, locked: false } } } };
        const settings = organizerSettings(policy as typeof POLICY, null);
        for (const choices of modes) {
          const s = createSecurity(meeting(), { ...choices }, settings, policy as typeof POLICY);
          const promptCodes = [s.hostPin, s.guestPin, s.sharedPasscode, ...(s.roster?.invitees ?? []).map((i) => i.passcode)].filter((c): c is string => c !== null);
          expect(new Set(promptCodes.map((c) => c.length))).toEqual(new Set([Math.max(pin, passcode)]));
          expect(s.hostPin.length).toBeGreaterThanOrEqual(pin);
          // The room spec the service gets, its aliases minted as the service does, passes core/roomSpec's rules (PIN lengths, distinct aliases and codes).
          const minted = mintAliases(roomSpecFor(meeting(), s, settings, true, true), NOTHING_HELD, aliasDraw(settings.accessCodeLength));
          const parsed = parseRoomSpec(minted.ok ? minted.room : null);
          expect(parsed.ok ? [] : parsed.errors).toEqual([]);
        }
      }
    }
  });
});

describe('syncAttendees', () => {
  it('keeps passcodes of invitees who stay, adds new ones, drops removed ones', () => {
    const m = meeting();
    const security = createSecurity(m, SETTINGS.choices, SETTINGS, POLICY);
    const ana = security.roster?.invitees[0];
    const next = syncAttendees(
      { ...m, attendees: [{ email: 'ana@example.com', name: 'Ana Lima' }, { email: 'cy@example.com', name: 'Cy <b>Ng</b>' }] },
      security,
      SETTINGS,
    );
    expect(next.roster?.invitees[0]).toEqual(ana);
    expect(next.roster?.invitees.map((i) => i.email)).toEqual(['ana@example.com', 'cy@example.com']);
    expect(next.roster?.invitees[1]?.name).toBe('Cy <b>Ng</b>');
    const codes = codesOf(next);
    expect(new Set(codes).size).toBe(codes.length);
    expect(next.accessCode).toBe(security.accessCode);
  });

  it('leaves shared-mode security untouched', () => {
    const security = createSecurity(meeting(), { accessCode: true, passcodeMode: 'shared' }, SETTINGS, POLICY);
    expect(syncAttendees(meeting({ attendees: [] }), security, SETTINGS)).toBe(security);
  });
});

describe('securityFromBody / parseSecurity', () => {
  it('reads the link, access code and passcode mode back from the body', () => {
    const m = meeting();
    const security = createSecurity(m, { accessCode: true, passcodeMode: 'shared' }, SETTINGS, POLICY);
    const { bodyHtml } = applySecurity(m, security, SETTINGS);
    expect(securityFromBody(bodyHtml)).toEqual({
      version: 1, alias: security.alias, nodeOrigin: security.nodeOrigin, webAppPath: 'webapp3',
      accessCode: security.accessCode, passcodeMode: 'shared', sharedPasscode: security.sharedPasscode,
    });
    expect(rebuildSecurityFromBody(bodyHtml)?.hostPin).toBe('');
    expect(securityFromBody(m.bodyHtml)).toBeNull();
  });

  it('round-trips through JSON and rejects malformed stored state', () => {
    const security = createSecurity(meeting(), SETTINGS.choices, SETTINGS, POLICY);
    expect(parseSecurity(JSON.stringify(security))).toEqual(security);
    expect(parseSecurity(null)).toBeNull();
    expect(parseSecurity('{not json')).toBeNull();
    expect(parseSecurity(JSON.stringify({ ...security, hostPin: '<script>' }))).toBeNull();
    expect(parseSecurity(JSON.stringify({ ...security, nodeOrigin: 'http://evil.example' }))).toBeNull();
    expect(parseSecurity(JSON.stringify({ ...security, extra: 1 }))).toBeNull();
  });
});

describe('readers of untrusted state never throw', () => {
  it('parseSecurity, securityFromBody and rebuildSecurityFromBody accept any string', async () => {
    const fc = (await import('fast-check')).default;
    const piece = fc.constantFrom('-- SecureJoin secure access --', '-- End of SecureJoin secure access --', 'Join link: https://a.example/webapp3/m/x', 'Access code: 1111', '<p>', '</p>', '{"version":1', '"', '\n', 'x');
    fc.assert(
      fc.property(fc.array(fc.oneof(piece, fc.string({ maxLength: 8 })), { maxLength: 12 }), (parts) => {
        const s = parts.join('');
        parseSecurity(s);
        securityFromBody(s);
        rebuildSecurityFromBody(s);
      }),
      { numRuns: 300 },
    );
  });
});
