import { auditListSchema, auditQuery } from '@localpro/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Db } from '../../db/client';
import { requireAdmin } from '../../http/auth';
import { AppError } from '../../lib/errors';
import { listAudit } from './audit.queries';

/** The append-only audit log, readable by admins (newest first, cursor-paginated). */
export function auditRoutes(deps: { db: Db }): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/admin/audit',
      {
        schema: {
          tags: ['admin'],
          summary: 'Audit log: who did what, when, before/after',
          querystring: auditQuery,
          response: { 200: auditListSchema },
        },
      },
      async (req) => {
        requireAdmin(req);
        const { cursor, limit, ...filter } = req.query;
        let before: { at: string; id: string } | undefined;
        if (cursor) {
          try {
            before = JSON.parse(Buffer.from(cursor, 'base64url').toString()) as { at: string; id: string };
            if (Number.isNaN(Date.parse(before.at)) || !/^[0-9a-f-]{36}$/.test(before.id)) throw new Error('bad');
          } catch {
            throw new AppError('VALIDATION_FAILED', 'The cursor is not valid', {
              details: [{ path: 'querystring.cursor', message: 'Invalid' }],
            });
          }
        }
        const rows = await listAudit(deps.db, { ...filter, before, limit });
        const page = rows.slice(0, limit);
        const last = page.at(-1);
        return {
          items: page.map(({ row }) => ({ ...row, createdAt: row.createdAt.toISOString() })),
          nextCursor:
            rows.length > limit && last
              ? Buffer.from(JSON.stringify({ at: last.cursorAt, id: last.row.id })).toString('base64url')
              : null,
        };
      },
    );
  };
}
