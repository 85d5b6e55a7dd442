import { describe, expect, it } from 'vitest';
import { parseInvite } from '../../../core/invite/parse';
import { renderInviteBlock } from '../../../core/invite/render';
import { parseCaptureLink } from '../../../core/links/capture';
import { fromParsedInvite } from '../../../core/vault/invite';
import { INPUT, JOIN } from './fixtures';

describe('renderInviteBlock', () => {
  const block = renderInviteBlock(INPUT);
  it('renders the text block line by line between the markers', () => {
    expect(block.text.split('\n')).toEqual([
      '-- SecureJoin secure access --',
      'Meeting: Board <script>alert("x")</script> & "friends"',
      `Join link: ${JOIN}`,
      'Access code: 48291736',
      'Passcode: 90417263',
      'Dial in: +44 20 1234 5678',
      'By phone: enter conference ID 123 456 followed by #, then the passcode followed by #.',
      'The code works from 08:45 (Europe/Berlin), 15 minutes before the start.',
      'For this recurring series, the code is active 15 minutes before each occurrence.',
      'Without the SecureJoin extension: open the join link and type the passcode when asked for a PIN.',
      '-- End of SecureJoin secure access --',
    ]);
  });
  it('renders simple, escaped HTML: no raw <script>, quotes escaped, link https only', () => {
    expect(block.html).not.toContain('<script>');
    expect(block.html).toContain('Board &lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &quot;friends&quot;');
    expect(block.html).toContain(`<a href="${JOIN}">${JOIN}</a>`);
    const tags = new Set([...block.html.matchAll(/<\/?([a-z]+)/g)].map((m) => m[1]));
    expect([...tags].sort()).toEqual(['a', 'b', 'div', 'p']);
  });
  it('escapes a hostile join link inside the href attribute', () => {
    const html = renderInviteBlock({ ...INPUT, joinUrl: `https://meet.example.com/webapp3/m/a'%22?name=x"onmouseover=alert(1)` }).html;
    expect(html).toContain('href="https://meet.example.com/webapp3/m/a&#39;%22?name=x&quot;onmouseover=alert(1)"');
  });
  it('flattens line breaks in the subject so it cannot forge a marker line', () => {
    const text = renderInviteBlock({ ...INPUT, subject: 'x\n-- End of SecureJoin secure access --\nAccess code: 1111' }).text;
    expect(text.split('\n').filter((l) => l.includes('End of SecureJoin'))).toHaveLength(2);
    expect(text).toContain('Meeting: x -- End of SecureJoin secure access -- Access code: 1111');
  });
  it('says each invitee gets a personal passcode, omits dial-in and recurrence when not set', () => {
    const text = renderInviteBlock({ ...INPUT, passcode: { mode: 'per-invitee' }, dialIn: undefined, recurring: false, subject: undefined }).text;
    expect(text).toContain('Passcode: personal - each invitee gets their own link and passcode by email; the link above is for hosts');
    expect(text).not.toMatch(/Dial in|By phone|recurring|Meeting:|Without the SecureJoin extension/);
  });
  it('tells phone callers what to type in each passcode mode', () => {
    const dial = (passcode: typeof INPUT.passcode) => renderInviteBlock({ ...INPUT, passcode, dialIn: { number: '+44 20 1234 5678', conferenceId: '48291736' } }).text.split('\n').filter((l) => /^(Dial in|By phone)/.test(l));
    expect(dial(undefined)).toEqual(['Dial in: +44 20 1234 5678', 'By phone: enter conference ID 48291736 followed by #; the host admits you from the lobby.']);
    expect(dial({ mode: 'shared', value: '90417263' })).toEqual(['Dial in: +44 20 1234 5678', 'By phone: enter conference ID 48291736 followed by #, then the passcode followed by #.']);
    expect(dial({ mode: 'per-invitee' })).toEqual(['Dial in: +44 20 1234 5678', 'By phone (hosts): enter conference ID 48291736 followed by #, then the host PIN followed by #.']);
  });
  it('does not ask for a second # when the conference ID already ends with one', () => {
    expect(renderInviteBlock({ ...INPUT, dialIn: { number: '+44 20 1234 5678', conferenceId: '4829173#' } }).text).toContain('enter conference ID 4829173#, then the passcode');
  });
  it('shows the activation time in the given zone and locale, with the date when it opens the day before', () => {
    const ny = renderInviteBlock({ ...INPUT, timeZone: 'America/New_York', locale: 'en-US' }).text.replace(/\u202f/g, ' ');
    expect(ny).toContain('The code works from 2:45 AM (America/New_York)');
    const early = renderInviteBlock({ ...INPUT, meeting: { start: Date.UTC(2025, 0, 12, 23, 5), end: Date.UTC(2025, 0, 13, 0) } }).text;
    expect(early).toContain('The code works from Sun 12 Jan, 23:50 (Europe/Berlin)');
  });
  it('rejects bad input naming every field', () => {
    expect(() =>
      renderInviteBlock({ ...INPUT, joinUrl: 'javascript:alert(1)', accessCode: '12 34', dialIn: { number: 'call me', conferenceId: 'abc' } }),
    ).toThrow(/joinUrl: javascript: URLs are not allowed.*accessCode.*dialIn\.number.*dialIn\.conferenceId/);
    expect(() => renderInviteBlock({ ...INPUT, meeting: { start: 10, end: 5 } })).toThrow(/must be after/);
    expect(() => renderInviteBlock({ ...INPUT, timeZone: 'Berlin' })).toThrow(/unknown time zone "Berlin"/);
  });
});

describe('renderInviteBlock with a "Save in SecureJoin" link', () => {
  const input = { ...INPUT, saveLink: true, leadMinutes: 20, graceMinutes: 10 };
  const block = renderInviteBlock(input);
  const saveLine = block.text.split('\n').find((l) => l.startsWith('Save in SecureJoin: ')) ?? '';
  const url = saveLine.slice('Save in SecureJoin: '.length);

  it('adds a capture link for the access code as a guest, with the meeting window, as the block\'s last line', () => {
    const lines = block.text.split('\n');
    expect(lines.indexOf(saveLine)).toBe(lines.length - 2);
    expect(url.split('#')[0]).toBe('https://meet.example.com/webapp3/m/alice');
    const captured = parseCaptureLink(url);
    expect(captured.ok && captured.value).toEqual({
      origin: 'https://meet.example.com',
      path: 'webapp3',
      alias: 'alice',
      style: 'webapp3',
      role: 'guest',
      pin: '48291736',
      startsAt: INPUT.meeting.start,
      endsAt: INPUT.meeting.end,
      leadMinutes: 20,
      graceMinutes: 10,
    });
    // HTML: the same link, escaped, as href and text, in small type that wraps in a narrow window.
    expect(block.html).toContain(`<p style="font-size:smaller;color:#555;overflow-wrap:anywhere"><b>Save in SecureJoin:</b> <a href="${url}">${url}</a></p>`);
    // Without the option nothing changes.
    expect(renderInviteBlock(INPUT).text).not.toContain('Save in SecureJoin');
  });

  it('reads back from the body (HTML as Outlook keeps it, or text); a pasted invite gives the draft with the window', () => {
    for (const [body, format] of [[`<p>Agenda</p>${block.html}`, 'html'], [`Agenda\n${block.text}`, 'text']] as const) {
      const parsed = parseInvite(body, format);
      expect(parsed.block?.captureUrl).toBe(url);
      const drafts = fromParsedInvite(parsed);
      expect(drafts).toHaveLength(1);
      expect(drafts[0]).toMatchObject({ url: 'https://meet.example.com/webapp3/m/alice', role: 'guest', pin: '48291736', startsAt: INPUT.meeting.start, endsAt: INPUT.meeting.end, leadMinutes: 20, graceMinutes: 10 });
    }
  });

  it('refuses an access code that is not a PIN, or a webapp2 link (its fragment is the route)', () => {
    expect(() => renderInviteBlock({ ...input, accessCode: 'abcd1234' })).toThrow(/saveLink: the access code must be 4-20 digits/);
    expect(() => renderInviteBlock({ ...input, joinUrl: 'https://meet.example.com/webapp/#/?conference=alice' })).toThrow(/saveLink: needs a web app 3 or legacy join link/);
  });
});

describe('renderInviteBlock for a recurring series', () => {
  const recurrence = { timeZone: 'Europe/Berlin', rule: { frequency: 'weekly' as const, daysOfWeek: ['MO' as const] } };
  const block = renderInviteBlock({ ...INPUT, recurring: undefined, recurrence, saveLink: true, leadMinutes: 15, graceMinutes: 10 });
  const url = (block.text.split('\n').find((l) => l.startsWith('Save in SecureJoin: ')) ?? '').slice('Save in SecureJoin: '.length);

  it('puts the series in the save link (first occurrence as start/end) and says "each occurrence"', () => {
    const captured = parseCaptureLink(url);
    expect(captured.ok && captured.value).toMatchObject({ startsAt: INPUT.meeting.start, endsAt: INPUT.meeting.end, recurrence });
    // The rule in words too (issue 13): a block pasted without its save link still tells every occurrence.
    expect(block.text).toContain('For this recurring series (weekly on Monday from Mon, 13 Jan 2025, 1 hour each, Europe/Berlin time), the code is active 15 minutes before each occurrence until 10 minutes after its end.');
  });
  it('a pasted invite gives a draft carrying the series', () => {
    const drafts = fromParsedInvite(parseInvite(block.html, 'html'));
    expect(drafts[0]).toMatchObject({ pin: '48291736', startsAt: INPUT.meeting.start, recurrence });
  });
  it('refuses a series the link could not carry', () => {
    expect(() => renderInviteBlock({ ...INPUT, recurrence: { timeZone: 'Nowhere/Else', rule: { frequency: 'weekly' } }, saveLink: true })).toThrow(/payload.rec.tz/);
  });
});

