/** Invites as people paste them: Safe Links, tables, <br>, wrapped URLs, other languages, IVR sentences, forwards. */
import { describe, expect, it } from 'vitest';
import { parseInvite } from '../../../core/invite/parse';
import { unwrapSafeLink } from '../../../core/invite/safeLinks';
import {
  BOARD, BR_SPLIT_HTML, DUTCH_TEXT, FORWARDED_TEXT, FRENCH_TEXT, GERMAN_TEXT, ITALIAN_TEXT, IVR_TEXT, SAFE_LINKS_TEXT, safeLink,
  SCRIPT_ANCHOR_HTML, SPANISH_TEXT, SYMBOL_CODES_TEXT, SYNC, TABLE_HTML, WRAPPED_TEXT,
} from './fixtures';

const codes = (body: string): string[] => parseInvite(body).candidates.filter((c) => c.kind === 'code').map((c) => `${c.label}=${c.value}`);
const links = (body: string): string[] => parseInvite(body).candidates.filter((c) => c.kind === 'link').map((c) => `${c.service}:${c.value}`);

describe('Safe Links', () => {
  it('unwraps the Defender wrapper to the join link it protects', () => {
    expect(links(SAFE_LINKS_TEXT)).toEqual([`pexip:${BOARD}?role=guest`]);
    expect(unwrapSafeLink(safeLink(BOARD, 'NAM12.safelinks.protection.outlook.com'))).toBe(BOARD);
    // A wrapper around a wrapper (a forwarded mail scanned twice).
    expect(unwrapSafeLink(safeLink(safeLink(BOARD)))).toBe(BOARD);
  });
  it('leaves look-alike hosts, http, other ports and ambiguous wrappers alone', () => {
    for (const host of [
      'eur02.safelinks.protection.outlook.com.evil.example',
      'safelinks.protection.outlook.com',
      'eur02-safelinks.protection.outlook.com',
      'a.b.safelinks.protection.outlook.com',
      'eur02.safelinks.protection.0utlook.com',
      'eur02.safelinks.protection.outlook.com:8443',
    ]) {
      const wrapped = safeLink(BOARD, host);
      expect(unwrapSafeLink(wrapped), host).toBe(wrapped);
      expect(links(`Join: ${wrapped}\nPIN: 2468`), host).toEqual([]);
    }
    const http = safeLink(BOARD).replace('https:', 'http:');
    expect(unwrapSafeLink(http)).toBe(http);
    const twice = `${safeLink(BOARD)}&url=${encodeURIComponent(SYNC)}`;
    expect(unwrapSafeLink(twice)).toBe(twice);
  });
  it('never turns a wrapped javascript: target into a link', () => {
    expect(links(`Join: ${safeLink('javascript:alert(1)//https://video.example.org/webapp3/m/x')}`)).toEqual([]);
  });
});

describe('labels and values apart', () => {
  it('pairs table cells without colons, two pairs in one row too', () => {
    expect(codes(TABLE_HTML)).toEqual(['Host PIN=47110815', 'Guest PIN=80801212']);
    expect(links(TABLE_HTML)).toEqual([`pexip:${BOARD}`]);
    expect(codes('<table><tr><td>Host PIN</td><td>4711</td><td>Guest PIN</td><td>8080</td></tr></table>')).toEqual(['Host PIN=4711', 'Guest PIN=8080']);
  });
  it('pairs a label with the value on the next line (<br>)', () => {
    expect(codes(BR_SPLIT_HTML)).toEqual(['Conference ID=86429753', 'Passcode=55667788']);
    expect(codes('Meeting ID:\n\n855 1234 5678\n')).toEqual(['Meeting ID=85512345678']);
  });
  it('does not take prose for a value', () => {
    expect(codes('PIN\nJoin the meeting now\nPasscode protected meeting\nPIN 1234 is sent separately\nPasscode:\nask the organiser')).toEqual([]);
  });
});

describe('URLs hard-wrapped inside <...>', () => {
  it('joins the lines of the URL', () => {
    expect(WRAPPED_TEXT.split('\n').length).toBeGreaterThan(5);
    expect(links(WRAPPED_TEXT)).toEqual([`pexip:${BOARD}?role=guest`]);
    expect(codes(WRAPPED_TEXT)).toEqual(['Guest PIN=24681357']);
  });
  it('does not join prose to an unclosed "<https://"', () => {
    expect(links(`See <${BOARD}\nand bring your notes.\nLater > sooner`)).toEqual([`pexip:${BOARD}`]);
  });
});

describe('codes with characters PINs never have', () => {
  it('reads them whole instead of cutting them to a PIN-shaped prefix', () => {
    expect(codes(SYMBOL_CODES_TEXT)).toEqual(['Passcode=4821*99', 'Password=Tq*8$mZ2', 'Guest PIN=1357$']);
    expect(codes('PIN: 12 34*56')).toEqual([]);
  });
});

describe('other languages', () => {
  it('German, French, Spanish, Dutch and Italian labels', () => {
    expect(codes(GERMAN_TEXT)).toEqual(['Meeting ID=312456789012', 'Passcode=aB3xYz', 'Guest PIN=24681357', 'Host PIN=97531864']);
    expect(codes(FRENCH_TEXT)).toEqual(['Meeting ID=312456789012', 'Passcode=aB3xYz', 'Guest PIN=24681357']);
    expect(codes(SPANISH_TEXT)).toEqual(['Meeting ID=312456789012', 'Access code=24681357', 'Password=Xy7pQ2rs']);
    expect(codes(DUTCH_TEXT)).toEqual(['Meeting ID=312456789012', 'Passcode=aB3xYz', 'PIN=24681357']);
    expect(codes(ITALIAN_TEXT)).toEqual(['Meeting ID=312456789012', 'Passcode=aB3xYz', 'Access code=24681357']);
    expect(codes("Numéro de réunion (code d’accès) : 2634 123 4567\nMot de passe : Xy7pQ2rs")).toEqual(['Meeting number=26341234567', 'Password=Xy7pQ2rs']);
    expect(codes('Meeting-Kennnummer (Zugriffscode): 2634 123 4567\nKonferenz-ID: 864297')).toEqual(['Meeting number=26341234567', 'Conference ID=864297']);
    expect(codes('Vergadernummer: 2634 123 4567\nToegangscode: 5566 7788\nCodice PIN: 8080\nPIN de invitado: 1212')).toEqual([
      'Meeting number=26341234567', 'Access code=55667788', 'PIN=8080', 'Guest PIN=1212',
    ]);
  });
});

describe('the IVR sentence', () => {
  it('reads "conference ID ... followed by #" and "PIN ... followed by #"', () => {
    expect(codes(IVR_TEXT)).toEqual(['Conference ID=864297', 'PIN=24681357']);
    expect(codes('Bitte geben Sie die Konferenz-ID 864297 gefolgt von # ein.')).toEqual(['Conference ID=864297']);
    expect(codes('Entrez l’ID de conférence 864297 suivi de #.')).toEqual(['Conference ID=864297']);
  });
});

describe('anchors that run script', () => {
  it('never picks up the shown URL of a javascript:, data: or vbscript: anchor', () => {
    expect(links(SCRIPT_ANCHOR_HTML)).toEqual([]);
    for (const href of ['data:text/html,<script>alert(1)</script>', 'vbscript:msgbox(1)', ' JaVaScRiPt:alert(1)', 'jav&#x61;script:alert(1)']) {
      expect(links(`<p><a href="${href}">${BOARD}</a> PIN: 2468</p>`), href).toEqual([]);
    }
    // Unclosed, or closed by the next anchor: the text is still the script anchor's.
    expect(links(`<p><a href="javascript:x()">${BOARD}<p>PIN: 2468</p>`)).toEqual([]);
    expect(links(`<p><a href="javascript:x()">${BOARD}<a href="https://example.org/">help</a></p>`)).toEqual([]);
  });
  it('takes where an anchor goes (its href), not the URL it shows', () => {
    expect(links(`<p><a href="${SYNC}">${BOARD}</a></p>`)).toEqual([`pexip:${SYNC}`]);
    expect(links(`Join: ${BOARD}<javascript:alert(1)>`)).toEqual([]);
  });
  it('takes the href attribute itself, never href= inside another attribute or data-href (issue 24)', () => {
    for (const attrs of [`data-href="${BOARD}" href="${SYNC}"`, `title='href="${BOARD}"' href="${SYNC}"`, `title="href=${BOARD}" href=${SYNC}`, `HREF='${SYNC}' href="${BOARD}"`]) {
      expect(links(`<p><a ${attrs}>Join the meeting</a> PIN: 2468</p>`), attrs).toEqual([`pexip:${SYNC}`]);
    }
    // An anchor with data-href but no href leads nowhere: its shown text is all there is.
    expect(links(`<p><a data-href="${BOARD}">Join the meeting</a></p>`)).toEqual([]);
  });
});

describe('forwarded invites', () => {
  it('numbers the mails of a forwarded text', () => {
    const found = parseInvite(FORWARDED_TEXT).candidates.map((c) => `${c.part}:${c.kind}:${c.value}`);
    expect(found).toEqual([`0:link:${SYNC}`, '0:code:11112222', `1:link:${BOARD}`, '1:code:33334444', '1:code:55556666']);
  });
});
