import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { bookingEvents, bookings } from '../src/modules/bookings/bookings.tables';
import { payments, payouts, refunds } from '../src/modules/payments/payments.tables';
import { providerProfiles } from '../src/modules/providers/providers.tables';
import { searchImpressions, searchLogs } from '../src/modules/search/search.tables';
import { users } from '../src/modules/users/users.tables';
import type { TestApp } from './app';
import { createTestApp } from './app';
import { adminOnly, authzMatrix, type MatrixContext } from './authz/matrix';
import { bookingWorld, ist, put, requestBooking, workday } from './factories/bookings';
import { createUser, type TestUser } from './factories/index';
import { createPaymentScenario, fundWallet } from './factories/payments';

vi.setConfig({ testTimeout: 120_000 });

let t: TestApp;
let admin: TestUser;
beforeAll(async () => {
  t = await createTestApp({ RATE_LIMIT_PER_MINUTE: '1000000' });
  admin = await createUser(t.c, { role: 'ADMIN' });
});
afterAll(async () => {
  await t?.close();
});

const get = (url: string, user: TestUser = admin) => t.app.inject({ method: 'GET', url, headers: user.headers });
const todayIst = () => new Date(Date.now() + 5.5 * 3_600_000).toISOString().slice(0, 10);

/** A COMPLETED booking of the matrix pair, disputed by its customer through the API. */
async function disputedBooking(ctx: MatrixContext) {
  const s = await createPaymentScenario(ctx.c, { status: 'COMPLETED', quotedPrice: 20_000 });
  const res = await put(ctx.t.app, s.customer, s.booking.id, 'dispute', { reason: 'Work not finished' });
  expect(res.statusCode).toBe(200);
  return s;
}

describe('route × role matrix for the admin console APIs', () => {
  authzMatrix(
    () => t,
    [
      { method: 'GET', url: '/api/admin/metrics/overview', expect: adminOnly },
      { method: 'GET', url: '/api/admin/attention', expect: adminOnly },
      { method: 'GET', url: '/api/admin/bookings?q=LP', expect: adminOnly },
      {
        name: 'booking detail',
        method: 'GET',
        url: async (ctx) => `/api/admin/bookings/${(await createPaymentScenario(ctx.c, { status: 'CONFIRMED' })).booking.id}`,
        expect: adminOnly,
      },
      { method: 'GET', url: '/api/admin/disputes', expect: adminOnly },
      {
        name: 'dispute evidence',
        method: 'GET',
        url: async (ctx) => `/api/admin/disputes/${(await disputedBooking(ctx)).booking.id}`,
        expect: adminOnly,
      },
      {
        name: 'resolve a dispute',
        method: 'POST',
        url: async (ctx) => `/api/admin/disputes/${(await disputedBooking(ctx)).booking.id}/resolve`,
        body: { resolution: 'NO_ACTION', note: 'Checked the photos: done as agreed' },
        expect: adminOnly,
      },
      {
        name: 'settle a cash dispute refund',
        method: 'POST',
        url: async (ctx) => {
          if (ctx.as !== 'admin') return `/api/admin/refunds/${randomUUID()}/settle`;
          const s = await disputedBooking(ctx);
          await t.c.db.update(bookings).set({ status: 'COMPLETED' }).where(eq(bookings.id, s.booking.id));
          const rec = await t.app.inject({
            method: 'POST',
            url: '/api/payments',
            headers: s.customer.headers,
            payload: { bookingId: s.booking.id, method: 'CASH', amount: 20_000 },
          });
          await t.app.inject({
            method: 'PUT',
            url: `/api/payments/${rec.json().id}/confirm-receipt`,
            headers: s.provider.headers,
          });
          await t.c.db.update(bookings).set({ status: 'DISPUTED' }).where(eq(bookings.id, s.booking.id));
          const r = await t.app.inject({
            method: 'POST',
            url: `/api/admin/disputes/${s.booking.id}/resolve`,
            headers: admin.headers,
            payload: { resolution: 'REFUND_PARTIAL', amountPaise: 5_000, note: 'Part refund' },
          });
          return `/api/admin/refunds/${r.json().refund.id}/settle`;
        },
        body: { reference: 'UTR998877' },
        expect: adminOnly,
      },
      { method: 'GET', url: '/api/admin/payments', expect: adminOnly },
      { method: 'GET', url: '/api/admin/payouts?status=FAILED', expect: adminOnly },
      { method: 'GET', url: '/api/admin/revenue', expect: adminOnly },
    ],
  );
});

describe('overview metrics', () => {
  it('buckets by India day, filters by city and counts what the charts show', async () => {
    const city = `Metricabad ${randomUUID().slice(0, 6)}`;
    const a = await createPaymentScenario(t.c, { status: 'COMPLETED', quotedPrice: 50_000, finalPrice: 45_000 });
    await t.c.db.update(providerProfiles).set({ city }).where(eq(providerProfiles.id, a.providerId));
    // 23:50 on 10 March in India is still 10 March there (18:20 UTC).
    await t.c.db
      .update(bookings)
      .set({
        createdAt: new Date('2026-03-10T18:20:00Z'),
        completedAt: new Date('2026-03-10T20:00:00Z'),
        respondedAt: new Date('2026-03-10T18:30:00Z'),
        responseTimeSec: 600,
      })
      .where(eq(bookings.id, a.booking.id));
    const cancelled = await createPaymentScenario(t.c, { status: 'CANCELLED' });
    await t.c.db
      .update(bookings)
      .set({
        providerId: a.providerId,
        customerId: a.customer.customerId!,
        createdAt: new Date('2026-03-11T04:00:00Z'),
        respondedAt: new Date('2026-03-11T04:20:00Z'),
        responseTimeSec: 1200,
      })
      .where(eq(bookings.id, cancelled.booking.id));
    const elsewhere = await createPaymentScenario(t.c, { status: 'PENDING' });
    await t.c.db
      .update(bookings)
      .set({ createdAt: new Date('2026-03-11T06:00:00Z') })
      .where(eq(bookings.id, elsewhere.booking.id));
    await t.c.db
      .update(users)
      .set({ createdAt: new Date('2026-03-11T05:00:00Z') })
      .where(eq(users.id, a.provider.id));
    await t.c.db.insert(bookingEvents).values({
      bookingId: a.booking.id,
      type: 'ACCEPTED',
      fromStatus: 'PENDING',
      toStatus: 'CONFIRMED',
      actorUserId: a.provider.id,
      actorRole: 'PROVIDER',
      createdAt: new Date('2026-03-10T18:30:00Z'),
    });
    // Two searches on 10 March (IST): one shows the provider and is followed by the booking within 24 h.
    const [converted] = await t.c.db
      .insert(searchLogs)
      .values({
        userId: a.customer.id,
        query: 'plumber',
        language: 'en',
        interpretation: {},
        lat: 26.85,
        lng: 80.94,
        searchedAt: new Date('2026-03-10T10:00:00Z'),
        createdAt: new Date('2026-03-10T10:00:00Z'),
      })
      .returning();
    await t.c.db
      .insert(searchImpressions)
      .values({ searchId: converted!.id, providerId: a.providerId, rank: 1, matchScore: 0.9 });
    const [browsed] = await t.c.db
      .insert(searchLogs)
      .values({
        userId: cancelled.customer.id,
        query: 'electrician',
        language: 'en',
        interpretation: {},
        lat: 26.85,
        lng: 80.94,
        searchedAt: new Date('2026-03-10T11:00:00Z'),
        createdAt: new Date('2026-03-10T11:00:00Z'),
      })
      .returning();
    await t.c.db.insert(searchImpressions).values({ searchId: browsed!.id, providerId: a.providerId, rank: 2, matchScore: 0.5 });

    const res = await get(
      `/api/admin/metrics/overview?from=2026-03-10&to=2026-03-11&city=${encodeURIComponent(city.toUpperCase())}`,
    );
    expect(res.statusCode).toBe(200);
    const m = res.json();
    expect(m).toMatchObject({ from: '2026-03-10', to: '2026-03-11', city: city.toUpperCase(), timeZone: 'Asia/Kolkata' });
    expect(m.days.map((d: { date: string }) => d.date)).toEqual(['2026-03-10', '2026-03-11']);
    expect(m.days[0]).toMatchObject({
      bookingsCreated: 1,
      bookingsByStatus: { COMPLETED: 1, CANCELLED: 0 },
      // The provider accepted at 18:30 UTC = 00:00 on 11 March in India.
      activeProviders: 0,
      activeCustomers: 1,
      searches: 2,
      searchesConverted: 1,
      conversionRate: 0.5,
      gmvPaise: 0,
    });
    expect(m.days[1]).toMatchObject({
      bookingsCreated: 1,
      bookingsByStatus: { CANCELLED: 1 },
      bookingsCompleted: 1,
      gmvPaise: 45_000,
      activeProviders: 1,
      avgResponseSec: 900,
      newProviders: 1,
      searches: 0,
      conversionRate: null,
    });
    expect(m.totals).toMatchObject({
      bookingsCreated: 2,
      activeProviders: 1,
      activeCustomers: 1,
      gmvPaise: 45_000,
      searches: 2,
      conversionRate: 0.5,
    });

    // A city is matched literally (case-insensitive), never as a pattern.
    expect(
      (await get('/api/admin/metrics/overview?from=2026-03-10&to=2026-03-11&city=%25%25')).json().totals.bookingsCreated,
    ).toBe(0);
    // Without the city the other city's booking counts too.
    const all = (await get('/api/admin/metrics/overview?from=2026-03-10&to=2026-03-11')).json();
    expect(all.days[1].bookingsByStatus.PENDING).toBeGreaterThanOrEqual(1);
    expect(all.totals.bookingsCreated).toBeGreaterThanOrEqual(3);
  });

  it('commission comes from the ledger (platform revenue credits) of the city’s bookings', async () => {
    const city = `Ledgerpur ${randomUUID().slice(0, 6)}`;
    const s = await createPaymentScenario(t.c, { status: 'COMPLETED' });
    await t.c.db.update(providerProfiles).set({ city }).where(eq(providerProfiles.id, s.providerId));
    await t.c.db.transaction(async (tx) => {
      await t.c.ledger.post(tx, {
        kind: 'CAPTURE',
        reference: `metrics-${s.booking.id}`,
        bookingId: s.booking.id,
        lines: [
          { account: 'gateway_clearing', amount: 10_000 },
          { account: 'escrow', amount: -10_000 },
        ],
      });
      await t.c.ledger.post(tx, {
        kind: 'ESCROW_RELEASE',
        reference: `metrics-${s.booking.id}`,
        bookingId: s.booking.id,
        lines: [
          { account: 'escrow', amount: 10_000 },
          { account: 'platform_revenue', amount: -1_000 },
          { account: 'gst_payable', amount: -180 },
          { account: { wallet: s.providerId }, amount: -8_820 },
        ],
      });
    });
    const today = todayIst();
    const m = (await get(`/api/admin/metrics/overview?from=${today}&to=${today}&city=${encodeURIComponent(city)}`)).json();
    expect(m.days).toEqual([expect.objectContaining({ date: today, commissionPaise: 1_000 })]);
    const rev = (await get(`/api/admin/revenue?from=${today}&to=${today}`)).json();
    expect(rev.totals.commissionPaise).toBeGreaterThanOrEqual(1_000);
    expect(rev.totals.gstPaise).toBeGreaterThanOrEqual(180);
    expect(rev.totals.netRevenuePaise).toBe(rev.totals.commissionPaise - rev.totals.refundsExpensePaise);
  });

  it('refuses reversed or too long ranges with a code', async () => {
    const reversed = await get('/api/admin/metrics/overview?from=2026-03-11&to=2026-03-10');
    expect(reversed.statusCode).toBe(400);
    expect(reversed.json().error.code).toBe('INVALID_DATE_RANGE');
    expect((await get('/api/admin/metrics/overview?from=2020-01-01&to=2026-01-01')).json().error.code).toBe('INVALID_DATE_RANGE');
    expect((await get('/api/admin/metrics/overview?from=10-03-2026')).statusCode).toBe(400);
  });
});

describe('booking search and detail', () => {
  it('finds a booking by its number (any case, prefix) or either party’s phone, pages with a cursor', async () => {
    const s = await createPaymentScenario(t.c, { status: 'CONFIRMED' });
    const other = await createPaymentScenario(t.c, { status: 'COMPLETED' });
    await t.c.db.update(bookings).set({ customerId: s.customer.customerId! }).where(eq(bookings.id, other.booking.id));

    const byNumber = (await get(`/api/admin/bookings?q=${encodeURIComponent(s.booking.bookingNumber.toLowerCase())}`)).json();
    expect(byNumber.items.map((i: { id: string }) => i.id)).toEqual([s.booking.id]);
    expect(byNumber.items[0]).toMatchObject({
      bookingNumber: s.booking.bookingNumber,
      status: 'CONFIRMED',
      customer: { userId: s.customer.id, phone: s.customer.phone, name: 'सुनीता शर्मा' },
      provider: { userId: s.provider.id, profileId: s.providerId },
      disputeOpen: false,
    });
    const prefix = s.booking.bookingNumber.slice(0, 7);
    expect((await get(`/api/admin/bookings?q=${prefix}&limit=100`)).json().items.map((i: { id: string }) => i.id)).toContain(
      s.booking.id,
    );

    // The customer's phone typed the way people do: "98765 43210".
    const national = s.customer.phone.slice(3);
    const spaced = `${national.slice(0, 5)} ${national.slice(5)}`;
    const byPhone = (await get(`/api/admin/bookings?q=${encodeURIComponent(spaced)}`)).json();
    expect(byPhone.items.map((i: { id: string }) => i.id).sort()).toEqual([s.booking.id, other.booking.id].sort());
    const byProviderPhone = (await get(`/api/admin/bookings?q=${encodeURIComponent(s.provider.phone)}`)).json();
    expect(byProviderPhone.items.map((i: { id: string }) => i.id)).toEqual([s.booking.id]);

    const completed = (await get(`/api/admin/bookings?q=${encodeURIComponent(spaced)}&status=COMPLETED`)).json();
    expect(completed.items.map((i: { id: string }) => i.id)).toEqual([other.booking.id]);

    const page1 = (await get(`/api/admin/bookings?q=${encodeURIComponent(spaced)}&limit=1`)).json();
    expect(page1.items).toHaveLength(1);
    expect(page1.nextCursor).toEqual(expect.any(String));
    const page2 = (await get(`/api/admin/bookings?q=${encodeURIComponent(spaced)}&limit=1&cursor=${page1.nextCursor}`)).json();
    expect(page2.items).toHaveLength(1);
    expect(page2.items[0].id).not.toBe(page1.items[0].id);
    expect(page2.nextCursor).toBeNull();

    expect((await get('/api/admin/bookings?cursor=garbage')).statusCode).toBe(400);
    expect((await get('/api/admin/bookings?status=DONE')).statusCode).toBe(400);
    const today = todayIst();
    const byDay = (await get(`/api/admin/bookings?q=${encodeURIComponent(spaced)}&from=${today}&to=${today}`)).json();
    expect(byDay.items).toHaveLength(2);
    expect((await get(`/api/admin/bookings?q=${encodeURIComponent(spaced)}&from=2020-01-01&to=2020-01-02`)).json().items).toEqual(
      [],
    );
  });

  it('shows the whole timeline (who, when, from → to), start-code use, payments and the ledger', async () => {
    const w = await bookingWorld(t.c);
    const created = await requestBooking(t.app, w, w.customer, ist(workday(2), '11:00'));
    expect(created.statusCode).toBe(201);
    const id = created.json().id as string;
    expect((await put(t.app, w.provider.user, id, 'accept')).statusCode).toBe(200);
    const mine = (await t.app.inject({ method: 'GET', url: `/api/bookings/${id}`, headers: w.customer.headers })).json();
    const wrong = mine.startCode === '0000' ? '1111' : '0000';
    expect((await put(t.app, w.provider.user, id, 'start', { startCode: wrong })).statusCode).toBe(422);
    expect((await put(t.app, w.provider.user, id, 'start', { startCode: mine.startCode })).statusCode).toBe(200);
    expect((await put(t.app, w.provider.user, id, 'complete')).statusCode).toBe(200);

    const res = await get(`/api/admin/bookings/${id}`);
    expect(res.statusCode).toBe(200);
    const d = res.json();
    expect(d.booking.startCode).toBeUndefined();
    const steps = d.timeline.map(
      (e: { type: string; fromStatus: string | null; toStatus: string | null; actor: { role: string } | null }) => [
        e.type,
        e.fromStatus,
        e.toStatus,
        e.actor?.role ?? null,
      ],
    );
    expect(steps[0]).toEqual([expect.any(String), null, 'PENDING', 'CUSTOMER']);
    expect(steps.slice(1)).toEqual([
      [expect.any(String), 'PENDING', 'CONFIRMED', 'PROVIDER'],
      ['START_CODE_WRONG', 'CONFIRMED', 'CONFIRMED', 'PROVIDER'],
      [expect.any(String), 'CONFIRMED', 'IN_PROGRESS', 'PROVIDER'],
      [expect.any(String), 'IN_PROGRESS', 'COMPLETED', 'PROVIDER'],
    ]);
    expect(d.timeline[1].actor).toMatchObject({ userId: w.provider.user.id, name: expect.stringMatching(/Test provider/) });
    for (let i = 1; i < d.timeline.length; i++) expect(d.timeline[i].at >= d.timeline[i - 1].at).toBe(true);
    expect(d.startCode).toMatchObject({ used: true, wrongAttempts: 1, locked: false, resets: 0 });
    expect(d.startCode.usedAt).toBe(d.timeline[3].at);
    expect(d).toMatchObject({ payments: [], review: null, dispute: { open: false, resolutions: [] }, chatRoomId: null });
    expect(d.ledger).toEqual({ transactions: [], totals: expect.objectContaining({ capturedPaise: 0, commissionPaise: 0 }) });
    expect((await get(`/api/admin/bookings/${randomUUID()}`)).statusCode).toBe(404);
    expect((await get('/api/admin/bookings/not-a-uuid')).statusCode).toBe(400);
  });
});

/** A ₹500 payout the bank refused (the provider's wallet must hold the money). */
async function failedPayout(providerId: string) {
  const [row] = await t.c.db
    .insert(payouts)
    .values({ providerId, amount: 50_000, status: 'FAILED', scheduledFor: new Date(), failureReason: 'IFSC invalid' })
    .returning();
  return row!;
}

describe('needs attention', () => {
  it('counts what waits for operations, and each count goes down when it is dealt with', async () => {
    const before = (await get('/api/admin/attention')).json();
    const delta = async () => {
      const now = (await get('/api/admin/attention')).json();
      return {
        disputes: now.disputes.count - before.disputes.count,
        providers: now.providersToReview.count - before.providersToReview.count,
        refundsFailed: now.refundsFailed.count - before.refundsFailed.count,
        refundsFailedPaise: now.refundsFailed.amountPaise - before.refundsFailed.amountPaise,
        payoutsFailed: now.payoutsFailed.count - before.payoutsFailed.count,
        oldestDispute: now.disputes.oldestAt as string | null,
      };
    };

    // A customer disputes a job; a provider waits for review; a gateway refund fails; a payout fails.
    const disputed = await createPaymentScenario(t.c, { status: 'COMPLETED', quotedPrice: 20_000 });
    expect((await put(t.app, disputed.customer, disputed.booking.id, 'dispute', { reason: 'Leaks again' })).statusCode).toBe(200);
    const pending = await createPaymentScenario(t.c, { status: 'COMPLETED' });
    await t.c.db
      .update(providerProfiles)
      .set({ status: 'PENDING_REVIEW', submittedAt: new Date() })
      .where(eq(providerProfiles.id, pending.providerId));
    const paid = await createPaymentScenario(t.c, { status: 'COMPLETED', quotedPrice: 30_000 });
    const [payment] = await t.c.db
      .insert(payments)
      .values({
        bookingId: paid.booking.id,
        amount: 30_000,
        method: 'ONLINE',
        status: 'CAPTURED',
        transactionId: `pay_${randomUUID()}`,
      })
      .returning();
    const [refund] = await t.c.db
      .insert(refunds)
      .values({
        paymentId: payment!.id,
        kind: 'ADMIN',
        amount: 12_500,
        gatewayPaymentId: payment!.transactionId!,
        status: 'FAILED',
      })
      .returning();
    await fundWallet(t.c, paid.providerId, 100_000);
    const payout = await failedPayout(paid.providerId);

    const waiting = await delta();
    expect(waiting).toMatchObject({ disputes: 1, providers: 1, refundsFailed: 1, refundsFailedPaise: 12_500, payoutsFailed: 1 });
    expect(waiting.oldestDispute).not.toBeNull();

    // Dealt with: the refund is sent again (processed), the payout retried, the provider decided, the dispute resolved.
    await t.c.db.update(refunds).set({ status: 'PROCESSED' }).where(eq(refunds.id, refund!.id));
    expect(
      (await t.app.inject({ method: 'POST', url: `/api/admin/payouts/${payout.id}/retry`, headers: admin.headers })).statusCode,
    ).toBe(201);
    await t.c.db.update(providerProfiles).set({ status: 'APPROVED' }).where(eq(providerProfiles.id, pending.providerId));
    const resolved = await t.app.inject({
      method: 'POST',
      url: `/api/admin/disputes/${disputed.booking.id}/resolve`,
      headers: admin.headers,
      payload: { resolution: 'NO_ACTION', note: 'Photos show the job done' },
    });
    expect(resolved.statusCode).toBe(200);
    expect(await delta()).toMatchObject({ disputes: 0, providers: 0, refundsFailed: 0, refundsFailedPaise: 0, payoutsFailed: 0 });
  });
});

describe('money lists', () => {
  it('payouts by status with counts; a failed payout is retryable until retried', async () => {
    const s = await createPaymentScenario(t.c, { status: 'COMPLETED' });
    await fundWallet(t.c, s.providerId, 100_000);
    const failed = await failedPayout(s.providerId);
    const list = (await get('/api/admin/payouts?status=FAILED&limit=100')).json();
    const row = list.items.find((p: { id: string }) => p.id === failed.id);
    expect(row).toMatchObject({
      status: 'FAILED',
      amount: 50_000,
      failureReason: 'IFSC invalid',
      retryable: true,
      providerId: s.providerId,
    });
    expect(list.counts.FAILED).toBeGreaterThanOrEqual(1);
    expect(list.items.every((p: { status: string }) => p.status === 'FAILED')).toBe(true);

    const retried = await t.app.inject({ method: 'POST', url: `/api/admin/payouts/${failed.id}/retry`, headers: admin.headers });
    expect(retried.statusCode).toBe(201);
    const after = (await get('/api/admin/payouts?limit=100')).json();
    expect(after.items.find((p: { id: string }) => p.id === failed.id).retryable).toBe(false);
    expect(after.items.find((p: { retryOf: string | null }) => p.retryOf === failed.id)).toBeDefined();
  });

  it('payments filter by method and status, newest first, with names', async () => {
    const s = await createPaymentScenario(t.c, { status: 'COMPLETED', quotedPrice: 12_300 });
    const rec = await t.app.inject({
      method: 'POST',
      url: '/api/payments',
      headers: s.customer.headers,
      payload: { bookingId: s.booking.id, method: 'UPI', amount: 12_300 },
    });
    expect(rec.statusCode).toBe(201);
    const upi = (await get('/api/admin/payments?method=UPI&status=PENDING&limit=100')).json();
    expect(upi.items.find((p: { id: string }) => p.id === rec.json().id)).toMatchObject({
      bookingNumber: s.booking.bookingNumber,
      customerName: 'सुनीता शर्मा',
      method: 'UPI',
      amount: 12_300,
      refunds: [],
    });
    expect(upi.items.every((p: { method: string; status: string }) => p.method === 'UPI' && p.status === 'PENDING')).toBe(true);
    expect((await get('/api/admin/payments?method=CARD')).statusCode).toBe(400);
  });
});
