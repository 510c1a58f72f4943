import { sql } from 'drizzle-orm';
import { boolean, index, integer, jsonb, pgEnum, pgTable, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { createdAt, id, paise, tstz, updatedAt } from '../../db/columns';
import { bookings } from '../bookings/bookings.tables';
import { providerProfiles } from '../providers/providers.tables';
import { users } from '../users/users.tables';

export const paymentMethod = pgEnum('payment_method', ['CASH', 'UPI', 'ONLINE']);
export const paymentStatus = pgEnum('payment_status', [
  'PENDING',
  'AUTHORIZED',
  'CAPTURED',
  'COMPLETED',
  'FAILED',
  'REFUNDED',
  'PARTIALLY_REFUNDED',
]);
export const ledgerAccountType = pgEnum('ledger_account_type', ['ASSET', 'LIABILITY', 'REVENUE', 'EXPENSE']);

export const payments = pgTable(
  'payments',
  {
    id: id(),
    bookingId: uuid()
      .notNull()
      .references(() => bookings.id),
    amount: paise().notNull(),
    currency: text().notNull().default('INR'),
    method: paymentMethod().notNull(),
    status: paymentStatus().notNull().default('PENDING'),
    transactionId: text(),
    gatewayOrderId: text(),
    gatewayResponse: jsonb().$type<Record<string, unknown>>(),
    platformFee: paise().notNull().default(0),
    providerEarnings: paise().notNull().default(0),
    refundedAmount: paise().notNull().default(0),
    customerMarkedPaidAt: tstz(),
    providerConfirmedAt: tstz(),
    paidAt: tstz(),
    releasedAt: tstz(),
    refundedAt: tstz(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index('payments_booking_idx').on(t.bookingId),
    uniqueIndex('payments_gateway_order_uq').on(t.gatewayOrderId),
    /** A booking has at most one live payment; FAILED ones (abandoned/superseded) do not count. */
    uniqueIndex('payments_one_live_per_booking_uq').on(t.bookingId).where(sql`${t.status} <> 'FAILED'`),
    index('payments_status_idx').on(t.status, t.createdAt),
  ],
);

/** Chart of accounts. Provider wallets are one LIABILITY account per provider. */
export const ledgerAccounts = pgTable(
  'ledger_accounts',
  {
    id: id(),
    code: text().notNull(),
    name: text().notNull(),
    type: ledgerAccountType().notNull(),
    providerId: uuid().references(() => providerProfiles.id),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('ledger_accounts_code_uq').on(t.code)],
);

/** A balanced set of entries; append-only. */
export const ledgerTransactions = pgTable(
  'ledger_transactions',
  {
    id: id(),
    kind: text().notNull(),
    /** Idempotency: one posting per (kind, reference). */
    reference: text().notNull(),
    bookingId: uuid().references(() => bookings.id),
    memo: text(),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('ledger_transactions_ref_uq').on(t.kind, t.reference), index('ledger_tx_booking_idx').on(t.bookingId)],
);

/** Debits positive, credits negative; every transaction's entries sum to zero. */
export const ledgerEntries = pgTable(
  'ledger_entries',
  {
    id: id(),
    transactionId: uuid()
      .notNull()
      .references(() => ledgerTransactions.id),
    accountId: uuid()
      .notNull()
      .references(() => ledgerAccounts.id),
    amount: paise().notNull(),
    createdAt: createdAt(),
  },
  (t) => [index('ledger_entries_account_idx').on(t.accountId, t.createdAt), index('ledger_entries_tx_idx').on(t.transactionId)],
);

/**
 * Each gateway payment attempt on an order (Razorpay retries create a new payment id on the same
 * order). At most one attempt per payment is CAPTURED; a later capture is a DUPLICATE and is refunded.
 */
export const paymentAttempts = pgTable(
  'payment_attempts',
  {
    id: id(),
    paymentId: uuid()
      .notNull()
      .references(() => payments.id),
    gatewayPaymentId: text().notNull(),
    /** FAILED | CAPTURED | DUPLICATE */
    status: text().notNull(),
    amount: paise().notNull(),
    errorReason: text(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex('payment_attempts_gateway_uq').on(t.gatewayPaymentId),
    uniqueIndex('payment_attempts_one_capture_uq').on(t.paymentId).where(sql`${t.status} = 'CAPTURED'`),
  ],
);

export const refundStatus = pgEnum('refund_status', ['PENDING', 'PROCESSED', 'FAILED']);

/** Money going back to a customer through the gateway. `kind`: CANCELLATION | ADMIN | DUPLICATE_CAPTURE. */
export const refunds = pgTable(
  'refunds',
  {
    id: id(),
    paymentId: uuid()
      .notNull()
      .references(() => payments.id),
    kind: text().notNull(),
    amount: paise().notNull(),
    /** Part of the escrow paid to the provider instead (late-cancellation fee). */
    providerShare: paise().notNull().default(0),
    gatewayPaymentId: text().notNull(),
    gatewayRefundId: text(),
    /** Sends to the gateway: an admin retry of a FAILED refund is the next attempt (its own idempotency key). */
    attempt: integer().notNull().default(1),
    /** The gateway's ids of the attempts that failed, for reconciliation with its dashboard. */
    failedGatewayRefundIds: text().array().notNull().default(sql`'{}'::text[]`),
    status: refundStatus().notNull().default('PENDING'),
    reason: text(),
    requestedByUserId: uuid().references(() => users.id),
    createdAt: createdAt(),
    processedAt: tstz(),
  },
  (t) => [
    index('refunds_payment_idx').on(t.paymentId),
    uniqueIndex('refunds_gateway_uq').on(t.gatewayRefundId),
    uniqueIndex('refunds_one_cancellation_uq').on(t.paymentId).where(sql`${t.kind} = 'CANCELLATION'`),
    uniqueIndex('refunds_one_duplicate_uq').on(t.gatewayPaymentId).where(sql`${t.kind} = 'DUPLICATE_CAPTURE'`),
  ],
);

/** Every webhook delivery we accepted, once per (gateway, event id): the dedupe record. */
export const webhookEvents = pgTable(
  'webhook_events',
  {
    id: id(),
    gateway: text().notNull(),
    eventId: text().notNull(),
    type: text().notNull(),
    payload: jsonb().$type<Record<string, unknown>>().notNull(),
    outcome: text(),
    receivedAt: createdAt(),
  },
  (t) => [uniqueIndex('webhook_events_uq').on(t.gateway, t.eventId)],
);

export const payoutStatus = pgEnum('payout_status', ['REQUESTED', 'PROCESSING', 'PROCESSED', 'FAILED']);

/** Withdrawals from a provider wallet to their bank/UPI, paid T+2 through the payout port. */
export const payouts = pgTable(
  'payouts',
  {
    id: id(),
    providerId: uuid()
      .notNull()
      .references(() => providerProfiles.id),
    amount: paise().notNull(),
    status: payoutStatus().notNull().default('REQUESTED'),
    auto: boolean().notNull().default(false),
    scheduledFor: tstz().notNull(),
    vendor: text(),
    vendorPayoutId: text(),
    failureReason: text(),
    retryOf: uuid(),
    requestedByUserId: uuid().references(() => users.id),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
    processedAt: tstz(),
  },
  (t) => [
    index('payouts_provider_idx').on(t.providerId, t.createdAt),
    index('payouts_status_idx').on(t.status, t.scheduledFor),
    uniqueIndex('payouts_vendor_uq').on(t.vendorPayoutId),
  ],
);

/** Gapless invoice numbers per Indian financial year: the row is locked by the issuing transaction. */
export const invoiceCounters = pgTable('invoice_counters', {
  financialYear: text().primaryKey(),
  lastNumber: integer().notNull().default(0),
});

export const invoices = pgTable(
  'invoices',
  {
    id: id(),
    bookingId: uuid()
      .notNull()
      .references(() => bookings.id),
    paymentId: uuid()
      .notNull()
      .references(() => payments.id),
    /** e.g. LP/2026-27/000123 */
    number: text().notNull(),
    financialYear: text().notNull(),
    sequence: integer().notNull(),
    issuedAt: createdAt(),
  },
  (t) => [uniqueIndex('invoices_booking_uq').on(t.bookingId), uniqueIndex('invoices_number_uq').on(t.number)],
);
