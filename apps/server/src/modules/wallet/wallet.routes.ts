import { autoPayoutBody, payoutResponse, walletResponse, withdrawalBody } from '@localpro/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Container } from '../../container';
import { requireAdmin, requireRole } from '../../http/auth';
import { idempotencyKeyOf, withIdempotency } from '../../http/idempotency';
import { rawBodyScope } from '../payments/payments.routes';

const tags = ['wallet'];
const header = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);

export function walletRoutes(c: Container): FastifyPluginAsyncZod {
  const svc = c.wallet;
  return async (app) => {
    app.get(
      '/wallet',
      {
        schema: {
          tags,
          summary: "The provider's wallet: available, held in escrow, in transit, lifetime earnings, history",
          querystring: z.object({
            cursor: z.string().max(200).optional(),
            limit: z.coerce.number().int().min(1).max(100).default(20),
          }),
          response: { 200: walletResponse },
        },
      },
      async (req) => svc.getWallet(requireRole(req, 'PROVIDER'), req.query),
    );
    app.post(
      '/wallet/withdrawals',
      {
        schema: {
          tags,
          summary: 'Withdraw to the bank/UPI on file (min ₹500, paid T+2). Accepts an Idempotency-Key.',
          body: withdrawalBody,
          response: { 201: payoutResponse },
        },
      },
      async (req, reply) => {
        const actor = requireRole(req, 'PROVIDER');
        const res = await withIdempotency(
          c.db,
          { userId: actor.userId, key: idempotencyKeyOf(req, false), route: 'POST /wallet/withdrawals', body: req.body },
          async () => ({ status: 201, body: await svc.withdraw(actor, req.body.amount) }),
        );
        return reply.code(res.status as 201).send(res.body);
      },
    );
    app.get(
      '/wallet/withdrawals',
      {
        schema: {
          tags,
          summary: "The provider's withdrawals, newest first",
          querystring: z.object({ limit: z.coerce.number().int().min(1).max(100).default(20) }),
          response: { 200: z.object({ items: z.array(payoutResponse) }) },
        },
      },
      async (req) => svc.listWithdrawals(requireRole(req, 'PROVIDER'), req.query.limit),
    );
    app.put(
      '/wallet/auto-payout',
      {
        schema: {
          tags,
          summary: 'Turn the weekly automatic payout on or off',
          body: autoPayoutBody,
          response: { 200: z.object({ autoPayout: z.boolean() }) },
        },
      },
      async (req) => svc.setAutoPayout(requireRole(req, 'PROVIDER'), req.body.enabled),
    );
    app.post(
      '/admin/payouts/:id/retry',
      {
        schema: {
          tags: ['admin'],
          summary: 'Retry a failed payout (audited)',
          params: z.object({ id: z.string().uuid() }),
          response: { 201: payoutResponse },
        },
      },
      async (req, reply) => reply.code(201).send(await svc.adminRetryPayout(requireAdmin(req), req.params.id, req.ip)),
    );
    await rawBodyScope(app, (scope) => {
      scope.post<{ Params: { vendor: string }; Body: Buffer }>(
        '/payouts/webhooks/:vendor',
        { schema: { tags, summary: 'Payout vendor webhooks (RazorpayX payout.*)' } },
        async (req) =>
          svc.handlePayoutWebhook(req.params.vendor, Buffer.isBuffer(req.body) ? req.body : Buffer.from(''), {
            signature: header(req.headers['x-razorpay-signature']),
            eventId: header(req.headers['x-razorpay-event-id']),
          }),
      );
    });
  };
}
