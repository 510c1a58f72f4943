import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestApp } from './app';
import { createTestApp } from './app';
import { createPaymentScenario, setBookingStatus } from './factories/payments';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
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
    const s = await createPaymentScenario(t.c, { status: "IN_PROGRESS", quotedPrice: 100_000 });
    const res = await intent(s);
    expect(res.statusCode).toBe(201);
    const body = res.json();
    expect(body).toMatchObject({ amount: 100_000, currency: 'INR', checkout: { gateway: 'sandbox', orderId: body.orderId } });

    const page = await t.app.inject({ method: 'GET', url: `/api/payments/sandbox/checkout/${body.orderId}` });
    expect(page.statusCode).toBe(200);
    expect(page.headers['content-type']).toContain('text/html');
    expect(page.body).toContain('₹1,000.00');
    expect(page.body).toContain('भुगतान');

    const paid = await t.app.inject({ method: 'POST', url: `/api/payments/sandbox/checkout/${body.orderId}`, payload: { outcome: 'success' } });
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
