/** Issue 13: the block tells an attendee exactly what to type where, in every passcode mode. */
import { describe, expect, it } from 'vitest';
import { parseInvite } from '../../../core/invite/parse';
import { renderInviteBlock } from '../../../core/invite/render';
import type { InviteBlockInput } from '../../../core/invite/render';

const BASE: InviteBlockInput = {
  joinUrl: 'https://meet.example.com/webapp3/m/k3v9q2x7m4p8w1z6t5r0',
  accessCode: '48291736',
  accessCodeIsAlias: true,
  meeting: { start: Date.UTC(2030, 0, 7, 9), end: Date.UTC(2030, 0, 7, 10) },
  timeZone: 'Europe/Berlin',
  withDate: true,
  dialIn: { number: '+44 20 7946 0000', conferenceId: '48291736' },
};
const lines = (input: InviteBlockInput) => renderInviteBlock(input).text.split('\n');

describe('what the block says', () => {
  it('shared passcode: the access code is the conference ID (in the join link, typed at the Virtual Reception), the passcode is typed at the PIN prompt', () => {
    expect(lines({ ...BASE, passcode: { mode: 'shared', value: '905172634' } }).slice(2)).toEqual([
      'Access code: 48291736 (for phones and video systems)',
      'Passcode: 905172634',
      'Dial in: +44 20 7946 0000',
      'By phone: enter conference ID 48291736 followed by #, then the passcode followed by #.',
      'The code works from Mon 7 Jan, 09:45 (Europe/Berlin), 15 minutes before the start.',
      'Without the SecureJoin extension: open the join link and type the passcode when asked for a PIN.',
      '-- End of SecureJoin secure access --',
    ]);
  });

  it('per invitee: the access code is for hosts only and each invitee gets a personal message with their link and passcode', () => {
    const text = lines({ ...BASE, passcode: { mode: 'per-invitee' } });
    expect(text).toContain('Access code: 48291736 (hosts only)');
    expect(text).toContain('Passcode: personal - each invitee gets their own link and passcode by email; the link above is for hosts');
    expect(text).toContain('By phone (hosts): enter conference ID 48291736 followed by #, then the host PIN followed by #.');
    const parsed = parseInvite(text.join('\n'), 'text').block;
    expect(parsed).toMatchObject({ accessCode: '48291736', accessCodeIsAlias: true, personalPasscodes: true });
    expect(parsed?.passcode).toBeUndefined();
  });

  it('a guest PIN in place of the access code says it is typed at the PIN prompt', () => {
    expect(lines({ ...BASE, accessCodeIsAlias: undefined, dialIn: undefined })[2]).toBe('Access code: 48291736');
    expect(lines({ ...BASE, accessCodeIsAlias: undefined, dialIn: undefined })).toContain('Without the SecureJoin extension: open the join link and type the access code when asked for a PIN.');
    expect(parseInvite(lines({ ...BASE, accessCodeIsAlias: undefined, dialIn: undefined }).join('\n'), 'text').block).toMatchObject({ accessCode: '48291736' });
  });

  it('a recurring series never calls its code "one-time", and names the zone of the time', () => {
    for (const passcode of [undefined, { mode: 'shared', value: '905172634' }, { mode: 'per-invitee' }] as const) {
      const text = renderInviteBlock({ ...BASE, passcode, recurrence: { timeZone: 'Europe/Berlin', rule: { frequency: 'weekly' } } }).text;
      expect(text).not.toMatch(/one-time|one time/i);
      expect(text).toContain('(Europe/Berlin)');
      expect(text).toContain('before each occurrence');
    }
  });
});
