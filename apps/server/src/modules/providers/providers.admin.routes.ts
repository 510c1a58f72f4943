import {
  adminProviderListQuery,
  adminProviderListSchema,
  providerIdParams,
  providerStatusChangeSchema,
  reasonBody,
} from '@localpro/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { requireAdmin } from '../../http/auth';
import type { ProviderAction } from './provider-status';
import type { Onboarding } from './providers.wiring';

const tags = ['admin'];

/** Admin review queue and status changes; every change is audited with before/after. */
export function adminProvidersRoutes(o: Onboarding): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/admin/providers',
      {
        schema: {
          tags,
          summary: 'Providers by status, oldest submission first, with documents, KYC and background status',
          querystring: adminProviderListQuery,
          response: { 200: adminProviderListSchema },
        },
      },
      async (req) => {
        requireAdmin(req);
        return o.providers.listForReview(req.query);
      },
    );

    const actions: { path: string; action: ProviderAction; summary: string; needsReason: boolean }[] = [
      { path: 'approve', action: 'APPROVE', summary: 'Approve a provider under review (goes live)', needsReason: false },
      { path: 'reject', action: 'REJECT', summary: 'Reject a provider under review, with the reason', needsReason: true },
      { path: 'suspend', action: 'SUSPEND', summary: 'Suspend a live provider, with the reason', needsReason: true },
      { path: 'reinstate', action: 'REINSTATE', summary: 'Reinstate a suspended provider, with the reason', needsReason: true },
    ];
    for (const a of actions) {
      app.post(
        `/admin/providers/:id/${a.path}`,
        {
          schema: {
            tags,
            summary: a.summary,
            params: providerIdParams,
            body: a.needsReason ? reasonBody : z.strictObject({ reason: z.string().trim().max(1000).optional() }).nullish(),
            response: { 200: providerStatusChangeSchema },
          },
        },
        async (req) => {
          const actor = requireAdmin(req);
          const body = req.body as { reason?: string } | undefined;
          return o.providers.changeStatus({
            actor,
            providerId: req.params.id,
            action: a.action,
            reason: body?.reason,
            ip: req.ip,
          });
        },
      );
    }
  };
}
