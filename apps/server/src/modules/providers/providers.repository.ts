import { and, asc, eq, gt, inArray, or, type SQL, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client';
import { categories, subCategories } from '../catalog/catalog.tables';
import { users } from '../users/users.tables';
import { backgroundChecks, documents, kycRecords, providerBankOtps, providerProfiles } from './providers.tables';

export type ProviderRow = typeof providerProfiles.$inferSelect;
export type ProviderPatch = Partial<typeof providerProfiles.$inferInsert>;
export type KycRow = typeof kycRecords.$inferSelect;
export type BackgroundCheckRow = typeof backgroundChecks.$inferSelect;

/** Profile + the owner's user fields it shows (read-only join). */
const withUser = {
  profile: providerProfiles,
  name: users.name,
  email: users.email,
  phone: users.phone,
  createdAtUser: users.createdAt,
};

export function createProvidersRepository() {
  return {
    async findById(db: Executor, id: string) {
      const [r] = await db
        .select(withUser)
        .from(providerProfiles)
        .innerJoin(users, eq(users.id, providerProfiles.userId))
        .where(eq(providerProfiles.id, id))
        .limit(1);
      return r ?? null;
    },
    async findByUserId(db: Executor, userId: string) {
      const [r] = await db
        .select(withUser)
        .from(providerProfiles)
        .innerJoin(users, eq(users.id, providerProfiles.userId))
        .where(eq(providerProfiles.userId, userId))
        .limit(1);
      return r ?? null;
    },
    async insertDraft(db: Executor, userId: string): Promise<void> {
      await db.insert(providerProfiles).values({ userId }).onConflictDoNothing();
    },
    /** Locks the profile row for the rest of the transaction. */
    async lock(db: Executor, id: string): Promise<ProviderRow | null> {
      const [r] = await db.select().from(providerProfiles).where(eq(providerProfiles.id, id)).for('update').limit(1);
      return r ?? null;
    },
    async update(db: Executor, id: string, patch: ProviderPatch): Promise<ProviderRow> {
      const [r] = await db
        .update(providerProfiles)
        .set({ ...patch, updatedAt: new Date() })
        .where(eq(providerProfiles.id, id))
        .returning();
      return r!;
    },
    async hasProfilePhoto(db: Executor, providerId: string): Promise<boolean> {
      const [r] = await db
        .select({ id: documents.id })
        .from(documents)
        .where(and(eq(documents.providerId, providerId), eq(documents.kind, 'PROFILE_PHOTO')))
        .limit(1);
      return !!r;
    },
    async providersWithPhoto(db: Executor, providerIds: string[]): Promise<Set<string>> {
      if (providerIds.length === 0) return new Set();
      const rows = await db
        .selectDistinct({ id: documents.providerId })
        .from(documents)
        .where(and(inArray(documents.providerId, providerIds), eq(documents.kind, 'PROFILE_PHOTO')));
      return new Set(rows.map((r) => r.id!));
    },

    // ---- catalogue (read-only) ----
    async findCategory(db: Executor, id: string) {
      const [r] = await db.select().from(categories).where(eq(categories.id, id)).limit(1);
      return r ?? null;
    },
    async listSubCategories(db: Executor, ids: string[]) {
      if (ids.length === 0) return [];
      return db.select().from(subCategories).where(inArray(subCategories.id, ids));
    },

    // ---- admin review queue: oldest first, keyset on (coalesce(submittedAt, createdAt), id) ----
    async listByStatus(db: Executor, f: { status: ProviderRow['status']; after?: { at: Date; id: string }; limit: number }) {
      const sortAt = sql<Date>`coalesce(${providerProfiles.submittedAt}, ${providerProfiles.createdAt})`;
      const conds: (SQL | undefined)[] = [eq(providerProfiles.status, f.status)];
      if (f.after) {
        conds.push(or(gt(sortAt, f.after.at), and(sql`${sortAt} = ${f.after.at}`, gt(providerProfiles.id, f.after.id))));
      }
      return db
        .select({ ...withUser, sortAt: sql<string>`to_char(${sortAt} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')` })
        .from(providerProfiles)
        .innerJoin(users, eq(users.id, providerProfiles.userId))
        .where(and(...conds))
        .orderBy(asc(sortAt), asc(providerProfiles.id))
        .limit(f.limit + 1);
    },

    // ---- bank OTPs ----
    async insertBankOtp(db: Executor, v: typeof providerBankOtps.$inferInsert) {
      await db.insert(providerBankOtps).values(v);
    },
    async latestBankOtp(db: Executor, providerId: string) {
      const [r] = await db
        .select()
        .from(providerBankOtps)
        .where(eq(providerBankOtps.providerId, providerId))
        .orderBy(sql`${providerBankOtps.createdAt} desc`)
        .limit(1)
        .for('update');
      return r ?? null;
    },
    async updateBankOtp(db: Executor, id: string, patch: Partial<typeof providerBankOtps.$inferInsert>) {
      await db.update(providerBankOtps).set(patch).where(eq(providerBankOtps.id, id));
    },

    // ---- KYC ----
    async insertKyc(db: Executor, v: typeof kycRecords.$inferInsert): Promise<KycRow> {
      const [r] = await db.insert(kycRecords).values(v).returning();
      return r!;
    },
    async lockKyc(db: Executor, id: string, providerId: string): Promise<KycRow | null> {
      const [r] = await db
        .select()
        .from(kycRecords)
        .where(and(eq(kycRecords.id, id), eq(kycRecords.providerId, providerId)))
        .for('update')
        .limit(1);
      return r ?? null;
    },
    async updateKyc(db: Executor, id: string, patch: Partial<typeof kycRecords.$inferInsert>) {
      await db.update(kycRecords).set(patch).where(eq(kycRecords.id, id));
    },
    async latestKyc(db: Executor, providerIds: string[]) {
      if (providerIds.length === 0) return [];
      return db
        .selectDistinctOn([kycRecords.providerId])
        .from(kycRecords)
        .where(inArray(kycRecords.providerId, providerIds))
        .orderBy(kycRecords.providerId, sql`${kycRecords.createdAt} desc`);
    },

    // ---- background checks ----
    async insertBackgroundCheck(db: Executor, v: typeof backgroundChecks.$inferInsert): Promise<BackgroundCheckRow> {
      const [r] = await db.insert(backgroundChecks).values(v).returning();
      return r!;
    },
    async latestBackgroundCheck(db: Executor, providerId: string, lock = false): Promise<BackgroundCheckRow | null> {
      const q = db
        .select()
        .from(backgroundChecks)
        .where(eq(backgroundChecks.providerId, providerId))
        .orderBy(sql`${backgroundChecks.requestedAt} desc`)
        .limit(1);
      const [r] = lock ? await q.for('update') : await q;
      return r ?? null;
    },
    async lockBackgroundCheck(db: Executor, by: { id?: string; vendor?: string; vendorReference?: string }) {
      const cond = by.id
        ? eq(backgroundChecks.id, by.id)
        : and(eq(backgroundChecks.vendor, by.vendor!), eq(backgroundChecks.vendorReference, by.vendorReference!));
      const [r] = await db.select().from(backgroundChecks).where(cond).for('update').limit(1);
      return r ?? null;
    },
    async updateBackgroundCheck(db: Executor, id: string, patch: Partial<typeof backgroundChecks.$inferInsert>) {
      const [r] = await db.update(backgroundChecks).set(patch).where(eq(backgroundChecks.id, id)).returning();
      return r!;
    },
  };
}
export type ProvidersRepository = ReturnType<typeof createProvidersRepository>;
