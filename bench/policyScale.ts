/**
 * The policy answer at scale: for each size, a fresh PostgreSQL database seeded with that many
 * stored (sent, open) meetings (./seedMeetings.ts), two `securejoin service` replicas loading
 * their policy views, then service configuration paced at 300 requests/s over both, looking up
 * 1,000 different meetings' aliases (answers held after each one's first call), beside the same
 * servers' `/healthz`, once both replicas' views are current (the steady state the target is
 * about; a view that is loading answers from the database). Reports each replica's view: its
 * load time and the bytes it holds.
 *
 * `tsx bench/policyScale.ts [count...]` prints the figures (default 1000 and 100000).
 */
import { spawnService } from '../test/service/processes';
import { createTestDatabase, startIssuer } from '../test/service/support';
import { POLICY_PASSWORD, POLICY_USER, basic, webJoinQuery } from '../test/service/infinityRequests';
import { closedLoop, paced, percentileOf, replicasAt } from './httpLoad';
import type { Replicas } from './httpLoad';
import { seedMeetings, seededAliases } from './seedMeetings';

export interface ScaleFigures {
  meetings: number;
  seedSeconds: number;
  /** Slowest replica's start (migrations, view load), seconds. */
  startSeconds: number;
  p50: number;
  p99: number;
  noopP99: number;
  /** The view's bytes on one replica, and the aliases it holds. */
  viewBytes: number;
  viewAliases: number;
}

const RATE = 300;
const SECONDS = 5;
const LOOKED_UP = 1_000;

interface ViewStatus {
  state: string;
  bytes: number;
  aliases: number;
  loads: number;
}

/**
 * Waits (up to `waitMs`) until every replica's view is current and has loaded once; throws when
 * one is not. @returns replica 0's view.
 */
async function viewsCurrent(replicas: Replicas, count: number, waitMs = 60_000): Promise<{ view: ViewStatus }> {
  const until = performance.now() + waitMs;
  for (;;) {
    const views = await Promise.all(Array.from({ length: count }, async (_, i) => JSON.parse((await replicas.send(i, 'GET', '/readyz')).text) as { view: ViewStatus }));
    const behind = views.find((v) => v.view.state !== 'current' || v.view.loads < 1);
    if (!behind) return views[0]!;
    if (performance.now() > until) throw new Error(`bench: a replica's view is ${behind.view.state}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

export async function measurePolicyScale(meetings: number): Promise<ScaleFigures> {
  const [issuer, db] = await Promise.all([startIssuer(), createTestDatabase()]);
  const flags = ['--policy-username', POLICY_USER, '--policy-password', POLICY_PASSWORD, '--log-level', 'info'];
  let services: Awaited<ReturnType<typeof spawnService>>[] = [];
  try {
    // The schema first (a replica's start applies the migrations), then the rows.
    const first = await spawnService(issuer, db.url, flags, { keepLogs: false });
    await first.stop();
    const s0 = performance.now();
    await seedMeetings(db.url, meetings);
    const seedSeconds = (performance.now() - s0) / 1000;
    const t0 = performance.now();
    services = await Promise.all([spawnService(issuer, db.url, flags, { keepLogs: false }), spawnService(issuer, db.url, flags, { keepLogs: false })]);
    const startSeconds = (performance.now() - t0) / 1000;
    const replicas = replicasAt(services.map((s) => s.url));
    try {
      const auth = { authorization: basic() };
      const step = Math.max(1, Math.floor(meetings / LOOKED_UP));
      const paths = Array.from({ length: Math.min(LOOKED_UP, meetings) }, (_, k) => {
        const { web, dial } = seededAliases(k * step);
        return `/policy/v1/service/configuration?${new URLSearchParams(webJoinQuery(k % 2 ? dial : web))}`;
      });
      const configuration = async (i: number): Promise<void> => {
        const res = await replicas.send(i, 'GET', paths[i % paths.length]!, auth);
        if (res.status !== 200 || !res.text.includes('"continue"')) throw new Error(`bench: answered ${res.status} ${res.text.slice(0, 200)}`);
      };
      const noop = async (i: number): Promise<void> => {
        if ((await replicas.send(i, 'GET', '/healthz')).status !== 200) throw new Error('bench: /healthz failed');
      };
      // The target is the steady state: both replicas' views current (answers from memory, not
      // the database) before anything is measured, and checked again after.
      await viewsCurrent(replicas, services.length);
      // Warm-up: every looked-up alias once on each replica, JIT, sockets.
      await closedLoop(20, Math.ceil((paths.length * 2) / 20), configuration);
      await closedLoop(20, 50, noop);
      const quiet = await paced(RATE, SECONDS, configuration);
      const idle = await paced(RATE, SECONDS, noop);
      const ready = await viewsCurrent(replicas, services.length, 0);
      return {
        meetings,
        seedSeconds,
        startSeconds,
        p50: percentileOf(quiet.latencies, 50),
        p99: percentileOf(quiet.latencies, 99),
        noopP99: percentileOf(idle.latencies, 99),
        viewBytes: ready.view.bytes,
        viewAliases: ready.view.aliases,
      };
    } finally {
      replicas.close();
    }
  } finally {
    await Promise.all(services.map((s) => s.stop()));
    await Promise.all([db.drop(), issuer.close()]);
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const sizes = process.argv.slice(2).map(Number);
  for (const n of sizes.length ? sizes : [1_000, 100_000]) console.log(JSON.stringify(await measurePolicyScale(n)));
}
