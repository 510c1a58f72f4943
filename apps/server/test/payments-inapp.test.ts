import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildRazorpayWebhook } from '../src/integrations/payments/razorpay-format';
import type { SandboxGateway } from '../src/integrations/payments/sandbox';
import { hmacSha256Hex } from '../src/integrations/payments/signature';
import { auditLog } from '../src/modules/audit/audit.tables';
import { countWebhookEvents } from '../src/modules/payments/payments.repository';
import type { TestApp } from './app';
import { createTestApp } from './app';
import { createUser } from './factories/index';
import { createPaymentScenario, setBookingStatus } from './factories/payments';

let t: TestApp;
beforeAll(async () => {
  // A high per-IP limit: under REDIS_URL the limiter is shared with every other test process on this machine.
  t = await createTestApp({ RATE_LIMIT_PER_MINUTE: '1000000' });
});
afterAll(async () => {
  await t?.close();
});

const drain = () => t.c.jobs.drain!();
let keySeq = 0;
const idemKey = () => `test-key-${process.pid}-${++keySeq}-${Date.now()}`;

async function intent(s: Awaited<ReturnType<typeof createPaymentScenario>>, key = idemKey()) {
  return t.app.inject({
    method: 'POST',
    url: '/api/payments/intents',
    headers: { ...s.customer.headers, 'idempotency-key': key },
    payload: { bookingId: s.booking.id },
  });
}

async function ledgerOk() {
  const check = await t.c.ledger.check(t.c.db);
  expect(check).toMatchObject({ ok: true, totalSum: 0, unbalancedTransactionIds: [] });
}

describe('in-app payment through the sandbox gateway', () => {
  it('checkout page → pay → signed webhooks → escrow → confirm completion → fee split to wallet', async () => {
    const s = await createPaymentScenario(t.c, { status: 'IN_PROGRESS', quotedPrice: 100_000 });
    const res = await intent(s);
    expect(res.statusCode).toBe(201);
    const body = res.json();
    expect(body).toMatchObject({ amount: 100_000, currency: 'INR', checkout: { gateway: 'sandbox', orderId: body.orderId } });

    const page = await t.app.inject({ method: 'GET', url: `/api/payments/sandbox/checkout/${body.orderId}` });
    expect(page.statusCode).toBe(200);
    expect(page.headers['content-type']).toContain('text/html');
    expect(page.body).toContain('₹1,000.00');
    expect(page.body).toContain('भुगतान');

    const paid = await t.app.inject({
      method: 'POST',
      url: `/api/payments/sandbox/checkout/${body.orderId}`,
      payload: { outcome: 'success' },
    });
    expect(paid.statusCode).toBe(200);
    const result = paid.json();
    expect(result.razorpay_signature).toMatch(/^[0-9a-f]{64}$/);

    // The app's checkout callback.
    const verify = await t.app.inject({
      method: 'POST',
      url: '/api/payments/verify',
      headers: s.customer.headers,
      payload: { orderId: body.orderId, paymentId: result.razorpay_payment_id, signature: result.razorpay_signature },
    });
    expect(verify.statusCode).toBe(200);
    expect(verify.json()).toMatchObject({ outcome: 'CAPTURED', payment: { status: 'CAPTURED', amount: 100_000 } });

    // Webhooks arrive later (job) and change nothing more.
    await drain();
    const detail = await t.app.inject({ method: 'GET', url: `/api/payments/${body.paymentId}`, headers: s.customer.headers });
    expect(detail.json()).toMatchObject({ status: 'CAPTURED', attempts: [{ status: 'CAPTURED' }] });
    expect(await t.c.ledger.heldInEscrow(t.c.db, { bookingId: s.booking.id })).toBe(100_000);

    // The provider sees it as held.
    const w1 = await t.app.inject({ method: 'GET', url: '/api/wallet', headers: s.provider.headers });
    expect(w1.json()).toMatchObject({ available: 0, held: 100_000 });

    // Completion confirmed → release (what the bookings module's confirm transaction does).
    await setBookingStatus(t.c, s.booking.id, 'COMPLETED', { customerConfirmed: true });
    await t.c.db.transaction((tx) => t.c.payments.releaseEscrowForBooking(tx, s.booking.id));
    const w2 = await t.app.inject({ method: 'GET', url: '/api/wallet', headers: s.provider.headers });
    expect(w2.json()).toMatchObject({ available: 88_200, held: 0, lifetimeEarnings: 88_200 });
    const after = await t.app.inject({ method: 'GET', url: `/api/payments/${body.paymentId}`, headers: s.customer.headers });
    expect(after.json()).toMatchObject({ status: 'COMPLETED', platformFee: 10_000, providerEarnings: 88_200 });
    expect(await t.c.ledger.balance(t.c.db, 'platform_revenue')).toBeLessThanOrEqual(-10_000);
    await ledgerOk();
  });
});

type Scenario = Awaited<ReturnType<typeof createPaymentScenario>>;
const sandbox = () => t.c.sandboxGateway as SandboxGateway;

async function postWebhook(w: { rawBody: string; signature: string; eventId: string }) {
  return t.app.inject({
    method: 'POST',
    url: '/api/payments/webhooks/sandbox',
    headers: { 'content-type': 'application/json', 'x-razorpay-signature': w.signature, 'x-razorpay-event-id': w.eventId },
    payload: w.rawBody,
  });
}

function paymentEntity(orderId: string, paymentId: string, amount: number, status: 'captured' | 'failed' | 'authorized') {
  return {
    id: paymentId,
    entity: 'payment',
    amount,
    currency: 'INR',
    status,
    order_id: orderId,
    error_description: status === 'failed' ? 'declined' : null,
  };
}

async function openOrder(opts: Parameters<typeof createPaymentScenario>[1] = {}) {
  const s = await createPaymentScenario(t.c, { status: 'CONFIRMED', ...opts });
  const res = await intent(s);
  expect(res.statusCode).toBe(201);
  return {
    s,
    orderId: res.json().orderId as string,
    paymentId: res.json().paymentId as string,
    amount: res.json().amount as number,
  };
}

async function paymentOf(s: Scenario, paymentId: string) {
  const r = await t.app.inject({ method: 'GET', url: `/api/payments/${paymentId}`, headers: s.customer.headers });
  expect(r.statusCode).toBe(200);
  return r.json();
}

describe('intents: idempotency and who may pay', () => {
  it('replays the first response for the same key; a different body with that key is refused', async () => {
    const s = await createPaymentScenario(t.c, { status: 'CONFIRMED' });
    const other = await createPaymentScenario(t.c, { status: 'CONFIRMED' });
    const key = idemKey();
    const first = await intent(s, key);
    const replay = await intent(s, key);
    expect(replay.statusCode).toBe(201);
    expect(replay.json()).toEqual(first.json());
    expect(replay.headers['idempotent-replayed']).toBe('true');
    const reused = await t.app.inject({
      method: 'POST',
      url: '/api/payments/intents',
      headers: { ...s.customer.headers, 'idempotency-key': key },
      payload: { bookingId: other.booking.id },
    });
    expect(reused.statusCode).toBe(422);
    expect(reused.json().error.code).toBe('IDEMPOTENCY_KEY_REUSED');
    const noKey = await t.app.inject({
      method: 'POST',
      url: '/api/payments/intents',
      headers: s.customer.headers,
      payload: { bookingId: s.booking.id },
    });
    expect(noKey.statusCode).toBe(400);
    expect(noKey.json().error.code).toBe('IDEMPOTENCY_KEY_REQUIRED');
    // A new key for the same unpaid booking reuses the same gateway order (retry without double charging).
    const again = await intent(s);
    expect(again.json().orderId).toBe(first.json().orderId);
  });

  it("refuses someone else's booking (404), providers (403), unknown fields (400) and unpayable states (422)", async () => {
    const s = await createPaymentScenario(t.c, { status: 'CONFIRMED' });
    const stranger = await createUser(t.c, { role: 'CUSTOMER' });
    const r1 = await t.app.inject({
      method: 'POST',
      url: '/api/payments/intents',
      headers: { ...stranger.headers, 'idempotency-key': idemKey() },
      payload: { bookingId: s.booking.id },
    });
    expect(r1.statusCode).toBe(404);
    const r2 = await t.app.inject({
      method: 'POST',
      url: '/api/payments/intents',
      headers: { ...s.provider.headers, 'idempotency-key': idemKey() },
      payload: { bookingId: s.booking.id },
    });
    expect(r2.statusCode).toBe(403);
    const r3 = await t.app.inject({
      method: 'POST',
      url: '/api/payments/intents',
      headers: { ...s.customer.headers, 'idempotency-key': idemKey() },
      payload: { bookingId: s.booking.id, amount: 1 },
    });
    expect(r3.statusCode).toBe(400);
    const r4 = await t.app.inject({
      method: 'POST',
      url: '/api/payments/intents',
      headers: { 'idempotency-key': idemKey() },
      payload: { bookingId: s.booking.id },
    });
    expect(r4.statusCode).toBe(401);
    const pending = await createPaymentScenario(t.c, { status: 'PENDING' });
    const r5 = await intent(pending);
    expect(r5.statusCode).toBe(422);
    expect(r5.json().error.code).toBe('BOOKING_NOT_PAYABLE');
  });

  it('paying twice is a 409', async () => {
    const { s, orderId, amount } = await openOrder();
    const sim = sandbox().simulatePayment({ orderId, amountPaise: amount, outcome: 'success' });
    const v = await t.app.inject({
      method: 'POST',
      url: '/api/payments/verify',
      headers: s.customer.headers,
      payload: { orderId, paymentId: sim.paymentId, signature: sim.signature },
    });
    expect(v.statusCode).toBe(200);
    const again = await intent(s);
    expect(again.statusCode).toBe(409);
    expect(again.json().error.code).toBe('ALREADY_PAID');
    const cash = await t.app.inject({
      method: 'POST',
      url: '/api/payments',
      headers: s.customer.headers,
      payload: { bookingId: s.booking.id, method: 'CASH', amount },
    });
    expect([409, 422]).toContain(cash.statusCode);
  });
});

describe('signatures', () => {
  it('rejects forged checkout signatures and accepts only the one over the STORED order id', async () => {
    const { s, orderId, amount, paymentId } = await openOrder();
    const other = await openOrder();
    const sim = sandbox().simulatePayment({ orderId, amountPaise: amount, outcome: 'success' });
    const forged = [
      'a'.repeat(64),
      sim.signature!.toUpperCase().replace(/[0-9]/g, 'F'),
      sim.signature!.slice(0, 63),
      `${sim.signature!}0`,
      hmacSha256Hex('wrong-secret', `${orderId}|${sim.paymentId}`),
      hmacSha256Hex('wrong-secret', `${other.orderId}|${sim.paymentId}`),
    ];
    for (let i = 0; i < 60; i++) forged.push(hmacSha256Hex(`k${i}`, `${orderId}|${sim.paymentId}`));
    for (const signature of forged) {
      const r = await t.app.inject({
        method: 'POST',
        url: '/api/payments/verify',
        headers: s.customer.headers,
        payload: { orderId, paymentId: sim.paymentId, signature },
      });
      expect(r.statusCode).toBe(400);
      expect(r.json().error.code).toBe('INVALID_SIGNATURE');
    }
    // A valid signature for another order cannot be replayed on this one.
    const simOther = sandbox().simulatePayment({ orderId: other.orderId, amountPaise: other.amount, outcome: 'success' });
    const cross = await t.app.inject({
      method: 'POST',
      url: '/api/payments/verify',
      headers: s.customer.headers,
      payload: { orderId, paymentId: simOther.paymentId, signature: simOther.signature },
    });
    expect(cross.statusCode).toBe(400);
    expect((await paymentOf(s, paymentId)).status).toBe('PENDING');
    // Someone else cannot verify this customer's order.
    const stranger = await createUser(t.c, { role: 'CUSTOMER' });
    const r = await t.app.inject({
      method: 'POST',
      url: '/api/payments/verify',
      headers: stranger.headers,
      payload: { orderId, paymentId: sim.paymentId, signature: sim.signature },
    });
    expect(r.statusCode).toBe(404);
    const ok = await t.app.inject({
      method: 'POST',
      url: '/api/payments/verify',
      headers: s.customer.headers,
      payload: { orderId, paymentId: sim.paymentId, signature: sim.signature },
    });
    expect(ok.statusCode).toBe(200);
  }, 120_000);

  it('rejects webhooks with a bad signature or for another gateway, recording nothing', async () => {
    const { s, orderId, amount, paymentId } = await openOrder();
    const w = sandbox().simulatePayment({ orderId, amountPaise: amount, outcome: 'success' }).webhooks[0]!;
    const bad = await postWebhook({ ...w, signature: hmacSha256Hex('nope', w.rawBody) });
    expect(bad.statusCode).toBe(400);
    const tampered = await postWebhook({ ...w, rawBody: w.rawBody.replace(String(amount), String(amount - 1)) });
    expect(tampered.statusCode).toBe(400);
    const missing = await t.app.inject({
      method: 'POST',
      url: '/api/payments/webhooks/sandbox',
      headers: { 'content-type': 'application/json' },
      payload: w.rawBody,
    });
    expect(missing.statusCode).toBe(400);
    const wrongGateway = await t.app.inject({
      method: 'POST',
      url: '/api/payments/webhooks/stripe',
      headers: { 'content-type': 'application/json', 'x-razorpay-signature': w.signature },
      payload: w.rawBody,
    });
    expect(wrongGateway.statusCode).toBe(404);
    expect(await countWebhookEvents(t.c.db, 'sandbox', w.eventId)).toBe(0);
    expect((await paymentOf(s, paymentId)).status).toBe('PENDING');
  });
});

describe('webhooks', () => {
  it('the same webhook 10 times is recorded and applied once', async () => {
    const { s, orderId, amount, paymentId } = await openOrder();
    const w = sandbox().simulatePayment({ orderId, amountPaise: amount, outcome: 'success' }).webhooks[0]!;
    const results = [];
    for (let i = 0; i < 10; i++) results.push((await postWebhook(w)).json());
    expect(results[0]).toMatchObject({ status: 'processed', outcome: 'CAPTURED' });
    expect(results.slice(1).every((r) => r.status === 'duplicate')).toBe(true);
    expect(await countWebhookEvents(t.c.db, 'sandbox', w.eventId)).toBe(1);
    expect(await t.c.ledger.heldInEscrow(t.c.db, { bookingId: s.booking.id })).toBe(amount);
    expect((await paymentOf(s, paymentId)).status).toBe('CAPTURED');
    await ledgerOk();
  });

  it("every ordering of a payment's webhooks ends in the same state", async () => {
    const events = ['failed:pay_1', 'authorized:pay_2', 'captured:pay_2', 'order.paid:pay_2'];
    const perms = (xs: string[]): string[][] =>
      xs.length <= 1 ? [xs] : xs.flatMap((x, i) => perms([...xs.slice(0, i), ...xs.slice(i + 1)]).map((p) => [x, ...p]));
    const finals = new Set<string>();
    for (const order of perms(events)) {
      const { s, orderId, amount, paymentId } = await openOrder();
      const suffix = paymentId.slice(0, 8);
      for (const e of order) {
        const [kind, pay] = e.split(':') as [string, string];
        const gp = `${pay}_${suffix}`;
        const body =
          kind === 'order.paid'
            ? buildRazorpayWebhook('order.paid', {
                payment: paymentEntity(orderId, gp, amount, 'captured'),
                order: { id: orderId, amount, amount_paid: amount, status: 'paid' },
              })
            : buildRazorpayWebhook(`payment.${kind}`, { payment: paymentEntity(orderId, gp, amount, kind as 'captured') });
        const r = await postWebhook(sandbox().signWebhook(body));
        expect(r.statusCode).toBe(200);
      }
      const p = await paymentOf(s, paymentId);
      const held = await t.c.ledger.heldInEscrow(t.c.db, { bookingId: s.booking.id });
      finals.add(
        JSON.stringify({
          status: p.status,
          held: held === amount,
          attempts: p.attempts
            .map((a: { gatewayPaymentId: string; status: string }) => `${a.gatewayPaymentId.split('_')[1]}:${a.status}`)
            .sort(),
          tx: p.transactionId?.startsWith('pay_2'),
        }),
      );
    }
    expect([...finals]).toEqual([
      JSON.stringify({ status: 'CAPTURED', held: true, attempts: ['1:FAILED', '2:CAPTURED'], tx: true }),
    ]);
    await ledgerOk();
  }, 120_000);

  it('a failed attempt leaves the order open; a retry captures once; a second capture is refunded', async () => {
    const { s, orderId, amount, paymentId } = await openOrder();
    const fail = await t.app.inject({
      method: 'POST',
      url: `/api/payments/sandbox/checkout/${orderId}`,
      payload: { outcome: 'failure' },
    });
    expect(fail.json().outcome).toBe('failure');
    await drain();
    expect((await paymentOf(s, paymentId)).status).toBe('PENDING');
    const ok = await t.app.inject({
      method: 'POST',
      url: `/api/payments/sandbox/checkout/${orderId}`,
      payload: { outcome: 'success' },
    });
    expect(ok.statusCode).toBe(200);
    await drain();
    const p = await paymentOf(s, paymentId);
    expect(p.status).toBe('CAPTURED');
    expect(p.attempts.map((a: { status: string }) => a.status).sort()).toEqual(['CAPTURED', 'FAILED']);
    // The gateway reports another captured payment on the same order (e.g. a second tab).
    const dup = buildRazorpayWebhook('payment.captured', {
      payment: paymentEntity(orderId, `pay_dup_${paymentId.slice(0, 8)}`, amount, 'captured'),
    });
    const r = await postWebhook(sandbox().signWebhook(dup));
    expect(r.json()).toMatchObject({ status: 'processed', outcome: 'DUPLICATE' });
    await drain();
    const after = await paymentOf(s, paymentId);
    expect(after.refunds).toEqual([expect.objectContaining({ kind: 'DUPLICATE_CAPTURE', amount, status: 'PROCESSED' })]);
    expect(after.status).toBe('CAPTURED');
    expect(await t.c.ledger.heldInEscrow(t.c.db, { bookingId: s.booking.id })).toBe(amount);
    // The checkout page no longer offers payment.
    const page = await t.app.inject({ method: 'GET', url: `/api/payments/sandbox/checkout/${orderId}` });
    expect(page.body).toContain('already paid');
    await ledgerOk();
  }, 120_000);

  it('events for unknown orders are acknowledged and recorded, not applied', async () => {
    const body = buildRazorpayWebhook('payment.captured', {
      payment: paymentEntity('order_unknown', 'pay_unknown', 1000, 'captured'),
    });
    const r = await postWebhook(sandbox().signWebhook(body));
    expect(r.json()).toMatchObject({ status: 'processed', outcome: 'UNKNOWN_ORDER' });
  });
});

describe('cancellation and refunds', () => {
  it('cancelled after payment: refund minus the late fee, which goes to the provider', async () => {
    const { s, orderId, amount, paymentId } = await openOrder({ quotedPrice: 80_000 });
    const sim = sandbox().simulatePayment({ orderId, amountPaise: amount, outcome: 'success' });
    await t.app.inject({
      method: 'POST',
      url: '/api/payments/verify',
      headers: s.customer.headers,
      payload: { orderId, paymentId: sim.paymentId, signature: sim.signature },
    });
    await setBookingStatus(t.c, s.booking.id, 'CANCELLED', { cancellationFee: 16_000 });
    await t.c.payments.refundCancelledBooking(s.booking.id);
    await t.c.payments.refundCancelledBooking(s.booking.id); // idempotent
    await drain();
    const p = await paymentOf(s, paymentId);
    expect(p).toMatchObject({ status: 'PARTIALLY_REFUNDED', refundedAmount: 64_000, providerEarnings: 16_000 });
    expect(p.refunds).toEqual([
      expect.objectContaining({ kind: 'CANCELLATION', amount: 64_000, providerShare: 16_000, status: 'PROCESSED' }),
    ]);
    const w = await t.app.inject({ method: 'GET', url: '/api/wallet', headers: s.provider.headers });
    expect(w.json()).toMatchObject({ available: 16_000, held: 0 });
    await ledgerOk();
  });

  it('admin refunds are partial or full, never more than paid, audited, and admin-only', async () => {
    const { s, orderId, amount, paymentId } = await openOrder({ quotedPrice: 50_000 });
    const sim = sandbox().simulatePayment({ orderId, amountPaise: amount, outcome: 'success' });
    await t.app.inject({
      method: 'POST',
      url: '/api/payments/verify',
      headers: s.customer.headers,
      payload: { orderId, paymentId: sim.paymentId, signature: sim.signature },
    });
    const admin = await createUser(t.c, { role: 'ADMIN' });
    const noTotp = await createUser(t.c, { role: 'ADMIN', secondFactor: false });
    const url = `/api/admin/payments/${paymentId}/refund`;
    expect(
      (
        await t.app.inject({
          method: 'POST',
          url,
          headers: s.customer.headers,
          payload: { amountPaise: 100, reason: 'goodwill' },
        })
      ).statusCode,
    ).toBe(403);
    expect(
      (await t.app.inject({ method: 'POST', url, headers: noTotp.headers, payload: { amountPaise: 100, reason: 'goodwill' } }))
        .statusCode,
    ).toBe(403);
    for (const bad of [
      { amountPaise: -5, reason: 'x y z' },
      { amountPaise: 10.5, reason: 'x y z' },
      { amountPaise: 0, reason: 'x y z' },
    ]) {
      expect((await t.app.inject({ method: 'POST', url, headers: admin.headers, payload: bad })).statusCode).toBe(400);
    }
    const part = await t.app.inject({
      method: 'POST',
      url,
      headers: admin.headers,
      payload: { amountPaise: 20_000, reason: 'Dispute: partial' },
    });
    expect(part.statusCode).toBe(201);
    expect(part.json()).toMatchObject({ amount: 20_000, status: 'PROCESSED', kind: 'ADMIN' });
    const tooMuch = await t.app.inject({
      method: 'POST',
      url,
      headers: admin.headers,
      payload: { amountPaise: 30_001, reason: 'Dispute: rest' },
    });
    expect(tooMuch.statusCode).toBe(422);
    expect(tooMuch.json().error.code).toBe('REFUND_EXCEEDS_PAYMENT');
    // Release what is left after completion: fee on the remaining 30 000.
    await setBookingStatus(t.c, s.booking.id, 'COMPLETED', { customerConfirmed: true });
    await t.c.db.transaction((tx) => t.c.payments.releaseEscrowForBooking(tx, s.booking.id));
    expect(await paymentOf(s, paymentId)).toMatchObject({
      status: 'PARTIALLY_REFUNDED',
      platformFee: 3_000,
      providerEarnings: 26_460,
    });
    // After release the platform bears a refund; the provider's wallet is untouched.
    const rest = await t.app.inject({
      method: 'POST',
      url,
      headers: admin.headers,
      payload: { amountPaise: 30_000, reason: 'Dispute: rest' },
    });
    expect(rest.statusCode).toBe(201);
    expect(await paymentOf(s, paymentId)).toMatchObject({ status: 'REFUNDED', refundedAmount: 50_000 });
    const w = await t.app.inject({ method: 'GET', url: '/api/wallet', headers: s.provider.headers });
    expect(w.json().available).toBe(26_460);
    const audits = await t.c.db.select().from(auditLog).where(eq(auditLog.objectId, paymentId));
    expect(audits.map((a) => a.action)).toEqual(['payment.refund', 'payment.refund']);
    const check = await t.app.inject({ method: 'GET', url: '/api/admin/ledger/check', headers: admin.headers });
    expect(check.statusCode).toBe(200);
    expect(check.json()).toMatchObject({ ok: true, totalSum: 0 });
    expect((await t.app.inject({ method: 'GET', url: '/api/admin/ledger/check', headers: s.provider.headers })).statusCode).toBe(
      403,
    );
  });
});
