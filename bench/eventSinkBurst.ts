/**
 * A burst of 10,000 Event sink events from one Conferencing Node (what follows a network outage:
 * Infinity sends its queue one by one, in order) while Infinity's policy requests keep coming:
 * two `securejoin service` processes on one PostgreSQL database, service-configuration requests
 * paced at 300/s over both replicas, first quiet, then while the node's events (5,000
 * participants joining and leaving on an invitee's personal alias, so every event writes an
 * attendance row) go to one replica as fast as it answers them. The policy's p99 during the
 * burst keeps the policy budget (20 ms), printed beside the quiet p99 of the same run.
 *
 * `tsx bench/eventSinkBurst.ts` prints the figures.
 */
import { Agent, request } from 'node:http';
import { spawnService } from '../test/service/processes';
import { createTestDatabase, meetingId, startIssuer } from '../test/service/support';
import { POLICY_PASSWORD, POLICY_USER, basic, webJoinQuery } from '../test/service/infinityRequests';
import { SINK_PASSWORD, SINK_USER, participantData, sinkAuth, sinkNode } from '../test/service/eventSinkRequests';
import { percentile } from './measure';

export const BURST_EVENTS = 10_000;
const RATE = 300;
const QUIET_REQUESTS = RATE * 5;
const MIN = 60_000;

export interface BurstFigures {
  /** Policy service-configuration latency (ms) with no events, and during the burst. */
  quiet: { p50: number; p99: number };
  underBurst: { p50: number; p99: number };
  /** Events the one node got answered per second, and how long the burst took. */
  eventsPerSecond: number;
  burstSeconds: number;
}

export async function measureEventSinkBurst(): Promise<BurstFigures> {
  const [issuer, db] = await Promise.all([startIssuer(), createTestDatabase()]);
  const flags = ['--policy-username', POLICY_USER, '--policy-password', POLICY_PASSWORD, '--eventsink-username', SINK_USER, '--eventsink-password', SINK_PASSWORD];
  const services = await Promise.all([spawnService(issuer, db.url, flags), spawnService(issuer, db.url, flags)]);
  const agent = new Agent({ keepAlive: true, maxSockets: 64 });
  // A keep-alive socket the server closed at the same moment answers ECONNRESET: sent once more (a
  // GET is idempotent, and so is an event: the sink takes a resend once).
  const send = (replica: number, method: 'GET' | 'POST', path: string, headers: Record<string, string>, body?: string): Promise<number> =>
    sendOnce(replica, method, path, headers, body).catch((error: NodeJS.ErrnoException) => (error.code === 'ECONNRESET' ? sendOnce(replica, method, path, headers, body) : Promise.reject(error)));
  const sendOnce = (replica: number, method: 'GET' | 'POST', path: string, headers: Record<string, string>, body?: string): Promise<number> =>
    new Promise<number>((resolve, reject) => {
      const base = new URL(services[replica % 2]!.url);
      const req = request({ host: base.hostname, port: base.port, method, path, agent, headers: body === undefined ? headers : { ...headers, 'content-type': 'application/json' } }, (res) => {
        res.resume();
        res.on('end', () => resolve(res.statusCode ?? 0));
      });
      req.on('error', reject);
      req.end(body);
    });
  const ok = (status: number, what = 'policy'): void => {
    if (status !== 200) throw new Error(`bench: ${what} answered ${status}\n${services.map((s) => `${s.stderr().slice(-1500)}${s.stdout().slice(-1500)}`).join('\n')}`);
  };
  try {
    const token = await issuer.sign({ oid: 'bench-organizer', ttlSeconds: 3600 });
    const id = meetingId();
    const start = Date.now() + 5 * MIN;
    const created = await fetch(`${services[0]!.url}/api/v1/meetings/${id}`, {
      method: 'PUT',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json', 'if-none-match': '*' },
      body: JSON.stringify({
        subject: 'Bench',
        room: { hostPin: '4802137719', allowGuests: true, accessCode: { role: 'guest' }, sent: true, invitees: [{ email: 'ana@example.com', name: 'Ana Lima', passcode: '5510293847' }], meeting: { start, end: start + 60 * MIN } },
      }),
    });
    if (created.status !== 201) throw new Error(`bench setup: create answered ${created.status}`);
    const ana = ((await created.json()) as { room: { invitees: Array<{ alias: string }> } }).room.invitees[0]!.alias;
    const policyPath = `/policy/v1/service/configuration?${new URLSearchParams(webJoinQuery(ana))}`;
    const policyAuth = { authorization: basic() };
    let warmFailures = 1;

    /** Policy requests at RATE/s until `done()` (and at least `atLeast` of them); their latencies sorted. `warm`: any answer will do. */
    const pacedPolicy = async (done: () => boolean, atLeast: number, warm = false): Promise<number[]> => {
      const latencies: number[] = [];
      const pending: Array<Promise<void>> = [];
      const t0 = performance.now();
      for (let i = 0; i < atLeast || !done(); i++) {
        const wait = t0 + (i * 1000) / RATE - performance.now();
        if (wait > 0) await new Promise((r) => setTimeout(r, wait));
        const t = performance.now();
        pending.push(send(i, 'GET', policyPath, policyAuth).then((s) => {
          if (warm) warmFailures += s === 200 ? 0 : 1;
          else ok(s);
          latencies.push(performance.now() - t);
        }));
      }
      await Promise.all(pending);
      return latencies.sort((a, b) => a - b);
    };
    // Warm-up: JIT, pools (connections opened one by one first: a busy machine times out a crowd
    // of new connections), keep-alive sockets.
    for (let i = 0; i < 40; i++) await send(i, 'GET', policyPath, policyAuth);
    for (let round = 0; round < 10 && warmFailures > 0; round++) {
      warmFailures = 0;
      await pacedPolicy(() => true, RATE, true);
    }
    const quiet = await pacedPolicy(() => true, QUIET_REQUESTS);

    // The node's queue: one event in flight at a time, in order, to one replica.
    const node = sinkNode('10.44.34.11');
    const events: string[] = [];
    for (let p = 0; p < BURST_EVENTS / 2; p++) {
      const at = Date.now() - 60_000 + p;
      events.push(JSON.stringify(node.next('participant_connected', participantData(`bench-${p}`, ana, 'Ana Lima', at), at)));
      events.push(JSON.stringify(node.next('participant_disconnected', participantData(`bench-${p}`, ana, 'Ana Lima', at, { end_time: (at + 30_000) / 1000, duration: 30 }), at + 30_000)));
    }
    let burstDone = false;
    const b0 = performance.now();
    const burst = (async () => {
      for (const e of events) ok(await send(0, 'POST', '/eventsink/v1', { authorization: sinkAuth() }, e), 'event sink');
      burstDone = true;
    })();
    const underBurst = await pacedPolicy(() => burstDone, RATE);
    await burst;
    const burstSeconds = (performance.now() - b0) / 1000;
    return {
      quiet: { p50: percentile(quiet, 50), p99: percentile(quiet, 99) },
      underBurst: { p50: percentile(underBurst, 50), p99: percentile(underBurst, 99) },
      eventsPerSecond: BURST_EVENTS / burstSeconds,
      burstSeconds,
    };
  } finally {
    agent.destroy();
    await Promise.all(services.map((s) => s.stop()));
    await Promise.all([db.drop(), issuer.close()]);
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const f = await measureEventSinkBurst();
  console.log(`policy quiet        p50 ${f.quiet.p50.toFixed(2)} ms  p99 ${f.quiet.p99.toFixed(2)} ms`);
  console.log(`policy under burst  p50 ${f.underBurst.p50.toFixed(2)} ms  p99 ${f.underBurst.p99.toFixed(2)} ms`);
  console.log(`burst: ${BURST_EVENTS} events in ${f.burstSeconds.toFixed(1)} s (${f.eventsPerSecond.toFixed(0)} events/s)`);
}
