import type { FastifyInstance } from 'fastify';

/**
 * CORS with an exact-origin allowlist and credentials. Requests without an Origin header (same-origin,
 * server-to-server, mobile apps) pass straight through, which keeps the common path free.
 */
export function registerCors(app: FastifyInstance, allowedOrigins: readonly string[]): void {
  const allowed = new Set(allowedOrigins);
  app.addHook('onRequest', (req, reply, done) => {
    const origin = req.headers.origin;
    if (origin === undefined) return done();
    void reply.header('vary', 'Origin');
    if (!allowed.has(origin)) return done();
    void reply.header('access-control-allow-origin', origin);
    void reply.header('access-control-allow-credentials', 'true');
    if (req.method === 'OPTIONS' && req.headers['access-control-request-method']) {
      void reply.header('access-control-allow-methods', 'GET,HEAD,POST,PUT,PATCH,DELETE');
      const requested = req.headers['access-control-request-headers'];
      if (requested) void reply.header('access-control-allow-headers', requested);
      void reply.header('access-control-max-age', '600');
      void reply.code(204).send();
      return;
    }
    done();
  });
  // Preflights reach a route even where the path only defines other methods.
  app.options('*', { schema: { hide: true } }, async (_req, reply) => reply.code(204).send());
}
