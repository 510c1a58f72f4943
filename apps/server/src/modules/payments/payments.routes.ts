import {
  adminRefundBody,
  createPaymentIntentBody,
  ledgerCheckResponse,
  paymentDetailResponse,
  paymentIntentResponse,
  paymentResponse,
  recordDirectPaymentBody,
  refundResponse,
  upiIntentResponse,
  verifyPaymentBody,
  verifyPaymentResponse,
} from '@localpro/contracts';
import type { FastifyInstance } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Container } from '../../container';
import { requireActor, requireAdmin, requireRole } from '../../http/auth';
import { idempotencyKeyOf, withIdempotency } from '../../http/idempotency';
import type { Ledger } from '../ledger/ledger';
import type { InvoiceService } from './invoice.service';
import type { PaymentService } from './payments.service';
import { sandboxCheckoutHtml } from './sandbox-checkout';

const idParams = z.object({ id: z.string().uuid() });
const tags = ['payments'];

/** Registers a POST route whose body arrives as the raw bytes (webhook signatures cover the exact body). */
export async function rawBodyScope(app: FastifyInstance, register: (scope: FastifyInstance) => void) {
  await app.register(async (scope) => {
    scope.removeAllContentTypeParsers();
    scope.addContentTypeParser('*', { parseAs: 'buffer' }, (_req, body, done) => done(null, body));
    register(scope);
  });
}

const header = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);

export function paymentsRoutes(
  c: Container & { payments: PaymentService; ledger: Ledger; invoices: InvoiceService },
): FastifyPluginAsyncZod {
  const svc = c.payments;
  return async (app) => {
    app.post(
      '/payments',
      {
        schema: {
          tags,
          summary: 'Record a cash or direct UPI payment (customer or provider)',
          body: recordDirectPaymentBody,
          response: { 201: paymentResponse },
        },
      },
      async (req, reply) => {
        const actor = requireRole(req, 'CUSTOMER', 'PROVIDER');
        return reply.code(201).send(await svc.recordDirect(actor, req.body));
      },
    );
    app.put(
      '/payments/:id/confirm-receipt',
      {
        schema: {
          tags,
          summary: 'Provider confirms receiving a cash/UPI payment',
          params: idParams,
          response: { 200: paymentResponse },
        },
      },
      async (req) => svc.confirmDirect(requireRole(req, 'PROVIDER'), req.params.id, 'PROVIDER'),
    );
    app.put(
      '/payments/:id/confirm-paid',
      {
        schema: {
          tags,
          summary: 'Customer confirms paying a cash/UPI payment the provider recorded',
          params: idParams,
          response: { 200: paymentResponse },
        },
      },
      async (req) => svc.confirmDirect(requireRole(req, 'CUSTOMER'), req.params.id, 'CUSTOMER'),
    );
    app.get(
      '/payments/:id',
      {
        schema: {
          tags,
          summary: 'A payment with its attempts and refunds',
          params: idParams,
          response: { 200: paymentDetailResponse },
        },
      },
      async (req) => svc.getPayment(requireActor(req), req.params.id),
    );
    app.get(
      '/bookings/:id/payments',
      {
        schema: {
          tags,
          summary: "A booking's payments",
          params: idParams,
          response: { 200: z.object({ items: z.array(paymentResponse) }) },
        },
      },
      async (req) => svc.listForBooking(requireActor(req), req.params.id),
    );
    app.get(
      '/bookings/:id/upi-intent',
      {
        schema: {
          tags,
          summary: "The provider's upi://pay link for this booking (render as QR)",
          params: idParams,
          response: { 200: upiIntentResponse },
        },
      },
      async (req) => svc.upiIntent(requireActor(req), req.params.id),
    );
    app.post(
      '/payments/intents',
      {
        schema: {
          tags,
          summary: 'Create (or reuse) the gateway order for an in-app payment. Needs an Idempotency-Key header.',
          body: createPaymentIntentBody,
          response: { 201: paymentIntentResponse },
        },
      },
      async (req, reply) => {
        const actor = requireRole(req, 'CUSTOMER');
        const key = idempotencyKeyOf(req, true);
        const res = await withIdempotency(
          c.db,
          { userId: actor.userId, key, route: 'POST /payments/intents', body: req.body },
          async () => ({
            status: 201,
            body: await svc.createIntent(actor, req.body.bookingId),
          }),
        );
        if (res.replayed) void reply.header('idempotent-replayed', 'true');
        return reply.code(res.status as 201).send(res.body);
      },
    );
    app.post(
      '/payments/verify',
      {
        schema: {
          tags,
          summary: 'Checkout callback: verify the gateway signature and record the capture',
          body: verifyPaymentBody,
          response: { 200: verifyPaymentResponse },
        },
      },
      async (req) => svc.verifyCheckout(requireRole(req, 'CUSTOMER'), req.body),
    );
    await rawBodyScope(app, (scope) => {
      scope.post<{ Params: { gateway: string }; Body: Buffer }>(
        '/payments/webhooks/:gateway',
        { schema: { tags, summary: 'Gateway webhooks (Razorpay format, X-Razorpay-Signature over the raw body)', hide: false } },
        async (req) => {
          const body = Buffer.isBuffer(req.body) ? req.body : Buffer.from('');
          return svc.handleWebhook(req.params.gateway, body, {
            signature: header(req.headers['x-razorpay-signature']),
            eventId: header(req.headers['x-razorpay-event-id']),
          });
        },
      );
    });

    if (c.sandboxGateway && !c.config.isProduction) {
      const orderParams = z.object({ orderId: z.string().min(1).max(100) });
      app.get(
        '/payments/sandbox/checkout/:orderId',
        { schema: { tags, summary: 'Sandbox gateway checkout page', params: orderParams } },
        async (req, reply) => {
          const order = await svc.sandboxOrder(req.params.orderId);
          return reply
            .type('text/html; charset=utf-8')
            .header('cache-control', 'no-store')
            .send(
              sandboxCheckoutHtml({
                orderId: req.params.orderId,
                amountPaise: order.amountPaise,
                bookingNumber: order.bookingNumber,
                payeeName: order.payeeName,
                status: order.status,
              }),
            );
        },
      );
      app.post(
        '/payments/sandbox/checkout/:orderId',
        {
          schema: {
            tags,
            summary: 'Sandbox gateway: the payer chooses success or failure',
            params: orderParams,
            body: z.strictObject({ outcome: z.enum(['success', 'failure']) }),
          },
        },
        async (req) => svc.sandboxComplete(req.params.orderId, req.body.outcome),
      );
    }

    app.post(
      '/admin/payments/:id/refund',
      {
        schema: {
          tags: ['admin'],
          summary: 'Refund an in-app payment (full or partial); audited',
          params: idParams,
          body: adminRefundBody,
          response: { 201: refundResponse },
        },
      },
      async (req, reply) => {
        const actor = requireAdmin(req);
        return reply.code(201).send(await svc.adminRefund(actor, req.params.id, req.body, req.ip));
      },
    );
    app.post(
      '/admin/refunds/:id/retry',
      {
        schema: {
          tags: ['admin'],
          summary: 'Send a failed (or unacknowledged) gateway refund again; audited',
          params: idParams,
          response: { 200: refundResponse },
        },
      },
      async (req) => svc.adminRetryRefund(requireAdmin(req), req.params.id, req.ip),
    );
    app.get(
      '/admin/ledger/check',
      {
        schema: {
          tags: ['admin'],
          summary: 'Ledger integrity: every transaction and the whole ledger sum to zero',
          response: { 200: ledgerCheckResponse },
        },
      },
      async (req) => {
        requireAdmin(req);
        return c.ledger.check(c.db);
      },
    );
    app.get(
      '/bookings/:id/invoice',
      { schema: { tags, summary: 'Invoice PDF for a paid booking (customer, provider, admins)', params: idParams } },
      async (req, reply) => {
        const { filename, pdf } = await c.invoices.invoicePdf(requireActor(req), req.params.id);
        return reply
          .type('application/pdf')
          .header('content-disposition', `inline; filename="${filename}"`)
          .header('cache-control', 'private, no-store')
          .send(pdf);
      },
    );
  };
}
