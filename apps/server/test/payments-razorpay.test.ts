import { randomUUID } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RazorpayFake, startRazorpayFake } from '../src/integrations/payments/fakes/razorpay-fake';
import { auditLog } from '../src/modules/audit/audit.tables';
import { notifications } from '../src/modules/notifications/notifications.tables';
import { refunds } from '../src/modules/payments/payments.tables';
import { providerProfiles } from '../src/modules/providers/providers.tables';
import type { TestApp } from './app';
import { createTestApp } from './app';
import { createUser } from './factories/index';
import { createPaymentScenario, fundWallet } from './factories/payments';

const creds = { keyId: 'rzp_test_app', keySecret: 'app-key-secret', webhookSecret: 'app-webhook-secret' };
let fake: RazorpayFake;
let t: TestApp;
beforeAll(async () => {
  fake = await startRazorpayFake(creds);
  t = await createTestApp({
    RATE_LIMIT_PER_MINUTE: '1000000',
    PAYMENT_GATEWAY: 'razorpay',
    RAZORPAY_KEY_ID: creds.keyId,
    RAZORPAY_KEY_SECRET: creds.keySecret,
    RAZORPAY_WEBHOOK_SECRET: creds.webhookSecret,
    RAZORPAY_BASE_URL: fake.url,
    PAYOUT_PROVIDER: 'razorpayx',
    RAZORPAYX_ACCOUNT_NUMBER: '2323230000000000',
  });
});
afterAll(async () => {
  await t?.close();
  await fake?.close();
});

const post = (url: string, w: { rawBody: string; signature: string; eventId: string }) =>
  t.app.inject({
    method: 'POST',
    url,
    headers: { 'content-type': 'application/json', 'x-razorpay-signature': w.signature, 'x-razorpay-event-id': w.eventId },
    payload: w.rawBody,
  });
const runJobs = () =>
  (t.c.jobs as unknown as { drain(o: { includeDelayed: boolean }): Promise<number> }).drain({ includeDelayed: true });

describe('in-app payments with PAYMENT_GATEWAY=razorpay (against the fake Razorpay)', () => {
  it('order → checkout → verify → webhooks → admin refund through the Refunds API', async () => {
    const s = await createPaymentScenario(t.c, { status: 'CONFIRMED', quotedPrice: 75_000 });
    const i = await t.app.inject({
      method: 'POST',
      url: '/api/payments/intents',
      headers: { ...s.customer.headers, 'idempotency-key': `rzp-${s.booking.id}` },
      payload: { bookingId: s.booking.id },
    });
    expect(i.statusCode).toBe(201);
    expect(i.json().checkout).toEqual({
      gateway: 'razorpay',
      keyId: creds.keyId,
      orderId: i.json().orderId,
      amount: 75_000,
      currency: 'INR',
      scriptUrl: 'https://checkout.razorpay.com/v1/checkout.js',
    });
    expect(i.json().orderId).toMatch(/^order_/);
    // No sandbox page when the real gateway is configured.
    expect((await t.app.inject({ method: 'GET', url: `/api/payments/sandbox/checkout/${i.json().orderId}` })).statusCode).toBe(
      404,
    );

    const paid = fake.pay(i.json().orderId);
    const v = await t.app.inject({
      method: 'POST',
      url: '/api/payments/verify',
      headers: s.customer.headers,
      payload: {
        orderId: paid.checkout.razorpay_order_id,
        paymentId: paid.checkout.razorpay_payment_id,
        signature: paid.checkout.razorpay_signature,
      },
    });
    expect(v.json()).toMatchObject({ outcome: 'CAPTURED', payment: { status: 'CAPTURED' } });
    for (const w of paid.webhooks) {
      const r = await post('/api/payments/webhooks/razorpay', w);
      expect(r.json()).toMatchObject({ status: 'processed', outcome: 'ALREADY_RECORDED' });
    }
    expect((await post('/api/payments/webhooks/sandbox', paid.webhooks[0]!)).statusCode).toBe(404);

    const admin = await createUser(t.c, { role: 'ADMIN' });
    const refund = await t.app.inject({
      method: 'POST',
      url: `/api/admin/payments/${i.json().paymentId}/refund`,
      headers: admin.headers,
      payload: { amountPaise: 25_000, reason: 'Partial goodwill refund' },
    });
    expect(refund.statusCode).toBe(201);
    expect(refund.json()).toMatchObject({ amount: 25_000, status: 'PROCESSED' });
    expect(refund.json().gatewayRefundId).toMatch(/^rfnd_/);
    expect(
      fake.requests.some(
        (r) => r.path === `/v1/payments/${paid.checkout.razorpay_payment_id}/refund` && r.body.amount === 25_000,
      ),
    ).toBe(true);
    expect((await t.c.ledger.check(t.c.db)).ok).toBe(true);
  });
});

/** A CONFIRMED booking paid in full through the fake Razorpay (captured, in escrow). */
async function paidOnline(amount: number) {
  const s = await createPaymentScenario(t.c, { status: 'CONFIRMED', quotedPrice: amount });
  const i = await t.app.inject({
    method: 'POST',
    url: '/api/payments/intents',
    headers: { ...s.customer.headers, 'idempotency-key': `rzp-${s.booking.id}` },
    payload: { bookingId: s.booking.id },
  });
  const paid = fake.pay(i.json().orderId);
  for (const w of paid.webhooks) await post('/api/payments/webhooks/razorpay', w);
  return { s, paymentId: i.json().paymentId as string, gatewayPaymentId: paid.checkout.razorpay_payment_id };
}

describe('refunds the gateway fails', () => {
  it('refund.failed leaves the money owed; an admin retry is a new attempt with a new idempotency key, settled once', async () => {
    const { s, paymentId, gatewayPaymentId } = await paidOnline(60_000);
    const admin = await createUser(t.c, { role: 'ADMIN' });
    fake.settings.refundsPending = true;
    try {
      const created = await t.app.inject({
        method: 'POST',
        url: `/api/admin/payments/${paymentId}/refund`,
        headers: admin.headers,
        payload: { amountPaise: 20_000, reason: 'Tap leaked again' },
      });
      expect(created.json()).toMatchObject({ status: 'PENDING', attempt: 1, retryable: false });
      const refundId = created.json().id as string;
      const firstGatewayId = created.json().gatewayRefundId as string;
      const retryUrl = `/api/admin/refunds/${refundId}/retry`;
      // While the gateway is working on it, a retry is refused: it could refund twice.
      const early = await t.app.inject({ method: 'POST', url: retryUrl, headers: admin.headers });
      expect(early.statusCode).toBe(409);
      expect(early.json().error.code).toBe('REFUND_IN_PROGRESS');

      expect((await post('/api/payments/webhooks/razorpay', fake.refundWebhook(firstGatewayId, 'failed'))).json()).toMatchObject({
        outcome: 'REFUND_FAILED',
      });
      const payable = await t.c.ledger.balance(t.c.db, 'refunds_payable');
      // The admins hear of it (in their language), so someone sends it again.
      const alerts = await t.c.db
        .select()
        .from(notifications)
        .where(and(eq(notifications.userId, admin.id), eq(notifications.type, 'REFUND_FAILED')));
      expect(alerts).toHaveLength(1);
      expect(alerts[0]!.body).toContain('₹200');
      expect(alerts[0]!.data).toMatchObject({ refundId, paymentId, bookingId: s.booking.id });
      // The console finds it among payments with a failed refund.
      const needsRetry = async () =>
        (await t.app.inject({ method: 'GET', url: '/api/admin/payments?refundStatus=FAILED&limit=100', headers: admin.headers }))
          .json()
          .items.map((p: { id: string; refunds: { id: string; status: string; retryable: boolean }[] }) => p);
      const listed = await needsRetry();
      expect(listed.map((p: { id: string }) => p.id)).toEqual([paymentId]);
      expect(listed[0].refunds[0]).toMatchObject({ id: refundId, status: 'FAILED', retryable: true });
      // The customer and the provider cannot retry it; the money is still owed to the customer.
      for (const who of [s.customer, s.provider]) {
        expect([403, 404]).toContain((await t.app.inject({ method: 'POST', url: retryUrl, headers: who.headers })).statusCode);
      }

      fake.settings.refundsPending = false;
      const retried = await t.app.inject({ method: 'POST', url: retryUrl, headers: admin.headers });
      expect(retried.statusCode).toBe(200);
      expect(retried.json()).toMatchObject({
        status: 'PROCESSED',
        attempt: 2,
        retryable: false,
        failedGatewayRefundIds: [firstGatewayId],
      });
      expect(retried.json().gatewayRefundId).not.toBe(firstGatewayId);
      expect(await needsRetry()).toEqual([]);
      const sends = fake.requests.filter((r) => r.path === `/v1/payments/${gatewayPaymentId}/refund`);
      expect(sends.map((r) => r.headers['x-refund-idempotency'])).toEqual([`refund-${refundId}-1`, `refund-${refundId}-2`]);
      // Settled once: refunds payable went down by the refund, the payment counts it once.
      expect(await t.c.ledger.balance(t.c.db, 'refunds_payable')).toBe(payable + 20_000);
      const payment = await t.app.inject({ method: 'GET', url: `/api/payments/${paymentId}`, headers: s.customer.headers });
      expect(payment.json()).toMatchObject({ refundedAmount: 20_000, status: 'PARTIALLY_REFUNDED' });
      expect((await t.c.ledger.check(t.c.db)).ok).toBe(true);

      const again = await t.app.inject({ method: 'POST', url: retryUrl, headers: admin.headers });
      expect(again.statusCode).toBe(409);
      expect(again.json().error.code).toBe('REFUND_ALREADY_PROCESSED');
      const audits = await t.c.db.select().from(auditLog).where(eq(auditLog.objectId, refundId));
      expect(audits.map((a) => [a.action, (a.after as { attempt: number }).attempt])).toEqual([['refund.retry', 2]]);
    } finally {
      fake.settings.refundsPending = false;
    }
  });

  it('a refund whose gateway call never answered is resent under the same key, so the gateway refunds once', async () => {
    const { paymentId, gatewayPaymentId } = await paidOnline(40_000);
    const admin = await createUser(t.c, { role: 'ADMIN' });
    const created = await t.app.inject({
      method: 'POST',
      url: `/api/admin/payments/${paymentId}/refund`,
      headers: admin.headers,
      payload: { amountPaise: 40_000, reason: 'Job not done' },
    });
    const refundId = created.json().id as string;
    // The gateway made the refund but our side never stored its answer (a crash between the call and the commit).
    await t.c.db
      .update(refunds)
      .set({ status: 'PENDING', gatewayRefundId: null, processedAt: null })
      .where(eq(refunds.id, refundId));
    const settledBefore = await t.c.ledger.balance(t.c.db, 'refunds_payable');
    const retried = await t.app.inject({ method: 'POST', url: `/api/admin/refunds/${refundId}/retry`, headers: admin.headers });
    expect(retried.json()).toMatchObject({ status: 'PROCESSED', attempt: 1, gatewayRefundId: created.json().gatewayRefundId });
    const sends = fake.requests.filter((r) => r.path === `/v1/payments/${gatewayPaymentId}/refund`);
    expect(sends.map((r) => r.headers['x-refund-idempotency'])).toEqual([`refund-${refundId}-1`, `refund-${refundId}-1`]);
    // Our row was reset by hand, so the settlement posting (one per refund) is already there: not booked twice.
    expect(await t.c.ledger.balance(t.c.db, 'refunds_payable')).toBe(settledBefore);
    expect((await t.c.ledger.check(t.c.db)).ok).toBe(true);
  });

  it('retrying an unknown refund is a 404, a malformed id a 400', async () => {
    const admin = await createUser(t.c, { role: 'ADMIN' });
    const unknown = await t.app.inject({
      method: 'POST',
      url: `/api/admin/refunds/${randomUUID()}/retry`,
      headers: admin.headers,
    });
    expect(unknown.statusCode).toBe(404);
    const bad = await t.app.inject({ method: 'POST', url: '/api/admin/refunds/not-a-uuid/retry', headers: admin.headers });
    expect(bad.statusCode).toBe(400);
  });
});

describe('payouts with PAYOUT_PROVIDER=razorpayx', () => {
  it('a withdrawal goes out as a RazorpayX payout and settles on payout.processed; payout.failed returns the money', async () => {
    const s = await createPaymentScenario(t.c, { status: 'COMPLETED' });
    await t.c.db.update(providerProfiles).set({ upiId: 'ramesh@okaxis' }).where(eq(providerProfiles.id, s.providerId));
    await fundWallet(t.c, s.providerId, 150_000);
    const a = (
      await t.app.inject({
        method: 'POST',
        url: '/api/wallet/withdrawals',
        headers: s.provider.headers,
        payload: { amount: 60_000 },
      })
    ).json();
    const b = (
      await t.app.inject({
        method: 'POST',
        url: '/api/wallet/withdrawals',
        headers: s.provider.headers,
        payload: { amount: 70_000 },
      })
    ).json();
    await runJobs();
    const sent = fake.requests.filter((r) => r.path === '/v1/payouts');
    expect(sent.map((r) => r.headers['x-payout-idempotency']).sort()).toEqual([a.id, b.id].sort());
    const list = async () =>
      (await t.app.inject({ method: 'GET', url: '/api/wallet/withdrawals', headers: s.provider.headers })).json().items as {
        id: string;
        status: string;
      }[];
    expect((await list()).map((p) => p.status)).toEqual(['PROCESSING', 'PROCESSING']);

    const vendorId = async (payoutId: string) => {
      const row = await t.c.db.query.payouts.findFirst({ where: (p, { eq: e }) => e(p.id, payoutId) });
      return row!.vendorPayoutId!;
    };
    const ok = fake.payoutWebhook(await vendorId(a.id), 'processed');
    const badSig = await post('/api/payouts/webhooks/razorpayx', { ...ok, signature: '0'.repeat(64) });
    expect(badSig.statusCode).toBe(400);
    expect((await post('/api/payouts/webhooks/razorpayx', ok)).json()).toMatchObject({
      status: 'processed',
      outcome: 'PROCESSED',
    });
    expect((await post('/api/payouts/webhooks/razorpayx', ok)).json()).toMatchObject({ status: 'duplicate' });
    const failed = fake.payoutWebhook(await vendorId(b.id), 'failed');
    expect((await post('/api/payouts/webhooks/razorpayx', failed)).json()).toMatchObject({ outcome: 'FAILED' });
    const w = (await t.app.inject({ method: 'GET', url: '/api/wallet', headers: s.provider.headers })).json();
    expect(w).toMatchObject({ available: 90_000, inTransit: 0 });
    expect((await t.c.ledger.check(t.c.db)).ok).toBe(true);
  });
});
