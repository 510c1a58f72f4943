import {
  type FastifyInstance,
  type FastifyReply,
  type FastifyRequest,
  type HookHandlerDoneFunction,
  LogController,
  type onResponseHookHandler,
} from 'fastify';
import type { Logger } from 'pino';

/** One line per finished request: id, method, path, status and milliseconds (pino-http's shape). */
function logCompletion(req: FastifyRequest, reply: FastifyReply, done: HookHandlerDoneFunction): void {
  req.log.info({ req, res: reply, responseTime: reply.elapsedTime }, 'request completed');
  done();
}

/**
 * Fastify's log lines, minus its per-request pair ("incoming request", "request completed"): the access
 * log below writes one line at the end instead. Its other lines (serializer and stream errors, …) stay.
 */
export class AccessLogController extends LogController {
  override incomingRequest(): void {}
  override requestCompleted(error: Error | null | undefined, request: FastifyRequest, reply: FastifyReply): void {
    if (error) super.requestCompleted(error, request, reply);
  }
}

/**
 * The access log, attached only to routes whose level lets an info line through (not, say, the health
 * probes at `logLevel: 'warn'`). Fastify's built-in request logging watched every response for its end
 * whether or not the line would be written, which cost a health probe a tenth of its throughput
 * (bench/results/health.md). Must be registered before the routes.
 */
export function registerAccessLog(app: FastifyInstance, root: Logger): void {
  const info = root.levels.values.info!;
  app.addHook('onRoute', (route) => {
    const level = root.levels.values[route.logLevel || root.level] ?? Number.POSITIVE_INFINITY;
    if (level > info) return;
    const existing = route.onResponse ? ([] as onResponseHookHandler[]).concat(route.onResponse as onResponseHookHandler) : [];
    // The HEAD twin of a GET route is announced with the GET route's options, hook included.
    if (!existing.includes(logCompletion)) route.onResponse = [...existing, logCompletion];
  });
}
