import { describe, expect, it } from 'vitest';
import { checkInviteBlock } from '../../../core/invite/check';
import { renderInviteBlock } from '../../../core/invite/render';
import { upsertInviteBlock } from '../../../core/invite/upsert';
import { INPUT, OUTLOOK_REWRITTEN, PLAIN_TEXT_CONVERSION } from './fixtures';

const HOUR = 3_600_000;
const kinds = (body: string, expected = INPUT, format: 'html' | 'text' = 'html'): string[] => checkInviteBlock(body, expected, format).map((p) => p.kind);
const body = upsertInviteBlock('<p>Agenda</p>', renderInviteBlock(INPUT), 'html');

describe('checkInviteBlock', () => {
  it('finds nothing wrong with a fresh block, also after Outlook rewrote it or converted it to text', () => {
    expect(kinds(body)).toEqual([]);
    expect(kinds(OUTLOOK_REWRITTEN)).toEqual([]);
    expect(kinds(PLAIN_TEXT_CONVERSION, INPUT, 'text')).toEqual([]);
    expect(checkInviteBlock(PLAIN_TEXT_CONVERSION, INPUT)).toEqual([]);
  });
  it('reports a missing block', () => {
    expect(checkInviteBlock('<p>Agenda</p>', INPUT)).toEqual([{ kind: 'missing', message: expect.stringContaining('no SecureJoin block') }]);
  });
  it('reports a stale block when the meeting moved', () => {
    const moved = { ...INPUT, meeting: { start: INPUT.meeting.start + HOUR, end: INPUT.meeting.end + HOUR } };
    expect(kinds(body, moved)).toEqual(['stale']);
    expect(kinds(body, { ...INPUT, recurring: false })).toEqual(['stale']);
  });
  it('reports a block that states its date as stale when the meeting moved to another day at the same time', () => {
    const dated = { ...INPUT, withDate: true };
    const datedBody = upsertInviteBlock('<p>Agenda</p>', renderInviteBlock(dated), 'html');
    const nextDay = { ...dated, meeting: { start: INPUT.meeting.start + 24 * HOUR, end: INPUT.meeting.end + 24 * HOUR } };
    expect(kinds(datedBody, dated)).toEqual([]);
    expect(kinds(datedBody, nextDay)).toEqual(['stale']);
    // Without the date, a move by whole days leaves the sentence (time of day only) unchanged.
    expect(kinds(body, { ...INPUT, meeting: nextDay.meeting })).toEqual([]);
  });
  it('reports tampered codes and links, and weak codes typed in', () => {
    expect(kinds(body.replace('48291736', '48291737'))).toEqual(['code_mismatch']);
    expect(kinds(body.replace('48291736', '12345678'))).toEqual(['code_mismatch', 'weak_code']);
    expect(kinds(body.replace('90417263', '11111111'))).toEqual(['passcode_mismatch', 'weak_code']);
    expect(kinds(body.replace(/m\/alice/g, 'm/mallory'))).toEqual(['link_mismatch']);
    expect(kinds(body.replace('123 456', '999 999'))).toEqual(['dial_in_mismatch']);
  });
  it('reports a link whose target is not the address it shows (a look-alike node behind the right text)', () => {
    const url = INPUT.joinUrl;
    const lookAlike = url.replace('https://', 'https://meet.example.com.evil.example/');
    const hidden = body.replace(`href="${url}"`, `href="${lookAlike}"`);
    expect(hidden).not.toBe(body);
    expect(kinds(hidden)).toEqual(['link_target_mismatch']);
    expect(checkInviteBlock(hidden, INPUT, 'html')[0]?.message).toBe('A link in the SecureJoin block leads to another address than the one it shows.');
    // Any link in the block, also one wrapped around other text; links outside the block are not its business.
    expect(kinds(body.replace('48291736', `<a href="${url}">48291736</a>`))).toEqual(['link_target_mismatch']);
    expect(kinds(body.replace('<p>Agenda</p>', `<p><a href="https://elsewhere.example/">Agenda</a></p>`))).toEqual([]);
    // Entities in the target are read as the browser reads them.
    expect(kinds(body.replace(`href="${url}"`, `href="${url.replace('/', '&#47;')}"`))).toEqual([]);
  });
  it('reads where a link goes from the href attribute of <a> only: href= in another attribute or data-href is not the link (issue 24)', () => {
    const url = INPUT.joinUrl;
    const evil = 'https://evil.example/steal';
    const tampers = [
      `title='href="${url}"' href="${evil}"`,
      `data-href="${url}" href="${evil}"`,
      `title="x href=${url}" href=${evil}`,
      `HREF="${evil}" href="${url}"`,
      `href='${evil}' href="${url}"`,
      `xhref="${url}" href="${evil}"`,
      `href="${evil}"\ndata-x='href="${url}"'`,
    ];
    for (const attrs of tampers) {
      const tampered = body.replace(`href="${url}"`, attrs);
      expect(tampered).not.toBe(body);
      expect(kinds(tampered), attrs).toEqual(['link_target_mismatch']);
    }
    // The same tricks around the real target change nothing.
    expect(kinds(body.replace(`href="${url}"`, `title='href="${evil}"' data-href="${evil}" href="${url}"`))).toEqual([]);
    // An anchor opened before the block's first line and wrapping the whole block leads elsewhere too.
    const start = body.indexOf('<div');
    const wrapped = `${body.slice(0, start)}<a href="${evil}">${body.slice(start)}</a>`;
    expect(kinds(wrapped)).toContain('link_target_mismatch');
  });
  it('reports a "Save in SecureJoin" link that is edited, stale, missing or unexpected', () => {
    const withSave = { ...INPUT, saveLink: true };
    const saved = upsertInviteBlock('<p>Agenda</p>', renderInviteBlock(withSave), 'html');
    expect(kinds(saved, withSave)).toEqual([]);
    const url = /Save in SecureJoin:<\/b> <a href="([^"]+)"/.exec(saved)?.[1] ?? '';
    expect(url).toContain('#sj=');
    // Another code in the fragment (the visible access code untouched): the extension would save a wrong PIN.
    const forged = renderInviteBlock({ ...withSave, accessCode: '48291737' }).text.match(/Save in SecureJoin: (\S+)/)?.[1] ?? '';
    expect(kinds(saved.split(url).join(forged), withSave)).toEqual(['save_link_mismatch']);
    // The meeting moved: the sentence and the link's window are both stale.
    const moved = { ...withSave, meeting: { start: INPUT.meeting.start + HOUR, end: INPUT.meeting.end + HOUR } };
    expect(kinds(saved, moved)).toEqual(['save_link_mismatch', 'stale']);
    // Expected but missing, and present but not expected (per-invitee bodies must not have one).
    expect(kinds(body, withSave)).toEqual(['save_link_mismatch']);
    const problems = checkInviteBlock(saved, INPUT, 'html');
    expect(problems.map((p) => p.message)).toEqual(['The invite has a "Save in SecureJoin" link this meeting should not have.']);
  });
  it('reports duplicates and a block missing its end line', () => {
    expect(kinds(body + body)).toEqual(['duplicate']);
    const noEnd = body.replace('<p>-- End of SecureJoin secure access --</p>', '');
    expect(kinds(noEnd)).toEqual(['incomplete']);
  });
  it('reports weak codes even when they are what the add-in expects', () => {
    const weak = { ...INPUT, accessCode: '1234' };
    expect(kinds(upsertInviteBlock('', renderInviteBlock(weak), 'html'), weak)).toEqual(['weak_code']);
  });
});
