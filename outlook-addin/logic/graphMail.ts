/**
 * Microsoft Graph `POST /me/sendMail` as the add-in uses it, pure: the request body for one
 * personal message, and what an answer means. Documented behaviour (learn.microsoft.com,
 * user-sendmail and throttling): delegated permission `Mail.Send`; body
 * `{ message: { subject, body: { contentType, content }, toRecipients: [{ emailAddress: { address, name } }] }, saveToSentItems }`;
 * `202 Accepted` with no body (accepted, delivery follows); `429 Too Many Requests` with a
 * `Retry-After` in seconds; errors as `{ error: { code, message } }`.
 */
import { singleLine } from '../../core/invite/escape';
import type { PersonalMessage } from './types';

/** Microsoft Graph's root for the add-in's calls. */
export const GRAPH_ROOT = 'https://graph.microsoft.com/v1.0';

/** The least privileged delegated permission for sending mail as the organizer. */
export const MAIL_SEND_SCOPE = 'Mail.Send';

/** The longest wait a 429 may ask for that the pane waits out itself before retrying once (seconds). */
export const MAX_AUTO_RETRY_SECONDS = 10;

/** `<root>/me/sendMail`. */
export const sendMailUrl = (root: string): string => `${root.replace(/\/+$/, '')}/me/sendMail`;

/**
 * The JSON body for one personal message: plain text (the message is text; names and subjects
 * may hold markup, which Text never renders), to the invitee alone, kept in Sent Items so the
 * organizer sees what went out.
 */
export function sendMailBody(message: PersonalMessage): string {
  return JSON.stringify({
    message: {
      subject: singleLine(message.subject, 255),
      body: { contentType: 'Text', content: message.text },
      toRecipients: [{ emailAddress: { address: message.email, name: singleLine(message.name, 200) || message.email } }],
    },
    saveToSentItems: true,
  });
}

/** What one sendMail answer means for that invitee. */
export type SendMailOutcome =
  | { state: 'delivered' }
  /** Throttled: try again after `retryAfterSeconds`. */
  | { state: 'throttled'; retryAfterSeconds: number; message: string }
  /** `refused`: the mailbox or tenant does not let SecureJoin send (no Mail.Send consent, policy): open the message instead. */
  | { state: 'failed'; message: string; refused: boolean };

/** Seconds from a Retry-After header (delta-seconds; an HTTP date is not used by Graph), default 5, at most an hour. */
export function retryAfterSeconds(header: string | null): number {
  const n = header !== null && /^\s*\d{1,6}\s*$/.test(header) ? Number(header) : 5;
  return Math.min(Math.max(n, 1), 3600);
}

/** Graph's `error.message`, short and on one line, or ''. */
function graphError(text: string): string {
  try {
    const message = (JSON.parse(text) as { error?: { message?: unknown } })?.error?.message;
    return typeof message === 'string' ? singleLine(message, 200) : '';
  } catch {
    return '';
  }
}

/** Reads a sendMail answer (status 0: the request did not reach Graph; `text` then says why). Never throws. */
export function sendMailOutcome(status: number, retryAfter: string | null, text: string): SendMailOutcome {
  if (status === 202) return { state: 'delivered' };
  const detail = graphError(text);
  const why = detail ? `: ${detail}` : '';
  if (status === 429) {
    const seconds = retryAfterSeconds(retryAfter);
    return { state: 'throttled', retryAfterSeconds: seconds, message: `Microsoft 365 asked SecureJoin to slow down; try again in ${seconds} s.` };
  }
  if (status === 401 || status === 403) return { state: 'failed', refused: true, message: `Microsoft 365 did not let SecureJoin send mail as you (${status}${why}).` };
  if (status === 0) return { state: 'failed', refused: false, message: `SecureJoin could not reach Microsoft 365 (${singleLine(text, 120)}).` };
  if (status === 400) return { state: 'failed', refused: false, message: `Microsoft 365 refused the message (400${why}).` };
  return { state: 'failed', refused: false, message: `Microsoft 365 answered ${status}${why}; try again.` };
}
