/**
 * Real-world invite shapes the extension's "Paste an invite" reads: Pexip's trailing "#", labels
 * in Portuguese, Polish, Swedish, Danish, Norwegian, Finnish, Japanese, Chinese and Korean (and
 * French "code secret", a PIN), GoTo Meeting links (another service, never a Pexip room), and
 * no codes at all from prose that only mentions such words.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { meetingLinkService } from '../../../core/invite/candidates';
import { parseInvite } from '../../../core/invite/parse';
import { fromParsedInvite } from '../../../core/vault';
import { BOARD } from './fixtures';

const codes = (body: string): string[] => parseInvite(body).candidates.filter((c) => c.kind === 'code').map((c) => `${c.label}=${c.value}`);
const drafts = (body: string) => fromParsedInvite(parseInvite(body)).map((d) => ({ alias: d.alias, pin: d.pin, pinOptions: d.pinOptions }));

describe('Pexip\'s trailing #', () => {
  it('is part of the PIN, written next to the digits or set apart', () => {
    expect(codes('Host PIN: 97531864 #\nGuest PIN: 2468 1357#\nPIN: 1234#.')).toEqual(['Host PIN=97531864#', 'Guest PIN=24681357#', 'PIN=1234#']);
    expect(drafts(`Join: ${BOARD}\nGuest PIN: 24681357 #`)).toEqual([{ alias: 'board.review', pin: '24681357#', pinOptions: ['24681357#'] }]);
  });
  it('is not taken from a following word, a second code or an IVR "followed by #"', () => {
    expect(codes('PIN: 24681357 #hashtag')).toEqual(['PIN=24681357']);
    expect(codes('When prompted, enter the PIN 2468 1357 followed by #.')).toEqual(['PIN=24681357']);
    expect(codes('Passcode: aB3xYz #')).toEqual(['Passcode=aB3xYz']);
  });
});

describe('labels beyond the six languages', () => {
  it.each([
    ['pt', 'ID da reunião: 312 456 789 012\nSenha: aB3xYz\nCódigo PIN: 24681357\nPIN do convidado: 13572468', ['Meeting ID=312456789012', 'Password=aB3xYz', 'PIN=24681357', 'Guest PIN=13572468']],
    ['pl', 'Identyfikator spotkania: 312 456 789 012\nHasło: aB3xYz\nKod PIN: 24681357\nPIN gościa: 13572468', ['Meeting ID=312456789012', 'Password=aB3xYz', 'PIN=24681357', 'Guest PIN=13572468']],
    ['sv', 'Mötes-ID: 312 456 789 012\nLösenkod: aB3xYz\nPIN-kod: 24681357\nGäst-PIN: 13572468', ['Meeting ID=312456789012', 'Passcode=aB3xYz', 'PIN=24681357', 'Guest PIN=13572468']],
    ['da', 'Møde-id: 312 456 789 012\nAdgangskode: aB3xYz\nPinkode: 24681357\nVærts-PIN: 97531864', ['Meeting ID=312456789012', 'Passcode=aB3xYz', 'PIN=24681357', 'Host PIN=97531864']],
    ['nb', 'Møte-ID: 312 456 789 012\nPasskode: aB3xYz\nPIN-kode: 24681357\nGjeste-PIN: 13572468', ['Meeting ID=312456789012', 'Passcode=aB3xYz', 'PIN=24681357', 'Guest PIN=13572468']],
    ['fi', 'Kokouksen tunnus: 312 456 789 012\nTunnuskoodi: aB3xYz\nPIN-koodi: 24681357\nVieraan PIN: 13572468', ['Meeting ID=312456789012', 'Passcode=aB3xYz', 'PIN=24681357', 'Guest PIN=13572468']],
    ['ja', '会議 ID: 312 456 789 012\nパスコード: aB3xYz\nミーティングID: 855 1234 5678\nPINコード：24681357', ['Meeting ID=312456789012', 'Passcode=aB3xYz', 'Meeting ID=85512345678', 'PIN=24681357']],
    ['zh', '会议号：855 1234 5678\n密码：482913\n主持人PIN：97531864\n访客 PIN: 24681357', ['Meeting number=85512345678', 'Password=482913', 'Host PIN=97531864', 'Guest PIN=24681357']],
    ['ko', '회의 ID: 855 1234 5678\n암호: 482913\n게스트 PIN: 24681357', ['Meeting ID=85512345678', 'Password=482913', 'Guest PIN=24681357']],
    ['fr', 'Code secret : 24681357\nCode secret de l’invité : 13572468\nCode PIN de l’hôte : 97531864', ['Passcode=24681357', 'Guest PIN=13572468', 'Host PIN=97531864']],
    ['es', 'Código PIN: 24681357\nContraseña: Xy7pQ2rs', ['PIN=24681357', 'Password=Xy7pQ2rs']],
    ['nl', 'Gast-PIN: 13572468\nVergaderwachtwoord: Xy7pQ2rs', ['Guest PIN=13572468', 'Password=Xy7pQ2rs']],
  ])('%s', (_language, text, expected) => {
    expect(codes(text)).toEqual(expected);
  });

  it('French "code secret" under a Pexip link is offered as the room\'s PIN', () => {
    expect(drafts(`Rejoindre la réunion : ${BOARD}\nCode secret\u00a0: 2468 1357`)).toEqual([{ alias: 'board.review', pin: '24681357', pinOptions: ['24681357'] }]);
  });

  it('prose that only mentions these words gives no code (property)', () => {
    const words = ['Passwort', 'lösenord', 'hasło', 'senha', 'salasana', 'adgangskode', 'passord', 'PIN', 'code secret', 'パスワード', '密码', '암호', 'meeting ID', 'Kenncode', 'the', 'is', 'sent', 'later', 'tomorrow', 'by', 'mail', 'on', 'floor', 'room', 'we', 'meet', 'at', '2', '10', '2031', '24/7', 'and/or', 'with'];
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...words), { minLength: 3, maxLength: 40 }), fc.constantFrom(' ', ' ', ', ', '. '), (sentence, glue) => {
        // A sentence, not a table row: a label opening a line with a number after it is one ("PIN 1234").
        expect(codes(`Reminder for everyone ${sentence.join(glue)}.`)).toEqual([]);
      }),
      { numRuns: 300 },
    );
  });
});

describe('GoTo Meeting', () => {
  const GOTO = `Please join my meeting from your computer, tablet or smartphone.
https://meet.goto.com/123456789

You can also dial in using your phone.
Access Code: 123-456-789
United States: +1 (571) 317-3122

Join from a video-conferencing room or system.
Meeting ID: 123 456 789
`;
  it('recognises its links as GoTo, never as a Pexip room', () => {
    for (const url of ['https://meet.goto.com/123456789', 'https://global.gotomeeting.com/join/987654321', 'https://app.gotomeeting.com/?meetingId=987654321', 'https://gotomeet.me/AlexExample']) {
      expect(meetingLinkService(url), url).toBe('goto');
    }
    for (const url of ['https://www.goto.com/pricing', 'https://support.goto.com/meeting/help/join', 'https://goto.com.evil.example/123456789']) {
      expect(meetingLinkService(url), url).not.toBe('goto');
    }
    const found = parseInvite(GOTO).candidates.map((c) => `${c.kind}:${c.service}:${c.value}`);
    expect(found).toEqual(['link:goto:https://meet.goto.com/123456789', 'code:goto:123-456-789', 'code:goto:123456789']);
    expect(drafts(GOTO)).toEqual([]);
  });

  it('its codes, like Zoom\'s and Teams\', are never offered as a Pexip room\'s PIN', () => {
    const mixed = `Join Zoom Meeting\nhttps://us02web.zoom.us/j/85512345678\nPasscode: 482913\n\nOr our video room: ${BOARD}\nPIN: 24681357\n\nBackup on GoTo: https://meet.goto.com/123456789\nAccess code: 123456789`;
    expect(drafts(mixed)).toEqual([{ alias: 'board.review', pin: '24681357', pinOptions: ['24681357'] }]);
  });
});
