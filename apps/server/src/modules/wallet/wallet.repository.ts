import { and, desc, eq, inArray, sql } from 'drizzle-orm';
import type { Executor, Tx } from '../../db/client';
import { payouts } from '../payments/payments.tables';
import { providerProfiles } from '../providers/providers.tables';
import { users } from '../users/users.tables';

export type PayoutRow = typeof payouts.$inferSelect;

export async function insertPayout(tx: Tx, values: typeof payouts.$inferInsert) {
  const [row] = await tx.insert(payouts).values(values).returning();
  return row!;
}

export async function findPayout(db: Executor, id: string, lock = false) {
  const q = db.select().from(payouts).where(eq(payouts.id, id));
  const [row] = lock ? await q.for('update') : await q;
  return row ?? null;
}

export async function findPayoutByVendorId(db: Executor, vendorPayoutId: string, lock = false) {
  const q = db.select().from(payouts).where(eq(payouts.vendorPayoutId, vendorPayoutId));
  const [row] = lock ? await q.for('update') : await q;
  return row ?? null;
}

export async function updatePayout(tx: Tx, id: string, set: Partial<typeof payouts.$inferInsert>) {
  const [row] = await tx.update(payouts).set(set).where(eq(payouts.id, id)).returning();
  return row!;
}

export async function listPayouts(db: Executor, providerId: string, limit: number) {
  return db.select().from(payouts).where(eq(payouts.providerId, providerId)).orderBy(desc(payouts.createdAt)).limit(limit);
}

export async function inTransitTotal(db: Executor, providerId: string) {
  const [row] = await db
    .select({ total: sql<string>`coalesce(sum(${payouts.amount}), 0)` })
    .from(payouts)
    .where(and(eq(payouts.providerId, providerId), inArray(payouts.status, ['REQUESTED', 'PROCESSING'])));
  return Number(row?.total ?? 0);
}

/** Payout details of a provider (read-only join to providers/users). */
export async function findPayee(db: Executor, providerId: string) {
  const [row] = await db
    .select({
      providerId: providerProfiles.id,
      userId: providerProfiles.userId,
      name: sql<string>`coalesce(${providerProfiles.bankAccountHolder}, ${providerProfiles.businessName}, ${users.name}, 'Provider')`,
      upiId: providerProfiles.upiId,
      bankPayoutRef: providerProfiles.bankPayoutRef,
      autoPayout: providerProfiles.autoPayout,
    })
    .from(providerProfiles)
    .innerJoin(users, eq(users.id, providerProfiles.userId))
    .where(eq(providerProfiles.id, providerId));
  return row ?? null;
}

export async function autoPayoutProviderIds(db: Executor) {
  const rows = await db
    .select({ id: providerProfiles.id })
    .from(providerProfiles)
    .where(and(eq(providerProfiles.autoPayout, true), eq(providerProfiles.status, 'APPROVED')));
  return rows.map((r) => r.id);
}

/** The provider's own payout preference (the providers module owns the rest of the profile). */
export async function setAutoPayout(tx: Tx, providerId: string, enabled: boolean) {
  await tx.update(providerProfiles).set({ autoPayout: enabled }).where(eq(providerProfiles.id, providerId));
}

export async function findRetryOf(db: Executor, payoutId: string) {
  const [row] = await db.select({ id: payouts.id }).from(payouts).where(eq(payouts.retryOf, payoutId)).limit(1);
  return row ?? null;
}
