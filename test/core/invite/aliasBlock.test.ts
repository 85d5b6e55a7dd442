/** The block of issue 10 (web alias link, access code = numeric alias, dial-in steps, passcode save link) reads back as rendered. */
import { describe, expect, it } from 'vitest';
import { checkInviteBlock } from '../../../core/invite/check';
import { parseInvite } from '../../../core/invite/parse';
import { renderInviteBlock } from '../../../core/invite/render';
import type { InviteBlockInput } from '../../../core/invite/render';
import { upsertInviteBlock } from '../../../core/invite/upsert';
import { parseCaptureLink } from '../../../core/links/capture';
import { fromParsedInvite } from '../../../core/vault/invite';

const LINK = 'https://meet.example.com/webapp3/m/k3v9q2x7m4p8w1z6t5r0';
const BASE: InviteBlockInput = {
  joinUrl: LINK,
  accessCode: '48291736',
  accessCodeIsAlias: true,
  meeting: { start: Date.UTC(2030, 0, 7, 9), end: Date.UTC(2030, 0, 7, 10) },
  timeZone: 'Europe/Berlin',
  withDate: true,
  dialIn: { number: '+44 20 7946 0000', conferenceId: '48291736' },
  subject: 'Quarterly review',
};

const MODES: Array<[string, InviteBlockInput]> = [
  ['no passcode', BASE],
  ['shared passcode, saved by the save link', { ...BASE, passcode: { mode: 'shared', value: '905172634' }, saveLink: true, savePin: '905172634' }],
  ['per-invitee passcodes (hosts only)', { ...BASE, passcode: { mode: 'per-invitee' } }],
];

describe('the issue 10 invite block', () => {
  it.each(MODES)('%s: parse reads back what render wrote, and the check finds nothing wrong', (_mode, input) => {
    const block = renderInviteBlock(input);
    for (const [body, format] of [[upsertInviteBlock('<p>Agenda</p>', block, 'html'), 'html'], [`Agenda\n\n${block.text}\n`, 'text']] as const) {
      const parsed = parseInvite(body, format).block;
      expect(parsed).toMatchObject({ joinUrl: LINK, accessCode: '48291736', dialIn: { number: '+44 20 7946 0000', conferenceId: '48291736' }, subject: 'Quarterly review' });
      expect(parsed?.personalPasscodes).toBe(input.passcode?.mode === 'per-invitee');
      expect(parsed?.passcode).toBe(input.passcode?.mode === 'shared' ? '905172634' : undefined);
      expect(checkInviteBlock(body, input, format)).toEqual([]);
    }
  });

  it('the save link of a shared-passcode block saves the passcode (the PIN the meeting link asks for), not the access code', () => {
    const input = MODES[1]![1];
    const body = upsertInviteBlock('', renderInviteBlock(input), 'html');
    const save = parseInvite(body, 'html').block?.captureUrl ?? '';
    const captured = parseCaptureLink(save);
    expect(captured.ok && captured.value).toMatchObject({ alias: 'k3v9q2x7m4p8w1z6t5r0', role: 'guest', pin: '905172634' });
    const drafts = fromParsedInvite(parseInvite(body, 'html'));
    expect(drafts[0]).toMatchObject({ url: LINK, role: 'guest', pin: '905172634' });
  });

  it('says the access code is the conference ID to dial, and a pasted block never offers it as a PIN', () => {
    const block = renderInviteBlock(BASE);
    expect(block.text).toContain('Access code: 48291736 (for phones and video systems)');
    const parsed = parseInvite(block.text, 'text');
    expect(parsed.block).toMatchObject({ accessCode: '48291736', accessCodeIsAlias: true });
    const [draft] = fromParsedInvite(parsed);
    expect(draft).toMatchObject({ url: LINK, role: 'guest', pin: '' });
    expect(draft?.pinOptions).not.toContain('48291736');
    // A shared-passcode block without its save link still offers the passcode, and only it.
    const shared = fromParsedInvite(parseInvite(renderInviteBlock({ ...BASE, passcode: { mode: 'shared', value: '905172634' } }).text, 'text'));
    expect(shared[0]).toMatchObject({ pin: '905172634', pinOptions: ['905172634'] });
  });

  it('still reads the alias note blocks were written with before issue 13', () => {
    const old = renderInviteBlock(BASE).text.replace(/\(for phones and video systems\)/, '(the conference ID to dial; not a PIN)');
    expect(old).toContain('Access code: 48291736 (the conference ID to dial; not a PIN)');
    expect(parseInvite(old, 'text').block).toMatchObject({ accessCode: '48291736', accessCodeIsAlias: true });
  });

  it('refuses a save PIN that is not 4-20 digits, naming it', () => {
    expect(() => renderInviteBlock({ ...BASE, saveLink: true, savePin: 'abc' })).toThrow(/saveLink: the savePin must be 4-20 digits/);
  });

  it('reports edited dial-in steps and an edited access code', () => {
    const body = upsertInviteBlock('', renderInviteBlock(BASE), 'html');
    expect(checkInviteBlock(body.replace('conference ID 48291736', 'conference ID 48291737'), BASE, 'html').map((p) => p.kind)).toEqual(['dial_in_mismatch']);
    expect(checkInviteBlock(body.replace('Access code:</b> 48291736', 'Access code:</b> 48291737'), BASE, 'html').map((p) => p.kind)).toEqual(['code_mismatch']);
  });

  it('still reads blocks written before issue 10 (dial-in "then the access code", personal passcode line)', () => {
    const old = [
      '-- SecureJoin secure access --',
      'Join link: https://meet.example.com/webapp3/m/sj-7hq2m4xk9p',
      'Access code: 48291736',
      'Passcode: personal - each invitee receives their own passcode separately',
      'Dial in: call +44 20 1234 5678, enter conference ID 123 456, then the access code followed by #.',
      '-- End of SecureJoin secure access --',
    ].join('\n');
    expect(parseInvite(old, 'text').block).toMatchObject({
      joinUrl: 'https://meet.example.com/webapp3/m/sj-7hq2m4xk9p',
      accessCode: '48291736',
      personalPasscodes: true,
      dialIn: { number: '+44 20 1234 5678', conferenceId: '123 456' },
    });
  });
});
