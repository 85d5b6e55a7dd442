/**
 * Which input on a join page is the PIN field, and which button joins: decided from plain facts
 * the content script collects (type, input mode, autocomplete, the words of its labels), never
 * from one page's markup. Pure, so it is tested without a browser and runs in the content script.
 *
 * A field is a PIN field when something says so: a label, `aria-label`, `aria-labelledby`,
 * placeholder, title, name or id naming a PIN / passcode / access code / meeting code (English,
 * German, French, Spanish, Dutch, Italian), `autocomplete=one-time-code`, or a password field
 * that appeared with the PIN prompt (also after a show/hide toggle switched it to text; a bare
 * password field there from the start may be a sign-in form's). A word for a search box, an
 * e-mail address, a name or a user makes it NOT one, whatever else it says. Numeric input and
 * having appeared with the PIN prompt otherwise only break ties.
 */

/** What the content script reads of one input. */
export interface FieldFacts {
  /** `input.type`, lower case. */
  type: string;
  inputMode: string;
  autocomplete: string;
  /** The input's role attribute (`searchbox`, `combobox` rule it out). */
  role: string;
  /** Texts that name it: labels, aria-label, aria-labelledby targets, placeholder, title, name, id. */
  names: readonly string[];
  /** Was a password field when first seen (a show/hide toggle may have made it text). */
  wasPassword: boolean;
  /** Inserted or shown after the page first loaded (with the PIN prompt). */
  appeared: boolean;
}

/** What the content script reads of one button near the field. */
export interface ButtonFacts {
  /** Its visible text, `value`, aria-label and title. */
  label: string;
  /** A submit button of the field's own form. */
  submitOfForm: boolean;
  /** How many ancestors up from the field the nearest common container is (0: same form or dialog). */
  distance: number;
}

// Words are compared after lower-casing, removing accents and splitting camelCase and punctuation.
const PIN_WORDS = new Set([
  'pin', 'pins', 'passcode', 'pincode', 'passcodes', // en, nl
  'zugangscode', 'kenncode', 'zugriffscode', 'besprechungscode', 'meetingcode', 'konferenzcode', // de
  'toegangscode', 'vergadercode', // nl
]);
const PIN_PHRASES = [
  'access code', 'meeting code', 'conference code', 'room code', 'pass code', 'meeting password', 'meeting passcode',
  'code d acces', 'code secret', 'code de reunion', 'code de la reunion', 'code de conference', // fr
  'codigo de acceso', 'codigo de la reunion', 'codigo de reunion', 'clave de acceso', // es
  'codice di accesso', 'codice riunione', 'codice della riunione', 'codice d accesso', // it
];
const NOT_PIN_WORDS = new Set([
  'search', 'suche', 'suchen', 'recherche', 'rechercher', 'buscar', 'busqueda', 'zoeken', 'cerca', 'ricerca',
  'email', 'mail', 'name', 'names', 'nickname', 'username', 'displayname', 'anzeigename', 'nom', 'nombre', 'naam', 'nome',
  'benutzername', 'gebruikersnaam', 'chat', 'message',
]);
const NOT_PIN_AUTOCOMPLETE = /\b(username|email|name|given-name|family-name|nickname|tel|url|street|postal|country|organization)/;
const FIELD_TYPES = new Set(['password', 'text', 'tel', 'number', '']);

const JOIN_WORDS = new Set([
  'join', 'enter', 'continue', 'submit', 'ok', 'connect', 'go', 'next', 'start',
  'beitreten', 'teilnehmen', 'weiter', 'fortfahren', 'verbinden', // de
  'rejoindre', 'participer', 'continuer', 'entrer', 'valider', 'connecter', // fr
  'unirse', 'unirme', 'entrar', 'continuar', 'conectar', 'participar', // es
  'deelnemen', 'doorgaan', 'verder', 'verbinden', 'binnengaan', // nl
  'partecipa', 'partecipare', 'entra', 'accedi', 'continua', 'unisciti', // it
]);
const NOT_JOIN_WORDS = new Set([
  'cancel', 'back', 'close', 'leave', 'show', 'hide', 'reveal', 'toggle', 'search', 'clear', 'reset', 'help', 'settings', 'mute',
  'abbrechen', 'zuruck', 'schliessen', 'anzeigen', 'verbergen', 'annuler', 'retour', 'fermer', 'afficher', 'masquer',
  'cancelar', 'volver', 'cerrar', 'mostrar', 'ocultar', 'annuleren', 'terug', 'sluiten', 'tonen', 'verbergen', 'annulla', 'indietro', 'chiudi', 'mostra', 'nascondi',
]);

/** `"Código de la reunión"` -> `"codigo de la reunion"`; `"displayName"` -> `"display name"`. */
export function wordsOf(text: string): string {
  return text
    .replace(/([a-z])([A-Z])/g, '$1 $2')
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

const hasWord = (words: string, set: ReadonlySet<string>): boolean => words.split(' ').some((w) => set.has(w));
const hasPhrase = (words: string, phrases: readonly string[]): boolean => phrases.some((p) => ` ${words} `.includes(` ${p} `));

/**
 * Whether `f` is certainly something else (a search box, an e-mail, name or user field, a
 * checkbox...): never given a PIN, not even when the user asks for a fill there (a display name
 * is shown to everyone in the meeting).
 */
export function isOtherField(f: FieldFacts): boolean {
  if (!FIELD_TYPES.has(f.type) && !(f.wasPassword && f.type === 'text')) return true;
  if (f.role === 'searchbox' || f.role === 'combobox' || NOT_PIN_AUTOCOMPLETE.test(f.autocomplete)) return true;
  // A search box or a name field stays one, even with "PIN" somewhere in its text.
  return hasWord(f.names.map(wordsOf).join(' '), NOT_PIN_WORDS);
}

/** How sure we are that `f` is the PIN field: 0 = not a PIN field; higher wins. */
export function pinFieldScore(f: FieldFacts): number {
  if (isOtherField(f)) return 0;
  const words = f.names.map(wordsOf).join(' ');
  let strong = 0;
  if (hasWord(words, PIN_WORDS) || hasPhrase(words, PIN_PHRASES)) strong += 4;
  if (/\bone-time-code\b/.test(f.autocomplete)) strong += 4;
  // A password field that nothing names counts only when it came with the PIN prompt: one there
  // from the start may be a sign-in form's.
  if ((f.type === 'password' || f.wasPassword) && (strong > 0 || f.appeared)) strong += 2;
  if (strong === 0) return 0;
  const numeric = f.inputMode === 'numeric' || f.inputMode === 'decimal' || f.type === 'tel' || f.type === 'number';
  return strong + (numeric ? 1 : 0) + (f.appeared ? 1 : 0);
}

/** The index of the PIN field among `fields`, or -1 when none is one. The first of equals wins (document order). */
export function choosePinField(fields: readonly FieldFacts[]): number {
  let best = -1;
  let bestScore = 0;
  fields.forEach((f, i) => {
    const s = pinFieldScore(f);
    if (s > bestScore) {
      best = i;
      bestScore = s;
    }
  });
  return best;
}

/**
 * The index of the button that joins, among the buttons near the PIN field, or -1 when none is a
 * confident match (then nothing is pressed). A button whose label says join/enter/continue (in
 * the six languages) wins, the nearest first; a form's only submit button counts too, unless its
 * label says cancel, show, hide and the like. Two equally good candidates: no press.
 */
export function chooseJoinButton(buttons: readonly ButtonFacts[]): number {
  const scored = buttons.map((b, i) => {
    const words = wordsOf(b.label);
    if (hasWord(words, NOT_JOIN_WORDS)) return { i, score: 0 };
    const named = hasWord(words, JOIN_WORDS);
    const loneSubmit = b.submitOfForm && buttons.filter((x) => x.submitOfForm).length === 1;
    if (!named && !loneSubmit) return { i, score: 0 };
    return { i, score: 100 - b.distance * 2 + (named ? 1 : 0) + (b.submitOfForm ? 1 : 0) };
  });
  const top = Math.max(0, ...scored.map((s) => s.score));
  const best = scored.filter((s) => s.score === top && top > 0);
  return best.length === 1 ? best[0]!.i : -1;
}
