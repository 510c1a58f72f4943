import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, vi } from 'vitest';
import type { SandboxGateway } from '../src/integrations/payments/sandbox';
import { refunds } from '../src/modules/payments/payments.tables';
import { providerProfiles } from '../src/modules/providers/providers.tables';
import type { TestApp } from './app';
import { createTestApp } from './app';
import { adminOnly, authzMatrix, type MatrixContext, providerOnly, signedIn } from './authz/matrix';
import { createCategory } from './factories/index';
import { insertBooking } from './factories/payments';

// Invoice cells render PDFs; give each matrix test room on a loaded machine.
vi.setConfig({ testTimeout: 120_000 });

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({ RATE_LIMIT_PER_MINUTE: '1000000' });
});
afterAll(async () => {
  await t?.close();
});

/** A booking between the matrix's customer and provider (the provider gets a UPI id). */
async function booking(ctx: MatrixContext, status: 'COMPLETED' | 'CONFIRMED' = 'COMPLETED') {
  const { customer, provider } = ctx.actors;
  await ctx.c.db.update(providerProfiles).set({ upiId: 'matrix@upi' }).where(eq(providerProfiles.id, provider.providerId!));
  return insertBooking(ctx.c, {
    customer,
    providerId: provider.providerId!,
    category: await createCategory(ctx.c.db),
    status,
    quotedPrice: 30_000,
  });
}

async function cashPayment(ctx: MatrixContext, by: 'customer' | 'provider' = 'customer') {
  const b = await booking(ctx);
  const r = await ctx.t.app.inject({
    method: 'POST',
    url: '/api/payments',
    headers: ctx.actors[by].headers,
    payload: { bookingId: b.id, method: 'CASH', amount: 30_000 },
  });
  return { booking: b, paymentId: r.json().id as string };
}

async function paidCash(ctx: MatrixContext) {
  const p = await cashPayment(ctx);
  await ctx.t.app.inject({
    method: 'PUT',
    url: `/api/payments/${p.paymentId}/confirm-receipt`,
    headers: ctx.actors.provider.headers,
  });
  return p;
}

async function capturedOnline(ctx: MatrixContext) {
  const b = await booking(ctx, 'CONFIRMED');
  const i = await ctx.t.app.inject({
    method: 'POST',
    url: '/api/payments/intents',
    headers: { ...ctx.actors.customer.headers, 'idempotency-key': `mx-${b.id}` },
    payload: { bookingId: b.id },
  });
  const { orderId, amount, paymentId } = i.json();
  const sim = (ctx.c.sandboxGateway as SandboxGateway).simulatePayment({ orderId, amountPaise: amount, outcome: 'success' });
  await ctx.t.app.inject({
    method: 'POST',
    url: '/api/payments/verify',
    headers: ctx.actors.customer.headers,
    payload: { orderId, paymentId: sim.paymentId, signature: sim.signature },
  });
  return paymentId as string;
}

/** An admin refund of a captured payment that the gateway then reported failed. */
async function failedRefund(ctx: MatrixContext) {
  const paymentId = await capturedOnline(ctx);
  const r = await ctx.t.app.inject({
    method: 'POST',
    url: `/api/admin/payments/${paymentId}/refund`,
    headers: ctx.actors.admin.headers,
    payload: { amountPaise: 1_000, reason: 'matrix refund' },
  });
  await ctx.c.db.update(refunds).set({ status: 'FAILED' }).where(eq(refunds.id, r.json().id));
  return r.json().id as string;
}

const parties = { ...signedIn, otherCustomer: 404, otherProvider: 404, adminNo2fa: 404 } as const;

describe('payments and wallet: route × role matrix', () => {
  authzMatrix(
    () => t,
    [
      {
        name: 'read a payment',
        method: 'GET',
        url: async (ctx) => `/api/payments/${(await cashPayment(ctx)).paymentId}`,
        expect: parties,
      },
      {
        name: "a booking's payments",
        method: 'GET',
        url: async (ctx) => `/api/bookings/${(await booking(ctx)).id}/payments`,
        expect: parties,
      },
      {
        name: 'UPI intent',
        method: 'GET',
        url: async (ctx) => `/api/bookings/${(await booking(ctx)).id}/upi-intent`,
        expect: parties,
      },
      {
        name: 'invoice PDF',
        method: 'GET',
        url: async (ctx) => `/api/bookings/${(await paidCash(ctx)).booking.id}/invoice`,
        expect: parties,
      },
      {
        name: 'record a cash payment',
        method: 'POST',
        url: '/api/payments',
        body: async (ctx: MatrixContext) => ({ bookingId: (await booking(ctx)).id, method: 'CASH', amount: 30_000 }),
        expect: { ...parties, admin: 403, adminNo2fa: 403 },
      },
      {
        name: 'provider confirms receipt',
        method: 'PUT',
        url: async (ctx) => `/api/payments/${(await cashPayment(ctx, 'customer')).paymentId}/confirm-receipt`,
        expect: { ...parties, customer: 403, otherCustomer: 403, admin: 403, adminNo2fa: 403 },
      },
      {
        name: 'customer confirms paying',
        method: 'PUT',
        url: async (ctx) => `/api/payments/${(await cashPayment(ctx, 'provider')).paymentId}/confirm-paid`,
        expect: { ...parties, provider: 403, otherProvider: 403, admin: 403, adminNo2fa: 403 },
      },
      { name: 'wallet', method: 'GET', url: '/api/wallet', expect: providerOnly },
      {
        name: 'withdraw (nothing available → 422)',
        method: 'POST',
        url: '/api/wallet/withdrawals',
        body: { amount: 50_000 },
        expect: { ...providerOnly, provider: 422, otherProvider: 422 },
      },
      {
        name: 'auto-payout setting',
        method: 'PUT',
        url: '/api/wallet/auto-payout',
        body: { enabled: false },
        expect: providerOnly,
      },
      { name: 'ledger check', method: 'GET', url: '/api/admin/ledger/check', expect: adminOnly },
      {
        name: 'admin refund',
        method: 'POST',
        url: async (ctx) => `/api/admin/payments/${await capturedOnline(ctx)}/refund`,
        body: { amountPaise: 1_000, reason: 'matrix refund' },
        expect: adminOnly,
      },
      {
        name: 'admin refund retry (a refund the gateway reported failed)',
        method: 'POST',
        url: async (ctx) => `/api/admin/refunds/${await failedRefund(ctx)}/retry`,
        expect: adminOnly,
      },
      {
        name: 'admin payout retry (unknown payout → 404)',
        method: 'POST',
        url: `/api/admin/payouts/${randomUUID()}/retry`,
        expect: { ...adminOnly, admin: 404 },
      },
    ],
  );
});
