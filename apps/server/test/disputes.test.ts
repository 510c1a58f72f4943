import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog } from '../src/modules/audit/audit.tables';
import { notifications } from '../src/modules/notifications/notifications.tables';
import type { TestApp } from './app';
import { createTestApp } from './app';
import { put, workday } from './factories/bookings';
import { createUser, type TestUser } from './factories/index';
import { createPaymentScenario } from './factories/payments';

let t: TestApp;
let admin: TestUser;
beforeAll(async () => {
  t = await createTestApp({ RATE_LIMIT_PER_MINUTE: '1000000' });
  admin = await createUser(t.c, { role: 'ADMIN', name: 'Asha Admin' });
});
afterAll(async () => {
  await t?.close();
});

type Scenario = Awaited<ReturnType<typeof createPaymentScenario>>;
const drain = () => t.c.jobs.drain!();
let keySeq = 0;

async function ledgerBalances() {
  const res = await t.app.inject({ method: 'GET', url: '/api/admin/ledger/check', headers: admin.headers });
  expect(res.statusCode).toBe(200);
  expect(res.json()).toMatchObject({ ok: true, totalSum: 0, unbalancedTransactionIds: [] });
}

async function payInApp(s: Scenario) {
  const intent = await t.app.inject({
    method: 'POST',
    url: '/api/payments/intents',
    headers: { ...s.customer.headers, 'idempotency-key': `dispute-${process.pid}-${++keySeq}` },
    payload: { bookingId: s.booking.id },
  });
  expect(intent.statusCode).toBe(201);
  const { orderId } = intent.json();
  const paid = (
    await t.app.inject({ method: 'POST', url: `/api/payments/sandbox/checkout/${orderId}`, payload: { outcome: 'success' } })
  ).json();
  const verify = await t.app.inject({
    method: 'POST',
    url: '/api/payments/verify',
    headers: s.customer.headers,
    payload: { orderId, paymentId: paid.razorpay_payment_id, signature: paid.razorpay_signature },
  });
  expect(verify.json()).toMatchObject({ outcome: 'CAPTURED' });
  await drain();
}

async function payCash(s: Scenario, amount: number) {
  const rec = await t.app.inject({
    method: 'POST',
    url: '/api/payments',
    headers: s.customer.headers,
    payload: { bookingId: s.booking.id, method: 'CASH', amount },
  });
  expect(rec.statusCode).toBe(201);
  const ok = await t.app.inject({
    method: 'PUT',
    url: `/api/payments/${rec.json().id}/confirm-receipt`,
    headers: s.provider.headers,
  });
  expect(ok.json()).toMatchObject({ status: 'COMPLETED' });
  return rec.json().id as string;
}

async function dispute(s: Scenario, reason = 'The tap still leaks after the repair') {
  const res = await put(t.app, s.customer, s.booking.id, 'dispute', { reason });
  expect(res.statusCode).toBe(200);
  expect(res.json().status).toBe('DISPUTED');
}

const resolve = (bookingId: string, body: Record<string, unknown>, user: TestUser = admin) =>
  t.app.inject({ method: 'POST', url: `/api/admin/disputes/${bookingId}/resolve`, headers: user.headers, payload: body });

async function notificationsOf(userId: string, type: string) {
  return t.c.db
    .select()
    .from(notifications)
    .where(and(eq(notifications.userId, userId), eq(notifications.type, type)));
}

describe('raising a dispute', () => {
  it('notifies the provider and the admins (BOOKING_DISPUTED), in their language', async () => {
    const s = await createPaymentScenario(t.c, { status: 'COMPLETED' });
    const hindiAdmin = await createUser(t.c, { role: 'ADMIN', language: 'hi' });
    await dispute(s, 'Fan makes noise again');
    const [forProvider] = await notificationsOf(s.provider.id, 'BOOKING_DISPUTED');
    expect(forProvider).toMatchObject({ title: 'Booking disputed' });
    expect(forProvider!.body).toContain(s.booking.bookingNumber);
    expect(forProvider!.body).toContain('Fan makes noise again');
    const [forAdmin] = await notificationsOf(hindiAdmin.id, 'BOOKING_DISPUTED');
    expect(forAdmin!.title).toBe('बुकिंग पर विवाद');
    expect(await notificationsOf(s.customer.id, 'BOOKING_DISPUTED')).toHaveLength(0);
  });
});

describe('the disputes queue and evidence', () => {
  it('lists open disputes oldest first with evidence counts, and shows the chat with originals', async () => {
    const first = await createPaymentScenario(t.c, { status: 'COMPLETED' });
    const second = await createPaymentScenario(t.c, { status: 'COMPLETED' });
    await dispute(first, 'Work left half done');
    await dispute(second);

    const room = await t.app.inject({
      method: 'POST',
      url: '/api/chat/rooms',
      headers: first.customer.headers,
      payload: { providerId: first.providerId },
    });
    expect(room.statusCode).toBeLessThan(300);
    const actor = await t.c.resolveActor(first.customer.token);
    await t.c.chat.sendMessage(actor, {
      roomId: room.json().id,
      clientMessageId: 'ev-1',
      type: 'TEXT',
      content: 'You promised to come back, call 9876543210',
    });

    const list = await t.app.inject({ method: 'GET', url: '/api/admin/disputes?limit=100', headers: admin.headers });
    expect(list.statusCode).toBe(200);
    const ids = list.json().items.map((i: { bookingId: string }) => i.bookingId);
    expect(ids.indexOf(first.booking.id)).toBeGreaterThanOrEqual(0);
    expect(ids.indexOf(first.booking.id)).toBeLessThan(ids.indexOf(second.booking.id));
    const item = list.json().items.find((i: { bookingId: string }) => i.bookingId === first.booking.id);
    expect(item).toMatchObject({
      bookingNumber: first.booking.bookingNumber,
      status: 'DISPUTED',
      reason: 'Work left half done',
      paidPaise: 0,
      paymentMethod: null,
      customer: { userId: first.customer.id, name: 'सुनीता शर्मा' },
      provider: { userId: first.provider.id },
      evidence: { chatMessages: 1, photos: 0, startCodeUsed: false },
      resolution: null,
    });
    expect(item.evidence.timelineEvents).toBeGreaterThanOrEqual(1);

    const detail = await t.app.inject({ method: 'GET', url: `/api/admin/disputes/${first.booking.id}`, headers: admin.headers });
    expect(detail.statusCode).toBe(200);
    const d = detail.json();
    expect(d.dispute).toMatchObject({ open: true, reason: 'Work left half done', resolutions: [] });
    expect(d.timeline.at(-1)).toMatchObject({
      type: 'DISPUTED',
      fromStatus: 'COMPLETED',
      toStatus: 'DISPUTED',
      actor: { userId: first.customer.id, role: 'CUSTOMER', name: 'सुनीता शर्मा' },
      reason: 'Work left half done',
    });
    expect(d.chat.messages).toEqual([
      expect.objectContaining({ senderRole: 'CUSTOMER', originalContent: 'You promised to come back, call 9876543210' }),
    ]);
    expect(d.booking.startCode).toBeUndefined();
    expect(d.refundablePaise).toBe(0);
    // Reading the evidence (with the unmasked chat) is audited.
    const audits = await t.c.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'dispute.evidence.view'), eq(auditLog.objectId, first.booking.id)));
    expect(audits).toHaveLength(1);
    expect(audits[0]!.actorUserId).toBe(admin.id);
  });

  it('404 for a booking that was never disputed', async () => {
    const s = await createPaymentScenario(t.c, { status: 'COMPLETED' });
    const res = await t.app.inject({ method: 'GET', url: `/api/admin/disputes/${s.booking.id}`, headers: admin.headers });
    expect(res.statusCode).toBe(404);
  });
});

describe('resolving with a refund keeps the books balanced', () => {
  it('in-app paid: a partial refund comes out of escrow, the rest is released, both sides are told', async () => {
    const s = await createPaymentScenario(t.c, { status: 'IN_PROGRESS', quotedPrice: 100_000, platformFeeBps: 1000 });
    await payInApp(s);
    await dispute(s, 'Only half the wiring was done');
    const res = await resolve(s.booking.id, {
      resolution: 'REFUND_PARTIAL',
      amountPaise: 30_000,
      note: 'Half the job was not done',
    });
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body).toMatchObject({
      bookingId: s.booking.id,
      status: 'COMPLETED',
      resolution: {
        resolution: 'REFUND_PARTIAL',
        amountPaise: 30_000,
        // Escrow still held it all: the provider had not been paid, nothing to recover.
        providerRecoveryPaise: 0,
        note: 'Half the job was not done',
        resolvedBy: { userId: admin.id, name: 'Asha Admin' },
      },
      refund: { amount: 30_000, kind: 'ADMIN' },
    });
    await drain();
    await ledgerBalances();
    // Nothing is left in escrow: ₹300 went back, ₹700 was split between the provider and the platform.
    expect(await t.c.ledger.heldInEscrow(t.c.db, { bookingId: s.booking.id })).toBe(0);
    const detail = (
      await t.app.inject({ method: 'GET', url: `/api/admin/bookings/${s.booking.id}`, headers: admin.headers })
    ).json();
    expect(detail.payments[0]).toMatchObject({
      status: 'PARTIALLY_REFUNDED',
      refundedAmount: 30_000,
      refunds: [{ amount: 30_000, status: 'PROCESSED' }],
    });
    expect(detail.ledger.totals).toMatchObject({ capturedPaise: 100_000, refundedPaise: 30_000, heldInEscrowPaise: 0 });
    expect(
      detail.ledger.totals.commissionPaise + detail.ledger.totals.gstPaise + detail.ledger.totals.providerCreditedPaise,
    ).toBe(70_000);
    expect(detail.ledger.totals.commissionPaise).toBeGreaterThan(0);
    expect(detail.dispute).toMatchObject({ open: false, resolutions: [{ resolution: 'REFUND_PARTIAL' }] });
    expect(detail.timeline.at(-1)).toMatchObject({
      type: 'DISPUTE_RESOLVED',
      fromStatus: 'DISPUTED',
      toStatus: 'COMPLETED',
      actor: { role: 'ADMIN' },
    });

    const [toCustomer] = await notificationsOf(s.customer.id, 'DISPUTE_RESOLVED');
    expect(toCustomer!.body).toContain('A partial refund of ₹300.00 was issued.');
    const [toProvider] = await notificationsOf(s.provider.id, 'DISPUTE_RESOLVED');
    expect(toProvider!.body).toContain(s.booking.bookingNumber);

    const again = await resolve(s.booking.id, {
      resolution: 'REFUND_PARTIAL',
      amountPaise: 30_000,
      note: 'Half the job was not done',
    });
    expect(again.statusCode).toBe(409);
    expect(again.json().error.code).toBe('DISPUTE_ALREADY_RESOLVED');
    const audits = await t.c.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'dispute.resolve'), eq(auditLog.objectId, s.booking.id)));
    expect(audits).toHaveLength(1);
    expect(audits[0]).toMatchObject({ actorUserId: admin.id, reason: 'Half the job was not done' });
  });

  it('in-app paid: a full refund returns everything and releases nothing', async () => {
    const s = await createPaymentScenario(t.c, { status: 'IN_PROGRESS', quotedPrice: 80_000 });
    await payInApp(s);
    await dispute(s);
    const res = await resolve(s.booking.id, { resolution: 'REFUND_FULL', note: 'Provider never fixed it' });
    expect(res.json()).toMatchObject({ status: 'COMPLETED', resolution: { amountPaise: 80_000 }, refund: { amount: 80_000 } });
    await drain();
    await ledgerBalances();
    expect(await t.c.ledger.balance(t.c.db, { wallet: s.providerId })).toBe(0);
  });

  it('cash: the platform advances the refund and recovers it from the provider; paid out by hand later', async () => {
    const s = await createPaymentScenario(t.c, { status: 'COMPLETED', quotedPrice: 50_000 });
    await payCash(s, 50_000);
    await dispute(s);
    const res = await resolve(s.booking.id, {
      resolution: 'REFUND_PARTIAL',
      amountPaise: 20_000,
      note: 'Part of the parts were missing',
    });
    expect(res.statusCode).toBe(200);
    const refund = res.json().refund;
    expect(refund).toMatchObject({ amount: 20_000, kind: 'DISPUTE_DIRECT', status: 'PENDING' });
    await ledgerBalances();
    // The provider's wallet owes ₹200 (a debit on a liability account).
    expect(await t.c.ledger.balance(t.c.db, { wallet: s.providerId })).toBe(20_000);
    expect(res.json().resolution.providerRecoveryPaise).toBe(20_000);

    const settle = (reference: string) =>
      t.app.inject({
        method: 'POST',
        url: `/api/admin/refunds/${refund.id}/settle`,
        headers: admin.headers,
        payload: { reference },
      });
    const settled = await settle('UTR12345678');
    expect(settled.statusCode).toBe(200);
    expect(settled.json()).toMatchObject({ status: 'PROCESSED', amount: 20_000 });
    await ledgerBalances();
    const [issued] = await notificationsOf(s.customer.id, 'REFUND_ISSUED');
    expect(issued!.body).toContain('₹200');
    const twice = await settle('UTR12345678');
    expect(twice.statusCode).toBe(409);
    expect(twice.json().error.code).toBe('REFUND_ALREADY_SETTLED');
    const payments = (
      await t.app.inject({ method: 'GET', url: `/api/admin/payments?method=CASH&limit=100`, headers: admin.headers })
    ).json();
    expect(payments.items.find((p: { bookingId: string }) => p.bookingId === s.booking.id)).toMatchObject({
      status: 'PARTIALLY_REFUNDED',
      refundedAmount: 20_000,
      refunds: [{ kind: 'DISPUTE_DIRECT', status: 'PROCESSED' }],
    });
  });

  it('in-app paid and already released to the provider: the refund takes back their share from the wallet', async () => {
    const s = await createPaymentScenario(t.c, { status: 'COMPLETED', quotedPrice: 60_000, platformFeeBps: 1200 });
    await payInApp(s);
    const confirmed = await put(t.app, s.customer, s.booking.id, 'confirm-completion', {});
    expect(confirmed.statusCode).toBe(200);
    // Released: 12% fee = ₹72, GST on it ₹12.96, the provider ₹515.04 (a credit on their wallet).
    expect(await t.c.ledger.balance(t.c.db, { wallet: s.providerId })).toBe(-51_504);
    const expenseBefore = await t.c.ledger.balance(t.c.db, 'refunds_expense');
    await dispute(s, 'The geyser stopped working the next morning');

    const res = await resolve(s.booking.id, { resolution: 'REFUND_PARTIAL', amountPaise: 30_000, note: 'Half of it failed' });
    expect(res.statusCode).toBe(200);
    // Half the payment back: half of the provider's ₹515.04 comes from their wallet, the platform bears the rest.
    expect(res.json().resolution).toMatchObject({ amountPaise: 30_000, providerRecoveryPaise: 25_752 });
    await drain();
    await ledgerBalances();
    expect(await t.c.ledger.balance(t.c.db, { wallet: s.providerId })).toBe(-51_504 + 25_752);
    expect((await t.c.ledger.balance(t.c.db, 'refunds_expense')) - expenseBefore).toBe(30_000 - 25_752);
    const wallet = (await t.app.inject({ method: 'GET', url: '/api/wallet', headers: s.provider.headers })).json();
    expect(wallet.available).toBe(25_752);
    const [toProvider] = await notificationsOf(s.provider.id, 'DISPUTE_RESOLVED');
    expect(toProvider!.body).toContain('₹257.52 of it is recovered from your earnings.');
    const [toCustomer] = await notificationsOf(s.customer.id, 'DISPUTE_RESOLVED');
    expect(toCustomer!.body).not.toContain('recovered');
    const detail = (
      await t.app.inject({ method: 'GET', url: `/api/admin/bookings/${s.booking.id}`, headers: admin.headers })
    ).json();
    expect(detail.payments[0]).toMatchObject({ refundedAmount: 30_000, providerEarnings: 25_752 });
    expect(detail.ledger.totals.providerClawbackPaise).toBe(25_752);
  });

  it('the admin can decide the platform bears it: nothing is taken from the provider (in-app or cash)', async () => {
    const online = await createPaymentScenario(t.c, { status: 'COMPLETED', quotedPrice: 60_000, platformFeeBps: 1200 });
    await payInApp(online);
    await put(t.app, online.customer, online.booking.id, 'confirm-completion', {});
    await dispute(online, 'Charged twice by the app');
    const a = await resolve(online.booking.id, {
      resolution: 'REFUND_FULL',
      recoverFromProvider: false,
      note: 'Our checkout double-charged; the provider did the job',
    });
    expect(a.json().resolution).toMatchObject({ amountPaise: 60_000, providerRecoveryPaise: 0 });
    expect(await t.c.ledger.balance(t.c.db, { wallet: online.providerId })).toBe(-51_504);

    const cash = await createPaymentScenario(t.c, { status: 'COMPLETED', quotedPrice: 50_000 });
    await payCash(cash, 50_000);
    await dispute(cash);
    const expenseBefore = await t.c.ledger.balance(t.c.db, 'refunds_expense');
    const b = await resolve(cash.booking.id, {
      resolution: 'REFUND_PARTIAL',
      amountPaise: 20_000,
      recoverFromProvider: false,
      note: 'The quote in the app was wrong',
    });
    expect(b.json()).toMatchObject({
      resolution: { providerRecoveryPaise: 0 },
      refund: { amount: 20_000, kind: 'DISPUTE_DIRECT', status: 'PENDING' },
    });
    expect(await t.c.ledger.balance(t.c.db, { wallet: cash.providerId })).toBe(0);
    expect((await t.c.ledger.balance(t.c.db, 'refunds_expense')) - expenseBefore).toBe(20_000);
    await drain();
    await ledgerBalances();
    const [toProvider] = await notificationsOf(cash.provider.id, 'DISPUTE_RESOLVED');
    expect(toProvider!.body).not.toContain('recovered');
  });

  it('a gateway refund cannot be settled by hand', async () => {
    const s = await createPaymentScenario(t.c, { status: 'IN_PROGRESS', quotedPrice: 40_000 });
    await payInApp(s);
    await dispute(s);
    const refundId = (await resolve(s.booking.id, { resolution: 'REFUND_FULL', note: 'Not done at all' })).json().refund.id;
    const res = await t.app.inject({
      method: 'POST',
      url: `/api/admin/refunds/${refundId}/settle`,
      headers: admin.headers,
      payload: { reference: 'UTR1' },
    });
    expect(res.statusCode).toBe(422);
    expect(res.json().error.code).toBe('NOT_A_DIRECT_REFUND');
  });
});

describe('other outcomes and bad input', () => {
  it('rework: the booking is CONFIRMED again at a free slot with a new start code; the provider redoes the job', async () => {
    const s = await createPaymentScenario(t.c, { status: 'COMPLETED' });
    await dispute(s);
    const date = workday(3);
    const avail = await t.app.inject({
      method: 'GET',
      url: `/api/providers/${s.providerId}/availability?date=${date}&subCategoryId=${s.booking.subCategoryId}`,
    });
    const slot = avail.json().slots[0];
    expect(slot).toBeDefined();

    const busy = await resolve(s.booking.id, {
      resolution: 'REWORK',
      reworkStart: `${date}T03:00:00+05:30`,
      note: 'Redo the job',
    });
    expect(busy.statusCode).toBe(422);
    expect(busy.json().error.code).toBe('SLOT_UNAVAILABLE');

    const res = await resolve(s.booking.id, { resolution: 'REWORK', reworkStart: slot.start, note: 'Redo the job properly' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ status: 'CONFIRMED', refund: null, resolution: { resolution: 'REWORK', amountPaise: 0 } });
    const mine = (
      await t.app.inject({ method: 'GET', url: `/api/bookings/${s.booking.id}`, headers: s.customer.headers })
    ).json();
    expect(mine).toMatchObject({ status: 'CONFIRMED', startedAt: null, completedAt: null });
    expect(new Date(mine.scheduledStart).getTime()).toBe(new Date(slot.start).getTime());
    expect(mine.startCode).toMatch(/^\d{4}$/);
    const started = await put(t.app, s.provider, s.booking.id, 'start', { startCode: mine.startCode });
    expect(started.statusCode).toBe(200);
    expect(started.json().status).toBe('IN_PROGRESS');
    const [told] = await notificationsOf(s.provider.id, 'DISPUTE_RESOLVED');
    expect(told!.body).toContain('redo the job');
  });

  it('no action closes the case without moving money', async () => {
    const s = await createPaymentScenario(t.c, { status: 'COMPLETED', quotedPrice: 30_000 });
    await payCash(s, 30_000);
    await dispute(s);
    const withKey = (key: string) =>
      t.app.inject({
        method: 'POST',
        url: `/api/admin/disputes/${s.booking.id}/resolve`,
        headers: { ...admin.headers, 'idempotency-key': key },
        payload: { resolution: 'NO_ACTION', note: 'The job was done as agreed' },
      });
    const key = `resolve-${s.booking.id}`;
    const res = await withKey(key);
    // A retried request with the same key gets the first answer, not a 409.
    const replay = await withKey(key);
    expect(replay.statusCode).toBe(200);
    expect(replay.headers['idempotent-replayed']).toBe('true');
    expect(replay.json().resolution.id).toBe(res.json().resolution.id);
    expect(res.json()).toMatchObject({
      status: 'COMPLETED',
      refund: null,
      resolution: { resolution: 'NO_ACTION', amountPaise: 0 },
    });
    expect(await t.c.ledger.balance(t.c.db, { wallet: s.providerId })).toBe(0);
    await ledgerBalances();
  });

  it('refuses bad input with machine-readable codes', async () => {
    const unpaid = await createPaymentScenario(t.c, { status: 'COMPLETED' });
    await dispute(unpaid);
    const noAmount = await resolve(unpaid.booking.id, { resolution: 'REFUND_PARTIAL', note: 'Partial' });
    expect(noAmount.statusCode).toBe(400);
    expect((await resolve(unpaid.booking.id, { resolution: 'REWORK', note: 'Redo' })).statusCode).toBe(400);
    expect((await resolve(unpaid.booking.id, { resolution: 'REFUND_FULL', note: 'x' })).statusCode).toBe(400);
    expect((await resolve(unpaid.booking.id, { resolution: 'REFUND_FULL', note: 'Refund it', extra: 1 })).statusCode).toBe(400);
    const nothing = await resolve(unpaid.booking.id, { resolution: 'REFUND_FULL', note: 'Refund it' });
    expect(nothing.statusCode).toBe(422);
    expect(nothing.json().error.code).toBe('NOTHING_TO_REFUND');

    const paid = await createPaymentScenario(t.c, { status: 'COMPLETED', quotedPrice: 10_000 });
    await payCash(paid, 10_000);
    await dispute(paid);
    const tooMuch = await resolve(paid.booking.id, { resolution: 'REFUND_PARTIAL', amountPaise: 10_000, note: 'All of it' });
    expect(tooMuch.statusCode).toBe(422);
    expect(tooMuch.json().error).toMatchObject({ code: 'REFUND_EXCEEDS_PAYMENT', details: { refundable: 10_000 } });

    const calm = await createPaymentScenario(t.c, { status: 'COMPLETED' });
    const notDisputed = await resolve(calm.booking.id, { resolution: 'NO_ACTION', note: 'Nothing to do' });
    expect(notDisputed.statusCode).toBe(409);
    expect(notDisputed.json().error.code).toBe('NOT_DISPUTED');
    const missing = await resolve('00000000-0000-4000-8000-000000000000', { resolution: 'NO_ACTION', note: 'Nothing to do' });
    expect(missing.statusCode).toBe(404);
    // A failed resolution leaves the case open and the books untouched.
    const still = (
      await t.app.inject({ method: 'GET', url: `/api/admin/bookings/${paid.booking.id}`, headers: admin.headers })
    ).json();
    expect(still).toMatchObject({ booking: { status: 'DISPUTED' }, dispute: { open: true, resolutions: [] } });
    await ledgerBalances();
  });

  it('a booking marked DISPUTED without its timeline entry (imported) is still queued and resolvable', async () => {
    const s = await createPaymentScenario(t.c, { status: 'DISPUTED' });
    const list = (await t.app.inject({ method: 'GET', url: '/api/admin/disputes?limit=100', headers: admin.headers })).json();
    expect(list.items.map((i: { bookingId: string }) => i.bookingId)).toContain(s.booking.id);
    const res = await resolve(s.booking.id, { resolution: 'NO_ACTION', note: 'Imported case closed' });
    expect(res.statusCode).toBe(200);
    const detail = (
      await t.app.inject({ method: 'GET', url: `/api/admin/bookings/${s.booking.id}`, headers: admin.headers })
    ).json();
    expect(detail.timeline.map((e: { type: string }) => e.type)).toEqual(['DISPUTED', 'DISPUTE_RESOLVED']);
    expect((await resolve(s.booking.id, { resolution: 'NO_ACTION', note: 'Imported case closed' })).json().error.code).toBe(
      'DISPUTE_ALREADY_RESOLVED',
    );
  });

  it('two admins resolving at once: one wins, the other gets 409', async () => {
    const s = await createPaymentScenario(t.c, { status: 'COMPLETED', quotedPrice: 20_000 });
    await payCash(s, 20_000);
    await dispute(s);
    const other = await createUser(t.c, { role: 'ADMIN' });
    const [a, b] = await Promise.all([
      resolve(s.booking.id, { resolution: 'REFUND_FULL', note: 'Refund in full' }),
      resolve(s.booking.id, { resolution: 'REFUND_FULL', note: 'Refund in full' }, other),
    ]);
    expect([a.statusCode, b.statusCode].sort()).toEqual([200, 409]);
    expect([a, b].find((r) => r.statusCode === 409)!.json().error.code).toBe('DISPUTE_ALREADY_RESOLVED');
    expect(await t.c.ledger.balance(t.c.db, { wallet: s.providerId })).toBe(20_000);
    await ledgerBalances();
  });
});
