import {
  adminSetRoleBody,
  adminSetStatusBody,
  adminUserItem,
  adminUserParams,
  adminUsersQuery,
  adminUsersResponse,
} from '@localpro/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Container } from '../../container';
import { requireAdmin } from '../../http/auth';

/** Admin user management: search, role changes and suspend/ban/reinstate (all audited). */
export function adminUsersRoutes(c: Container): FastifyPluginAsyncZod {
  const tags = ['admin'];
  return async (app) => {
    app.get(
      '/admin/users',
      {
        schema: {
          tags,
          summary: 'Find users by phone or name',
          querystring: adminUsersQuery,
          response: { 200: adminUsersResponse },
        },
      },
      async (req) => {
        requireAdmin(req);
        return c.users.searchUsers(req.query);
      },
    );
    app.post(
      '/admin/users/:id/role',
      {
        schema: {
          tags,
          summary: "Change a user's role",
          params: adminUserParams,
          body: adminSetRoleBody,
          response: { 200: adminUserItem },
        },
      },
      async (req) => c.users.setRole(requireAdmin(req), req.params.id, req.body.role, req.body.reason, req.ip ?? null),
    );
    app.post(
      '/admin/users/:id/status',
      {
        schema: {
          tags,
          summary: 'Suspend, ban or reinstate a user',
          params: adminUserParams,
          body: adminSetStatusBody,
          response: { 200: adminUserItem },
        },
      },
      async (req) => c.users.setStatus(requireAdmin(req), req.params.id, req.body.status, req.body.reason, req.ip ?? null),
    );
  };
}
