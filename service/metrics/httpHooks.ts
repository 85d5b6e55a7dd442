/**
 * Hooks the metrics into a Fastify app: every response's latency goes into the histogram under
 * its route PATTERN (`/api/v1/meetings/:id`, never the URL with its id or query; requests that
 * matched no route count as `unmatched`), meeting writes are counted by outcome from their status,
 * and `GET /metrics` answers the Prometheus text format behind its own HTTP Basic credentials
 * (without credentials configured the route does not exist: 404).
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { basicAuthChecker } from '../auth/basic';
import type { BasicCredentials } from '../auth/basic';
import { countWrite, httpDuration, registry, writeOutcomeOf } from './registry';

export const METRICS_PATH = '/metrics';
/** The meeting write route whose outcomes are counted. */
const WRITE_ROUTE = '/api/v1/meetings/:id';

/** Adds the latency and write-outcome hooks, and `/metrics` when `credentials` are given. */
export function metricsHooks(app: FastifyInstance, credentials: BasicCredentials | undefined): void {
  app.addHook('onResponse', async (request: FastifyRequest, reply: FastifyReply) => {
    const route = request.routeOptions.url ?? 'unmatched';
    const status = reply.statusCode;
    httpDuration.observe({ route, method: request.method, status_code: String(status) }, reply.elapsedTime / 1000);
    if (route === WRITE_ROUTE && request.method === 'PUT') countWrite(writeOutcomeOf(status));
  });
  if (!credentials) return;
  const authorised = basicAuthChecker(credentials);
  app.get(METRICS_PATH, async (request, reply) => {
    if (!authorised(request.headers.authorization)) {
      return reply.code(401).header('www-authenticate', 'Basic realm="securejoin-metrics", charset="UTF-8"').send({ error: 'unauthorized' });
    }
    return reply.header('content-type', registry.contentType).header('cache-control', 'no-store').send(await registry.metrics());
  });
}
