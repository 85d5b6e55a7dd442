import { describe, expect, it } from 'vitest';
import { isWeakCode } from '../../../core/codes';
import { DEFAULT_POLICY } from '../../../core/policy';
import {
  applySecurity, codesOf, createSecurity, organizerSettings, parseSecurity, rebuildSecurityFromBody, securityFromBody, syncAttendees,
} from '../../../outlook-addin/logic';
import { meeting, POLICY, SETTINGS } from './fixtures';

describe('createSecurity', () => {
  it('makes distinct, non-weak codes of the policy lengths on the first node (passcodes of the host PIN\'s length, as Infinity needs)', () => {
    const security = createSecurity(meeting(), SETTINGS.choices, SETTINGS, POLICY);
    expect(security.nodeOrigin).toBe('https://meet.example.com');
    expect(security.alias).toMatch(/^sj-[a-z0-9]{10}$/);
    expect(security.accessCode).toMatch(/^[0-9]{9}$/);
    expect(security.hostPin).toMatch(/^[0-9]{10}$/);
    expect(security.guestPin).toBeNull();
    expect(security.roster?.invitees.map((i) => i.email)).toEqual(['ana@example.com', 'bo@example.com']);
    const codes = codesOf(security);
    expect(new Set(codes).size).toBe(codes.length);
    expect(codes.some(isWeakCode)).toBe(false);
    for (const inv of security.roster?.invitees ?? []) expect(inv.passcode).toMatch(/^[0-9]{10}$/);
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
    expect(security.roster?.invitees).toEqual([{ email: 'ana@example.com', name: 'ana@example.com', passcode: expect.any(String) }]);
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
