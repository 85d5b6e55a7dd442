/**
 * Meeting service latency on PostgreSQL: 50 concurrent clients, each with its own meeting, send
 * replaces (writes: If-Match, audit row, sealed codes, one transaction) and reads, beside the
 * same server's no-op route (`/healthz`) measured in the same run, so the ratio says what the
 * meeting work costs on this machine. The service runs as `securejoin service` in its own
 * process (default info logging); the clients use keep-alive connections.
 */
import { Agent, request } from 'node:http';
import { carryBack, createTestDatabase, meetingBody, meetingId, startIssuer } from '../test/service/support';
import { spawnService } from '../test/service/processes';

/** Latencies of one phase. */
export interface PhaseFigures {
  p50: number;
  p99: number;
  /** Requests per second over the phase. */
  throughput: number;
}

export interface ServiceLatency {
  write: PhaseFigures;
  read: PhaseFigures;
  noop: PhaseFigures;
}

function percentile(sorted: readonly number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

/** Runs `clients` loops of `perClient` requests at once; the latency of each and the phase's rate. */
async function phase(clients: number, perClient: number, one: (client: number) => Promise<void>): Promise<PhaseFigures> {
  const latencies: number[] = [];
  const t0 = performance.now();
  await Promise.all(
    Array.from({ length: clients }, async (_, c) => {
      for (let i = 0; i < perClient; i++) {
        const t = performance.now();
        await one(c);
        latencies.push(performance.now() - t);
      }
    }),
  );
  const seconds = (performance.now() - t0) / 1000;
  latencies.sort((a, b) => a - b);
  return { p50: percentile(latencies, 50), p99: percentile(latencies, 99), throughput: latencies.length / seconds };
}

/** Measures write, read and no-op latency with `clients` concurrent clients. */
export async function measureServiceLatency(opts: { clients?: number; perClient?: number } = {}): Promise<ServiceLatency> {
  const clients = opts.clients ?? 50;
  const perClient = opts.perClient ?? 40;
  const [issuer, db] = await Promise.all([startIssuer(), createTestDatabase()]);
  // Default logging (info: two lines per request), written to /dev/null rather than read by this process.
  const svc = await spawnService(issuer, db.url, ['--log-level', 'info'], { keepLogs: false });
  const agent = new Agent({ keepAlive: true, maxSockets: clients });
  const base = new URL(svc.url);
  const send = (method: string, path: string, headers: Record<string, string>, body?: string) =>
    new Promise<{ status: number; headers: Record<string, string | string[] | undefined>; text: string }>((resolve, reject) => {
      const req = request({ host: base.hostname, port: base.port, method, path, agent, headers: { ...headers, ...(body ? { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) } : {}) } }, (res) => {
        let text = '';
        res.on('data', (c: Buffer) => (text += c.toString()));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, text }));
      });
      req.on('error', reject);
      req.end(body);
    });
  try {
    const token = await issuer.sign({ oid: 'bench-organizer', ttlSeconds: 3600 });
    const auth = { authorization: `Bearer ${token}` };
    const ids = Array.from({ length: clients }, () => meetingId());
    const versions = ids.map(() => 1);
    const bodies = ids.map(() => JSON.stringify(meetingBody()));
    await Promise.all(ids.map(async (id, c) => {
      const res = await send('PUT', `/api/v1/meetings/${id}`, { ...auth, 'if-none-match': '*' }, bodies[c]);
      if (res.status !== 201) throw new Error(`bench setup: create answered ${res.status} ${res.text}`);
      // Later writes carry the minted aliases back, as the add-in's updates do.
      bodies[c] = JSON.stringify(carryBack(JSON.parse(res.text)));
    }));
    const expect = (status: number, want: number, what: string): void => {
      if (status !== want) throw new Error(`bench: ${what} answered ${status}`);
    };
    const noop = async (): Promise<void> => expect((await send('GET', '/healthz', {})).status, 200, '/healthz');
    const read = async (c: number): Promise<void> => expect((await send('GET', `/api/v1/meetings/${ids[c]}`, auth)).status, 200, 'read');
    const write = async (c: number): Promise<void> => {
      const res = await send('PUT', `/api/v1/meetings/${ids[c]}`, { ...auth, 'if-match': `"${versions[c]}"` }, bodies[c]);
      expect(res.status, 200, 'write');
      versions[c]! += 1;
    };
    // Warm-up (JIT, pool connections, JWKS cache), then the three phases, the no-op first and last.
    await phase(clients, 5, noop);
    await phase(clients, 5, read);
    await phase(clients, 5, write);
    const noopBefore = await phase(clients, perClient, noop);
    const writes = await phase(clients, perClient, write);
    const reads = await phase(clients, perClient, read);
    const noopAfter = await phase(clients, perClient, noop);
    const noopFigures = noopBefore.p99 <= noopAfter.p99 ? noopBefore : noopAfter;
    return { write: writes, read: reads, noop: noopFigures };
  } finally {
    agent.destroy();
    await svc.stop();
    await Promise.all([db.drop(), issuer.close()]);
  }
}

// `tsx bench/serviceLatency.ts` prints the figures alone.
if (import.meta.url === `file://${process.argv[1]}`) {
  console.log(JSON.stringify(await measureServiceLatency(), null, 2));
}
