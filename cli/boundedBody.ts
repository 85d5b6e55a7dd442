/**
 * A request body read whole, up to a bound: the small `node:http` servers without a framework
 * (the dev token issuer's routes, the add-in server's Graph stand-in) read their bodies this way.
 */
import type { IncomingMessage } from 'node:http';

/** Reads at most `maxBytes` bytes of `req` as UTF-8; null when the body is larger (it is drained, not kept). */
export function readBoundedBody(req: IncomingMessage, maxBytes: number): Promise<string | null> {
  return new Promise((resolve, reject) => {
    let size = 0;
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size <= maxBytes) chunks.push(c);
    });
    req.on('end', () => resolve(size > maxBytes ? null : Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}
