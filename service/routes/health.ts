/** `/healthz`: the process answers. `/readyz`: the database answers too (503 quickly when not). */
import type { FastifyInstance } from 'fastify';
import type { Database } from '../db/database';

export function healthRoutes(app: FastifyInstance, db: Database): void {
  app.get('/healthz', async () => ({ status: 'ok' }));
  app.get('/readyz', async (_request, reply) => {
    const ready = await db.ping();
    return reply.code(ready ? 200 : 503).send(ready ? { status: 'ready', database: db.kind } : { status: 'unavailable', database: db.kind });
  });
}
