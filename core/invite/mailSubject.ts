/**
 * The subject line of each mail in a pasted text: "Subject: Quarterly review" in a forwarded
 * mail's header, or at the top where someone copied the whole message with its header. The
 * extension names a meeting saved from a pasted invite by it when the invite has no SecureJoin
 * block (whose own subject line wins). Forward and reply prefixes ("FW:", "WG:", "TR:", "RE:",
 * ...) are dropped: they describe the mail, not the meeting.
 */
import { singleLine } from './escape';
import { forwardedParts } from './forwarded';

/** "Subject" in the languages of the labels (labels.ts) and of mail clients' headers. */
const SUBJECT_WORD = '(?:subject|betreff|objet|asunto|onderwerp|oggetto|assunto|temat|[äa]mne|emne|aihe|t[ée]ma|p[řr]edm[ěe]t|件名|主题|主旨|제목)[ \\u00a0]?[:\\uff1a]';
const SUBJECT = new RegExp(`^[\\s>*]*${SUBJECT_WORD}[ \\u00a0]*(\\S.*)$`, 'i');
/** Any subject line at all in a text (one linear scan, so texts without one cost nothing more). */
const ANY_SUBJECT = new RegExp(`(?:^|\\n)(?:[^\\S\\n]|[>*])*${SUBJECT_WORD}`, 'i');
/** Forward/reply prefixes of mail clients in those languages. */
const PREFIX = /^(?:fwd?|fw|wg|tr|rv|re|aw|antw|sv|vs|vb|odp|pd|enc|r|i|転送|答复|回复|轉寄|회신|전달)[ \u00a0]*[:\uff1a][ \u00a0]*/i;
/** Only the first lines of a mail are its header. */
const HEADER_LINES = 12;

/** One mail's subject: which part of the text (as InviteCandidate.part) and the subject. */
export interface MailSubject {
  part: number;
  subject: string;
}

/** The subject written in a header line, without forward/reply prefixes; null when the line is no subject line. */
export function subjectOfLine(line: string): string | null {
  const m = SUBJECT.exec(line.slice(0, 400));
  if (!m) return null;
  let subject = (m[1] as string).trim();
  for (let i = 0; i < 5 && PREFIX.test(subject); i++) subject = subject.replace(PREFIX, '');
  const clean = singleLine(subject, 200);
  return clean === '' ? null : clean;
}

/** The first subject line within the header lines of each mail in `text` (part order). Never throws. */
export function mailSubjects(text: string): MailSubject[] {
  if (typeof text !== 'string' || !ANY_SUBJECT.test(text)) return [];
  const lines = text.replace(/\r/g, '').split('\n', 5000);
  const parts = forwardedParts(lines);
  const out: MailSubject[] = [];
  let partStart = 0;
  for (let i = 0; i < lines.length; i++) {
    const part = parts[i] as number;
    if (i > 0 && part !== parts[i - 1]) partStart = i;
    if (i - partStart >= HEADER_LINES || out.some((s) => s.part === part)) continue;
    const subject = subjectOfLine(lines[i] as string);
    if (subject !== null) out.push({ part, subject });
  }
  return out;
}
