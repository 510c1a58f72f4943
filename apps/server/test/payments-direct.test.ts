import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SandboxGateway } from '../src/integrations/payments/sandbox';
import type { TestApp } from './app';
import { createTestApp } from './app';
import { createUser } from './factories/index';
import { createPaymentScenario } from './factories/payments';

let t: TestApp;
beforeAll(async () => {
  // A high per-IP limit: under REDIS_URL the limiter is shared with every other test process on this machine.
  t = await createTestApp({ RATE_LIMIT_PER_MINUTE: '1000000' });
});
afterAll(async () => {
  await t?.close();
});

const record = (headers: Record<string, string>, payload: Record<string, unknown>) =>
  t.app.inject({ method: 'POST', url: '/api/payments', headers, payload });

describe('cash and direct UPI', () => {
  it('customer marks paid, provider confirms receipt → COMPLETED with no platform fee', async () => {
    const s = await createPaymentScenario(t.c, { status: 'COMPLETED', quotedPrice: 49_900, finalPrice: 55_000 });
    const r = await record(s.customer.headers, { bookingId: s.booking.id, method: 'CASH', amount: 55_000 });
    expect(r.statusCode).toBe(201);
    expect(r.json()).toMatchObject({ status: 'PENDING', method: 'CASH', amount: 55_000 });
    expect(r.json().customerMarkedPaidAt).not.toBeNull();
    const id = r.json().id;
    // The customer cannot confirm receipt on the provider's behalf.
    expect(
      (await t.app.inject({ method: 'PUT', url: `/api/payments/${id}/confirm-receipt`, headers: s.customer.headers })).statusCode,
    ).toBe(403);
    const c = await t.app.inject({ method: 'PUT', url: `/api/payments/${id}/confirm-receipt`, headers: s.provider.headers });
    expect(c.statusCode).toBe(200);
    expect(c.json()).toMatchObject({ status: 'COMPLETED', platformFee: 0, providerEarnings: 55_000 });
    // Confirming again is harmless.
    expect(
      (await t.app.inject({ method: 'PUT', url: `/api/payments/${id}/confirm-receipt`, headers: s.provider.headers })).json()
        .status,
    ).toBe('COMPLETED');
    // No money passed through the platform: nothing in the ledger for this booking, wallet untouched.
    expect(await t.c.ledger.heldInEscrow(t.c.db, { bookingId: s.booking.id })).toBe(0);
    expect((await t.app.inject({ method: 'GET', url: '/api/wallet', headers: s.provider.headers })).json().available).toBe(0);
  });

  it('or the provider records it first and the customer confirms', async () => {
    const s = await createPaymentScenario(t.c, { status: 'IN_PROGRESS', quotedPrice: 30_000 });
    const r = await record(s.provider.headers, { bookingId: s.booking.id, method: 'UPI', amount: 30_000 });
    expect(r.statusCode).toBe(201);
    const id = r.json().id;
    expect(
      (await t.app.inject({ method: 'PUT', url: `/api/payments/${id}/confirm-paid`, headers: s.provider.headers })).statusCode,
    ).toBe(403);
    const c = await t.app.inject({ method: 'PUT', url: `/api/payments/${id}/confirm-paid`, headers: s.customer.headers });
    expect(c.json()).toMatchObject({ status: 'COMPLETED', method: 'UPI' });
  });

  it('a cancellation fee is payable directly after a late cancellation', async () => {
    const s = await createPaymentScenario(t.c, { status: 'CANCELLED', quotedPrice: 50_000, cancellationFee: 10_000 });
    expect(
      (await record(s.customer.headers, { bookingId: s.booking.id, method: 'CASH', amount: 50_000 })).json().error.details,
    ).toEqual({ expected: 10_000 });
    expect((await record(s.customer.headers, { bookingId: s.booking.id, method: 'CASH', amount: 10_000 })).statusCode).toBe(201);
  });

  it('refuses bad amounts, strangers, admins, duplicates and unpayable bookings', async () => {
    const s = await createPaymentScenario(t.c, { status: 'COMPLETED', quotedPrice: 49_900 });
    for (const amount of [-100, 0, 499.5, '49900', null]) {
      const r = await record(s.customer.headers, { bookingId: s.booking.id, method: 'CASH', amount });
      expect(r.statusCode).toBe(400);
    }
    const mismatch = await record(s.customer.headers, { bookingId: s.booking.id, method: 'CASH', amount: 49_899 });
    expect(mismatch.statusCode).toBe(422);
    expect(mismatch.json().error).toMatchObject({ code: 'AMOUNT_MISMATCH', details: { expected: 49_900 } });
    expect((await record(s.customer.headers, { bookingId: s.booking.id, method: 'CARD', amount: 49_900 })).statusCode).toBe(400);
    expect(
      (await record(s.customer.headers, { bookingId: s.booking.id, method: 'CASH', amount: 49_900, extra: 1 })).statusCode,
    ).toBe(400);
    const stranger = await createUser(t.c, { role: 'CUSTOMER' });
    expect((await record(stranger.headers, { bookingId: s.booking.id, method: 'CASH', amount: 49_900 })).statusCode).toBe(404);
    const otherProvider = await createUser(t.c, { role: 'PROVIDER' });
    expect((await record(otherProvider.headers, { bookingId: s.booking.id, method: 'CASH', amount: 49_900 })).statusCode).toBe(
      404,
    );
    const admin = await createUser(t.c, { role: 'ADMIN' });
    expect((await record(admin.headers, { bookingId: s.booking.id, method: 'CASH', amount: 49_900 })).statusCode).toBe(403);
    expect(
      (
        await t.app.inject({
          method: 'POST',
          url: '/api/payments',
          payload: { bookingId: s.booking.id, method: 'CASH', amount: 49_900 },
        })
      ).statusCode,
    ).toBe(401);
    expect((await record(s.customer.headers, { bookingId: s.booking.id, method: 'CASH', amount: 49_900 })).statusCode).toBe(201);
    const twice = await record(s.provider.headers, { bookingId: s.booking.id, method: 'UPI', amount: 49_900 });
    expect(twice.statusCode).toBe(409);
    expect(twice.json().error.code).toBe('ALREADY_PAID');
    const confirmed = await createPaymentScenario(t.c, { status: 'CONFIRMED' });
    const early = await record(confirmed.customer.headers, { bookingId: confirmed.booking.id, method: 'CASH', amount: 49_900 });
    expect(early.statusCode).toBe(422);
    expect(early.json().error.code).toBe('BOOKING_NOT_PAYABLE');
    // Payment details are private to the parties.
    const id = (
      await t.app.inject({ method: 'GET', url: `/api/bookings/${s.booking.id}/payments`, headers: s.customer.headers })
    ).json().items[0].id;
    expect((await t.app.inject({ method: 'GET', url: `/api/payments/${id}`, headers: stranger.headers })).statusCode).toBe(404);
    expect((await t.app.inject({ method: 'GET', url: `/api/payments/${id}`, headers: s.provider.headers })).statusCode).toBe(200);
    expect((await t.app.inject({ method: 'GET', url: `/api/payments/${id}`, headers: admin.headers })).statusCode).toBe(200);
  });

  it('switching from an unpaid in-app order to cash supersedes the order', async () => {
    const s = await createPaymentScenario(t.c, { status: 'COMPLETED', quotedPrice: 20_000 });
    const i = await t.app.inject({
      method: 'POST',
      url: '/api/payments/intents',
      headers: { ...s.customer.headers, 'idempotency-key': `switch-${s.booking.id}` },
      payload: { bookingId: s.booking.id },
    });
    expect(i.statusCode).toBe(201);
    const cash = await record(s.customer.headers, { bookingId: s.booking.id, method: 'CASH', amount: 20_000 });
    expect(cash.statusCode).toBe(201);
    const list = (
      await t.app.inject({ method: 'GET', url: `/api/bookings/${s.booking.id}/payments`, headers: s.customer.headers })
    ).json().items;
    expect(list.map((p: { method: string; status: string }) => `${p.method}:${p.status}`).sort()).toEqual([
      'CASH:PENDING',
      'ONLINE:FAILED',
    ]);
  });
});

describe('UPI intent', () => {
  it("gives the provider's upi://pay link with the amount and booking number", async () => {
    const s = await createPaymentScenario(t.c, { status: 'COMPLETED', quotedPrice: 49_905, providerName: 'रमेश प्लंबिंग' });
    const r = await t.app.inject({ method: 'GET', url: `/api/bookings/${s.booking.id}/upi-intent`, headers: s.customer.headers });
    expect(r.statusCode).toBe(200);
    const body = r.json();
    const q = new URL(body.payload.replace('upi://pay', 'http://x/')).searchParams;
    expect(body.payload.startsWith('upi://pay?')).toBe(true);
    expect(Object.fromEntries(q)).toEqual({
      pa: 'ramesh@okaxis',
      pn: 'रमेश प्लंबिंग',
      am: '499.05',
      cu: 'INR',
      tn: s.booking.bookingNumber,
    });
    const stranger = await createUser(t.c, { role: 'CUSTOMER' });
    expect(
      (await t.app.inject({ method: 'GET', url: `/api/bookings/${s.booking.id}/upi-intent`, headers: stranger.headers }))
        .statusCode,
    ).toBe(404);
    const noUpi = await createPaymentScenario(t.c, { status: 'COMPLETED', upiId: null });
    const r2 = await t.app.inject({
      method: 'GET',
      url: `/api/bookings/${noUpi.booking.id}/upi-intent`,
      headers: noUpi.customer.headers,
    });
    expect(r2.statusCode).toBe(422);
    expect(r2.json().error.code).toBe('UPI_NOT_AVAILABLE');
  });
});

describe('invoices', () => {
  const pdfText = (buf: Buffer) => buf.toString('latin1');

  it('a paid booking gets a PDF with an FY-numbered invoice, embedded Noto fonts, for the parties only', async () => {
    const s = await createPaymentScenario(t.c, {
      status: 'COMPLETED',
      quotedPrice: 100_000,
      gstin: '09AAACL1234C1Z5',
      providerName: 'शर्मा इलेक्ट्रिकल्स',
    });
    const url = `/api/bookings/${s.booking.id}/invoice`;
    const unpaid = await t.app.inject({ method: 'GET', url, headers: s.customer.headers });
    expect(unpaid.statusCode).toBe(422);
    expect(unpaid.json().error.code).toBe('INVOICE_NOT_AVAILABLE');
    // Pay in-app and release so the fee breakdown shows.
    const i = await t.app.inject({
      method: 'POST',
      url: '/api/payments/intents',
      headers: { ...s.customer.headers, 'idempotency-key': `inv-${s.booking.id}` },
      payload: { bookingId: s.booking.id },
    });
    const { orderId, amount } = i.json();
    const sim = (t.c.sandboxGateway as SandboxGateway).simulatePayment({ orderId, amountPaise: amount, outcome: 'success' });
    await t.app.inject({
      method: 'POST',
      url: '/api/payments/verify',
      headers: s.customer.headers,
      payload: { orderId, paymentId: sim.paymentId, signature: sim.signature },
    });

    const r = await t.app.inject({ method: 'GET', url, headers: s.customer.headers });
    expect(r.statusCode).toBe(200);
    expect(r.headers['content-type']).toBe('application/pdf');
    const number = /filename="(LP-\d{4}-\d{2}-\d{6})\.pdf"/.exec(String(r.headers['content-disposition']))?.[1];
    expect(number).toMatch(/^LP-\d{4}-\d{2}-\d{6}$/);
    const pdf = r.rawPayload;
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    const text = pdfText(pdf);
    expect(text).toMatch(/FontFile2/); // embedded TrueType fonts
    expect(text).toMatch(/NotoSans/);
    expect(text).toMatch(/NotoSansDevanagari/);
    // The same invoice (number) on every request, also for the provider and admins.
    const again = await t.app.inject({ method: 'GET', url, headers: s.provider.headers });
    expect(again.headers['content-disposition']).toBe(r.headers['content-disposition']);
    const admin = await createUser(t.c, { role: 'ADMIN' });
    expect((await t.app.inject({ method: 'GET', url, headers: admin.headers })).statusCode).toBe(200);
    const stranger = await createUser(t.c, { role: 'CUSTOMER' });
    expect((await t.app.inject({ method: 'GET', url, headers: stranger.headers })).statusCode).toBe(404);
    expect((await t.app.inject({ method: 'GET', url })).statusCode).toBe(401);
  }, 60_000);

  it('numbers are gapless and sequential within the financial year, also under concurrency', async () => {
    const scenarios = [];
    for (let k = 0; k < 3; k++) {
      const s = await createPaymentScenario(t.c, { status: 'COMPLETED', quotedPrice: 10_000 + k });
      const r = await record(s.customer.headers, { bookingId: s.booking.id, method: 'CASH', amount: 10_000 + k });
      await t.app.inject({ method: 'PUT', url: `/api/payments/${r.json().id}/confirm-receipt`, headers: s.provider.headers });
      scenarios.push(s);
    }
    const results = await Promise.all(
      scenarios.flatMap((s) =>
        [s, s].map((x) =>
          t.app.inject({ method: 'GET', url: `/api/bookings/${x.booking.id}/invoice`, headers: x.customer.headers }),
        ),
      ),
    );
    expect(results.every((r) => r.statusCode === 200)).toBe(true);
    const numbers = [
      ...new Set(results.map((r) => /filename="LP-\d{4}-\d{2}-(\d{6})\.pdf"/.exec(String(r.headers['content-disposition']))![1])),
    ]
      .map(Number)
      .sort((a, b) => a - b);
    expect(numbers).toHaveLength(3);
    for (let k = 1; k < numbers.length; k++) expect(numbers[k]).toBe(numbers[k - 1]! + 1);
  }, 120_000);
});
