/**
 * Serves the built add-in (./files.ts) at the service's root: `/taskpane.html`, `/commands.html`,
 * `/commands.js`, `/manifest.xml`, `/policy.json`, icons, chunks. Hashed chunks are cached for a
 * year (`immutable`); everything else is revalidated on every use (`no-cache` + ETag, 304 when
 * unchanged), so a new deploy reaches every Outlook at its next open.
 */
import type { FastifyInstance } from 'fastify';
import type { AddinFile } from './files';

const YEAR_SECONDS = 365 * 24 * 3600;

/** Registers `GET /*` (and HEAD) for the add-in's files; anything else under it is 404. */
export function addinRoutes(app: FastifyInstance, files: ReadonlyMap<string, AddinFile>): void {
  app.get('/*', async (request, reply) => {
    const name = decodeURIComponent((request.params as { '*': string })['*']);
    const file = files.get(name);
    if (!file) return reply.code(404).send({ error: 'not_found', message: 'no such file' });
    reply.header('content-type', file.type).header('etag', file.etag);
    reply.header('cache-control', file.immutable ? `public, max-age=${YEAR_SECONDS}, immutable` : 'no-cache');
    if (request.headers['if-none-match']?.split(/\s*,\s*/).includes(file.etag)) return reply.code(304).send();
    return reply.send(file.body);
  });
}
