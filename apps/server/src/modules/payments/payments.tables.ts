import { index, jsonb, pgEnum, pgTable, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { createdAt, id, paise, tstz, updatedAt } from '../../db/columns';
import { bookings } from '../bookings/bookings.tables';
import { providerProfiles } from '../providers/providers.tables';

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
