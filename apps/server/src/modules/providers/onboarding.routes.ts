import type { FastifyPluginAsync } from 'fastify';
import type { Db } from '../../db/client';
import { auditRoutes } from '../audit/audit.routes';
import { documentsRoutes } from '../documents/documents.routes';
import { adminProvidersRoutes } from './providers.admin.routes';
import { providersRoutes } from './providers.routes';
import type { Onboarding } from './providers.wiring';

/** Everything onboarding serves under /api, registered from app.ts with one line. */
export function onboardingRoutes(c: {
  db: Db;
  onboarding: Onboarding;
  config: { UPLOAD_LIMIT_BYTES: number };
}): FastifyPluginAsync {
  return async (app) => {
    await app.register(providersRoutes(c.onboarding));
    await app.register(adminProvidersRoutes(c.onboarding));
    await app.register(documentsRoutes(c.onboarding, { uploadBytes: c.config.UPLOAD_LIMIT_BYTES }));
    await app.register(auditRoutes({ db: c.db }));
    await app.register(async (hooks) => {
      // Webhook signatures cover the exact bytes received: keep the body raw in this scope only.
      hooks.addContentTypeParser('application/json', { parseAs: 'buffer' }, (_req, body, done) => done(null, body));
      hooks.post('/webhooks/background-check/:vendor', { schema: { hide: true } }, async (req) => {
        const { vendor } = req.params as { vendor: string };
        const raw = Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0);
        return c.onboarding.backgroundChecks.handleWebhook(vendor, raw, req.headers);
      });
    });
  };
}
