/**
 * Small helpers over `node:http`: bounded JSON body reading and JSON/text answers with
 * conservative security headers. No framework: the node is a test double and must stay small.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';

/** Largest request body the node reads (a roster of 2,000 invitees fits comfortably). */
export const MAX_BODY_BYTES = 512 * 1024;

/** Headers on every answer: no caching of tokens/PIN answers, no sniffing, no framing by others. */
const BASE_HEADERS: Record<string, string> = {
  'cache-control': 'no-store',
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
};

/** Outcome of reading a JSON body. `empty` means no body at all (allowed on some endpoints). */
export type JsonBody = { ok: true; value: unknown; empty: boolean } | { ok: false; status: 400 | 413 | 415; message: string };

/**
 * Reads and parses a JSON request body of at most `maxBytes`.
 * Never throws: a too-large body is 413, a non-JSON content type 415, malformed JSON 400.
 */
export async function readJsonBody(req: IncomingMessage, maxBytes = MAX_BODY_BYTES): Promise<JsonBody> {
  const chunks: Buffer[] = [];
  let size = 0;
  try {
    for await (const chunk of req as AsyncIterable<Buffer>) {
      size += chunk.length;
      if (size > maxBytes) return { ok: false, status: 413, message: `body larger than ${maxBytes} bytes` };
      chunks.push(chunk);
    }
  } catch {
    return { ok: false, status: 400, message: 'could not read the request body' };
  }
  const text = Buffer.concat(chunks).toString('utf8');
  if (text.trim() === '') return { ok: true, value: undefined, empty: true };
  const type = req.headers['content-type'] ?? '';
  // sendBeacon (release_token on page close) posts a Blob typed application/json; text/plain is what
  // some beacons fall back to. Anything else is not for us.
  if (!/^(application\/json|text\/plain)\b/i.test(type)) {
    return { ok: false, status: 415, message: 'content-type must be application/json' };
  }
  try {
    return { ok: true, value: JSON.parse(text) as unknown, empty: false };
  } catch {
    return { ok: false, status: 400, message: 'body is not valid JSON' };
  }
}

/** Writes `body` as JSON with `status`. */
export function sendJson(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    ...BASE_HEADERS,
    'content-type': 'application/json; charset=utf-8',
    'content-length': String(Buffer.byteLength(text)),
    ...headers,
  });
  res.end(text);
}

/** Writes a text answer (HTML, JS, CSS, plain) with `status`. */
export function sendText(res: ServerResponse, status: number, contentType: string, text: string, headers: Record<string, string> = {}): void {
  res.writeHead(status, {
    ...BASE_HEADERS,
    'content-type': contentType,
    'content-length': String(Buffer.byteLength(text)),
    ...headers,
  });
  res.end(text);
}

/** Writes an empty answer (204, 304, ...). */
export function sendEmpty(res: ServerResponse, status: number, headers: Record<string, string> = {}): void {
  res.writeHead(status, { ...BASE_HEADERS, ...headers });
  res.end();
}

/** The value of a single-valued header, or null (repeated headers count as absent: ambiguous). */
export function singleHeader(req: IncomingMessage, name: string): string | null {
  const value = req.headers[name.toLowerCase()];
  return typeof value === 'string' ? value : null;
}
