/** Plain-text mail wraps at ~76 columns: URLs and meeting numbers cut by the wrap are read whole, prose is never glued on. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildCaptureLink } from '../../../core/links/capture';
import { parseInvite } from '../../../core/invite/parse';
import { joinWrapped } from '../../../core/invite/unwrap';
import { fromParsedInvite } from '../../../core/vault';
import { BOARD } from './fixtures';

const links = (body: string): string[] => parseInvite(body).candidates.filter((c) => c.kind === 'link').map((c) => c.value);
const codes = (body: string): string[] => parseInvite(body).candidates.filter((c) => c.kind === 'code').map((c) => `${c.label}=${c.value}`);

/** Hard-wraps `text` as a mail client does: words onto the next line past `width`, words longer than `width` cut every `width` characters. */
function hardWrap(text: string, width: number): string {
  const out: string[] = [];
  for (const paragraph of text.split('\n')) {
    let line = '';
    for (const word of paragraph.split(' ')) {
      const candidate = line === '' ? word : `${line} ${word}`;
      if (candidate.length <= width) {
        line = candidate;
        continue;
      }
      if (line !== '') out.push(line);
      let rest = word;
      while (rest.length > width) {
        out.push(rest.slice(0, width));
        rest = rest.slice(width);
      }
      line = rest;
    }
    out.push(line);
  }
  return out.join('\n');
}

describe('URLs cut by a hard wrap', () => {
  it('joins a URL cut in its query or after a "/" on a full line', () => {
    const query = 'Please join the quarterly review with the following meeting link: https://video.example.org/webapp3/m/board.review?role=guest&na\nme=Ana%20Lima\nGuest PIN: 24681357';
    expect(links(query)).toEqual(['https://video.example.org/webapp3/m/board.review?role=guest&name=Ana%20Lima']);
    expect(codes(query)).toEqual(['Guest PIN=24681357']);
    expect(links('Join here: https://video.example.org/webapp3/m/\nboard.review\nPIN: 24681357')).toEqual([BOARD]);
  });

  it('joins a SecureJoin capture link cut into many lines, only as far as its fragment reads', () => {
    const capture = buildCaptureLink({ origin: 'https://video.example.org', path: 'webapp3', alias: 'board.review', role: 'guest', pin: '24681357', startsAt: Date.UTC(2030, 0, 14, 9), endsAt: Date.UTC(2030, 0, 14, 10), leadMinutes: 15, graceMinutes: 10, name: 'Ana Lima', subject: 'Quarterly review' });
    for (const width of [66, 72, 76, 78]) {
      const text = hardWrap(`Hello Ana,\nyour personal link: ${capture}\nThanks,\nBo`, width);
      expect(text.split('\n').length, `width ${width}`).toBeGreaterThan(5);
      expect(links(text), `width ${width}`).toEqual([capture]);
      expect(fromParsedInvite(parseInvite(text))[0], `width ${width}`).toMatchObject({ alias: 'board.review', pin: '24681357', subject: 'Quarterly review', displayName: 'Ana Lima' });
    }
  });

  it('never glues the next line\'s prose, a short line\'s next word or a signature to a URL', () => {
    expect(links(`Join: ${BOARD}\nThanks, Bo`)).toEqual([BOARD]);
    expect(links(`We will use the same room as last week for the review: ${BOARD}\nand/or the backup room`)).toEqual([BOARD]);
    expect(links(`Everyone please join the quarterly review in this room from now on: ${BOARD}\nThanks.`)).toEqual([BOARD]);
    expect(links(`Everyone please join the quarterly review in this room from now on: ${BOARD}\nPIN: 24681357`)).toEqual([BOARD]);
    // A URL on a short line is whole: the word below is not its rest, even with URL syntax.
    expect(links(`Room: ${BOARD}\n?role=host is for hosts`)).toEqual([BOARD]);
  });

  it('never joins one URL to a line that starts another', () => {
    expect(joinWrapped([`Everyone please join the quarterly review in this room: ${BOARD}`, 'https://other.example.org/x'], 0, `Everyone please join the quarterly review in this room: ${BOARD}`)[1]).toBe(0);
  });

  it('any join link hard-wrapped at any width reads back whole (property)', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^[a-z][a-z0-9.]{2,30}$/), fc.stringMatching(/^[A-Za-z]{3,12}$/), fc.integer({ min: 60, max: 80 }), (alias, name, width) => {
        const url = `https://video.example.org/webapp3/m/${alias}?role=guest&name=${name}&join=1`;
        const text = hardWrap(`Dear colleagues, please use the following link to join our meeting today: ${url}\nGuest PIN: 24681357`, width);
        expect(links(text)).toEqual([url]);
        expect(codes(text)).toEqual(['Guest PIN=24681357']);
      }),
      { numRuns: 150 },
    );
  });
});

describe('meeting numbers cut by a hard wrap', () => {
  it('joins the digit groups a full line ends with and the next line opens with', () => {
    expect(codes('Please join the Zoom meeting with the following details, Meeting ID: 855 1234\n5678 Passcode: 482913')).toEqual(['Meeting ID=85512345678', 'Passcode=482913']);
    expect(codes('Rufen Sie an und geben Sie bei der Aufforderung die Konferenz-ID: 864\n297 ein.')).toEqual(['Conference ID=864297']);
  });

  it('leaves short lines, times, ordinals and numbers too long for an ID apart', () => {
    expect(codes('Meeting ID: 855 1234\n5678 Passcode: 482913')).toEqual(['Meeting ID=8551234', 'Passcode=482913']);
    expect(codes('Please join the Zoom meeting with the following details, Meeting ID: 855 1234\n12:00 is the start')).toEqual(['Meeting ID=8551234']);
    expect(codes('Please join the Zoom meeting with the following details, Meeting ID: 855 1234\n2nd floor')).toEqual(['Meeting ID=8551234']);
    expect(codes('Please join the Zoom meeting with the following details, Meeting ID: 855 1234 5678 9012\n345678 901234')).toEqual(['Meeting ID=855123456789012']);
  });
});
