/**
 * Interim node sync (until the node asks the service through Infinity's policy API): registers
 * and withdraws rooms on the reference node's provisioning API
 * (`PUT|DELETE <node>/api/securejoin/v1/rooms/<alias>`) with the node's bearer token, which
 * only the service holds. Node's http(s) is used (not fetch) so a private CA can be trusted.
 */
import { request as httpRequest } from 'node:http';
import { request as httpsRequest } from 'node:https';

/** Where the node is and how to authenticate to it. */
export interface NodeSyncOptions {
  /** The node's origin, e.g. `https://127.0.0.1:8443`. */
  url: string;
  token: string;
  /** PEM of the CA that signed the node's certificate (https only). */
  ca?: string;
  timeoutMs?: number;
}

/** A refusal or failure, phrased for the API's 502 answer (never the token or a code). */
export class NodeSyncError extends Error {
  override readonly name = 'NodeSyncError';
}

/** Registers and withdraws rooms. */
export interface NodeClient {
  putRoom(alias: string, room: unknown): Promise<void>;
  /** Withdraws a room; a room the node does not have counts as withdrawn. */
  deleteRoom(alias: string): Promise<void>;
}

interface Answer {
  status: number;
  body: string;
}

function send(opts: NodeSyncOptions, method: 'PUT' | 'DELETE', path: string, body?: string): Promise<Answer> {
  const url = new URL(path, opts.url);
  const request = url.protocol === 'https:' ? httpsRequest : httpRequest;
  return new Promise((resolve, reject) => {
    const req = request(
      url,
      {
        method,
        headers: {
          authorization: `Bearer ${opts.token}`,
          ...(body !== undefined ? { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) } : {}),
        },
        ...(opts.ca ? { ca: opts.ca } : {}),
        timeout: opts.timeoutMs ?? 3000,
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') }));
        res.on('error', reject);
      },
    );
    req.on('timeout', () => req.destroy(new Error('timed out')));
    req.on('error', (error) => reject(new NodeSyncError(`the conference node could not be reached (${error.message})`)));
    req.end(body);
  });
}

/** The node's validation errors as one line, when it sent them. */
function refusal(answer: Answer): string {
  try {
    const errors = (JSON.parse(answer.body) as { errors?: Array<{ path?: unknown; message?: unknown }> }).errors;
    if (Array.isArray(errors) && errors.length > 0) {
      return `: ${errors.slice(0, 5).map((e) => `${String(e.path)}: ${String(e.message)}`).join('; ')}`;
    }
  } catch {
    // Not JSON: the status says enough.
  }
  return '';
}

/** A client for the node at `opts.url`. */
export function nodeClient(opts: NodeSyncOptions): NodeClient {
  const roomPath = (alias: string): string => `/api/securejoin/v1/rooms/${encodeURIComponent(alias)}`;
  return {
    async putRoom(alias, room) {
      const answer = await send(opts, 'PUT', roomPath(alias), JSON.stringify(room));
      if (answer.status !== 200 && answer.status !== 201) {
        throw new NodeSyncError(`the conference node refused the room (${answer.status})${refusal(answer)}`);
      }
    },
    async deleteRoom(alias) {
      const answer = await send(opts, 'DELETE', roomPath(alias));
      if (answer.status !== 204 && answer.status !== 404) {
        throw new NodeSyncError(`the conference node refused to withdraw the room (${answer.status})`);
      }
    },
  };
}
