/**
 * The Fastify application: CORS for the add-in's origins, security headers, bounded bodies and
 * timeouts, health, meeting and attendance routes, (with credentials) Infinity policy and Event sink routes, metrics (with their
 * own credentials), the built Outlook add-in (when configured), one error handler. Logs are pino JSON lines that carry no body, no
 * Authorization header and no code.
 */
import cors from '@fastify/cors';
import Fastify, { LogController } from 'fastify';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { loadAddinFiles } from './addin/files';
import { addinRoutes } from './addin/routes';
import type { ServiceContext } from './context';
import { errorHandler } from './http/errorHandler';
import { securityHeaders } from './http/securityHeaders';
import { metricsHooks } from './metrics/httpHooks';
import { trackDatabase, trackPolicyView } from './metrics/registry';
import { BODY_LIMIT_BYTES } from './options';
import type { MeetingServiceOptions } from './options';
import { attendanceRoutes } from './routes/attendance';
import { eventSinkRoutes } from './routes/eventSink';
import { healthRoutes } from './routes/health';
import { meetingRoutes } from './routes/meetings';
import { policyRoutes } from './routes/policy';

/** True for an https URL that is not loopback: where browsers should remember "https only". */
function httpsPublicUrl(url: string | undefined): boolean {
  if (!url) return false;
  const { protocol, hostname } = new URL(url);
  return protocol === 'https:' && !['localhost', '127.0.0.1', '[::1]'].includes(hostname);
}

/**
 * One log line per request at the default level, written when it completes (method, route,
 * meeting id, status, time: ../logger.ts), instead of Fastify's two: on the policy API's hot
 * path every allocation counts. `--log-level debug` adds the arrival line.
 */
class OneLinePerRequest extends LogController {
  /** A request's arrival is a debug line (a pino level check, nothing built, at the default level). */
  override incomingRequest(request: FastifyRequest): void {
    request.log.debug({ req: request }, 'incoming request');
  }

  override requestCompleted(error: Error | null | undefined, request: FastifyRequest, reply: FastifyReply): void {
    if (error) reply.log.error({ req: request, res: reply, err: error, responseTime: reply.elapsedTime }, 'request errored');
    else reply.log.info({ req: request, res: reply, responseTime: reply.elapsedTime }, 'request completed');
  }
}

/** Builds the app around a context (database and auth already set up). */
export async function buildApp(opts: MeetingServiceOptions, logger: ServiceContext['log'], makeContext: (log: ServiceContext['log']) => ServiceContext): Promise<FastifyInstance> {
  const app = Fastify({
    loggerInstance: logger,
    bodyLimit: BODY_LIMIT_BYTES,
    // A slow or stalled client cannot hold a connection open for long.
    requestTimeout: 15_000,
    connectionTimeout: 20_000,
    keepAliveTimeout: 5_000,
    return503OnClosing: true,
    logController: new OneLinePerRequest(),
    ...(opts.tls ? { https: { key: opts.tls.key, cert: opts.tls.cert } } : {}),
  }) as unknown as FastifyInstance;
  const ctx = makeContext(app.log as ServiceContext['log']);
  await securityHeaders(app, opts.frameAncestors, httpsPublicUrl(opts.addin?.publicUrl));
  metricsHooks(app, opts.metrics);
  const untrack = [trackDatabase(ctx.db), ...(ctx.view ? [trackPolicyView(ctx.view)] : [])];
  app.addHook('onClose', async () => untrack.forEach((u) => u()));
  await app.register(cors, {
    origin: [...(opts.allowOrigins ?? [])],
    methods: ['GET', 'PUT', 'DELETE'],
    allowedHeaders: ['Authorization', 'Content-Type', 'If-Match', 'If-None-Match'],
    exposedHeaders: ['ETag'],
    maxAge: 600,
  });
  // JSON only: a text body is refused with 415 rather than parsed as a string.
  app.removeContentTypeParser('text/plain');
  app.setErrorHandler(errorHandler);
  healthRoutes(app, ctx.db, ctx.view);
  meetingRoutes(app, ctx);
  attendanceRoutes(app, ctx);
  if (opts.policy) policyRoutes(app, ctx, opts.policy, opts.clock ?? Date.now);
  if (opts.eventSink) eventSinkRoutes(app, ctx, opts.eventSink);
  if (opts.addin) addinRoutes(app, loadAddinFiles(opts.addin.dir, opts.addin.publicUrl, opts.addin.policyText));
  return app;
}
