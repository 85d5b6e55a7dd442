import { describe, expect, it } from 'vitest';
import { parseInvite } from '../../../core/invite';
import { parseCaptureLink, parseJoinLink } from '../../../core/links';
import { fromParsedInvite, meetingWindow, newSavedMeeting } from '../../../core/vault';
import { createSecurity, csvField, personalLink, personalMessages, rosterCsv } from '../../../outlook-addin/logic';
import { meeting, POLICY, SETTINGS, START } from './fixtures';

describe('personalMessages', () => {
  it('gives each invitee their passcode and a capture link with their name and the meeting window, never ?pin=', () => {
    const m = meeting({ attendees: [{ email: 'ana@example.com', name: 'Ana <script>alert(1)</script>' }] });
    const security = createSecurity(m, SETTINGS.choices, SETTINGS, POLICY);
    const [msg] = personalMessages(m, security, SETTINGS);
    const passcode = security.roster?.invitees[0]?.passcode as string;
    expect(msg?.email).toBe('ana@example.com');
    const invitee = security.roster!.invitees[0]!;
    expect(msg?.subject).toBe('Your personal link and passcode for "Quarterly review"');
    expect(msg?.text).toContain(`is ${passcode}.`);
    const link = /Personal join link: (\S+)/.exec(msg?.text ?? '')?.[1] as string;
    // The part that reaches the node carries no passcode (only the #sj= fragment does), and it is the invitee's personal alias.
    expect(link.split('#')[0]).toBe(`https://meet.example.com/webapp3/m/${invitee.alias}`);
    expect(invitee.alias).not.toBe(security.alias);
    expect(link).not.toMatch(/[?&]pin=/);
    const captured = parseCaptureLink(link);
    expect(captured.ok && captured.value).toEqual({
      origin: 'https://meet.example.com',
      path: 'webapp3',
      alias: invitee.alias,
      style: 'webapp3',
      role: 'guest',
      pin: passcode,
      name: 'Ana <script>alert(1)</script>',
      // The invite's subject: the extension names the saved meeting by it, not by the personal alias.
      subject: 'Quarterly review',
      startsAt: START,
      endsAt: START + 3_600_000,
      leadMinutes: SETTINGS.leadMinutes,
      graceMinutes: SETTINGS.graceMinutes,
    });
    expect(SETTINGS.graceMinutes).toBe(10);
    expect(msg?.text).toContain('The link and passcode work from Tue 10 Mar, 08:45 (Europe/Berlin), 15 minutes before the start, until 10 minutes after the end.');
    expect(msg?.text).toContain('and type your passcode when asked for a PIN.');
    // Phone: the node's dial-in number, the invitee's personal numeric alias, then the passcode.
    expect(msg?.text).toContain(`call +44 20 7946 0000, enter conference ID ${invitee.dialAlias} followed by #, then your passcode ${passcode} followed by #.`);
    expect(msg?.text).toContain('The link in the invitation admits hosts only.');
    expect(msg?.text).not.toContain(security.hostPin);
    expect(msg?.text).not.toContain(security.accessCode);
  });

  it('leaves the phone steps out when the node has no dial-in number', () => {
    const settings = { ...SETTINGS, node: { ...SETTINGS.node!, dialIn: [] } };
    const security = createSecurity(meeting(), SETTINGS.choices, settings, POLICY);
    for (const msg of personalMessages(meeting(), security, settings)) expect(msg.text).not.toMatch(/By phone|conference ID/);
  });

  it('pasted into the extension, the message gives a draft with the passcode, role and the node\'s exact window', () => {
    const m = meeting();
    const security = createSecurity(m, SETTINGS.choices, SETTINGS, POLICY);
    const messages = personalMessages(m, security, SETTINGS);
    expect(messages).toHaveLength(2);
    for (const [i, msg] of messages.entries()) {
      const drafts = fromParsedInvite(parseInvite(msg.text, 'text'));
      expect(drafts).toHaveLength(1);
      const draft = drafts[0]!;
      expect(draft).toMatchObject({ role: 'guest', pin: security.roster?.invitees[i]?.passcode, startsAt: START, endsAt: START + 3_600_000, leadMinutes: 15, graceMinutes: 10 });
      expect(draft.url).toBe(`https://meet.example.com/webapp3/m/${security.roster?.invitees[i]?.alias}`);
      const saved = newSavedMeeting(draft, START - 86_400_000, `r${i}`);
      if (!saved.ok) throw new Error(JSON.stringify(saved.errors));
      expect(meetingWindow(saved.value)).toEqual({ opensAt: START - 15 * 60_000, closesAt: START + 3_600_000 + 10 * 60_000 });
    }
  });

  it('falls back to the plain personal link for a passcode the web app cannot take as a PIN', () => {
    const security = createSecurity(meeting(), SETTINGS.choices, SETTINGS, POLICY);
    const link = personalLink(meeting(), security, SETTINGS, { email: 'x@example.com', name: 'X', passcode: 'abcd1234', alias: 'xpersonal1', dialAlias: '48291736' });
    expect(link).toBe('https://meet.example.com/webapp3/m/xpersonal1');
    expect(parseJoinLink(link).ok).toBe(true);
  });

  it('is empty unless passcodes are per invitee', () => {
    const security = createSecurity(meeting(), { accessCode: true, passcodeMode: 'shared' }, SETTINGS, POLICY);
    expect(personalMessages(meeting(), security, SETTINGS)).toEqual([]);
  });

  it('refuses a meeting whose times make no window', () => {
    const m = meeting();
    const security = createSecurity(m, SETTINGS.choices, SETTINGS, POLICY);
    expect(() => personalMessages({ ...m, end: m.start }, security, SETTINGS)).toThrow(/endsAt must be after startsAt/);
  });
});

/** RFC 4180 cells of `csv` as a spreadsheet splits them with `separator` (quotes respected). */
function cells(csv: string, separator: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < csv.length; i++) {
    const c = csv[i]!;
    if (quoted) {
      if (c === '"' && csv[i + 1] === '"') (cell += '"'), i++;
      else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === separator) row.push(cell), (cell = '');
    else if (c === '\r' && csv[i + 1] === '\n') rows.push([...row, cell]), (row = []), (cell = ''), i++;
    else cell += c;
  }
  if (cell !== '' || row.length) rows.push([...row, cell]);
  return rows;
}

const HOSTILE = ["Bo\t;=cmd|' /C calc'!A0", '=HYPERLINK("http://x")', '+1+cmd', '-2', '@SUM(A1)', '\tTab', '\rCR', 'Lima, "Ana"', 'Zoë;x'];

describe('rosterCsv', () => {
  it('lists every invitee with passcode and personal link, every field quoted', () => {
    const m = meeting({ attendees: [{ email: 'ana@example.com', name: 'Lima, "Ana"' }, { email: 'eve@example.com', name: '=HYPERLINK("http://x")' }] });
    const security = createSecurity(m, SETTINGS.choices, SETTINGS, POLICY);
    const csv = rosterCsv(m, security, SETTINGS);
    const lines = csv.split('\r\n');
    expect(lines[0]).toBe('"name","email","passcode","personal link","personal conference ID"');
    expect(lines[1]?.startsWith(`"Lima, ""Ana""","ana@example.com","${security.roster?.invitees[0]?.passcode}","https://meet.example.com/webapp3/m/`)).toBe(true);
    expect(lines[2]?.startsWith(`"'=HYPERLINK(""http://x"")","eve@example.com",`)).toBe(true);
    expect(lines[3]).toBe('');
    // The personal link column is the invitee's capture link, never a ?pin= link.
    expect(cells(csv, ',')[1]!.at(-1)).toBe(security.roster!.invitees[0]!.dialAlias);
    const link = cells(csv, ',')[1]!.at(-2)!;
    expect(link).toBe(personalLink(m, security, SETTINGS, security.roster!.invitees[0]!));
    expect(link).not.toContain('pin=');
    expect(parseCaptureLink(link).ok).toBe(true);
  });

  it('hostile names never become a formula, whatever separator the spreadsheet assumes', () => {
    const m = meeting({ attendees: HOSTILE.map((name, i) => ({ email: `p${i}@example.com`, name })) });
    const security = createSecurity(m, SETTINGS.choices, SETTINGS, POLICY);
    const csv = rosterCsv(m, security, SETTINGS);
    for (const separator of [',', ';', '\t']) {
      for (const row of cells(csv, separator)) for (const cell of row) expect(cell, `${JSON.stringify(separator)}: ${JSON.stringify(cell)}`).not.toMatch(/^[=+\-@\t\r]/);
    }
    // Read back with the real separator, each name is there, only prefixed where it was dangerous.
    const names = cells(csv, ',').slice(1).map((r) => r[0]);
    const sent = security.roster!.invitees.map((inv) => inv.name);
    expect(names).toEqual(sent.map((n) => (/^[=+\-@\t\r]/.test(n) ? `'${n}` : n)));
    expect(names).toContain("Bo\t;=cmd|' /C calc'!A0");
    expect(cells(csv, ',').every((r) => r.length === 5)).toBe(true);
  });

  it('quotes every single field (RFC 4180) and defuses formulas', () => {
    expect(csvField('plain')).toBe('"plain"');
    expect(csvField('')).toBe('""');
    expect(csvField('a\nb')).toBe('"a\nb"');
    expect(csvField('@SUM(A1)')).toBe('"\'@SUM(A1)"');
    expect(csvField('-1')).toBe('"\'-1"');
    expect(csvField('\t=1')).toBe('"\'\t=1"');
    expect(csvField('\r=1')).toBe('"\'\r=1"');
    expect(csvField("Bo\t;=cmd|' /C calc'!A0")).toBe('"Bo\t;=cmd|\' /C calc\'!A0"');
  });
});

describe('personal messages for a recurring series', () => {
  // Tuesdays 09:00 Berlin from 10 March 2026; the fourth, 31 March, is in summer time (07:00Z).
  const series = { start: START, end: START + 3_600_000, timeZone: 'Europe/Berlin', rule: { frequency: 'weekly' as const } };
  const m = meeting({ recurrence: series });
  const security = createSecurity(m, SETTINGS.choices, SETTINGS, POLICY);

  it('the capture link carries the series and the text says each occurrence', () => {
    const [msg] = personalMessages(m, security, SETTINGS);
    expect(msg?.text).toContain('For this recurring series (weekly on Tuesday from Tue, 10 Mar 2026, 1 hour each, Europe/Berlin time), the link and passcode work from 15 minutes before each occurrence until 10 minutes after the end of it; the first time from Tue 10 Mar, 08:45 (Europe/Berlin).');
    expect(msg?.text).not.toMatch(/one-time|one time/i);
    const link = /Personal join link: (\S+)/.exec(msg?.text ?? '')?.[1] as string;
    const captured = parseCaptureLink(link);
    expect(captured.ok && captured.value.recurrence).toEqual({ timeZone: 'Europe/Berlin', rule: { frequency: 'weekly' } });
  });
  it('pasted into the extension, the saved record opens in a later occurrence, not only the first', () => {
    const [msg] = personalMessages(m, security, SETTINGS);
    const draft = fromParsedInvite(parseInvite(msg!.text, 'text'))[0]!;
    const saved = newSavedMeeting(draft, START - 86_400_000, 'r1');
    if (!saved.ok) throw new Error(JSON.stringify(saved.errors));
    const fourth = Date.UTC(2026, 2, 31, 7);
    expect(meetingWindow(saved.value, START + 2 * 3_600_000)).toEqual({ opensAt: START + 7 * 86_400_000 - 15 * 60_000, closesAt: START + 7 * 86_400_000 + 70 * 60_000 });
    expect(meetingWindow(saved.value, fourth)).toEqual({ opensAt: fourth - 15 * 60_000, closesAt: fourth + 70 * 60_000 });
  });
  it('the roster CSV links carry the series too', () => {
    const link = cells(rosterCsv(m, security, SETTINGS), ',')[1]!.at(-2)!;
    const captured = parseCaptureLink(link);
    expect(captured.ok && captured.value.recurrence?.rule).toEqual({ frequency: 'weekly' });
  });
});

