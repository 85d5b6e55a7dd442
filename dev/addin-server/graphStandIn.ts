/**
 * A local stand-in for Microsoft Graph's `POST /me/sendMail`, mounted by the add-in server for
 * development and the playground only (never in a deployment): it answers as Graph documents
 * (202 Accepted with no body; 401 without a bearer token; 400 for a body Graph would refuse;
 * 429 with Retry-After while told to throttle) and records every accepted message, so the
 * playground and the tests see exactly what each invitee would receive. It checks the shape
 * of the request, not the token's signature (Graph's tokens come from Entra ID). Node only.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { z } from 'zod';
import { readBoundedBody } from '../../cli/boundedBody';

/** Path prefix of the stand-in: `<add-in server>/graph/v1.0`. */
export const GRAPH_STAND_IN_PATH = '/graph/v1.0';
const MAX_BODY = 1_000_000;

/** One message Graph accepted. */
export interface RecordedMail {
  /** The sender as the token names them (`preferred_username`), or '' when it names none. */
  from: string;
  to: Array<{ address: string; name: string }>;
  subject: string;
  contentType: 'Text' | 'HTML';
  content: string;
  saveToSentItems: boolean;
}

const recipient = z.strictObject({ emailAddress: z.strictObject({ address: z.string().regex(/^[^\s@]{1,64}@[^\s@]{1,255}$/), name: z.string().max(500).optional() }) });
const sendMailSchema = z.strictObject({
  message: z.object({
    subject: z.string().max(1000),
    body: z.strictObject({ contentType: z.enum(['Text', 'HTML', 'text', 'html']), content: z.string() }),
    toRecipients: z.array(recipient).min(1).max(500),
  }),
  saveToSentItems: z.boolean().optional(),
});

/** The stand-in: its request handler, what it accepted, and a switch to throttle. */
export interface GraphStandIn {
  /** Answers a request under {@link GRAPH_STAND_IN_PATH}; false for other paths. */
  handle(path: string, req: IncomingMessage, res: ServerResponse): Promise<boolean>;
  /** Every accepted message, oldest first. */
  readonly sent: RecordedMail[];
  /** Answers the next `count` sendMail requests with 429 and `Retry-After: seconds`. */
  throttle(count: number, seconds: number): void;
}

function answer(res: ServerResponse, status: number, error?: { code: string; message: string }, headers: Record<string, string> = {}): true {
  res.writeHead(status, { 'cache-control': 'no-store', 'x-content-type-options': 'nosniff', ...(error ? { 'content-type': 'application/json' } : {}), ...headers });
  res.end(error ? JSON.stringify({ error }) : undefined);
  return true;
}

/** The `preferred_username` a JWT's payload names (read, not verified), or ''. */
function senderOf(token: string): string {
  try {
    const payload = JSON.parse(Buffer.from(token.split('.')[1] ?? '', 'base64url').toString('utf8')) as { preferred_username?: unknown };
    return typeof payload.preferred_username === 'string' ? payload.preferred_username : '';
  } catch {
    return '';
  }
}

/** A fresh stand-in with nothing sent. */
export function createGraphStandIn(): GraphStandIn {
  const sent: RecordedMail[] = [];
  let throttled = { count: 0, seconds: 0 };
  return {
    sent,
    throttle: (count, seconds) => void (throttled = { count, seconds }),
    async handle(path, req, res) {
      if (!path.startsWith(`${GRAPH_STAND_IN_PATH}/`)) return false;
      if (path !== `${GRAPH_STAND_IN_PATH}/me/sendMail`) return answer(res, 404, { code: 'ResourceNotFound', message: 'Resource not found for the segment.' });
      if (req.method !== 'POST') return answer(res, 405, { code: 'Request_BadRequest', message: 'Use POST.' }, { allow: 'POST' });
      const auth = /^Bearer (\S+)$/.exec(req.headers.authorization ?? '');
      if (!auth) return answer(res, 401, { code: 'InvalidAuthenticationToken', message: 'Access token is empty.' });
      if (throttled.count > 0) {
        throttled.count -= 1;
        return answer(res, 429, { code: 'ApplicationThrottled', message: 'Application is over its MailboxConcurrency limit.' }, { 'retry-after': String(throttled.seconds) });
      }
      if (!/^application\/json\b/i.test(req.headers['content-type'] ?? '')) return answer(res, 415, { code: 'RequestBodyRead', message: 'Send Content-Type: application/json.' });
      const text = await readBoundedBody(req, MAX_BODY);
      if (text === null) return answer(res, 413, { code: 'RequestEntityTooLarge', message: 'The request is too large.' });
      let json: unknown;
      try {
        json = JSON.parse(text);
      } catch {
        return answer(res, 400, { code: 'RequestBodyRead', message: 'The body is not JSON.' });
      }
      const parsed = sendMailSchema.safeParse(json);
      if (!parsed.success) return answer(res, 400, { code: 'ErrorInvalidRequest', message: parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ') });
      const m = parsed.data.message;
      sent.push({
        from: senderOf(auth[1] as string),
        to: m.toRecipients.map((r) => ({ address: r.emailAddress.address, name: r.emailAddress.name ?? '' })),
        subject: m.subject,
        contentType: m.body.contentType.toLowerCase() === 'html' ? 'HTML' : 'Text',
        content: m.body.content,
        saveToSentItems: parsed.data.saveToSentItems ?? true,
      });
      return answer(res, 202);
    },
  };
}
