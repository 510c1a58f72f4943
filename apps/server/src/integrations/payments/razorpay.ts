import type { GatewayOrder, PaymentGateway, RefundResult, TransferResult } from './port';
import { parseRazorpayWebhook } from './razorpay-format';
import { hmacSha256Hex, signatureMatches } from './signature';

export interface RazorpayOptions {
  keyId: string;
  keySecret: string;
  webhookSecret: string;
  baseUrl: string;
  /** Standard Checkout's script, which the browser loads to take the payment. */
  checkoutScriptUrl?: string;
  fetch?: typeof fetch;
}

export class RazorpayError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'RazorpayError';
  }
}

/**
 * Razorpay adapter: Orders API, checkout signature, webhooks, refunds and Route transfers with
 * on_hold (escrow). Basic auth key_id:key_secret; amounts in paise; JSON bodies.
 */
export function createRazorpayGateway(opts: RazorpayOptions): PaymentGateway {
  const doFetch = opts.fetch ?? fetch;
  const auth = `Basic ${Buffer.from(`${opts.keyId}:${opts.keySecret}`).toString('base64')}`;

  async function call<T>(
    method: 'POST' | 'PATCH' | 'GET',
    path: string,
    body?: object,
    extraHeaders: Record<string, string> = {},
  ): Promise<T> {
    const res = await doFetch(`${opts.baseUrl.replace(/\/$/, '')}${path}`, {
      method,
      headers: { authorization: auth, 'content-type': 'application/json', ...extraHeaders },
      body: body ? JSON.stringify(body) : undefined,
      signal: AbortSignal.timeout(15_000),
    });
    const json = (await res.json().catch(() => ({}))) as Record<string, unknown>;
    if (!res.ok) {
      const err = (json.error ?? {}) as { code?: string; description?: string };
      throw new RazorpayError(res.status, err.code ?? 'SERVER_ERROR', err.description ?? `Razorpay ${res.status}`);
    }
    return json as T;
  }

  return {
    name: 'razorpay',
    async createOrder(input): Promise<GatewayOrder> {
      const order = await call<{ id: string; amount: number; currency: 'INR' }>('POST', '/v1/orders', {
        amount: input.amountPaise,
        currency: 'INR',
        receipt: input.receipt.slice(0, 40),
        notes: input.notes ?? {},
      });
      return {
        orderId: order.id,
        amount: order.amount,
        currency: 'INR',
        checkout: {
          gateway: 'razorpay',
          keyId: opts.keyId,
          orderId: order.id,
          amount: order.amount,
          currency: 'INR',
          scriptUrl: opts.checkoutScriptUrl ?? 'https://checkout.razorpay.com/v1/checkout.js',
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
    async refund({ paymentId, amountPaise, idempotencyKey, notes }): Promise<RefundResult> {
      // X-Refund-Idempotency: a retry with the same key and body returns the first refund, never a second one.
      const r = await call<{ id: string; amount: number; status: string }>(
        'POST',
        `/v1/payments/${encodeURIComponent(paymentId)}/refund`,
        { amount: amountPaise, speed: 'normal', notes: notes ?? {} },
        { 'x-refund-idempotency': idempotencyKey },
      );
      return { refundId: r.id, amountPaise: r.amount, status: r.status === 'processed' ? 'PROCESSED' : 'PENDING' };
    },
    async transfer({ paymentId, linkedAccountId, amountPaise, onHold }): Promise<TransferResult> {
      const r = await call<{ items: { id: string; on_hold: boolean }[] }>(
        'POST',
        `/v1/payments/${encodeURIComponent(paymentId)}/transfers`,
        { transfers: [{ account: linkedAccountId, amount: amountPaise, currency: 'INR', on_hold: onHold }] },
      );
      const t = r.items[0];
      if (!t) throw new RazorpayError(502, 'SERVER_ERROR', 'Razorpay returned no transfer');
      return { transferId: t.id, onHold: t.on_hold };
    },
    async releaseTransfer(transferId): Promise<TransferResult> {
      const t = await call<{ id: string; on_hold: boolean }>('PATCH', `/v1/transfers/${encodeURIComponent(transferId)}`, {
        on_hold: false,
      });
      return { transferId: t.id, onHold: t.on_hold };
    },
  };
}
