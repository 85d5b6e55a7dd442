/**
 * Policy API latency on PostgreSQL with two service replicas (two `securejoin service`
 * processes on one database, default info logging), as Infinity's nodes would load it, each
 * beside the same servers' no-op route (`/healthz`) in the same run:
 * - service configuration and participant properties paced at 300 requests/s (spread over both
 *   replicas), then each route's closed-loop throughput (50 concurrent keep-alive clients, the
 *   routes in turn for five rounds of 5,000 requests: each route's median, and the median of its
 *   ratio to the no-op route round by round);
 * - the rejection of an unknown alias and of a closed one (a meeting tomorrow), interleaved in
 *   one paced phase, each request from its own address (no shut-out): the timing oracle check;
 * - the paced service configuration while one address guesses as fast as one client can
 *   (8 requests in flight; counted in the database and shut out after the default limit);
 * - meeting writes open-loop: 100 replaces a second for 10 s, whatever the answers' pace.
 *
 * `tsx bench/policyLatency.ts` prints the figures.
 */
import { spawnService } from '../test/service/processes';
import { carryBack, createTestDatabase, meetingBody, meetingId, startIssuer } from '../test/service/support';
import { POLICY_PASSWORD, POLICY_USER, basic, participantQuery, webJoinQuery } from '../test/service/infinityRequests';
import { closedLoop, paced, percentileOf, replicasAt } from './httpLoad';
import { median } from './measure';
import type { Phase } from './httpLoad';

export interface PolicyFigures {
  p50: number;
  p99: number;
  /** Requests per second achieved in the paced phase. */
  pacedRate: number;
  /** Requests per second with 50 clients as fast as answers come (NaN: not measured). */
  maxThroughput: number;
  /**
   * This route's closed-loop throughput over the no-op route's in the same round, the median of
   * the rounds (NaN: not measured): a paired ratio, so a round the machine was busy for both
   * routes still compares them in the same weather.
   */
  throughputVsNoop: number;
}

/** What the guessing client achieved beside the paced legitimate calls. */
export interface GuessingFigures {
  /** Guesses sent per second by the one guessing address. */
  rate: number;
  answered: number;
}

type Route = 'noop' | 'serviceConfiguration' | 'participantProperties';
export type PolicyLatency = Record<Route | 'serviceConfigurationUnderGuessing' | 'unknownRejection' | 'closedRejection' | 'openLoopWrites', PolicyFigures> & { guessing: GuessingFigures };

const RATE = 300;
/** Paced seconds per route: 3,000 requests, so a p99 rests on its 30 slowest, not 15. */
const SECONDS = 10;
const THROUGHPUT_ROUNDS = 5;
/** Requests per client per closed-loop phase (50 clients: 5,000 requests, about a second). */
const THROUGHPUT_PER_CLIENT = 100;
const WRITE_RATE = 100;
const WRITE_SECONDS = 10;
const WRITE_MEETINGS = 200;
const MIN = 60_000;

const figuresOf = (phase: Phase, maxThroughput = Number.NaN, throughputVsNoop = Number.NaN): PolicyFigures => ({
  p50: percentileOf(phase.latencies, 50),
  p99: percentileOf(phase.latencies, 99),
  pacedRate: phase.rate,
  maxThroughput,
  throughputVsNoop,
});

export async function measurePolicyLatency(): Promise<PolicyLatency> {
  const [issuer, db] = await Promise.all([startIssuer(), createTestDatabase()]);
  // The default guess limit (10 per address per 10 minutes), as in production.
  const flags = ['--policy-username', POLICY_USER, '--policy-password', POLICY_PASSWORD, '--log-level', 'info', '--guess-limit', '10'];
  const services = await Promise.all([spawnService(issuer, db.url, flags, { keepLogs: false }), spawnService(issuer, db.url, flags, { keepLogs: false })]);
  const replicas = replicasAt(services.map((s) => s.url));
  try {
    const token = await issuer.sign({ oid: 'bench-organizer', ttlSeconds: 3600 });
    const bearer = { authorization: `Bearer ${token}` };
    const create = async (body: unknown): Promise<{ id: string; text: string }> => {
      const id = meetingId();
      const res = await replicas.send(0, 'PUT', `/api/v1/meetings/${id}`, { ...bearer, 'if-none-match': '*' }, JSON.stringify(body));
      if (res.status !== 201) throw new Error(`bench setup: create answered ${res.status} ${res.text}`);
      return { id, text: res.text };
    };
    const start = Date.now() + 5 * MIN;
    const room = (at: number) => ({
      subject: 'Bench',
      room: {
        hostPin: '4802137719', allowGuests: true, accessCode: { role: 'guest' }, sent: true,
        invitees: [{ email: 'ana@example.com', name: 'Ana Lima', passcode: '5510293847' }],
        meeting: { start: at, end: at + 60 * MIN },
      },
    });
    const open = await create(room(start));
    const tomorrow = await create(room(start + 24 * 60 * MIN));
    // The service minted the aliases: Ana's personal link is what the bench looks up.
    const anaOf = (text: string): string => (JSON.parse(text) as { room: { invitees: Array<{ alias: string }> } }).room.invitees[0]!.alias;
    const [ana, closedAlias] = [anaOf(open.text), anaOf(tomorrow.text)];
    const auth = { authorization: basic() };
    const ok = async (p: Promise<{ status: number; text: string }>, want = 200): Promise<void> => {
      const res = await p;
      if (res.status !== want) throw new Error(`bench: answered ${res.status} ${res.text.slice(0, 200)}`);
    };
    const configuration = (alias: string, extra: Record<string, string> = {}) => `/policy/v1/service/configuration?${new URLSearchParams(webJoinQuery(alias, extra))}`;
    let participant = 0;
    // The URLs are built once, outside the timed loops: the bench's client shares the replicas' two
    // cores, and building a 15-parameter query per request charged the policy routes for work that
    // is Infinity's, on another machine (the no-op route's client has none).
    const configurationUrl = configuration(ana);
    const participantUrls: string[] = [];
    const participantUrl = (n: number): string =>
      (participantUrls[n] ??= `/policy/v1/participant/properties?${new URLSearchParams(participantQuery(ana, `securejoin-${open.id}`, `p${n}`))}`);
    const routes: Record<Route, (i: number) => Promise<void>> = {
      noop: (i) => ok(replicas.send(i, 'GET', '/healthz')),
      serviceConfiguration: (i) => ok(replicas.send(i, 'GET', configurationUrl, auth)),
      // A new participant every 20 requests (a join sends several), so the name count grows as in a busy meeting.
      participantProperties: (i) => ok(replicas.send(i, 'GET', participantUrl(Math.floor((participant += 1) / 20)), auth)),
    };
    // Warm-up: JIT, pools, keep-alive sockets.
    for (const one of Object.values(routes)) await closedLoop(50, 40, one);
    const out = {} as PolicyLatency;
    const entries = Object.entries(routes) as Array<[Route, (i: number) => Promise<void>]>;
    const pacedPhases = {} as Record<Route, Phase>;
    for (const [name, one] of entries) pacedPhases[name] = await paced(RATE, SECONDS, one);
    // Closed-loop throughput: the routes in turn, several rounds, each route's median (on a shared
    // machine one short phase swings by half; interleaving puts every route in the same weather).
    const rounds = {} as Record<Route, number[]>;
    for (let r = 0; r < THROUGHPUT_ROUNDS; r++) {
      for (const [name, one] of entries) (rounds[name] ??= []).push(await closedLoop(50, THROUGHPUT_PER_CLIENT, one));
    }
    for (const [name] of entries) {
      const paired = rounds[name].map((rate, r) => rate / rounds.noop[r]!);
      out[name] = figuresOf(pacedPhases[name], median(rounds[name]), median(paired));
    }

    // Unknown and closed aliases interleaved, each request from its own address (never shut out).
    const address = (i: number) => `10.${(i >> 16) & 255}.${(i >> 8) & 255}.${i & 255}`;
    const byKind: Record<'unknown' | 'closed', number[]> = { unknown: [], closed: [] };
    await paced(RATE, SECONDS * 2, async (i) => {
      const kind = i % 2 === 0 ? 'unknown' : 'closed';
      const alias = kind === 'unknown' ? `qz${String(i).padStart(18, '7')}` : closedAlias;
      const t = performance.now();
      await ok(replicas.send(i, 'GET', configuration(alias, { remote_address: address(i) }), auth));
      byKind[kind].push(performance.now() - t);
    });
    out.unknownRejection = figuresOf({ latencies: byKind.unknown.sort((a, b) => a - b), rate: RATE / 2 });
    out.closedRejection = figuresOf({ latencies: byKind.closed.sort((a, b) => a - b), rate: RATE / 2 });

    // One address guessing as fast as one client can, on both replicas, while the legitimate calls are paced.
    let guessing = true;
    let guesses = 0;
    const guesser = Promise.all(Array.from({ length: 8 }, async (_, c) => {
      for (let k = 0; guessing; k++) {
        const guess = String(10_000_000 + ((c * 1_000_003 + k * 7919) % 89_999_999));
        await ok(replicas.send(c + k, 'GET', configuration(guess, { remote_address: '203.0.113.66' }), auth));
        guesses += 1;
      }
    }));
    const g0 = performance.now();
    out.serviceConfigurationUnderGuessing = figuresOf(await paced(RATE, SECONDS, routes.serviceConfiguration));
    guessing = false;
    await guesser;
    out.guessing = { rate: guesses / ((performance.now() - g0) / 1000), answered: guesses };

    // Writes open-loop over both replicas: each of 200 meetings replaced every 2 s, carrying its minted aliases back.
    const meetings = await Promise.all(Array.from({ length: WRITE_MEETINGS }, async () => {
      const made = await create(meetingBody({ sent: true }));
      return { id: made.id, version: 1, body: JSON.stringify(carryBack(JSON.parse(made.text))) };
    }));
    // Each write takes a meeting no other write holds (200 free at 100/s: two seconds of backlog
    // before none is; then a write waits for one, and that wait counts in its latency).
    const free = [...meetings];
    const waiting: Array<(m: (typeof meetings)[number]) => void> = [];
    out.openLoopWrites = figuresOf(await paced(WRITE_RATE, WRITE_SECONDS, async (i) => {
      const m = free.shift() ?? (await new Promise<(typeof meetings)[number]>((resolve) => waiting.push(resolve)));
      await ok(replicas.send(i, 'PUT', `/api/v1/meetings/${m.id}`, { ...bearer, 'if-match': `"${m.version}"` }, m.body));
      m.version += 1;
      const next = waiting.shift();
      if (next) next(m);
      else free.push(m);
    }));
    return out;
  } finally {
    replicas.close();
    await Promise.all(services.map((s) => s.stop()));
    await Promise.all([db.drop(), issuer.close()]);
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { guessing, ...phases } = await measurePolicyLatency();
  console.log(`guessing: ${guessing.rate.toFixed(0)} guesses/s from one address`);
  for (const [name, f] of Object.entries(phases)) {
    console.log(`${name.padEnd(34)} p50 ${f.p50.toFixed(2)} ms  p99 ${f.p99.toFixed(2)} ms  at ${f.pacedRate.toFixed(0)}/s  (max ${f.maxThroughput.toFixed(0)}/s, ${f.throughputVsNoop.toFixed(2)}x no-op)`);
  }
}
