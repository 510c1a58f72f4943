import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import Fastify, { type FastifyInstance } from 'fastify';
import { jsonSchemaTransform, validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Container } from './container';
import { AccessLogController, registerAccessLog } from './http/access-log';
import { registerAuth } from './http/auth';
import { registerCors } from './http/cors';
import { registerErrorHandling } from './http/error-handler';
import { registerRateLimit } from './http/rate-limit';
import { createRequestIdGenerator } from './http/request-id';
import { responseSerializerCompiler } from './http/response-serializer';
import { documentHeadersHook, registerSecurityHeaders } from './http/security-headers';
import { requestLoggerFactory } from './lib/logger';
import { adminRoutes } from './modules/admin/admin.routes';
import { authRoutes } from './modules/auth/auth.routes';
import { bookingsRoutes } from './modules/bookings/bookings.routes';
import { catalogRoutes } from './modules/catalog/catalog.routes';
import { chatRoutes } from './modules/chat/chat.routes';
import { devOutboxRoutes } from './modules/dev-outbox/dev-outbox.routes';
import { disputesRoutes } from './modules/disputes/disputes.routes';
import { healthRoutes } from './modules/health/health.routes';
import { notificationsRoutes } from './modules/notifications/notifications.routes';
import { paymentsRoutes } from './modules/payments/payments.routes';
import { onboardingRoutes } from './modules/providers/onboarding.routes';
import { reviewRoutes } from './modules/reviews/reviews.routes';
import { searchRoutes } from './modules/search/search.routes';
import { adminUsersRoutes } from './modules/users/admin-users.routes';
import { usersRoutes } from './modules/users/users.routes';
import { walletRoutes } from './modules/wallet/wallet.routes';

/** Builds the HTTP app without listening, so tests can `inject`. Routes are registered explicitly. */
export async function buildApp(c: Container): Promise<FastifyInstance> {
  const app = Fastify({
    // Requests log through the container's logger (request.log: a child with the request id, built only when
    // something is logged) and registerAccessLog, not through Fastify's logger: with one, Fastify watches
    // every response's end to log it, even where nothing would be written (bench/results/health.md).
    logger: false,
    logController: new AccessLogController(),
    childLoggerFactory: requestLoggerFactory(c.logger),
    bodyLimit: c.config.BODY_LIMIT_BYTES,
    genReqId: createRequestIdGenerator(),
    requestIdHeader: false,
    trustProxy: c.config.isProduction,
    ajv: { customOptions: { removeAdditional: false } },
  }).withTypeProvider<ZodTypeProvider>();

  registerAccessLog(app, c.logger);
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(responseSerializerCompiler);
  registerErrorHandling(app);

  // Every hook on the common path is synchronous and allocation-free when it has nothing to do (see
  // bench/results/health.md): request id + security headers in one hook, CORS only with an Origin header,
  // the rate limit and auth only go async when they must look something up.
  registerSecurityHeaders(app);
  registerCors(app, c.config.CORS_ORIGINS);
  // Coarse per-IP limit for the whole API; features add their own tighter limits.
  registerRateLimit(app, c.rateLimiter, c.config.RATE_LIMIT_PER_MINUTE);
  registerAuth(app, c.resolveActor);

  await app.register(swagger, {
    openapi: {
      info: { title: 'LocalPro Connect API', version: '0.1.0' },
      components: { securitySchemes: { bearer: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT' } } },
    },
    transform: jsonSchemaTransform,
  });
  await app.register(swaggerUi, { routePrefix: '/api/docs', uiHooks: { onRequest: documentHeadersHook } });
  app.get('/api/openapi.json', { schema: { hide: true } }, async () => app.swagger());

  await app.register(healthRoutes(c), { prefix: '/api' });
  await app.register(catalogRoutes(c.catalog), { prefix: '/api' });
  await app.register(searchRoutes(c.search), { prefix: '/api' });
  await app.register(onboardingRoutes(c), { prefix: '/api' });
  await app.register(bookingsRoutes(c), { prefix: '/api' });
  await app.register(authRoutes(c), { prefix: '/api' });
  await app.register(usersRoutes(c), { prefix: '/api' });
  await app.register(adminUsersRoutes(c), { prefix: '/api' });
  await app.register(devOutboxRoutes(c), { prefix: '/api' });
  await app.register(reviewRoutes(c), { prefix: '/api' });
  await app.register(chatRoutes(c), { prefix: '/api' });
  await app.register(notificationsRoutes(c), { prefix: '/api' });
  await app.register(paymentsRoutes(c), { prefix: '/api' });
  await app.register(walletRoutes(c), { prefix: '/api' });
  await app.register(adminRoutes(c.admin), { prefix: '/api' });
  await app.register(disputesRoutes(c.disputes, c.db), { prefix: '/api' });

  return app;
}
