/**
 * The labels invites put before a code, in English, German, French, Spanish, Dutch and Italian
 * (here) and Portuguese, Polish, Swedish, Danish, Norwegian, Finnish, Japanese, Chinese and
 * Korean (./labelsMoreLanguages), each mapped to one canonical English label ("Kenncode" and "Code secret" are both "Passcode").
 * The canonical labels are what callers act on (core/vault/invite takes "PIN", "Guest PIN",
 * "Access code", ... as possible room PINs), so a translation must never invent a new one.
 */

import { MORE_LANGUAGE_LABELS } from './labelsMoreLanguages';
import type { LabelEntry } from './labelsMoreLanguages';

const APOS = "['\u2019]";
const SP = '[ \\u00a0-]?'; // "Meeting ID", "Meeting-ID", "MeetingID"

const ENGLISH: readonly LabelEntry[] = [
  ['phone conference id', 'Phone conference ID'],
  ['meeting number', 'Meeting number'],
  ['meeting passcode', 'Passcode'],
  ['meeting password', 'Password'],
  ['numeric password', 'Password'],
  ['attendee access code', 'Access code'],
  ['participant code', 'Access code'],
  [`conference${SP}id`, 'Conference ID'],
  [`meeting${SP}id`, 'Meeting ID'],
  ['access code', 'Access code'],
  ['passcode', 'Passcode'],
  ['password', 'Password'],
  ['host key', 'Host key'],
  [`host${SP}pin`, 'Host PIN'],
  [`guest${SP}pin`, 'Guest PIN'],
  ['pin code', 'PIN'],
  ['pin', 'PIN'],
];

const GERMAN: readonly LabelEntry[] = [
  ['telefonkonferenz-id', 'Phone conference ID'],
  ['meeting-kennnummer', 'Meeting number'],
  ['besprechungsnummer', 'Meeting number'],
  ['besprechungs-id', 'Meeting ID'],
  ['konferenz-id', 'Conference ID'],
  ['konferenzkennung', 'Conference ID'],
  ['meeting-passwort', 'Password'],
  ['besprechungskennwort', 'Password'],
  ['kennwort', 'Password'],
  ['passwort', 'Password'],
  ['kenncode', 'Passcode'],
  ['zugangscode', 'Access code'],
  ['zugriffscode', 'Access code'],
  ['einwahlcode', 'Access code'],
  ['gast-pin', 'Guest PIN'],
  ['teilnehmer-pin', 'Guest PIN'],
  ['moderatoren-pin', 'Host PIN'],
  ['moderator-pin', 'Host PIN'],
  ['pin-code', 'PIN'],
];

const FRENCH: readonly LabelEntry[] = [
  ['id de conf[ée]rence t[ée]l[ée]phonique', 'Phone conference ID'],
  ['num[ée]ro de (?:la )?r[ée]union', 'Meeting number'],
  ['id de (?:la )?r[ée]union', 'Meeting ID'],
  ['identifiant de (?:la )?r[ée]union', 'Meeting ID'],
  ['id de (?:la )?conf[ée]rence', 'Conference ID'],
  ['identifiant de (?:la )?conf[ée]rence', 'Conference ID'],
  // Teams' French passcode, and Pexip's French PIN: a code the vault offers as a room PIN either way.
  [`code secret (?:de l${APOS}|d${APOS}|du |de )?(?:invit[ée]|participant)`, 'Guest PIN'],
  [`code secret (?:de l${APOS}|d${APOS}|du |de )?(?:h[ôo]te|organisateur)`, 'Host PIN'],
  ['code secret', 'Passcode'],
  [`code pin (?:d${APOS}|de l${APOS})?invit[ée]`, 'Guest PIN'],
  [`code pin (?:de l${APOS}|d${APOS})?(?:h[ôo]te|organisateur)`, 'Host PIN'],
  ['code pin', 'PIN'],
  ['mot de passe', 'Password'],
  [`code d${APOS}acc[èe]s`, 'Access code'],
  [`pin (?:d${APOS})?invit[ée]`, 'Guest PIN'],
  [`pin (?:de l${APOS}|d${APOS})?h[ôo]te`, 'Host PIN'],
  ['pin (?:de l[\'\u2019]|d[\'\u2019])?organisateur', 'Host PIN'],
  ['code confidentiel', 'PIN'],
];

const SPANISH: readonly LabelEntry[] = [
  ['id\\.? de conferencia telef[óo]nica', 'Phone conference ID'],
  ['n[úu]mero de (?:la )?reuni[óo]n', 'Meeting number'],
  ['id\\.? de (?:la )?reuni[óo]n', 'Meeting ID'],
  ['id\\.? de (?:la )?conferencia', 'Conference ID'],
  ['c[óo]digo de acceso', 'Access code'],
  ['contrase[ñn]a', 'Password'],
  ['c[óo]digo pin', 'PIN'],
  ['pin de(?:l)? invitado', 'Guest PIN'],
  ['pin de(?:l)? anfitri[óo]n', 'Host PIN'],
];

const DUTCH: readonly LabelEntry[] = [
  ['telefonische vergader-id', 'Phone conference ID'],
  ['vergadernummer', 'Meeting number'],
  ['vergader-id', 'Meeting ID'],
  ['vergadering-id', 'Meeting ID'],
  ['conferentie-id', 'Conference ID'],
  ['wachtwoordcode', 'Passcode'],
  ['wachtwoord', 'Password'],
  ['toegangscode', 'Access code'],
  ['pincode', 'PIN'],
  ['vergaderwachtwoord', 'Password'],
  [`gast${SP}pin(?:code)?`, 'Guest PIN'],
  [`(?:host|organisator)${SP}pin(?:code)?`, 'Host PIN'],
];

const ITALIAN: readonly LabelEntry[] = [
  ['id (?:della )?conferenza telefonica', 'Phone conference ID'],
  ['numero (?:della )?riunione', 'Meeting number'],
  ['id (?:della )?riunione', 'Meeting ID'],
  ['id (?:della )?conferenza', 'Conference ID'],
  [`codice d(?:i |${APOS})accesso`, 'Access code'],
  ['codice pin', 'PIN'],
  ['password (?:della )?riunione', 'Password'],
  [`pin (?:dell${APOS})?ospite`, 'Guest PIN'],
  ['pin (?:dell[\'\u2019])?organizzatore', 'Host PIN'],
];

/** Every label, longest pattern first so "Phone conference ID" wins over "Conference ID". */
export const CODE_LABELS: readonly LabelEntry[] = [...ENGLISH, ...GERMAN, ...FRENCH, ...SPANISH, ...DUTCH, ...ITALIAN, ...MORE_LANGUAGE_LABELS].sort(
  (a, b) => b[0].length - a[0].length,
);

const ANCHORED = CODE_LABELS.map(([source, label]) => [new RegExp(`^(?:${source})$`, 'i'), label] as const);

/** The canonical label of a matched label text ("Kenncode" -> "Passcode"); "Code" if unknown. */
export function canonicalLabel(matched: string): string {
  return ANCHORED.find(([re]) => re.test(matched))?.[1] ?? 'Code';
}

/** One alternation of every label (a regex source), for building the scanner. */
export const LABEL_SOURCE = CODE_LABELS.map(([source]) => `(?:${source})`).join('|');

/** Labels whose values may be words (no digit): passwords are often letters only. */
export const WORD_VALUE_LABELS: ReadonlySet<string> = new Set(['Passcode', 'Password', 'Host key']);
