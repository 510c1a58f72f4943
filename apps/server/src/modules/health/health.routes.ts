import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Container } from '../../container';
import { migrationsApplied } from '../../db/migrate';
import { AppError } from '../../lib/errors';

export function healthRoutes(c: Container): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/health',
      {
        schema: { tags: ['health'], summary: 'Liveness', response: { 200: z.object({ status: z.literal('ok') }) } },
        logLevel: 'warn',
      },
      async () => ({ status: 'ok' as const }),
    );
    app.get(
      '/ready',
      {
        schema: {
          tags: ['health'],
          summary: 'Readiness: database reachable and migrations applied',
          response: { 200: z.object({ status: z.literal('ready'), database: z.enum(['pglite', 'postgres']) }) },
        },
        logLevel: 'warn',
      },
      async () => {
        try {
          await c.database.ping();
        } catch (err) {
          throw new AppError('SERVICE_UNAVAILABLE', 'Database is not reachable', { cause: err });
        }
        if (!(await migrationsApplied(c.database))) {
          throw new AppError('SERVICE_UNAVAILABLE', 'Database migrations are not applied');
        }
        return { status: 'ready' as const, database: c.database.kind };
      },
    );
  };
}
