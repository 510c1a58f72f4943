import {
  adminDisputeDetail,
  adminDisputeParams,
  adminDisputesQuery,
  adminDisputesResponse,
  adminRefundParams,
  refundResponse,
  resolveDisputeBody,
  resolveDisputeResponse,
  settleRefundBody,
} from '@localpro/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Db } from '../../db/client';
import { requireAdmin } from '../../http/auth';
import { idempotencyKeyOf, withIdempotency } from '../../http/idempotency';
import type { DisputesService } from './disputes.service';

const tags = ['admin'];

/**
 * The disputes queue, evidence and resolution (admins with TOTP; every action audited). The money-moving
 * POSTs accept an optional Idempotency-Key: a replay returns the first response; without one a second
 * resolve is 409 DISPUTE_ALREADY_RESOLVED.
 */
export function disputesRoutes(disputes: DisputesService, db: Db): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/admin/disputes',
      {
        schema: {
          tags,
          summary: 'Open disputes oldest first (or resolved ones newest first), with evidence counts',
          querystring: adminDisputesQuery,
          response: { 200: adminDisputesResponse },
        },
      },
      async (req) => {
        requireAdmin(req);
        return disputes.list(req.query);
      },
    );
    app.get(
      '/admin/disputes/:bookingId',
      {
        schema: {
          tags,
          summary: "A dispute's evidence: timeline, start-code use, the pair's chat with originals, photos, money (audited)",
          params: adminDisputeParams,
          response: { 200: adminDisputeDetail },
        },
      },
      async (req) => disputes.evidence(requireAdmin(req), req.params.bookingId, req.ip ?? null),
    );
    app.post(
      '/admin/disputes/:bookingId/resolve',
      {
        schema: {
          tags,
          summary: 'Resolve a dispute: full or partial refund, rework at a new slot, or no action; both sides notified',
          params: adminDisputeParams,
          body: resolveDisputeBody,
          response: { 200: resolveDisputeResponse },
        },
      },
      async (req, reply) => {
        const actor = requireAdmin(req);
        const res = await withIdempotency(
          db,
          {
            userId: actor.userId,
            key: idempotencyKeyOf(req, false),
            route: `POST /admin/disputes/${req.params.bookingId}/resolve`,
            body: req.body,
          },
          async () => ({ status: 200, body: await disputes.resolve(actor, req.params.bookingId, req.body, req.ip ?? null) }),
        );
        if (res.replayed) void reply.header('idempotent-replayed', 'true');
        return res.body;
      },
    );
    app.post(
      '/admin/refunds/:id/settle',
      {
        schema: {
          tags,
          summary: 'Record that a cash/UPI dispute refund was paid to the customer (bank/UPI reference)',
          params: adminRefundParams,
          body: settleRefundBody,
          response: { 200: refundResponse },
        },
      },
      async (req, reply) => {
        const actor = requireAdmin(req);
        const res = await withIdempotency(
          db,
          {
            userId: actor.userId,
            key: idempotencyKeyOf(req, false),
            route: `POST /admin/refunds/${req.params.id}/settle`,
            body: req.body,
          },
          async () => ({
            status: 200,
            body: await disputes.settleDirectRefund(actor, req.params.id, req.body.reference, req.ip ?? null),
          }),
        );
        if (res.replayed) void reply.header('idempotent-replayed', 'true');
        return res.body;
      },
    );
  };
}
