import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { categories } from '../src/modules/catalog/catalog.tables';
import { createTestApp, type TestApp } from './app';
import { createApprovedProvider } from './factories';
import { testEnv } from './factories/onboarding';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp(testEnv({ BACKGROUND_CHECK_SANDBOX_DELAY_SEC: '3600' }));
});
afterAll(async () => {
  await t?.close();
});

describe('background-check fee through the sandbox checkout page (what the provider web app opens)', () => {
  it('shows the fee, pays it, and the signed result confirms the check; a paid order cannot be paid again', async () => {
    const p = await createApprovedProvider(t.c);
    await t.c.db.update(categories).set({ backgroundCheckFeePaise: 74_900 }).where(eq(categories.id, p.category.category.id));
    const r = await t.app.inject({ method: 'POST', url: '/api/providers/me/background-check', headers: p.user.headers });
    expect(r.statusCode, r.body).toBe(200);
    const { orderId, checkout } = r.json();
    expect(new URL(checkout.checkoutUrl, 'http://localhost').pathname).toBe(`/api/payments/sandbox/checkout/${orderId}`);

    const page = await t.app.inject({ url: `/api/payments/sandbox/checkout/${orderId}` });
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('₹749.00');
    expect(page.body).toContain('Background check fee');
    expect(page.body).toContain('data-outcome="success"');

    const paid = await t.app.inject({
      method: 'POST',
      url: `/api/payments/sandbox/checkout/${orderId}`,
      payload: { outcome: 'success' },
    });
    expect(paid.statusCode, paid.body).toBe(200);
    const result = paid.json();
    expect(result).toMatchObject({ outcome: 'success', razorpay_order_id: orderId });

    const confirmed = await t.app.inject({
      method: 'POST',
      url: '/api/providers/me/background-check/confirm',
      headers: p.user.headers,
      payload: { paymentId: result.razorpay_payment_id, signature: result.razorpay_signature },
    });
    expect(confirmed.statusCode, confirmed.body).toBe(200);
    expect(confirmed.json().status).toBe('IN_PROGRESS');

    const again = await t.app.inject({
      method: 'POST',
      url: `/api/payments/sandbox/checkout/${orderId}`,
      payload: { outcome: 'success' },
    });
    expect(again.statusCode).toBe(409);
    expect(again.json().error.code).toBe('ALREADY_PAID');
    const paidPage = await t.app.inject({ url: `/api/payments/sandbox/checkout/${orderId}` });
    expect(paidPage.body).toContain('already paid');
    expect(paidPage.body).not.toContain('data-outcome="success"');
  });

  it('an unknown order is 404', async () => {
    const res = await t.app.inject({ url: '/api/payments/sandbox/checkout/order_sbx_nope' });
    expect(res.statusCode).toBe(404);
  });
});
