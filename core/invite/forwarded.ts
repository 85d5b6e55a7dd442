/**
 * Where a forwarded or replied-to mail begins inside a pasted text: "-----Original Message-----",
 * "---------- Forwarded message ---------", "Begin forwarded message:", or a header block
 * ("From: ..." with "Sent:"/"Date:" within the next lines), in English, German, French, Spanish,
 * Dutch and Italian. Everything above the first such line is part 0, the next mail part 1, ...
 * so the codes of one meeting are never offered for another one forwarded below it.
 */

const SEPARATOR =
  /^[\s>]*-{2,}[ \u00a0]*(?:original message|forwarded message|urspr(?:ü|ue)ngliche nachricht|weitergeleitete nachricht|message d['\u2019]origine|message transf[ée]r[ée]|mensaje original|mensaje reenviado|oorspronkelijk bericht|doorgestuurd bericht|messaggio originale|messaggio inoltrato)[ \u00a0]*-{2,}/i;
const BEGIN_FORWARDED =
  /^[\s>]*(?:begin forwarded message|anfang der weitergeleiteten nachricht|d[ée]but du message (?:r[ée]exp[ée]di[ée]|transf[ée]r[ée])|inicio del mensaje reenviado|begin doorgestuurd bericht|inizio messaggio inoltrato)[ \u00a0]*:/i;
const FROM = /^[\s>*]*(?:from|von|de|van|da)[ \u00a0]?:/i;
const SENT = /^[\s>*]*(?:sent|date|gesendet|datum|envoy[ée]|enviado(?: el)?|fecha|verzonden|inviato|data)[ \u00a0]?:/i;
/** A header block spans a few lines: a separator and its From/Sent lines are one boundary. */
const HEADER_SPAN = 4;

/** Whether `lines[i]` starts a forwarded or quoted mail. Reads at most a few lines ahead. */
export function startsForwardedMail(lines: readonly string[], i: number): boolean {
  const line = (lines[i] ?? '').slice(0, 200);
  if (SEPARATOR.test(line) || BEGIN_FORWARDED.test(line)) return true;
  if (!FROM.test(line)) return false;
  for (let j = i + 1; j <= i + 3 && j < lines.length; j++) if (SENT.test((lines[j] ?? '').slice(0, 200))) return true;
  return false;
}

/** Numbers the parts of a text line by line: part[i] is the mail line i belongs to (0 = the top one). */
export function forwardedParts(lines: readonly string[]): Uint16Array {
  const parts = new Uint16Array(lines.length);
  let part = 0;
  let lastBoundary = Number.NEGATIVE_INFINITY;
  for (let i = 0; i < lines.length; i++) {
    if (startsForwardedMail(lines, i)) {
      if (i - lastBoundary > HEADER_SPAN && part < 0xffff) part++;
      lastBoundary = i;
    }
    parts[i] = part;
  }
  return parts;
}
