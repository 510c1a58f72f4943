import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SandboxGateway } from '../src/integrations/payments/sandbox';
import type { TestApp } from './app';
import { createTestApp } from './app';
import { createPaymentScenario } from './factories/payments';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({ RATE_LIMIT_PER_MINUTE: '1000000' });
});
afterAll(async () => {
  await t?.close();
});

async function payInApp(s: Awaited<ReturnType<typeof createPaymentScenario>>) {
  const i = await t.app.inject({
    method: 'POST',
    url: '/api/payments/intents',
    headers: { ...s.customer.headers, 'idempotency-key': `bk-${s.booking.id}` },
    payload: { bookingId: s.booking.id },
  });
  expect(i.statusCode).toBe(201);
  const { orderId, amount, paymentId } = i.json();
  const sim = (t.c.sandboxGateway as SandboxGateway).simulatePayment({ orderId, amountPaise: amount, outcome: 'success' });
  const v = await t.app.inject({
    method: 'POST',
    url: '/api/payments/verify',
    headers: s.customer.headers,
    payload: { orderId, paymentId: sim.paymentId, signature: sim.signature },
  });
  expect(v.statusCode).toBe(200);
  return paymentId as string;
}

describe('payments follow the booking lifecycle (bookings API hooks)', () => {
  it("the customer's confirm-completion releases the escrow in the same transaction", async () => {
    const s = await createPaymentScenario(t.c, { status: 'COMPLETED', quotedPrice: 60_000, platformFeeBps: 1200 });
    const paymentId = await payInApp(s);
    expect((await t.app.inject({ method: 'GET', url: '/api/wallet', headers: s.provider.headers })).json()).toMatchObject({
      held: 60_000,
      available: 0,
    });
    const r = await t.app.inject({
      method: 'PUT',
      url: `/api/bookings/${s.booking.id}/confirm-completion`,
      headers: s.customer.headers,
      payload: {},
    });
    expect(r.statusCode).toBe(200);
    // 12% fee = 7 200, GST 18% of it = 1 296, provider 51 504.
    expect((await t.app.inject({ method: 'GET', url: '/api/wallet', headers: s.provider.headers })).json()).toMatchObject({
      held: 0,
      available: 51_504,
    });
    const p = (await t.app.inject({ method: 'GET', url: `/api/payments/${paymentId}`, headers: s.customer.headers })).json();
    expect(p).toMatchObject({ status: 'COMPLETED', platformFee: 7_200, providerEarnings: 51_504 });
    expect((await t.c.ledger.check(t.c.db)).ok).toBe(true);
  });

  it('cancelling a paid booking refunds it through the gateway (job)', async () => {
    const s = await createPaymentScenario(t.c, { status: 'CONFIRMED', quotedPrice: 40_000 });
    const paymentId = await payInApp(s);
    const r = await t.app.inject({
      method: 'PUT',
      url: `/api/bookings/${s.booking.id}/cancel`,
      headers: s.customer.headers,
      payload: { reason: 'Plans changed' },
    });
    expect(r.statusCode).toBe(200);
    await t.c.jobs.drain!();
    const p = (await t.app.inject({ method: 'GET', url: `/api/payments/${paymentId}`, headers: s.customer.headers })).json();
    // Far ahead of the slot: free cancellation, full refund.
    expect(p).toMatchObject({ status: 'REFUNDED', refundedAmount: 40_000 });
    expect(p.refunds).toEqual([expect.objectContaining({ kind: 'CANCELLATION', amount: 40_000, status: 'PROCESSED' })]);
    expect((await t.c.ledger.check(t.c.db)).ok).toBe(true);
  });
});
