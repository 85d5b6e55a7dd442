/**
 * The service's Prometheus metrics (prom-client), one registry per process. Routes and jobs call
 * the small counting functions below (one line each); the HTTP latency histogram is fed by
 * hooks (./httpHooks.ts) and the pool gauges read the databases handed to {@link trackDatabase}.
 *
 * Label values come from closed sets only (an outcome, a route PATTERN, a method, a status
 * code): never a URL, a meeting id, an alias or a code, so a scrape reveals none of them and
 * the number of series stays bounded.
 */
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';
import type { PolicyView } from '../view/policyView';
import type { Database } from '../db/database';

/** What the policy answered a service-configuration request (`blocked`: refused for guessing). */
export type PolicyOutcome = 'continue' | 'reject' | 'blocked';
/** How a meeting write (`PUT /api/v1/meetings/:id`) ended; `failed` is a 5xx (database away). */
export type WriteOutcome = 'created' | 'replaced' | 'conflict' | 'refused' | 'failed';

export const registry = new Registry();
// Process metrics (CPU, memory, event loop lag, handles, GC) under their standard names.
collectDefaultMetrics({ register: registry });

/** Seconds; from a cached `/healthz` (~0.1 ms) to the 5 s Infinity waits for a policy answer. */
const LATENCY_BUCKETS = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5];

export const httpDuration = new Histogram({
  name: 'securejoin_http_request_duration_seconds',
  help: 'HTTP request latency by route pattern (never the URL), method and status code',
  labelNames: ['route', 'method', 'status_code'] as const,
  buckets: LATENCY_BUCKETS,
  registers: [registry],
});

const policyDecisions = new Counter({
  name: 'securejoin_policy_decisions_total',
  help: 'Pexip Infinity service-configuration answers by outcome (continue, reject, blocked for guessing)',
  labelNames: ['outcome'] as const,
  registers: [registry],
});

const writes = new Counter({
  name: 'securejoin_meeting_writes_total',
  help: 'Meeting writes (PUT /api/v1/meetings/:id) by outcome: created, replaced, conflict (412/409), refused (other 4xx), failed (5xx)',
  labelNames: ['outcome'] as const,
  registers: [registry],
});

const draftsSwept = new Counter({
  name: 'securejoin_drafts_swept_total',
  help: 'Unsent drafts removed by the draft-expiry job',
  registers: [registry],
});

// Every outcome shows from the first scrape (at 0), so a dashboard's rate() has a series at once.
for (const outcome of ['continue', 'reject', 'blocked'] as const) policyDecisions.inc({ outcome }, 0);
for (const outcome of ['created', 'replaced', 'conflict', 'refused', 'failed'] as const) writes.inc({ outcome }, 0);

// Bound once: a labelled inc() would hash its label object on every policy answer (the hot path).
const decisionCounters = {
  continue: policyDecisions.labels('continue'),
  reject: policyDecisions.labels('reject'),
  blocked: policyDecisions.labels('blocked'),
} as const;

/** Counts one policy decision. */
export function countPolicyDecision(outcome: PolicyOutcome): void {
  decisionCounters[outcome].inc();
}


/** Counts one meeting write. */
export function countWrite(outcome: WriteOutcome): void {
  writes.inc({ outcome });
}

/** The write outcome an HTTP status stands for. */
export function writeOutcomeOf(status: number): WriteOutcome {
  if (status === 201) return 'created';
  if (status === 200) return 'replaced';
  // 412: another version was written first; 409: another meeting holds one of the aliases.
  if (status === 412 || status === 409) return 'conflict';
  return status >= 500 ? 'failed' : 'refused';
}

/** Counts drafts removed by one sweep. */
export function countDraftsSwept(count: number): void {
  if (count > 0) draftsSwept.inc(count);
}

// ---- database pool: read at scrape time from the databases in use ----

const tracked = new Set<Database>();

/** Reports `db`'s pool in the gauges until the returned function is called (at close). */
export function trackDatabase(db: Database): () => void {
  tracked.add(db);
  return () => void tracked.delete(db);
}

type PoolField = 'size' | 'idle' | 'waiting' | 'max';
const poolSum = (field: PoolField): number => [...tracked].reduce((sum, db) => sum + (db.poolStats?.()[field] ?? 0), 0);

new Gauge({
  name: 'securejoin_db_pool_connections',
  help: 'PostgreSQL pool connections by state (in_use, idle); embedded PGlite has no pool and reports none',
  labelNames: ['state'] as const,
  registers: [registry],
  collect() {
    this.set({ state: 'in_use' }, poolSum('size') - poolSum('idle'));
    this.set({ state: 'idle' }, poolSum('idle'));
  },
});
new Gauge({
  name: 'securejoin_db_pool_waiting',
  help: 'Requests waiting for a PostgreSQL pool connection',
  registers: [registry],
  collect() {
    this.set(poolSum('waiting'));
  },
});
new Gauge({
  name: 'securejoin_db_pool_max',
  help: 'PostgreSQL pool size limit (--pool-size)',
  registers: [registry],
  collect() {
    this.set(poolSum('max'));
  },
});

// ---- policy views: read at scrape time from the views in use ----

const views = new Set<PolicyView>();

/** Reports `view` in the gauges until the returned function is called (at close). */
export function trackPolicyView(view: PolicyView): () => void {
  views.add(view);
  return () => void views.delete(view);
}

new Gauge({
  name: 'securejoin_policy_view_current',
  help: "Policy views current (answering from memory); a view not current sends this replica's policy answers to the database",
  registers: [registry],
  collect() {
    this.set([...views].filter((v) => v.current).length);
  },
});
new Gauge({
  name: 'securejoin_policy_view_aliases',
  help: 'Aliases held by the policy views (those that can still answer)',
  registers: [registry],
  collect() {
    this.set([...views].reduce((sum, v) => sum + v.status().aliases, 0));
  },
});
