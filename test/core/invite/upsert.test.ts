import { describe, expect, it } from 'vitest';
import { renderInviteBlock } from '../../../core/invite/render';
import { findInviteBlock, removeInviteBlock, upsertInviteBlock } from '../../../core/invite/upsert';
import { INPUT, INPUT_FIELDS, OUTLOOK_REWRITTEN, PLAIN_TEXT_CONVERSION, TEAMS_HTML } from './fixtures';

const HOUR = 3_600_000;
const block = renderInviteBlock(INPUT);
const moved = renderInviteBlock({ ...INPUT, meeting: { start: INPUT.meeting.start + HOUR, end: INPUT.meeting.end + HOUR } });

describe('upsertInviteBlock (html)', () => {
  const body = `<html><body><p>Agenda</p>${TEAMS_HTML}</body></html>`;
  it('adds the block before </body>, leaving the rest byte-for-byte', () => {
    const out = upsertInviteBlock(body, block, 'html');
    const at = body.indexOf('</body>');
    expect(out).toBe(body.slice(0, at) + block.html + body.slice(at));
  });
  it('is idempotent and never duplicates', () => {
    const once = upsertInviteBlock(body, block, 'html');
    expect(upsertInviteBlock(once, block, 'html')).toBe(once);
    expect(findInviteBlock(upsertInviteBlock(once, block, 'html'), 'html')?.count).toBe(1);
  });
  it('replaces an existing block in place (meeting moved) and the Teams block stays untouched', () => {
    const once = upsertInviteBlock(body, block, 'html');
    const updated = upsertInviteBlock(once, moved, 'html');
    expect(updated).toBe(upsertInviteBlock(body, moved, 'html'));
    expect(updated).toContain(TEAMS_HTML);
    expect(findInviteBlock(updated, 'html')?.fields.activationSentence).toBe('The code works from 09:45 (Europe/Berlin), 15 minutes before the start.');
  });
  it('remove gives the original body back', () => {
    expect(removeInviteBlock(upsertInviteBlock(body, block, 'html'), 'html')).toBe(body);
    expect(removeInviteBlock(body, 'html')).toBe(body);
  });
  it('appends to a body without </body>', () => {
    expect(upsertInviteBlock('<p>Hi</p>', block, 'html')).toBe(`<p>Hi</p>${block.html}`);
    expect(upsertInviteBlock('', block, 'html')).toBe(block.html);
  });
});

describe('upsertInviteBlock on an Outlook-rewritten body', () => {
  const found = findInviteBlock(OUTLOOK_REWRITTEN, 'html');
  it('finds the rewritten block by its text markers and reads every field', () => {
    expect(found?.complete).toBe(true);
    expect(found?.count).toBe(1);
    expect(found?.fields).toEqual(INPUT_FIELDS);
  });
  it('cuts exactly the wrapper div: everything before and after it is unchanged', () => {
    const start = OUTLOOK_REWRITTEN.indexOf('<div>\n<p class="MsoNormal"><span lang="EN-US">&#8211;&#8211; SecureJoin');
    const end = OUTLOOK_REWRITTEN.indexOf('</div>', OUTLOOK_REWRITTEN.indexOf('End of SecureJoin')) + '</div>'.length;
    expect([found?.start, found?.end]).toEqual([start, end]);
    const updated = upsertInviteBlock(OUTLOOK_REWRITTEN, moved, 'html');
    expect(updated).toBe(OUTLOOK_REWRITTEN.slice(0, start) + moved.html + OUTLOOK_REWRITTEN.slice(end));
    expect(upsertInviteBlock(updated, moved, 'html')).toBe(updated);
  });
  it('handles a block collapsed into one paragraph with <br>s', () => {
    const collapsed = `<p class=MsoNormal>Intro<o:p></o:p></p><p class=MsoNormal>-- SecureJoin secure access --<br>Access code: 48291736<br>-- End of SecureJoin secure access --<o:p></o:p></p><p class=MsoNormal>After</p>`;
    const out = upsertInviteBlock(collapsed, block, 'html');
    expect(out).toBe(`<p class=MsoNormal>Intro<o:p></o:p></p>${block.html}<p class=MsoNormal>After</p>`);
  });
  it('leaves the enclosing WordSection div and a following empty paragraph alone', () => {
    const body = `<body><div class=WordSection1><p class=MsoNormal>-- SecureJoin secure access --<o:p></o:p></p><p class=MsoNormal>Access code: 1<o:p></o:p></p><p class=MsoNormal>-- End of SecureJoin secure access --<o:p></o:p></p><p class=MsoNormal></p></div></body>`;
    expect(upsertInviteBlock(body, 'NEW', 'html')).toBe('<body><div class=WordSection1>NEW<p class=MsoNormal></p></div></body>');
  });
  it('removes duplicates, keeping one block where the first one was', () => {
    const twice = `<p>A</p>${block.html}<p>B</p>${block.html}<p>C</p>`;
    expect(upsertInviteBlock(twice, moved, 'html')).toBe(`<p>A</p>${moved.html}<p>B</p><p>C</p>`);
  });
  it('replaces a block whose end marker was deleted, up to its last recognisable line', () => {
    const damaged = `<p>A</p><p>-- SecureJoin secure access --</p><p>Access code: 11112222</p><p>The code works from 08:45 (UTC), 15 minutes before the start.</p><p>Thanks, Bob</p>`;
    expect(findInviteBlock(damaged, 'html')?.complete).toBe(false);
    expect(upsertInviteBlock(damaged, block, 'html')).toBe(`<p>A</p>${block.html}<p>Thanks, Bob</p>`);
  });
});

describe('upsertInviteBlock (text)', () => {
  it('appends after a blank line and is idempotent', () => {
    const once = upsertInviteBlock('Hello team', block, 'text');
    expect(once).toBe(`Hello team\n\n${block.text}\n`);
    expect(upsertInviteBlock(once, block, 'text')).toBe(once);
    expect(upsertInviteBlock('', block, 'text')).toBe(`${block.text}\n`);
  });
  it('replaces the block in Outlook plain text (CRLF) and keeps CRLF and the Teams part', () => {
    const out = upsertInviteBlock(PLAIN_TEXT_CONVERSION, moved, 'text');
    const teams = PLAIN_TEXT_CONVERSION.slice(PLAIN_TEXT_CONVERSION.indexOf('\r\n\r\n____'));
    expect(out.endsWith(teams)).toBe(true);
    expect(out.startsWith('Hi all, agenda attached.\r\n\r\n-- SecureJoin secure access --\r\n')).toBe(true);
    expect(out).not.toMatch(/[^\r]\n/);
    expect(out).toContain('The code works from 09:45 (Europe/Berlin)');
    expect(upsertInviteBlock(out, moved, 'text')).toBe(out);
  });
  it('remove takes the block and its line break out', () => {
    expect(removeInviteBlock(`A\n${block.text}\nB`, 'text')).toBe('A\nB');
  });
  it('replaces a block whose start marker was deleted, back to its first recognisable line', () => {
    const body = 'Hi\nJoin link: https://n.example/m/a\nAccess code: 48291736\n-- End of SecureJoin secure access --\nBye';
    expect(findInviteBlock(body)).toMatchObject({ complete: false, fields: { accessCode: '48291736' } });
    expect(upsertInviteBlock(body, 'NEW', 'text')).toBe('Hi\nNEW\nBye');
  });
  it('guesses the format when not given', () => {
    expect(findInviteBlock(block.text)?.fields.accessCode).toBe('48291736');
    expect(findInviteBlock(OUTLOOK_REWRITTEN)?.fields.accessCode).toBe('48291736');
    expect(removeInviteBlock(`<p>x</p>${block.html}`)).toBe('<p>x</p>');
  });
  it('tolerates edited markers (en dashes, case, spaces)', () => {
    const body = `x\n\u2013\u2013 SECUREJOIN  secure access \u2013\u2013\nAccess code: 1\n\u2014 End of SecureJoin secure access \u2014\ny`;
    expect(upsertInviteBlock(body, 'NEW', 'text')).toBe('x\nNEW\ny');
  });
});
