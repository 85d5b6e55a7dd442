/**
 * Load shapes for the service benches: keep-alive requests spread over replicas, a paced
 * (open-loop: constant arrival rate, so queueing shows in the latencies) phase, and a
 * closed-loop phase (clients as fast as answers come) for throughput.
 */
import { Agent, request } from 'node:http';

/** The `p`-th percentile of an ascending list (nearest rank). */
export function percentileOf(sorted: readonly number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]!;
}

/** An HTTP client over keep-alive sockets to several replicas: request `i` goes to replica `i % n`. */
export interface Replicas {
  send(i: number, method: string, path: string, headers?: Record<string, string>, body?: string): Promise<{ status: number; text: string }>;
  close(): void;
}

export function replicasAt(urls: readonly string[], sockets = 64): Replicas {
  const agent = new Agent({ keepAlive: true, maxSockets: sockets });
  const once = (i: number, method: string, path: string, headers: Record<string, string>, body?: string) =>
    new Promise<{ status: number; text: string }>((resolve, reject) => {
      const base = new URL(urls[i % urls.length]!);
      const all = { ...headers, ...(body ? { 'content-type': 'application/json', 'content-length': String(Buffer.byteLength(body)) } : {}) };
      const req = request({ host: base.hostname, port: base.port, method, path, agent, headers: all }, (res) => {
        let text = '';
        res.on('data', (c: Buffer) => (text += c.toString()));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, text }));
      });
      // A reused keep-alive socket the server closed at that moment: the request never reached it, send it again (Node's documented pattern).
      req.on('error', (error: NodeJS.ErrnoException) => (req.reusedSocket && error.code === 'ECONNRESET' ? resolve(once(i, method, path, headers, body)) : reject(error)));
      req.end(body);
    });
  return {
    send: (i, method, path, headers = {}, body) => once(i, method, path, headers, body),
    close: () => agent.destroy(),
  };
}

/** Latencies of a phase, ascending, and the rate achieved. */
export interface Phase {
  latencies: number[];
  rate: number;
}

/** `rate` requests per second for `seconds`, each sent when due whatever the others are doing. */
export async function paced(rate: number, seconds: number, one: (i: number) => Promise<void>): Promise<Phase> {
  const latencies: number[] = [];
  const total = Math.round(rate * seconds);
  const t0 = performance.now();
  const pending: Array<Promise<void>> = [];
  for (let i = 0; i < total; i++) {
    const wait = t0 + (i * 1000) / rate - performance.now();
    if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
    const t = performance.now();
    pending.push(one(i).then(() => void latencies.push(performance.now() - t)));
  }
  await Promise.all(pending);
  return { latencies: latencies.sort((a, b) => a - b), rate: total / ((performance.now() - t0) / 1000) };
}

/** `clients` loops of `perClient` requests at once; requests per second. */
export async function closedLoop(clients: number, perClient: number, one: (i: number) => Promise<void>): Promise<number> {
  const t0 = performance.now();
  await Promise.all(Array.from({ length: clients }, async (_, c) => {
    for (let k = 0; k < perClient; k++) await one(c * perClient + k);
  }));
  return (clients * perClient) / ((performance.now() - t0) / 1000);
}
