import { and, desc, eq, ne, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Executor, Tx } from '../../db/client';
import { bookings } from '../bookings/bookings.tables';
import { categories, subCategories } from '../catalog/catalog.tables';
import { backgroundChecks, providerProfiles } from '../providers/providers.tables';
import { customerProfiles, users } from '../users/users.tables';
import { invoiceCounters, invoices, paymentAttempts, payments, refunds, webhookEvents } from './payments.tables';

export type PaymentRow = typeof payments.$inferSelect;
export type RefundRow = typeof refunds.$inferSelect;

const customerUsers = alias(users, 'customer_users');
const providerUsers = alias(users, 'provider_users');

/** A booking with everything payments need (read-only join across modules). */
export async function findBookingForPayment(db: Executor, bookingId: string) {
  const [row] = await db
    .select({
      id: bookings.id,
      bookingNumber: bookings.bookingNumber,
      status: bookings.status,
      customerId: bookings.customerId,
      providerId: bookings.providerId,
      quotedPrice: bookings.quotedPrice,
      finalPrice: bookings.finalPrice,
      cancellationFee: bookings.cancellationFee,
      customerConfirmedAt: bookings.customerConfirmedAt,
      completedAt: bookings.completedAt,
      scheduledStart: bookings.scheduledStart,
      serviceType: bookings.serviceType,
      serviceAddress: sql<string>`${bookings.serviceLocation}->>'address'`,
      categoryId: bookings.categoryId,
      categoryName: categories.name,
      categoryNameHi: sql<string | null>`${categories.nameTranslations}->>'hi'`,
      subCategoryName: subCategories.name,
      subCategoryNameHi: sql<string | null>`${subCategories.nameTranslations}->>'hi'`,
      platformFeeBps: categories.platformFeeBps,
      customerUserId: customerProfiles.userId,
      customerName: customerUsers.name,
      customerPhone: customerUsers.phone,
      providerUserId: providerProfiles.userId,
      providerName: sql<string>`coalesce(${providerProfiles.businessName}, ${providerUsers.name}, 'Provider')`,
      providerUpiId: providerProfiles.upiId,
      providerGstin: providerProfiles.gstin,
      providerAddress: providerProfiles.address,
    })
    .from(bookings)
    .innerJoin(categories, eq(categories.id, bookings.categoryId))
    .innerJoin(subCategories, eq(subCategories.id, bookings.subCategoryId))
    .innerJoin(customerProfiles, eq(customerProfiles.id, bookings.customerId))
    .innerJoin(customerUsers, eq(customerUsers.id, customerProfiles.userId))
    .innerJoin(providerProfiles, eq(providerProfiles.id, bookings.providerId))
    .innerJoin(providerUsers, eq(providerUsers.id, providerProfiles.userId))
    .where(eq(bookings.id, bookingId));
  return row ?? null;
}
export type BookingForPayment = NonNullable<Awaited<ReturnType<typeof findBookingForPayment>>>;

export async function findLivePayment(db: Executor, bookingId: string, lock = false) {
  const q = db
    .select()
    .from(payments)
    .where(and(eq(payments.bookingId, bookingId), ne(payments.status, 'FAILED')));
  const [row] = lock ? await q.for('update') : await q;
  return row ?? null;
}

export async function findPayment(db: Executor, id: string, lock = false) {
  const q = db.select().from(payments).where(eq(payments.id, id));
  const [row] = lock ? await q.for('update') : await q;
  return row ?? null;
}

export async function findPaymentByOrder(db: Executor, orderId: string, lock = false) {
  const q = db.select().from(payments).where(eq(payments.gatewayOrderId, orderId));
  const [row] = lock ? await q.for('update') : await q;
  return row ?? null;
}

/** A background-check fee order (providers module's table, read-only): what the sandbox checkout page shows. */
export async function findBackgroundCheckFeeOrder(db: Executor, orderId: string) {
  const [row] = await db
    .select({ feePaise: backgroundChecks.feePaise, status: backgroundChecks.status })
    .from(backgroundChecks)
    .where(eq(backgroundChecks.feePaymentRef, orderId));
  return row ?? null;
}

export async function listPaymentsForBooking(db: Executor, bookingId: string) {
  return db.select().from(payments).where(eq(payments.bookingId, bookingId)).orderBy(desc(payments.createdAt));
}

export async function insertPayment(tx: Tx, values: typeof payments.$inferInsert) {
  const [row] = await tx.insert(payments).values(values).returning();
  return row!;
}

export async function updatePayment(tx: Tx, id: string, set: Partial<typeof payments.$inferInsert>) {
  const [row] = await tx.update(payments).set(set).where(eq(payments.id, id)).returning();
  return row!;
}

export async function findAttempt(db: Executor, gatewayPaymentId: string) {
  const [row] = await db.select().from(paymentAttempts).where(eq(paymentAttempts.gatewayPaymentId, gatewayPaymentId));
  return row ?? null;
}

export async function capturedAttempt(db: Executor, paymentId: string) {
  const [row] = await db
    .select()
    .from(paymentAttempts)
    .where(and(eq(paymentAttempts.paymentId, paymentId), eq(paymentAttempts.status, 'CAPTURED')));
  return row ?? null;
}

export async function upsertAttempt(
  tx: Tx,
  v: {
    paymentId: string;
    gatewayPaymentId: string;
    status: 'FAILED' | 'CAPTURED' | 'DUPLICATE';
    amount: number;
    errorReason?: string | null;
  },
) {
  await tx
    .insert(paymentAttempts)
    .values({ ...v, errorReason: v.errorReason ?? null })
    .onConflictDoUpdate({ target: paymentAttempts.gatewayPaymentId, set: { status: v.status, updatedAt: new Date() } });
}

export async function listAttempts(db: Executor, paymentId: string) {
  return db.select().from(paymentAttempts).where(eq(paymentAttempts.paymentId, paymentId)).orderBy(paymentAttempts.createdAt);
}

export async function insertRefund(tx: Tx, values: typeof refunds.$inferInsert) {
  const [row] = await tx.insert(refunds).values(values).onConflictDoNothing().returning();
  return row ?? null;
}

export async function findRefund(db: Executor, id: string, lock = false) {
  const q = db.select().from(refunds).where(eq(refunds.id, id));
  const [row] = lock ? await q.for('update') : await q;
  return row ?? null;
}

export async function findRefundByGatewayId(db: Executor, gatewayRefundId: string, lock = false) {
  const q = db.select().from(refunds).where(eq(refunds.gatewayRefundId, gatewayRefundId));
  const [row] = lock ? await q.for('update') : await q;
  return row ?? null;
}

export async function updateRefund(tx: Tx, id: string, set: Partial<typeof refunds.$inferInsert>) {
  await tx.update(refunds).set(set).where(eq(refunds.id, id));
}

export async function listRefunds(db: Executor, paymentId: string) {
  return db.select().from(refunds).where(eq(refunds.paymentId, paymentId)).orderBy(refunds.createdAt);
}

/** Records a webhook delivery once; false when this (gateway, event id) was seen before. */
export async function recordWebhookEvent(
  tx: Tx,
  v: { gateway: string; eventId: string; type: string; payload: Record<string, unknown> },
): Promise<string | null> {
  const [row] = await tx.insert(webhookEvents).values(v).onConflictDoNothing().returning({ id: webhookEvents.id });
  return row?.id ?? null;
}

export async function setWebhookOutcome(tx: Tx, id: string, outcome: string) {
  await tx.update(webhookEvents).set({ outcome }).where(eq(webhookEvents.id, id));
}

export async function countWebhookEvents(db: Executor, gateway: string, eventId: string) {
  const [row] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(webhookEvents)
    .where(and(eq(webhookEvents.gateway, gateway), eq(webhookEvents.eventId, eventId)));
  return row?.n ?? 0;
}

export async function findInvoice(db: Executor, bookingId: string) {
  const [row] = await db.select().from(invoices).where(eq(invoices.bookingId, bookingId));
  return row ?? null;
}

/** Takes the next number of the financial year: the counter row stays locked until `tx` ends (gapless). */
export async function nextInvoiceSequence(tx: Tx, financialYear: string): Promise<number> {
  const [row] = await tx
    .insert(invoiceCounters)
    .values({ financialYear, lastNumber: 1 })
    .onConflictDoUpdate({ target: invoiceCounters.financialYear, set: { lastNumber: sql`${invoiceCounters.lastNumber} + 1` } })
    .returning({ n: invoiceCounters.lastNumber });
  return row!.n;
}

export async function insertInvoice(tx: Tx, values: typeof invoices.$inferInsert) {
  const [row] = await tx.insert(invoices).values(values).returning();
  return row!;
}
