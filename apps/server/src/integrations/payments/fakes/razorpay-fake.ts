import { randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { buildRazorpayWebhook } from '../razorpay-format';
import { hmacSha256Hex } from '../signature';
import { FAKE_CHECKOUT_JS } from './razorpay-checkout-fake';

/**
 * A local fake of Razorpay's API (Orders, Payments refunds, Route transfers, RazorpayX Payouts) that
 * speaks the documented wire format: basic auth key_id:key_secret, JSON bodies, amounts in paise,
 * `{ error: { code, description } }` on failure, checkout signatures and signed webhooks.
 */
export async function startRazorpayFake(opts: { keyId: string; keySecret: string; webhookSecret: string }) {
  const orders = new Map<
    string,
    { id: string; amount: number; amount_paid: number; status: string; receipt: string; notes: unknown }
  >();
  const payments = new Map<string, { id: string; order_id: string; amount: number; amount_refunded: number; status: string }>();
  const transfers = new Map<string, { id: string; on_hold: boolean; amount: number; source: string; recipient: string }>();
  const payouts = new Map<string, Record<string, unknown>>();
  const payoutByIdempotency = new Map<string, string>();
  const refunds = new Map<string, Record<string, unknown> & { id: string; amount: number; payment_id: string; status: string }>();
  const refundByIdempotency = new Map<string, { request: string; refundId: string }>();
  /** Live Razorpay answers a normal refund "pending" and settles it later by webhook; test mode processes at once. */
  const settings = { refundsPending: false };
  const requests: { method: string; path: string; headers: IncomingMessage['headers']; body: Record<string, unknown> }[] = [];
  const rid = (p: string) => `${p}_${randomBytes(7).toString('hex')}`;
  const expectedAuth = `Basic ${Buffer.from(`${opts.keyId}:${opts.keySecret}`).toString('base64')}`;

  const send = (res: ServerResponse, status: number, body: unknown) => {
    // No keep-alive: a pooled socket closed by the server between tests would reset the next request.
    res.writeHead(status, { 'content-type': 'application/json', connection: 'close' });
    res.end(JSON.stringify(body));
  };
  const fail = (res: ServerResponse, status: number, description: string) =>
    send(res, status, {
      error: {
        code: status === 401 ? 'BAD_REQUEST_ERROR' : 'BAD_REQUEST_ERROR',
        description,
        source: 'NA',
        step: 'NA',
        reason: 'NA',
      },
    });

  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      let body: Record<string, unknown> = {};
      try {
        body = chunks.length ? (JSON.parse(Buffer.concat(chunks).toString('utf8')) as Record<string, unknown>) : {};
      } catch {
        return fail(res, 400, 'Invalid JSON');
      }
      const path = (req.url ?? '').split('?')[0]!;
      requests.push({ method: req.method ?? '', path, headers: req.headers, body });
      // Standard Checkout in the browser: the script, and the payment its dialog takes (no API key).
      if (req.method === 'GET' && path === '/v1/checkout.js') {
        res.writeHead(200, { 'content-type': 'application/javascript; charset=utf-8', connection: 'close' });
        return res.end(FAKE_CHECKOUT_JS);
      }
      if (req.method === 'POST' && path === '/_fake/checkout/pay') {
        res.setHeader('access-control-allow-origin', '*');
        const orderId = String(body.order_id ?? '');
        if (body.key !== opts.keyId || !orders.has(orderId)) return fail(res, 400, 'The id provided does not exist');
        if (body.outcome !== 'success') {
          return send(res, 200, {
            error: {
              code: 'BAD_REQUEST_ERROR',
              description: 'Payment failed',
              reason: 'payment_failed',
              metadata: { order_id: orderId },
            },
          });
        }
        return send(res, 200, payOrder(orderId).checkout);
      }
      if (req.headers.authorization !== expectedAuth) return fail(res, 401, 'The api key provided is invalid');
      const match = (method: string, re: RegExp) => (req.method === method ? re.exec(path) : null);
      let m: RegExpExecArray | null = null;
      if (req.method === 'POST' && path === '/v1/orders') {
        const amount = body.amount;
        if (typeof amount !== 'number' || !Number.isInteger(amount) || amount < 100)
          return fail(res, 400, 'The amount must be atleast INR 1.00');
        if (body.currency !== 'INR') return fail(res, 400, 'The currency provided is invalid');
        const order = {
          id: rid('order'),
          entity: 'order',
          amount,
          amount_paid: 0,
          amount_due: amount,
          currency: 'INR',
          receipt: String(body.receipt ?? ''),
          status: 'created',
          attempts: 0,
          notes: body.notes ?? [],
          created_at: Math.floor(Date.now() / 1000),
        };
        orders.set(order.id, order);
        return send(res, 200, order);
      }
      m = match('POST', /^\/v1\/payments\/([^/]+)\/refund$/);
      if (m) {
        const p = payments.get(m[1]!);
        const key = req.headers['x-refund-idempotency'];
        const request = JSON.stringify([m[1], body]);
        if (typeof key === 'string') {
          if (!/^[A-Za-z0-9_-]{10,}$/.test(key)) return fail(res, 400, 'The idempotency key is invalid');
          const seen = refundByIdempotency.get(key);
          if (seen && seen.request !== request)
            return fail(res, 400, 'Different request with the same idempotency key has already been processed.');
          if (seen) return send(res, 200, refunds.get(seen.refundId));
        }
        if (p?.status !== 'captured') return fail(res, 400, 'The payment has not been captured');
        const amount = typeof body.amount === 'number' ? body.amount : p.amount - p.amount_refunded;
        if (amount > p.amount - p.amount_refunded)
          return fail(res, 400, 'The refund amount provided is greater than amount captured');
        p.amount_refunded += amount;
        const refund = {
          id: rid('rfnd'),
          entity: 'refund',
          amount,
          currency: 'INR',
          payment_id: p.id,
          notes: body.notes ?? {},
          status: settings.refundsPending ? 'pending' : 'processed',
          speed_processed: 'normal',
          created_at: Math.floor(Date.now() / 1000),
        };
        refunds.set(refund.id, refund);
        if (typeof key === 'string') refundByIdempotency.set(key, { request, refundId: refund.id });
        return send(res, 200, refund);
      }
      m = match('POST', /^\/v1\/payments\/([^/]+)\/transfers$/);
      if (m) {
        const p = payments.get(m[1]!);
        if (p?.status !== 'captured') return fail(res, 400, 'The payment has not been captured');
        const list = (body.transfers as { account: string; amount: number; on_hold?: boolean }[]) ?? [];
        const items = list.map((tr) => {
          const t = {
            id: rid('trf'),
            entity: 'transfer',
            status: 'pending',
            source: p.id,
            recipient: tr.account,
            amount: tr.amount,
            currency: 'INR',
            on_hold: tr.on_hold ?? false,
          };
          transfers.set(t.id, t);
          return t;
        });
        return send(res, 200, { entity: 'collection', count: items.length, items });
      }
      m = match('PATCH', /^\/v1\/transfers\/([^/]+)$/);
      if (m) {
        const t = transfers.get(m[1]!);
        if (!t) return fail(res, 400, 'The id provided does not exist');
        t.on_hold = body.on_hold === true || body.on_hold === 1;
        return send(res, 200, { ...t, entity: 'transfer', settlement_status: t.on_hold ? 'on_hold' : 'pending' });
      }
      if (req.method === 'POST' && path === '/v1/payouts') {
        const key = req.headers['x-payout-idempotency'];
        if (typeof key !== 'string' || !key) return fail(res, 400, 'X-Payout-Idempotency header is required');
        const seen = payoutByIdempotency.get(key);
        if (seen) return send(res, 200, payouts.get(seen));
        if (typeof body.amount !== 'number' || body.amount < 100 || !body.account_number)
          return fail(res, 400, 'Invalid payout request');
        const fa = body.fund_account as { account_type?: string } | undefined;
        if (!body.fund_account_id && !fa?.account_type) return fail(res, 400, 'fund_account_id or fund_account is required');
        const p = {
          id: rid('pout'),
          entity: 'payout',
          fund_account_id: body.fund_account_id ?? rid('fa'),
          amount: body.amount,
          currency: 'INR',
          status: 'processing',
          purpose: body.purpose,
          mode: body.mode,
          reference_id: body.reference_id,
          narration: body.narration,
          failure_reason: null,
          created_at: Math.floor(Date.now() / 1000),
        };
        payouts.set(p.id, p);
        payoutByIdempotency.set(key, p.id);
        return send(res, 200, p);
      }
      return fail(res, 404, 'The requested URL was not found on the server.');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  const signed = (event: string, entities: Parameters<typeof buildRazorpayWebhook>[1]) => {
    const rawBody = JSON.stringify(buildRazorpayWebhook(event, entities, 'acc_fake'));
    return { rawBody, signature: hmacSha256Hex(opts.webhookSecret, rawBody), eventId: rid('evt') };
  };

  /** What Razorpay Checkout hands the app after a successful payment, plus the webhooks it then sends. */
  function payOrder(orderId: string) {
    const order = orders.get(orderId);
    if (!order) throw new Error(`no order ${orderId}`);
    const payment = { id: rid('pay'), order_id: orderId, amount: order.amount, amount_refunded: 0, status: 'captured' };
    payments.set(payment.id, payment);
    order.amount_paid = order.amount;
    order.status = 'paid';
    const entity = { ...payment, entity: 'payment', currency: 'INR', method: 'upi', captured: true };
    return {
      checkout: {
        razorpay_payment_id: payment.id,
        razorpay_order_id: orderId,
        razorpay_signature: hmacSha256Hex(opts.keySecret, `${orderId}|${payment.id}`),
      },
      webhooks: [
        signed('payment.captured', { payment: entity }),
        signed('order.paid', { payment: entity, order: { ...order, entity: 'order' } }),
      ],
    };
  }

  return {
    url,
    requests,
    pay: payOrder,
    settings,
    /** refund.processed / refund.failed for a pending refund; a failed refund's amount is refundable again. */
    refundWebhook(refundId: string, status: 'processed' | 'failed') {
      const r = refunds.get(refundId);
      if (!r) throw new Error(`no refund ${refundId}`);
      r.status = status;
      const p = payments.get(r.payment_id);
      if (status === 'failed' && p) p.amount_refunded -= r.amount;
      return signed(`refund.${status}`, { refund: r });
    },
    /** payout.processed / payout.failed as RazorpayX would send it. */
    payoutWebhook(payoutId: string, status: 'processed' | 'failed' | 'reversed') {
      const p = payouts.get(payoutId);
      if (!p) throw new Error(`no payout ${payoutId}`);
      p.status = status;
      if (status !== 'processed') p.failure_reason = 'Beneficiary bank offline';
      const rawBody = JSON.stringify({
        entity: 'event',
        account_id: 'acc_fake',
        event: `payout.${status}`,
        contains: ['payout'],
        payload: { payout: { entity: p } },
        created_at: Math.floor(Date.now() / 1000),
      });
      return { rawBody, signature: hmacSha256Hex(opts.webhookSecret, rawBody), eventId: rid('evt') };
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
export type RazorpayFake = Awaited<ReturnType<typeof startRazorpayFake>>;
