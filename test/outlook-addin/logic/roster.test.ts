import { describe, expect, it } from 'vitest';
import { parseJoinLink } from '../../../core/links';
import { createSecurity, csvField, personalMessages, rosterCsv } from '../../../outlook-addin/logic';
import { meeting, POLICY, SETTINGS } from './fixtures';

describe('personalMessages', () => {
  it('gives each invitee their passcode and a personal link that parses back', () => {
    const m = meeting({ attendees: [{ email: 'ana@example.com', name: 'Ana <script>alert(1)</script>' }] });
    const security = createSecurity(m, SETTINGS.choices, SETTINGS, POLICY);
    const [msg] = personalMessages(m, security, SETTINGS);
    const passcode = security.roster?.invitees[0]?.passcode as string;
    expect(msg?.email).toBe('ana@example.com');
    expect(msg?.subject).toBe('Your personal passcode for "Quarterly review"');
    expect(msg?.text).toContain(`is ${passcode}.`);
    const link = /Personal join link: (\S+)/.exec(msg?.text ?? '')?.[1] as string;
    const parsed = parseJoinLink(link);
    expect(parsed.ok && parsed.value).toMatchObject({ alias: security.alias, pin: passcode, role: 'guest', name: 'Ana <script>alert(1)</script>' });
  });

  it('is empty unless passcodes are per invitee', () => {
    const security = createSecurity(meeting(), { accessCode: true, passcodeMode: 'shared' }, SETTINGS, POLICY);
    expect(personalMessages(meeting(), security, SETTINGS)).toEqual([]);
  });
});

describe('rosterCsv', () => {
  it('lists every invitee with passcode and personal link, escaping names', () => {
    const m = meeting({ attendees: [{ email: 'ana@example.com', name: 'Lima, "Ana"' }, { email: 'eve@example.com', name: '=HYPERLINK("http://x")' }] });
    const security = createSecurity(m, SETTINGS.choices, SETTINGS, POLICY);
    const lines = rosterCsv(security, SETTINGS).split('\r\n');
    expect(lines[0]).toBe('name,email,passcode,personal link');
    expect(lines[1]?.startsWith(`"Lima, ""Ana""",ana@example.com,${security.roster?.invitees[0]?.passcode},https://meet.example.com/webapp3/m/`)).toBe(true);
    expect(lines[2]?.startsWith(`"'=HYPERLINK(""http://x"")",eve@example.com,`)).toBe(true);
    expect(lines[3]).toBe('');
  });

  it('escapes single fields per RFC 4180 and defuses formulas', () => {
    expect(csvField('plain')).toBe('plain');
    expect(csvField('a\nb')).toBe('"a\nb"');
    expect(csvField('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(csvField('-1')).toBe("'-1");
  });
});
