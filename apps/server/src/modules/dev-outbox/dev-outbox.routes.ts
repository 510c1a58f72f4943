import { devOutboxQuery, devOutboxResponse } from '@localpro/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Config } from '../../config';
import type { Container } from '../../container';
import { normalizeIndianPhone } from '../auth/phone';
import { listOutbox } from './dev-outbox.repository';

/**
 * GET /api/dev/outbox?to= — what the local SMS/email/push adapters "sent", newest first. Registered only
 * outside production and while DEV_OUTBOX is on; otherwise the route does not exist (404 ROUTE_NOT_FOUND).
 */
export function devOutboxRoutes(c: Container): FastifyPluginAsyncZod {
  return async (app) => {
    if (!devOutboxEnabled(c.config)) return;
    app.get(
      '/dev/outbox',
      {
        schema: {
          tags: ['dev'],
          summary: 'Development inbox',
          querystring: devOutboxQuery,
          response: { 200: devOutboxResponse },
        },
      },
      async (req) => {
        const to = normalizeIndianPhone(req.query.to) ?? req.query.to.toLowerCase();
        const rows = await listOutbox(c.db, to);
        return {
          items: rows.map((r) => ({ channel: r.channel, to: r.to, body: r.body, createdAt: r.createdAt.toISOString() })),
        };
      },
    );
  };
}

export const devOutboxEnabled = (config: Pick<Config, 'isProduction' | 'DEV_OUTBOX'>) =>
  !config.isProduction && config.DEV_OUTBOX;
