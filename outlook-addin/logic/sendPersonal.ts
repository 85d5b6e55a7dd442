/**
 * "Send personal messages": one message per invitee from the organizer's mailbox through
 * Microsoft Graph (./graphMail.ts), each delivery recorded in sessionData as soon as Graph
 * accepts it (./delivery.ts), so a pane closed halfway keeps what went out. A throttled message
 * is retried once after the wait Graph asks for when that is short; everything else is reported
 * per invitee, for the pane to show with a retry. The HTTP and the token are the caller's (thin
 * adapters: fetch, MSAL or the playground's issuer).
 */
import { MAX_AUTO_RETRY_SECONDS, sendMailBody, sendMailOutcome, sendMailUrl } from './graphMail';
import type { SendMailOutcome } from './graphMail';
import { readDeliveries, saveDeliveries, undelivered, withDelivery } from './delivery';
import type { ItemPort } from './port';
import type { ProvisionFetch } from './serviceCalls';
import { tokenOrProblem } from './tokens';
import type { TokenSource } from './tokens';
import type { MeetingSecurity, PersonalMessage } from './types';

/** What the flow needs from outside. */
export interface MailDeps {
  fetch: ProvisionFetch;
  /** Tokens for Graph's Mail.Send; null where this Outlook cannot have one (then: open the messages instead). */
  tokens: TokenSource | null;
  /** Graph's root (./graphMail.ts GRAPH_ROOT; the development stand-in's in the playground). */
  root: string;
  now(): number;
  /** Waits `ms` (a throttled retry); default a timer. */
  wait?(ms: number): Promise<void>;
}

/** One invitee's outcome: delivered, or why not. */
export type InviteeDelivery = { email: string } & SendMailOutcome;

/** The whole run: per invitee, or no token at all (`noToken`: the reason; nothing was sent). */
export type SendRun = { state: 'sent'; results: InviteeDelivery[] } | { state: 'no-token'; message: string };

/** Sends one message, retrying once after a short Retry-After. */
async function sendOne(deps: MailDeps, token: string, message: PersonalMessage): Promise<SendMailOutcome> {
  const wait = deps.wait ?? ((ms: number) => new Promise<void>((ok) => setTimeout(ok, ms)));
  let outcome: SendMailOutcome = { state: 'failed', refused: false, message: 'not sent' };
  for (let attempt = 0; attempt < 2; attempt++) {
    let status = 0;
    let retryAfter: string | null = null;
    let text = '';
    try {
      const res = await deps.fetch(sendMailUrl(deps.root), { method: 'POST', headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' }, body: sendMailBody(message) });
      status = res.status;
      retryAfter = res.headers.get('retry-after');
      text = await res.text();
    } catch (error) {
      text = error instanceof Error ? error.message : String(error);
    }
    outcome = sendMailOutcome(status, retryAfter, text);
    if (outcome.state !== 'throttled' || attempt > 0 || outcome.retryAfterSeconds > MAX_AUTO_RETRY_SECONDS) return outcome;
    await wait(outcome.retryAfterSeconds * 1000);
  }
  return outcome;
}

/**
 * Sends the messages of `only` (emails; default every invitee's) one after another, recording
 * each accepted one against the invitee's codes in `security`. Never throws.
 */
export async function sendPersonalMessages(port: ItemPort, deps: MailDeps, security: MeetingSecurity, messages: PersonalMessage[], only?: readonly string[]): Promise<SendRun> {
  const token = await tokenOrProblem(deps.tokens, { interactive: true });
  if (!token.ok) return { state: 'no-token', message: token.message };
  const results: InviteeDelivery[] = [];
  for (const message of messages.filter((m) => !only || only.includes(m.email))) {
    const invitee = security.roster?.invitees.find((i) => i.email === message.email);
    if (!invitee) continue;
    const outcome = await sendOne(deps, token.token, message);
    results.push({ email: message.email, ...outcome });
    // Recorded at once (read afresh: the send check or another run may have written meanwhile).
    if (outcome.state === 'delivered') await saveDeliveries(port, withDelivery(await readDeliveries(port), invitee, deps.now()));
    // A refusal (no consent, tenant policy) is the same for every invitee: stop, the pane offers the fallback.
    if (outcome.state === 'failed' && outcome.refused) break;
  }
  return { state: 'sent', results };
}

/** Without Graph: opens each message prefilled (Outlook's new-message form) for the organizer to send; the words to show. */
async function openInstead(port: ItemPort, messages: PersonalMessage[], why: string): Promise<string> {
  if (!port.openMessage) return `${why} Send each invitee their message from "Personal messages" below.`;
  for (const m of messages) await port.openMessage({ email: m.email, name: m.name }, m.subject, m.text);
  return `${why} SecureJoin opened ${messages.length} prefilled message${messages.length === 1 ? '' : 's'} instead: send each one.`;
}

/**
 * The pane's "Send personal messages": every invitee without a message for their current codes
 * (or only `emails`) gets theirs through Graph (`deps` null: this Outlook has no Graph); where
 * Graph cannot be used (no token, a refusal) the rest are opened prefilled instead. The outcome
 * per invitee, and one sentence for the pane. Never throws.
 */
export async function deliverPersonalMessages(port: ItemPort, deps: MailDeps | null, security: MeetingSecurity, messages: PersonalMessage[], emails?: readonly string[]): Promise<{ results: InviteeDelivery[]; text: string }> {
  const wanted = emails ?? undelivered(security, await readDeliveries(port)).map((i) => i.email);
  if (!wanted.length) return { results: [], text: 'Every invitee already has their personal message.' };
  const mine = messages.filter((m) => wanted.includes(m.email));
  const run: SendRun = deps ? await sendPersonalMessages(port, deps, security, mine) : { state: 'no-token', message: 'This Outlook cannot send mail for SecureJoin.' };
  if (run.state === 'no-token') return { results: [], text: await openInstead(port, mine, run.message) };
  const refused = run.results.find((r) => r.state === 'failed' && r.refused);
  if (refused?.state === 'failed') {
    const delivered = new Set(run.results.filter((r) => r.state === 'delivered').map((r) => r.email));
    return { results: run.results, text: await openInstead(port, mine.filter((m) => !delivered.has(m.email)), refused.message) };
  }
  const sent = run.results.filter((r) => r.state === 'delivered').length;
  const failed = run.results.length - sent;
  return { results: run.results, text: failed ? `${sent} of ${run.results.length} personal messages sent; ${failed} failed (see the list).` : `${sent} personal message${sent === 1 ? '' : 's'} sent.` };
}
