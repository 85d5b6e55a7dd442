/**
 * Errors that escape a route, as answers: malformed JSON and a wrong content type are the
 * client's (400/415, naming the body), an oversize body is 413, the database being away is 503;
 * anything else is 500 and logged (without the request body).
 */
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { DatabaseUnavailableError } from '../db/database';

export function errorHandler(error: FastifyError, request: FastifyRequest, reply: FastifyReply): FastifyReply {
  if (error instanceof DatabaseUnavailableError) {
    request.log.warn({ err: { message: error.message } }, 'database unavailable');
    return reply.code(503).header('retry-after', '2').send({ error: 'unavailable', message: 'the database is not reachable; try again shortly' });
  }
  switch (error.code) {
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return reply.code(413).send({ error: 'too_large', message: error.message });
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      return reply.code(415).send({ error: 'unsupported_media_type', message: 'send the body as application/json' });
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
      return reply.code(400).send({ error: 'invalid', issues: [{ path: 'body', message: 'is not valid JSON' }] });
  }
  if (error instanceof SyntaxError) {
    return reply.code(400).send({ error: 'invalid', issues: [{ path: 'body', message: 'is not valid JSON' }] });
  }
  if (error.statusCode !== undefined && error.statusCode >= 400 && error.statusCode < 500) {
    return reply.code(error.statusCode).send({ error: 'bad_request', message: error.message });
  }
  request.log.error({ err: error }, 'request failed');
  return reply.code(500).send({ error: 'internal', message: 'the service failed; the request was not applied' });
}
