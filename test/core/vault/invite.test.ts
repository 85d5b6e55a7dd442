/** Drafts from pasted invites: the first meeting of a forwarded text wins, its codes never mixed with another's. */
import { describe, expect, it } from 'vitest';
import { parseInvite } from '../../../core/invite/parse';
import { renderInviteBlock } from '../../../core/invite/render';
import { fromParsedInvite } from '../../../core/vault/invite';
import {
  BOARD, FORWARDED_TEXT, FORWARDED_TWICE_TEXT, GERMAN_TEXT, IVR_TEXT, SAFE_LINKS_TEXT, SCRIPT_ANCHOR_HTML, SYMBOL_CODES_TEXT, SYNC, TABLE_HTML, WRAPPED_TEXT,
} from '../invite/fixtures';

const drafts = (body: string) => fromParsedInvite(parseInvite(body)).map((d) => ({ url: d.url, role: d.role, pin: d.pin, pinOptions: d.pinOptions }));

describe('drafts from pasted invites', () => {
  it('a Safe Links invite, also hard-wrapped, gives the room and its PIN', () => {
    const expected = [{ url: `${BOARD}?role=guest`, role: 'guest', pin: '24681357', pinOptions: ['24681357'] }];
    expect(drafts(SAFE_LINKS_TEXT)).toEqual(expected);
    expect(drafts(WRAPPED_TEXT)).toEqual(expected);
  });
  it('table cells, German labels and the IVR sentence give the PINs', () => {
    expect(drafts(TABLE_HTML)).toEqual([{ url: BOARD, role: 'guest', pin: '80801212', pinOptions: ['47110815', '80801212'] }]);
    expect(drafts(GERMAN_TEXT)).toEqual([{ url: BOARD, role: 'guest', pin: '24681357', pinOptions: ['24681357', '97531864'] }]);
    // The conference ID is dialled before the PIN: offered, but after it and never picked over it.
    expect(drafts(IVR_TEXT)).toEqual([{ url: BOARD, role: 'guest', pin: '24681357', pinOptions: ['24681357', '864297'] }]);
  });
  it('never offers a code cut short at "*" or "$" as a PIN', () => {
    expect(drafts(SYMBOL_CODES_TEXT)).toEqual([{ url: BOARD, role: 'guest', pin: '', pinOptions: [] }]);
  });
  it('a script anchor showing a join URL gives no meeting', () => {
    expect(drafts(SCRIPT_ANCHOR_HTML)).toEqual([]);
  });
  it('an express join link is the room itself', () => {
    expect(drafts(`Join: ${BOARD}/express?role=guest&name=Ana\nGuest PIN: 2468 1357`)).toEqual([
      { url: `${BOARD}/express?role=guest&name=Ana`, role: 'guest', pin: '24681357', pinOptions: ['24681357'] },
    ]);
    expect(fromParsedInvite(parseInvite(`Join: ${BOARD}/express`))[0]?.alias).toBe('board.review');
  });
});

describe('forwarded invites: the first meeting wins', () => {
  it('the forwarder\'s own meeting on top wins; the forwarded one\'s PINs are not offered', () => {
    expect(drafts(FORWARDED_TEXT)).toEqual([{ url: SYNC, role: 'guest', pin: '11112222', pinOptions: ['11112222'] }]);
  });
  it('a note without a meeting: the newest forwarded invite wins over the original below it', () => {
    expect(drafts(FORWARDED_TWICE_TEXT)).toEqual([{ url: BOARD, role: 'guest', pin: '77778888', pinOptions: ['77778888'] }]);
  });
  it('our block in the forwarded mail wins, without codes of the note above it', () => {
    const block = renderInviteBlock({ joinUrl: SYNC, accessCode: '48291736', meeting: { start: Date.UTC(2030, 0, 14, 9), end: Date.UTC(2030, 0, 14, 10) }, timeZone: 'UTC', subject: 'Sync' }).text;
    const text = `Call me first, PIN: 1111 2222\n\n-----Original Message-----\nFrom: A <a@example.org>\nSent: Monday\n\n${block}\nPIN: 3333 4444\n`;
    expect(drafts(text)).toEqual([{ url: SYNC, role: 'guest', pin: '48291736', pinOptions: ['48291736', '33334444'] }]);
  });
  it('two rooms in one mail: each keeps the codes written after its own link', () => {
    const text = `Plenary: ${BOARD}\nGuest PIN: 1212 3434\n\nBreakout: ${SYNC}\nGuest PIN: 5656 7878\n`;
    expect(drafts(text)).toEqual([
      { url: BOARD, role: 'guest', pin: '12123434', pinOptions: ['12123434'] },
      { url: SYNC, role: 'guest', pin: '56567878', pinOptions: ['56567878'] },
    ]);
  });
});
