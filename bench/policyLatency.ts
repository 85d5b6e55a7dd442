/**
 * Policy API latency on PostgreSQL with two service replicas (two `securejoin service`
 * processes on one database), as Infinity's nodes would load it: service configuration and
 * participant properties at a paced 300 requests/s (spread over both replicas), beside the same
 * servers' no-op route (`/healthz`) at the same rate in the same run, then each route's
 * closed-loop throughput (50 concurrent keep-alive clients). Target: p99 < 20 ms at 300/s. Then the
 * same paced service configuration while one address guesses aliases as fast as one client can
 * (8 requests in flight): the guessing is counted in the database and shut out after the limit,
 * and the legitimate calls' p99 must stay within the same budget.
 *
 * `tsx bench/policyLatency.ts` prints the figures.
 */
import { Agent, request } from 'node:http';
import { spawnService } from '../test/service/processes';
import { createTestDatabase, meetingId, startIssuer } from '../test/service/support';
import { POLICY_PASSWORD, POLICY_USER, basic, participantQuery, webJoinQuery } from '../test/service/infinityRequests';

export interface PolicyFigures {
  p50: number;
  p99: number;
  /** Requests per second achieved in the paced phase. */
  pacedRate: number;
  /** Requests per second with 50 clients as fast as answers come. */
  maxThroughput: number;
}

const RATE = 300;
const SECONDS = 5;
const MIN = 60_000;

function percentile(sorted: readonly number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

/** What the guessing client achieved beside the paced legitimate calls. */
export interface GuessingFigures {
  /** Guesses sent per second by the one guessing address. */
  rate: number;
  /** How many were answered at all (every answer is reject). */
  answered: number;
}

export async function measurePolicyLatency(): Promise<Record<'noop' | 'serviceConfiguration' | 'participantProperties' | 'serviceConfigurationUnderGuessing', PolicyFigures> & { guessing: GuessingFigures }> {
  const [issuer, db] = await Promise.all([startIssuer(), createTestDatabase()]);
  // The default guess limit (10 per address per 10 minutes), as in production.
  const flags = ['--policy-username', POLICY_USER, '--policy-password', POLICY_PASSWORD, '--log-level', 'info', '--guess-limit', '10'];
  const services = await Promise.all([spawnService(issuer, db.url, flags), spawnService(issuer, db.url, flags)]);
  const agent = new Agent({ keepAlive: true, maxSockets: 64 });
  // A keep-alive socket the server closed at the same moment answers ECONNRESET: an idempotent GET is sent once more.
  const get = (replica: number, path: string, headers: Record<string, string> = {}): Promise<number> =>
    getOnce(replica, path, headers).catch((error: NodeJS.ErrnoException) => (error.code === 'ECONNRESET' ? getOnce(replica, path, headers) : Promise.reject(error)));
  const getOnce = (replica: number, path: string, headers: Record<string, string>) =>
    new Promise<number>((resolve, reject) => {
      const base = new URL(services[replica % 2]!.url);
      const req = request({ host: base.hostname, port: base.port, method: 'GET', path, agent, headers }, (res) => {
        res.resume();
        res.on('end', () => resolve(res.statusCode ?? 0));
      });
      req.on('error', reject);
      req.end();
    });
  try {
    const token = await issuer.sign({ oid: 'bench-organizer', ttlSeconds: 3600 });
    const id = meetingId();
    const start = Date.now() + 5 * MIN;
    const body = JSON.stringify({
      subject: 'Bench',
      room: {
        hostPin: '4802137719', allowGuests: true, accessCode: { role: 'guest' }, sent: true,
        invitees: [{ email: 'ana@example.com', name: 'Ana Lima', passcode: '5510293847' }],
        meeting: { start, end: start + 60 * MIN },
      },
    });
    const created = await fetch(`${services[0]!.url}/api/v1/meetings/${id}`, { method: 'PUT', headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json', 'if-none-match': '*' }, body });
    if (created.status !== 201) throw new Error(`bench setup: create answered ${created.status}`);
    // The service minted the aliases: Ana's personal link is what the bench looks up.
    const ana = ((await created.json()) as { room: { invitees: Array<{ alias: string }> } }).room.invitees[0]!.alias;
    const auth = { authorization: basic() };
    let participant = 0;
    const routes = {
      noop: (i: number) => get(i, '/healthz'),
      serviceConfiguration: (i: number) => get(i, `/policy/v1/service/configuration?${new URLSearchParams(webJoinQuery(ana))}`, auth),
      // A new participant every 20 requests (a join sends several), so the name count grows as in a busy meeting.
      participantProperties: (i: number) => get(i, `/policy/v1/participant/properties?${new URLSearchParams(participantQuery(ana, `securejoin-${id}`, `p${Math.floor((participant += 1) / 20)}`))}`, auth),
    };
    const check = (status: number): void => {
      if (status !== 200) throw new Error(`bench: answered ${status}`);
    };
    const paced = async (one: (i: number) => Promise<number>): Promise<{ latencies: number[]; rate: number }> => {
      const latencies: number[] = [];
      const total = RATE * SECONDS;
      const t0 = performance.now();
      const pending: Array<Promise<void>> = [];
      for (let i = 0; i < total; i++) {
        const due = t0 + (i * 1000) / RATE;
        const wait = due - performance.now();
        if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
        const t = performance.now();
        pending.push(one(i).then((s) => {
          check(s);
          latencies.push(performance.now() - t);
        }));
      }
      await Promise.all(pending);
      return { latencies: latencies.sort((a, b) => a - b), rate: total / ((performance.now() - t0) / 1000) };
    };
    const closed = async (one: (i: number) => Promise<number>): Promise<number> => {
      const t0 = performance.now();
      let n = 0;
      await Promise.all(Array.from({ length: 50 }, async (_, c) => {
        for (let k = 0; k < 40; k++) check(await one(c + k));
        n += 40;
      }));
      return n / ((performance.now() - t0) / 1000);
    };
    // Warm-up: JIT, pools, keep-alive sockets.
    for (const one of Object.values(routes)) await closed(one);
    const out = {} as Record<keyof typeof routes | 'serviceConfigurationUnderGuessing', PolicyFigures> & { guessing: GuessingFigures };
    for (const [name, one] of Object.entries(routes) as Array<[keyof typeof routes, (i: number) => Promise<number>]>) {
      const { latencies, rate } = await paced(one);
      out[name] = { p50: percentile(latencies, 50), p99: percentile(latencies, 99), pacedRate: rate, maxThroughput: await closed(one) };
    }
    // One address guessing as fast as one client can, on both replicas, while the legitimate calls are paced.
    let guessing = true;
    let guesses = 0;
    const guesser = Promise.all(Array.from({ length: 8 }, async (_, c) => {
      for (let k = 0; guessing; k++) {
        const guess = String(10_000_000 + ((c * 1_000_003 + k * 7919) % 89_999_999));
        check(await get(c + k, `/policy/v1/service/configuration?${new URLSearchParams(webJoinQuery(guess, { remote_address: '203.0.113.66' }))}`, auth));
        guesses += 1;
      }
    }));
    const g0 = performance.now();
    const underGuessing = await paced(routes.serviceConfiguration);
    guessing = false;
    await guesser;
    out.guessing = { rate: guesses / ((performance.now() - g0) / 1000), answered: guesses };
    out.serviceConfigurationUnderGuessing = { p50: percentile(underGuessing.latencies, 50), p99: percentile(underGuessing.latencies, 99), pacedRate: underGuessing.rate, maxThroughput: Number.NaN };
    return out;
  } finally {
    agent.destroy();
    await Promise.all(services.map((s) => s.stop()));
    await Promise.all([db.drop(), issuer.close()]);
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const figures = await measurePolicyLatency();
  const { guessing, ...routes } = figures;
  console.log(`guessing: ${guessing.rate.toFixed(0)} guesses/s from one address`);
  for (const [name, f] of Object.entries(routes)) {
    console.log(`${name.padEnd(22)} p50 ${f.p50.toFixed(2)} ms  p99 ${f.p99.toFixed(2)} ms  at ${f.pacedRate.toFixed(0)}/s  (max ${f.maxThroughput.toFixed(0)}/s)`);
  }
}
