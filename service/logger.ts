/**
 * The service's pino logger. A request line names the method, the ROUTE (its pattern, never the
 * URL: Infinity's policy requests carry aliases and access codes in the query string), the
 * meeting id where the route has one, the status and the time taken. Nothing else of a request
 * is logged at any level: no query, no body, no header, no remote alias. Fields that could hold a
 * code or token are also redacted in case a future log call names one.
 */
import { pino } from 'pino';
import type { Logger } from 'pino';
import type { MeetingServiceOptions } from './options';

const REDACT = [
  'req.headers',
  'req.query',
  'req.url',
  'headers.authorization',
  'authorization',
  '*.hostPin',
  '*.guestPin',
  '*.passcode',
  '*.accessCode',
  '*.alias',
  '*.dialAlias',
  '*.local_alias',
  '*.remote_alias',
  '*.token',
  'token',
];

/** What a request line says of the request (Fastify's request, as its serializer receives it). */
export function requestFields(request: { method?: string; routeOptions?: { url?: string }; params?: unknown }): Record<string, unknown> {
  const id = (request.params as { id?: unknown } | undefined)?.id;
  return {
    method: request.method,
    route: request.routeOptions?.url ?? '(no route)',
    ...(typeof id === 'string' && /^[A-Za-z0-9_-]{1,64}$/.test(id) ? { meetingId: id } : {}),
  };
}

export function createLogger(opts: Pick<MeetingServiceOptions, 'logLevel' | 'logStream'>): Logger {
  const level = opts.logLevel ?? 'info';
  const options = {
    level,
    redact: { paths: REDACT, censor: '[redacted]' },
    serializers: {
      req: requestFields,
      res: (reply: { statusCode?: number }) => ({ statusCode: reply.statusCode }),
      // An error's message and kind; never pg's `detail` (it quotes the row's values) or parameters.
      err: (error: { name?: string; message?: string; code?: unknown; stack?: string }) => ({
        type: error.name,
        message: error.message,
        ...(typeof error.code === 'string' ? { code: error.code } : {}),
        stack: error.stack,
      }),
    },
  };
  return opts.logStream ? pino(options, opts.logStream) : pino(options);
}
