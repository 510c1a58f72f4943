import { and, asc, desc, eq, ilike, lt, or, type SQL, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client';
import { providerProfiles } from '../providers/providers.tables';
import { customerAddresses, customerProfiles, users } from './users.tables';

export type UserRow = typeof users.$inferSelect;
export type Role = UserRow['role'];
export type UserStatus = UserRow['status'];
export type AddressRow = typeof customerAddresses.$inferSelect;

export async function findUserByPhone(db: Executor, phone: string): Promise<UserRow | null> {
  const [row] = await db.select().from(users).where(eq(users.phone, phone)).limit(1);
  return row ?? null;
}

export async function findUserById(db: Executor, id: string): Promise<UserRow | null> {
  const [row] = await db.select().from(users).where(eq(users.id, id)).limit(1);
  return row ?? null;
}

/** Locks the user row for the rest of the transaction. */
export async function lockUser(db: Executor, id: string): Promise<UserRow | null> {
  const [row] = await db.select().from(users).where(eq(users.id, id)).for('update').limit(1);
  return row ?? null;
}

/** Creates the user for a phone, or returns the one a concurrent sign-up created first. */
export async function insertUserOnce(
  db: Executor,
  v: { phone: string; role: Role },
): Promise<{ user: UserRow; created: boolean }> {
  const [created] = await db.insert(users).values({ phone: v.phone, role: v.role }).onConflictDoNothing().returning();
  if (created) return { user: created, created: true };
  const existing = await findUserByPhone(db, v.phone);
  if (!existing) throw new Error('user vanished during sign-up');
  return { user: existing, created: false };
}

/** The customer or provider profile a role needs (a DRAFT provider profile; onboarding fills it in). */
export async function ensureProfile(db: Executor, userId: string, role: Role): Promise<void> {
  if (role === 'CUSTOMER') await db.insert(customerProfiles).values({ userId }).onConflictDoNothing();
  if (role === 'PROVIDER') await db.insert(providerProfiles).values({ userId }).onConflictDoNothing();
}

export async function findUserWithProfiles(db: Executor, id: string) {
  const [row] = await db
    .select({ user: users, customerId: customerProfiles.id, providerId: providerProfiles.id })
    .from(users)
    .leftJoin(customerProfiles, eq(customerProfiles.userId, users.id))
    .leftJoin(providerProfiles, eq(providerProfiles.userId, users.id))
    .where(eq(users.id, id))
    .limit(1);
  return row ?? null;
}

export async function updateUser(db: Executor, id: string, patch: Partial<typeof users.$inferInsert>): Promise<UserRow | null> {
  const [row] = await db
    .update(users)
    .set({ ...patch, updatedAt: new Date() })
    .where(eq(users.id, id))
    .returning();
  return row ?? null;
}

/** Bumps tokenVersion so access tokens issued before now stop working. */
export async function bumpTokenVersion(db: Executor, id: string, patch: Partial<typeof users.$inferInsert> = {}) {
  const [row] = await db
    .update(users)
    .set({ ...patch, tokenVersion: sql`${users.tokenVersion} + 1`, updatedAt: new Date() })
    .where(eq(users.id, id))
    .returning();
  return row ?? null;
}

/** Admin search by phone digits or name, newest first, keyset-paginated on (createdAt, id). */
export async function searchUsers(
  db: Executor,
  f: { q?: string; role?: Role; status?: UserStatus; after?: { createdAt: Date; id: string }; limit: number },
) {
  const conds: (SQL | undefined)[] = [];
  if (f.q) {
    const digits = f.q.replace(/\D/g, '');
    const escaped = f.q.replace(/[\\%_]/g, (m) => `\\${m}`);
    conds.push(
      digits.length >= 3 && /^[\d\s+\-()]+$/.test(f.q)
        ? ilike(users.phone, `%${digits.length > 10 ? digits.slice(-10) : digits}%`)
        : or(ilike(users.name, `%${escaped}%`), ilike(users.email, `%${escaped}%`)),
    );
  }
  if (f.role) conds.push(eq(users.role, f.role));
  if (f.status) conds.push(eq(users.status, f.status));
  if (f.after) {
    conds.push(or(lt(users.createdAt, f.after.createdAt), and(eq(users.createdAt, f.after.createdAt), lt(users.id, f.after.id))));
  }
  return db
    .select()
    .from(users)
    .where(and(...conds))
    .orderBy(desc(users.createdAt), desc(users.id))
    .limit(f.limit + 1);
}

// ---- Customer addresses ------------------------------------------------------------------------

export async function listAddresses(db: Executor, customerId: string): Promise<AddressRow[]> {
  return db
    .select()
    .from(customerAddresses)
    .where(eq(customerAddresses.customerId, customerId))
    .orderBy(desc(customerAddresses.isDefault), desc(customerAddresses.createdAt));
}

export async function countAddresses(db: Executor, customerId: string): Promise<number> {
  const [row] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(customerAddresses)
    .where(eq(customerAddresses.customerId, customerId));
  return row?.n ?? 0;
}

export async function findAddress(db: Executor, customerId: string, id: string): Promise<AddressRow | null> {
  const [row] = await db
    .select()
    .from(customerAddresses)
    .where(and(eq(customerAddresses.id, id), eq(customerAddresses.customerId, customerId)))
    .limit(1);
  return row ?? null;
}

export async function clearDefaultAddress(db: Executor, customerId: string): Promise<void> {
  await db
    .update(customerAddresses)
    .set({ isDefault: false })
    .where(and(eq(customerAddresses.customerId, customerId), eq(customerAddresses.isDefault, true)));
}

export async function insertAddress(db: Executor, v: typeof customerAddresses.$inferInsert): Promise<AddressRow> {
  const [row] = await db.insert(customerAddresses).values(v).returning();
  return row!;
}

export async function updateAddress(
  db: Executor,
  customerId: string,
  id: string,
  patch: Partial<typeof customerAddresses.$inferInsert>,
): Promise<AddressRow | null> {
  const [row] = await db
    .update(customerAddresses)
    .set({ ...patch, updatedAt: new Date() })
    .where(and(eq(customerAddresses.id, id), eq(customerAddresses.customerId, customerId)))
    .returning();
  return row ?? null;
}

export async function deleteAddress(db: Executor, customerId: string, id: string): Promise<AddressRow | null> {
  const [row] = await db
    .delete(customerAddresses)
    .where(and(eq(customerAddresses.id, id), eq(customerAddresses.customerId, customerId)))
    .returning();
  return row ?? null;
}

/** Makes the most recently added address the default (after the default one was deleted). */
export async function promoteNewestAddress(db: Executor, customerId: string): Promise<void> {
  const [newest] = await db
    .select({ id: customerAddresses.id })
    .from(customerAddresses)
    .where(eq(customerAddresses.customerId, customerId))
    .orderBy(desc(customerAddresses.createdAt), desc(customerAddresses.id))
    .limit(1);
  if (newest) await db.update(customerAddresses).set({ isDefault: true }).where(eq(customerAddresses.id, newest.id));
}

/** Serialises address changes of one customer (keeps "exactly one default" under concurrency). */
export async function lockCustomer(db: Executor, customerId: string): Promise<void> {
  await db.select({ id: customerProfiles.id }).from(customerProfiles).where(eq(customerProfiles.id, customerId)).for('update');
}

export async function findUserByEmail(db: Executor, email: string): Promise<UserRow | null> {
  const [row] = await db.select().from(users).where(sql`lower(${users.email}) = ${email.toLowerCase()}`).limit(1);
  return row ?? null;
}

/** Active admins (oldest first): who hears about what needs operations (new disputes, failed refunds). */
export async function activeAdminIds(db: Executor, limit = 50): Promise<string[]> {
  const rows = await db
    .select({ id: users.id })
    .from(users)
    .where(and(eq(users.role, 'ADMIN'), eq(users.status, 'ACTIVE')))
    .orderBy(asc(users.createdAt))
    .limit(limit);
  return rows.map((r) => r.id);
}
