/**
 * Issue 22: an invite people read at a glance, like Zoom's or Teams': join link, access code,
 * passcode and dial-in each on one short line; and the readers (the add-in's check, the
 * extension's paste) still read both this shape and the one invites already in mailboxes have.
 */
import { describe, expect, it } from 'vitest';
import { checkInviteBlock } from '../../../core/invite/check';
import { parseInvite } from '../../../core/invite/parse';
import { MAX_BLOCK_LINE, renderInviteBlock } from '../../../core/invite/render';
import type { InviteBlockInput } from '../../../core/invite/render';
import { upsertInviteBlock } from '../../../core/invite/upsert';
import { fromParsedInvite } from '../../../core/vault/invite';

const LINK = 'https://meet.example.com/webapp3/m/k3v9q2x7m4p8w1z6t5r0';
const SHARED: InviteBlockInput = {
  joinUrl: LINK,
  accessCode: '025174026',
  accessCodeIsAlias: true,
  passcode: { mode: 'shared', value: '4821993301' },
  meeting: { start: Date.UTC(2030, 0, 7, 9), end: Date.UTC(2030, 0, 7, 10) },
  timeZone: 'Europe/Berlin',
  withDate: true,
  leadMinutes: 15,
  graceMinutes: 10,
  subject: 'Quarterly planning with the regional leads (all hands, please come prepared)',
  dialIn: { number: '+44 20 7946 0000', conferenceId: '025174026', more: ['+1 555 0100 200', '+49 30 1234 5678'] },
  saveLink: true,
  savePin: '4821993301',
};

/** The block as the extension's paste and the add-in read it, before issue 22 (rendered by the code of 4ff8c0e). */
const OLD_SHAPE = [
  '-- SecureJoin secure access --',
  'Meeting: Weekly sync',
  `Join link: ${LINK}`,
  'Access code: 025174026 (the conference ID: already in the join link; by phone or video system, type it at the Virtual Reception; not a PIN)',
  `Save in SecureJoin: ${LINK}#sj=eyJ2IjoxLCJyb2xlIjoiZ3Vlc3QiLCJwaW4iOiI0ODIxOTkzMzAxIiwic3RhcnRzQXQiOjE3MzY3NTUyMDAwMDAsImVuZHNBdCI6MTczNjc1ODgwMDAwMCwibGVhZE1pbnV0ZXMiOjE1LCJncmFjZU1pbnV0ZXMiOjEwfQ`,
  'Passcode: 4821993301 (type it when asked for a PIN)',
  'The code works from Mon 13 Jan, 08:45 (Europe/Berlin), 15 minutes before the start.',
  'Dial in: call +44 20 7946 0000, enter conference ID 025174026 followed by #, then the passcode followed by #.',
  '-- End of SecureJoin secure access --',
].join('\n');

describe('the invite at a glance (issue 22)', () => {
  const block = renderInviteBlock(SHARED);
  const lines = block.text.split('\n');

  it('shared mode with dial-in numbers: at most 12 lines, none over 100 characters but the save link', () => {
    expect(lines.length).toBeLessThanOrEqual(12);
    expect(lines.filter((l) => l.length > MAX_BLOCK_LINE).map((l) => l.split(':')[0])).toEqual(['Save in SecureJoin']);
    expect(lines).toContain('Access code: 025174026 (for phones and video systems)');
    expect(lines).toContain('Passcode: 4821993301');
    expect(lines).toContain('Dial in: +44 20 7946 0000 or +1 555 0100 200 or +49 30 1234 5678');
    expect(lines).toContain('Without the SecureJoin extension: open the join link and type the passcode when asked for a PIN.');
    // Recurring too: one more line, still within 12.
    expect(renderInviteBlock({ ...SHARED, recurrence: { timeZone: 'Europe/Berlin', rule: { frequency: 'weekly' } } }).text.split('\n').length).toBeLessThanOrEqual(12);
  });

  it('lists only the numbers that fit on one short line', () => {
    const many = renderInviteBlock({ ...SHARED, dialIn: { ...SHARED.dialIn!, more: Array.from({ length: 9 }, (_, i) => `+1 555 0100 ${200 + i}`) } }).text.split('\n');
    const dial = many.find((l) => l.startsWith('Dial in:')) as string;
    expect(dial.length).toBeLessThanOrEqual(MAX_BLOCK_LINE);
    expect(dial).toMatch(/^Dial in: \+44 20 7946 0000 or \+1 555 0100 200/);
  });

  it('reads back every field, in HTML and text; the check finds nothing wrong, and an edited number is found', () => {
    for (const [body, format] of [[upsertInviteBlock('<p>Agenda</p>', block, 'html'), 'html'], [`Agenda\n${block.text}`, 'text']] as const) {
      expect(parseInvite(body, format).block).toMatchObject({
        joinUrl: LINK,
        accessCode: '025174026',
        accessCodeIsAlias: true,
        passcode: '4821993301',
        dialIn: { number: '+44 20 7946 0000', conferenceId: '025174026', more: ['+1 555 0100 200', '+49 30 1234 5678'] },
      });
      expect(checkInviteBlock(body, SHARED, format)).toEqual([]);
      expect(checkInviteBlock(body.replace('conference ID 025174026', 'conference ID 025174027'), SHARED, format).map((p) => p.kind)).toEqual(['dial_in_mismatch']);
    }
    // The extension's paste: the passcode is the PIN, never the access code (an alias).
    const [draft] = fromParsedInvite(parseInvite(block.text, 'text'));
    expect(draft).toMatchObject({ role: 'guest', pin: '4821993301' });
    expect(draft?.pinOptions).not.toContain('025174026');
  });

  it('still reads the shape invites in mailboxes have (before issue 22)', () => {
    const parsed = parseInvite(OLD_SHAPE, 'text');
    expect(parsed.block).toMatchObject({
      joinUrl: LINK,
      accessCode: '025174026',
      accessCodeIsAlias: true,
      passcode: '4821993301',
      dialIn: { number: '+44 20 7946 0000', conferenceId: '025174026' },
    });
    expect(parsed.block?.captureUrl).toMatch(/#sj=/);
    const [draft] = fromParsedInvite(parsed);
    expect(draft).toMatchObject({ role: 'guest', pin: '4821993301' });
  });
});
