import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { htmlToText } from '../../../core/invite/htmlToText';
import { parseInvite } from '../../../core/invite/parse';
import { renderInviteBlock } from '../../../core/invite/render';
import { INPUT, INPUT_FIELDS, OUTLOOK_REWRITTEN, PEXIP_TEXT, PLAIN_TEXT_CONVERSION, TEAMS_HTML, WEBEX_TEXT, ZOOM_TEXT } from './fixtures';

const expectedFields = INPUT_FIELDS;
const codes = (body: string): string[] => parseInvite(body).candidates.filter((c) => c.kind === 'code').map((c) => `${c.service}:${c.label}=${c.value}`);
const links = (body: string): string[] => parseInvite(body).candidates.filter((c) => c.kind === 'link').map((c) => `${c.service}:${c.value}`);

describe('parseInvite reads our block back', () => {
  it('from the block as rendered (HTML and text)', () => {
    const block = renderInviteBlock(INPUT);
    expect(parseInvite(block.html)).toMatchObject({ block: expectedFields, blockCount: 1 });
    expect(parseInvite(block.text)).toMatchObject({ block: expectedFields, blockCount: 1, candidates: [] });
  });
  it('from HTML Outlook rewrote, without offering our own codes as candidates', () => {
    const parsed = parseInvite(OUTLOOK_REWRITTEN);
    expect(parsed.block).toEqual(expectedFields);
    expect(codes(OUTLOOK_REWRITTEN)).toEqual(['teams:Meeting ID=312456789012', 'teams:Passcode=aB3xYz']);
  });
  it('from the plain-text conversion', () => {
    expect(parseInvite(PLAIN_TEXT_CONVERSION).block).toEqual(expectedFields);
    expect(parseInvite(PLAIN_TEXT_CONVERSION, 'text').block).toEqual(expectedFields);
  });
  it('reports personal passcodes', () => {
    const text = renderInviteBlock({ ...INPUT, passcode: { mode: 'per-invitee' } }).text;
    expect(parseInvite(text).block).toMatchObject({ personalPasscodes: true });
    expect(parseInvite(text).block?.passcode).toBeUndefined();
  });
  it('gives null when there is no block', () => {
    expect(parseInvite('<p>Hello</p>').block).toBeNull();
  });
});

describe('parseInvite picks codes and links out of other services invites', () => {
  it('Teams (HTML)', () => {
    expect(codes(TEAMS_HTML)).toEqual(['teams:Meeting ID=312456789012', 'teams:Passcode=aB3xYz']);
    expect(links(TEAMS_HTML)).toEqual([
      'teams:https://teams.microsoft.com/l/meetup-join/19%3ameeting_NjA4ZDk5ZTAt%40thread.v2/0?context=%7b%22Tid%22%3a%2272f988bf%22%7d',
    ]);
    expect(parseInvite(TEAMS_HTML).candidates[0]?.label).toBe('Click here to join the meeting');
  });
  it('Zoom (text), without duplicates', () => {
    expect(codes(ZOOM_TEXT)).toEqual(['zoom:Meeting ID=85512345678', 'zoom:Passcode=482913']);
    expect(links(ZOOM_TEXT)).toEqual(['zoom:https://us02web.zoom.us/j/85512345678?pwd=aBcDeFgHiJkLmNoPqRsTuVwXyZ.1']);
  });
  it('Webex (text): meeting number, password and access code; help links are not join links', () => {
    expect(codes(WEBEX_TEXT)).toEqual(['webex:Meeting number=26341234567', 'webex:Password=Xy7pQ2rs', 'webex:Access code=26341234567']);
    expect(links(WEBEX_TEXT)).toEqual(['webex:https://example.webex.com/example/j.php?MTID=m0123456789abcdef0123456789abcdef']);
  });
  it('Pexip (text): host and guest PINs and the web app link', () => {
    expect(codes(PEXIP_TEXT)).toEqual(['pexip:Host PIN=4711', 'pexip:Guest PIN=8080']);
    expect(links(PEXIP_TEXT)).toEqual(['pexip:https://video.example.org/webapp/m/team.alpha?role=guest']);
  });
  it('takes plain-http join links only from loopback nodes (a local test node), never from the network', () => {
    expect(links('Join: http://127.0.0.1:8080/webapp3/m/board\nGuest PIN: 1357')).toEqual(['pexip:http://127.0.0.1:8080/webapp3/m/board']);
    expect(links('Join: http://localhost:8080/webapp3/m/board')).toEqual(['pexip:http://localhost:8080/webapp3/m/board']);
    expect(links('Join: http://video.example.org/webapp3/m/board\nGuest PIN: 1357')).toEqual([]);
  });
  it('ignores labels without a usable value', () => {
    expect(codes('PIN: required\nPassword: none\nMeeting ID:\n')).toEqual([]);
  });
});

describe('parseInvite robustness', () => {
  it('never throws on garbage', () => {
    const piece = fc.oneof(
      fc.string({ maxLength: 40 }),
      fc.constantFrom('<p>', '</p>', '<div>', '<br>', '<a href="', '"', "'", '&#', '&amp;', '&#x1F600;', '<!--', '-->', '<![if', '<style>',
        '-- SecureJoin secure access --', '-- End of SecureJoin secure access --', '\n', 'Access code: ', 'PIN: ', 'https://', '<o:p>', '</'),
    );
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 40 }).map((a) => a.join('')), fc.constantFrom('auto', 'html', 'text') as fc.Arbitrary<'auto' | 'html' | 'text'>, (body, format) => {
        const r = parseInvite(body, format);
        expect(Array.isArray(r.candidates)).toBe(true);
      }),
      { numRuns: 400 },
    );
    expect(parseInvite(undefined as unknown as string)).toEqual({ block: null, blockCount: 0, blockPart: 0, candidates: [], mailSubjects: [] });
  });
  it('finishes 1 MB of adversarial garbage quickly', () => {
    const inputs = [
      '<a "x'.repeat(200_000),
      '<p '.repeat(350_000),
      `${'&#'.repeat(250_000)}<p>${'-'.repeat(500_000)}`,
      'PIN: '.repeat(200_000),
      `https://${'a'.repeat(1_000_000)}`,
      `<div>${'<b>'.repeat(150_000)}-- SecureJoin secure access --${'</b>'.repeat(100_000)}`,
    ];
    for (const body of inputs) {
      const t0 = performance.now();
      parseInvite(body);
      parseInvite(body, 'text');
      expect(performance.now() - t0).toBeLessThan(1500);
    }
  });
});

describe('htmlToText', () => {
  it('strips tags, decodes entities, breaks lines on blocks, drops style and comments', () => {
    const html = '<style>p{color:red}</style><p>A&nbsp;&amp;&#32;B&#x263A;</p><!-- hidden --><div>C<br>D</div><ul><li>E</li><li>F</li></ul><table><tr><td>G</td><td>H</td></tr></table>x &bogus; 3 < 4';
    expect(htmlToText(html)).toBe('A & B\u263a\nC\nD\nE\nF\nG H\nx &bogus; 3 < 4');
    expect(htmlToText('a<br><br><br>b</p><p>c')).toBe('a\n\nb\nc');
  });
  it('replaces invalid numeric entities with U+FFFD', () => {
    expect(htmlToText('&#0;&#xD800;&#99999999;&#65;')).toBe('\ufffd\ufffd\ufffdA');
  });
});
