import { createHash, randomBytes } from 'node:crypto';
import type { GatewayOrder, PaymentGateway } from './port';
import { buildRazorpayWebhook, parseRazorpayWebhook } from './razorpay-format';
import { hmacSha256Hex, signatureMatches } from './signature';

export interface SandboxGatewayOptions {
  keyId: string;
  keySecret: string;
  webhookSecret: string;
  /** Where our server serves the sandbox checkout page (relative is fine for same-origin clients). */
  checkoutBaseUrl: string;
}

export interface SignedWebhook {
  eventId: string;
  rawBody: string;
  signature: string;
}

const rid = (prefix: string) => `${prefix}_${randomBytes(7).toString('hex')}`;

/**
 * Local default gateway: no network. Orders are ids only (the payments table is the store); our
 * checkout page decides success/failure and uses `simulatePayment` to produce a Razorpay-style
 * checkout signature and the signed webhooks the real gateway would send.
 */
export function createSandboxGateway(opts: SandboxGatewayOptions) {
  const signWebhook = (body: object): SignedWebhook => {
    const rawBody = JSON.stringify(body);
    return { eventId: rid('evt'), rawBody, signature: hmacSha256Hex(opts.webhookSecret, rawBody) };
  };

  const gateway: PaymentGateway & {
    simulatePayment(input: { orderId: string; amountPaise: number; outcome: 'success' | 'failure' }): {
      paymentId: string;
      signature: string | null;
      webhooks: SignedWebhook[];
    };
    signWebhook(body: object): SignedWebhook;
  } = {
    name: 'sandbox',
    async createOrder(input): Promise<GatewayOrder> {
      if (!Number.isSafeInteger(input.amountPaise) || input.amountPaise < 100) throw new Error('amount must be ≥ 100 paise');
      const orderId = rid('order_sbx');
      return {
        orderId,
        amount: input.amountPaise,
        currency: 'INR',
        checkout: {
          gateway: 'sandbox',
          keyId: opts.keyId,
          orderId,
          amount: input.amountPaise,
          currency: 'INR',
          checkoutUrl: `${opts.checkoutBaseUrl.replace(/\/$/, '')}/api/payments/sandbox/checkout/${orderId}`,
        },
      };
    },
    verifyPaymentSignature({ orderId, paymentId, signature }) {
      return signatureMatches(hmacSha256Hex(opts.keySecret, `${orderId}|${paymentId}`), signature);
    },
    verifyWebhook(rawBody, signatureHeader) {
      return signatureMatches(hmacSha256Hex(opts.webhookSecret, rawBody), signatureHeader);
    },
    parseWebhook: parseRazorpayWebhook,
    async refund({ amountPaise, idempotencyKey }) {
      // The id follows from the idempotency key, so a retried request names the same refund, as Razorpay's would.
      const refundId = `rfnd_sbx_${createHash('sha256').update(idempotencyKey).digest('hex').slice(0, 14)}`;
      return { refundId, amountPaise, status: 'PROCESSED' };
    },
    async transfer({ onHold }) {
      return { transferId: rid('trf_sbx'), onHold };
    },
    async releaseTransfer(transferId) {
      return { transferId, onHold: false };
    },
    simulatePayment({ orderId, amountPaise, outcome }) {
      const paymentId = rid('pay_sbx');
      const now = Math.floor(Date.now() / 1000);
      const payment = {
        id: paymentId,
        entity: 'payment',
        amount: amountPaise,
        currency: 'INR',
        status: outcome === 'success' ? 'captured' : 'failed',
        order_id: orderId,
        method: 'upi',
        captured: outcome === 'success',
        error_code: outcome === 'success' ? null : 'BAD_REQUEST_ERROR',
        error_description: outcome === 'success' ? null : 'Payment was declined in the sandbox',
        created_at: now,
      };
      if (outcome === 'failure') {
        return { paymentId, signature: null, webhooks: [signWebhook(buildRazorpayWebhook('payment.failed', { payment }))] };
      }
      const order = {
        id: orderId,
        entity: 'order',
        amount: amountPaise,
        amount_paid: amountPaise,
        amount_due: 0,
        status: 'paid',
      };
      return {
        paymentId,
        signature: hmacSha256Hex(opts.keySecret, `${orderId}|${paymentId}`),
        webhooks: [
          signWebhook(buildRazorpayWebhook('payment.captured', { payment })),
          signWebhook(buildRazorpayWebhook('order.paid', { payment, order })),
        ],
      };
    },
    signWebhook,
  };
  return gateway;
}
export type SandboxGateway = ReturnType<typeof createSandboxGateway>;
