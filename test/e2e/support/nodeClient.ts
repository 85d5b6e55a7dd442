/**
 * The test's client for a reference node's client API over HTTPS (its development certificate
 * trusted for these calls only): what a Pexip web client sends to join.
 */
import { request } from 'node:https';
import type { ConferenceNode } from './devParts';

/** One HTTP answer: status and parsed JSON body (null when empty). */
export interface Answer {
  status: number;
  body: any;
}

/** The client's calls (see nodeClient). */
export type NodeClient = ReturnType<typeof nodeClient>;

/** A client for the node's client API over HTTPS, trusting exactly `cert`. */
export function nodeClient(node: ConferenceNode, cert: string) {
  const call = (method: string, path: string, headers: Record<string, string> = {}, body?: unknown): Promise<Answer> =>
    new Promise((resolve, reject) => {
      const payload = body === undefined ? undefined : JSON.stringify(body);
      const req = request(`${node.url}${path}`, { method, ca: cert, headers: { ...headers, ...(payload ? { 'content-type': 'application/json' } : {}) } }, (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => (text += chunk));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body: text ? JSON.parse(text) : null }));
      });
      req.on('error', reject);
      req.end(payload);
    });
  return {
    /** `POST request_token` as a Pexip client does (PIN in the `pin` header). */
    requestToken: (alias: string, displayName: string, pin?: string) =>
      call('POST', `/api/client/v2/conferences/${encodeURIComponent(alias)}/request_token`, pin === undefined ? {} : { pin }, { display_name: displayName }),
  };
}
