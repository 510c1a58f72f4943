import { count, inArray, sql } from 'drizzle-orm';
import type { PgTable } from 'drizzle-orm/pg-core';
import type { Database, Executor } from '../db/client';
import { bookings } from '../modules/bookings/bookings.tables';
import { categories, subCategories } from '../modules/catalog/catalog.tables';
import { ledgerAccounts, ledgerEntries, ledgerTransactions, payments } from '../modules/payments/payments.tables';
import { backgroundChecks, kycRecords, providerProfiles } from '../modules/providers/providers.tables';
import { reviews } from '../modules/reviews/reviews.tables';
import { customerAddresses, customerProfiles, users } from '../modules/users/users.tables';
import { buildDemoData, type DemoData, type DemoOptions } from './demo-data';

const SEED_LOCK = 72_033_110;

export type SeedProgress = (stage: string, done: number, total: number) => void;

/** Inserts rows in chunks that stay well under PostgreSQL's 65 535 bind-parameter limit. */
export async function insertChunked<T extends PgTable>(
  db: Executor,
  table: T,
  rows: T['$inferInsert'][],
  onChunk?: (n: number) => void,
): Promise<void> {
  if (!rows.length) return;
  const columns = Object.keys(rows[0] as object).length || 1;
  const size = Math.max(1, Math.min(2000, Math.floor(30_000 / columns)));
  for (let i = 0; i < rows.length; i += size) {
    const chunk = rows.slice(i, i + size);
    await db.insert(table).values(chunk as never);
    onChunk?.(chunk.length);
  }
}

/** True when the catalogue exists, i.e. the database has been seeded (or set up by an admin). */
export async function hasCatalog(db: Executor): Promise<boolean> {
  const [row] = await db.select({ n: count() }).from(categories);
  return (row?.n ?? 0) > 0;
}

const SYSTEM_ACCOUNTS = ['gateway_clearing', 'escrow', 'platform_revenue', 'gst_payable'] as const;

/** Posts each seeded ONLINE payment: capture into escrow, then release to commission, GST and the provider wallet. */
async function postLedger(tx: Executor, data: DemoData): Promise<number> {
  if (!data.onlinePayments.length) return 0;
  const accounts = await tx
    .select({ id: ledgerAccounts.id, code: ledgerAccounts.code })
    .from(ledgerAccounts)
    .where(inArray(ledgerAccounts.code, [...SYSTEM_ACCOUNTS]));
  const byCode = new Map(accounts.map((a) => [a.code, a.id]));
  if (SYSTEM_ACCOUNTS.some((c) => !byCode.has(c))) return 0; // chart of accounts not migrated yet
  const names = new Map(data.providerProfiles.map((p) => [p.id!, p.businessName ?? 'Provider']));
  const walletIds = new Map<string, string>();
  const wallets = [...new Set(data.onlinePayments.map((p) => p.providerId))].map((providerId) => {
    const id = crypto.randomUUID();
    walletIds.set(providerId, id);
    return {
      id,
      code: `provider_wallet:${providerId}`,
      name: `Wallet: ${names.get(providerId)}`,
      type: 'LIABILITY' as const,
      providerId,
    };
  });
  await insertChunked(tx, ledgerAccounts, wallets);
  const txRows: (typeof ledgerTransactions.$inferInsert)[] = [];
  const entries: (typeof ledgerEntries.$inferInsert)[] = [];
  const acct = (c: (typeof SYSTEM_ACCOUNTS)[number]) => byCode.get(c)!;
  for (const p of data.onlinePayments) {
    const capture = crypto.randomUUID();
    const release = crypto.randomUUID();
    txRows.push(
      {
        id: capture,
        kind: 'payment_captured',
        reference: p.paymentId,
        bookingId: p.bookingId,
        memo: 'Seed: online payment held in escrow',
        createdAt: p.paidAt,
      },
      {
        id: release,
        kind: 'escrow_released',
        reference: p.paymentId,
        bookingId: p.bookingId,
        memo: 'Seed: escrow released on completion',
        createdAt: p.releasedAt,
      },
    );
    entries.push(
      { transactionId: capture, accountId: acct('gateway_clearing'), amount: p.amount, createdAt: p.paidAt },
      { transactionId: capture, accountId: acct('escrow'), amount: -p.amount, createdAt: p.paidAt },
      { transactionId: release, accountId: acct('escrow'), amount: p.amount, createdAt: p.releasedAt },
      { transactionId: release, accountId: acct('platform_revenue'), amount: -p.platformFee, createdAt: p.releasedAt },
      { transactionId: release, accountId: walletIds.get(p.providerId)!, amount: -p.providerEarnings, createdAt: p.releasedAt },
    );
    if (p.gstOnFee > 0) {
      entries.push({ transactionId: release, accountId: acct('gst_payable'), amount: -p.gstOnFee, createdAt: p.releasedAt });
    }
  }
  await insertChunked(tx, ledgerTransactions, txRows);
  await insertChunked(
    tx,
    ledgerEntries,
    entries.filter((e) => e.amount !== 0),
  );
  return txRows.length;
}

export interface SeedResult {
  seeded: boolean;
  providers: number;
  customers: number;
  bookings: number;
  reviews: number;
  ms: number;
}

/**
 * Loads the demo dataset (catalogue, demo accounts, providers, customers, past bookings, payments,
 * reviews) in one transaction. Does nothing when a catalogue already exists, so restarts keep data.
 */
export async function seedDemoData(
  database: Database,
  opts: DemoOptions & { progress?: SeedProgress } = {},
): Promise<SeedResult> {
  const started = Date.now();
  if (await hasCatalog(database.db)) {
    return { seeded: false, providers: 0, customers: 0, bookings: 0, reviews: 0, ms: Date.now() - started };
  }
  const data = buildDemoData(opts);
  const steps: [string, PgTable, unknown[]][] = [
    ['categories', categories, data.categories],
    ['sub-categories', subCategories, data.subCategories],
    ['users', users, data.users],
    ['customers', customerProfiles, data.customerProfiles],
    ['addresses', customerAddresses, data.customerAddresses],
    ['providers', providerProfiles, data.providerProfiles],
    ['kyc records', kycRecords, data.kycRecords],
    ['background checks', backgroundChecks, data.backgroundChecks],
    ['bookings', bookings, data.bookings],
    ['payments', payments, data.payments],
    ['reviews', reviews, data.reviews],
  ];
  const total = steps.reduce((s, [, , rows]) => s + rows.length, 0) + data.onlinePayments.length;
  let done = 0;
  const inserted = await database.db.transaction(async (tx) => {
    // Several nodes may start at once on one PostgreSQL: one seeds, the others find the catalogue.
    await tx.execute(sql`select pg_advisory_xact_lock(${SEED_LOCK})`);
    if (await hasCatalog(tx)) return false;
    for (const [stage, table, rows] of steps) {
      await insertChunked(tx, table, rows as never[], (n) => {
        done += n;
        opts.progress?.(stage, done, total);
      });
    }
    await postLedger(tx, data);
    done += data.onlinePayments.length;
    opts.progress?.('ledger', done, total);
    return true;
  });
  if (!inserted) return { seeded: false, providers: 0, customers: 0, bookings: 0, reviews: 0, ms: Date.now() - started };
  return {
    seeded: true,
    providers: data.providerProfiles.length,
    customers: data.customerProfiles.length,
    bookings: data.bookings.length,
    reviews: data.reviews.length,
    ms: Date.now() - started,
  };
}
