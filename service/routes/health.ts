/**
 * `/healthz`: the process answers. `/readyz`: the database answers too (503 quickly when not),
 * and, with the policy routes on, whether this replica's policy view is current (`view.state`:
 * `current`; `loading` or `lost` while its answers come from the database instead, which keeps
 * them right but slower: the replica stays ready).
 */
import type { FastifyInstance } from 'fastify';
import type { Database } from '../db/database';
import type { PolicyView } from '../view/policyView';

export function healthRoutes(app: FastifyInstance, db: Database, view: PolicyView | null): void {
  app.get('/healthz', async () => ({ status: 'ok' }));
  app.get('/readyz', async (_request, reply) => {
    const ready = await db.ping();
    const viewStatus = view ? { view: view.status() } : {};
    return reply.code(ready ? 200 : 503).send({ status: ready ? 'ready' : 'unavailable', database: db.kind, ...viewStatus });
  });
}
