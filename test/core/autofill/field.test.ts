/**
 * Which input is the PIN field and which button joins, decided from plain facts: labels in six
 * languages, input types and modes, a show/hide toggle, decoys that must never get a PIN.
 */
import { describe, expect, it } from 'vitest';
import { chooseJoinButton, choosePinField, isOtherField, pinFieldScore, wordsOf } from '../../../core/autofill/field';
import type { ButtonFacts, FieldFacts } from '../../../core/autofill/field';

const field = (over: Partial<FieldFacts> = {}): FieldFacts => ({ type: 'text', inputMode: '', autocomplete: '', role: '', names: [], wasPassword: false, appeared: false, ...over });

describe('wordsOf', () => {
  it('folds case, accents, camelCase and punctuation into words', () => {
    expect(wordsOf('Código de la reunión')).toBe('codigo de la reunion');
    expect(wordsOf('displayName')).toBe('display name');
    expect(wordsOf("Code d'accès")).toBe('code d acces');
    expect(wordsOf(':r3:')).toBe('r3');
  });
});

describe('pinFieldScore', () => {
  it.each([
    ['PIN'],
    ['Enter the host PIN'],
    ['Passcode'],
    ['Meeting code'],
    ['Access code'],
    ['Konferenz-PIN'],
    ['Zugangscode'],
    ['Kenncode der Besprechung'],
    ['Code PIN'],
    ["Code d'accès"],
    ['Code de la réunion'],
    ['Código de acceso'],
    ['Código de la reunión'],
    ['Pincode'],
    ['Toegangscode'],
    ['Codice di accesso'],
    ['Codice riunione'],
  ])('a text field labelled %j is a PIN field', (label) => {
    expect(pinFieldScore(field({ names: [label] }))).toBeGreaterThan(0);
  });

  it('reads one-time-code autocomplete, and an unlabelled password field that came with the PIN prompt', () => {
    expect(pinFieldScore(field({ autocomplete: 'one-time-code' }))).toBeGreaterThan(0);
    expect(pinFieldScore(field({ type: 'password', appeared: true }))).toBeGreaterThan(0);
  });

  it('does not take an unlabelled password field that was there from the start (a sign-in form)', () => {
    expect(pinFieldScore(field({ type: 'password' }))).toBe(0);
    expect(pinFieldScore(field({ type: 'password', names: ['PIN'] }))).toBeGreaterThan(0);
  });

  it('keeps a password field that a show/hide toggle switched to text', () => {
    expect(pinFieldScore(field({ type: 'text', wasPassword: true, appeared: true }))).toBe(pinFieldScore(field({ type: 'password', appeared: true })));
  });

  it.each([
    ['a numeric text field with no words', field({ inputMode: 'numeric' })],
    ['a search box named "PIN search"', field({ type: 'search', names: ['PIN'] })],
    ['a text field labelled "Search"', field({ names: ['Search meetings'] })],
    ['a searchbox role', field({ role: 'searchbox', names: ['Meeting code'] })],
    ['a display-name field', field({ names: ['Display name'], appeared: true })],
    ['a name field whose id says pin', field({ names: ['Your name', 'pin-owner'] })],
    ['an e-mail field', field({ type: 'email', names: ['PIN'] })],
    ['an e-mail label', field({ names: ['E-mail'] })],
    ['autocomplete=username', field({ type: 'password', autocomplete: 'username' })],
    ['a checkbox', field({ type: 'checkbox', names: ['Remember PIN'] })],
    ['a word containing pin', field({ names: ['Spinner', 'pinned'] })],
    ['"code" alone (country code, promo code)', field({ names: ['Code'] })],
  ])('%s is not a PIN field', (_what, f) => {
    expect(pinFieldScore(f)).toBe(0);
  });
});

describe('choosePinField', () => {
  it('picks the labelled PIN field over a display-name field and a search box before it', () => {
    const fields = [field({ type: 'search', names: ['Search'] }), field({ names: ['Display name'] }), field({ inputMode: 'numeric', names: ['PIN'] })];
    expect(choosePinField(fields)).toBe(2);
  });

  it('prefers the field that appeared with the PIN prompt over one that was there from the start', () => {
    expect(choosePinField([field({ type: 'password', names: ['PIN'] }), field({ type: 'password', names: ['PIN'], appeared: true })])).toBe(1);
    expect(choosePinField([field({ type: 'password' }), field({ type: 'password', appeared: true })])).toBe(1);
  });

  it('prefers a field that says PIN over a bare password field', () => {
    expect(choosePinField([field({ type: 'password', appeared: true }), field({ names: ['Passcode'] })])).toBe(1);
  });

  it('answers -1 when nothing is a PIN field', () => {
    expect(choosePinField([field({ names: ['Display name'] }), field({ type: 'search' })])).toBe(-1);
    expect(choosePinField([])).toBe(-1);
  });
});

describe('chooseJoinButton', () => {
  const button = (over: Partial<ButtonFacts> = {}): ButtonFacts => ({ label: '', submitOfForm: false, distance: 0, ...over });

  it('picks the button labelled Join in any of the six languages', () => {
    for (const label of ['Join', 'Join meeting', 'Beitreten', 'Rejoindre', 'Unirse', 'Deelnemen', 'Partecipa', 'Weiter']) {
      expect(chooseJoinButton([button({ label: 'Show PIN' }), button({ label })]), label).toBe(1);
    }
  });

  it('prefers the nearest Join over an unrelated submit button elsewhere on the page', () => {
    expect(chooseJoinButton([button({ label: 'Submit', distance: 5 }), button({ label: 'Join', distance: 1 })])).toBe(1);
  });

  it("takes a form's only submit button even with an unknown label (an icon)", () => {
    expect(chooseJoinButton([button({ label: '\u2192', submitOfForm: true })])).toBe(0);
  });

  it('never presses cancel, show/hide or search, nor guesses between equals or unknown labels', () => {
    expect(chooseJoinButton([button({ label: 'Cancel', submitOfForm: true })])).toBe(-1);
    expect(chooseJoinButton([button({ label: 'Show password' }), button({ label: 'Search' })])).toBe(-1);
    expect(chooseJoinButton([button({ label: 'Join' }), button({ label: 'Join' })])).toBe(-1);
    expect(chooseJoinButton([button({ label: 'Go' , distance: 3}), button({ label: 'Go', distance: 3 })])).toBe(-1);
    expect(chooseJoinButton([button({ label: '\u2192' })])).toBe(-1);
    expect(chooseJoinButton([button({ label: 'A', submitOfForm: true }), button({ label: 'B', submitOfForm: true })])).toBe(-1);
  });
});

describe('isOtherField', () => {
  it('marks search, name, e-mail and non-text fields, not an unlabelled text field', () => {
    expect(isOtherField(field({ type: 'search' }))).toBe(true);
    expect(isOtherField(field({ names: ['Your name'] }))).toBe(true);
    expect(isOtherField(field({ type: 'email' }))).toBe(true);
    expect(isOtherField(field({ type: 'checkbox' }))).toBe(true);
    expect(isOtherField(field({ names: ['entry-7'] }))).toBe(false);
    expect(isOtherField(field({ type: 'text', wasPassword: true }))).toBe(false);
  });
});

describe('names in other languages', () => {
  it.each(['Anzeigename', "Nom d'utilisateur", 'Nombre de usuario', 'Gebruikersnaam', 'Nome utente', 'Benutzername'])('%j is a name field, never the PIN field', (label) => {
    expect(isOtherField(field({ names: [label] }))).toBe(true);
  });

  it('keeps PIN fields whose id says user or login', () => {
    expect(pinFieldScore(field({ names: ['PIN', 'login-pin'] }))).toBeGreaterThan(0);
    expect(pinFieldScore(field({ names: ['User PIN'] }))).toBeGreaterThan(0);
  });
});
