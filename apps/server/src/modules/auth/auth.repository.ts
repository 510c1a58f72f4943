import { and, desc, eq, gt, isNull, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client';
import { adminRecoveryCodes, otpChallenges, sessions } from './auth.tables';

export type OtpChallenge = typeof otpChallenges.$inferSelect;
export type SessionRow = typeof sessions.$inferSelect;

// ---- OTP challenges -------------------------------------------------------------------------

/** The newest challenge for a phone (active or not). */
export async function latestChallenge(db: Executor, phone: string): Promise<OtpChallenge | null> {
  const [row] = await db
    .select()
    .from(otpChallenges)
    .where(eq(otpChallenges.phone, phone))
    .orderBy(desc(otpChallenges.createdAt), desc(otpChallenges.lastSentAt))
    .limit(1);
  return row ?? null;
}

/** Kills every still-open challenge of a phone (a new code replaces them). */
export async function supersedeChallenges(db: Executor, phone: string, now: Date): Promise<void> {
  await db
    .update(otpChallenges)
    .set({ deadAt: now })
    .where(and(eq(otpChallenges.phone, phone), isNull(otpChallenges.consumedAt), isNull(otpChallenges.deadAt)));
}

export async function insertChallenge(
  db: Executor,
  v: { phone: string; codeHash: string; sendCount: number; ip: string | null; now: Date; expiresAt: Date },
): Promise<OtpChallenge> {
  const [row] = await db
    .insert(otpChallenges)
    .values({
      phone: v.phone,
      codeHash: v.codeHash,
      sendCount: v.sendCount,
      ip: v.ip,
      createdAt: v.now,
      lastSentAt: v.now,
      expiresAt: v.expiresAt,
    })
    .returning();
  return row!;
}

export async function killChallenge(db: Executor, id: string, now: Date): Promise<void> {
  await db.update(otpChallenges).set({ deadAt: now }).where(eq(otpChallenges.id, id));
}

/** Single use: only one caller can consume a live, unexpired challenge. */
export async function consumeChallenge(db: Executor, id: string, now: Date, maxTries: number): Promise<boolean> {
  const rows = await db
    .update(otpChallenges)
    .set({ consumedAt: now })
    .where(
      and(
        eq(otpChallenges.id, id),
        isNull(otpChallenges.consumedAt),
        isNull(otpChallenges.deadAt),
        gt(otpChallenges.expiresAt, now),
        sql`${otpChallenges.attempts} < ${maxTries}`,
      ),
    )
    .returning({ id: otpChallenges.id });
  return rows.length === 1;
}

/** Counts a wrong code atomically; the challenge dies at `maxTries`. Returns the attempts so far (null: not live). */
export async function recordWrongAttempt(db: Executor, id: string, now: Date, maxTries: number): Promise<number | null> {
  const [row] = await db
    .update(otpChallenges)
    .set({
      attempts: sql`${otpChallenges.attempts} + 1`,
      deadAt: sql`case when ${otpChallenges.attempts} + 1 >= ${maxTries} then ${now.toISOString()}::timestamptz else null end`,
    })
    .where(and(eq(otpChallenges.id, id), isNull(otpChallenges.consumedAt), isNull(otpChallenges.deadAt)))
    .returning({ attempts: otpChallenges.attempts });
  return row?.attempts ?? null;
}

// ---- Sessions (one row per refresh token; a family = one sign-in on one device) ----------------

export async function insertSession(
  db: Executor,
  v: {
    userId: string;
    familyId: string;
    refreshTokenHash: string;
    userAgent: string | null;
    ip: string | null;
    expiresAt: Date;
    secondFactorAt?: Date | null;
    now: Date;
  },
): Promise<SessionRow> {
  const [row] = await db
    .insert(sessions)
    .values({
      userId: v.userId,
      familyId: v.familyId,
      refreshTokenHash: v.refreshTokenHash,
      userAgent: v.userAgent,
      ip: v.ip,
      expiresAt: v.expiresAt,
      secondFactorAt: v.secondFactorAt ?? null,
      createdAt: v.now,
      lastUsedAt: v.now,
    })
    .returning();
  return row!;
}

/** Marks a live refresh token as used. Only one of several concurrent callers gets the row back. */
export async function claimRefreshToken(db: Executor, hash: string, now: Date): Promise<SessionRow | null> {
  const [row] = await db
    .update(sessions)
    .set({ rotatedAt: now, lastUsedAt: now })
    .where(
      and(
        eq(sessions.refreshTokenHash, hash),
        isNull(sessions.rotatedAt),
        isNull(sessions.revokedAt),
        gt(sessions.expiresAt, now),
      ),
    )
    .returning();
  return row ?? null;
}

export async function findSessionByHash(db: Executor, hash: string): Promise<SessionRow | null> {
  const [row] = await db.select().from(sessions).where(eq(sessions.refreshTokenHash, hash)).limit(1);
  return row ?? null;
}

export async function findSession(db: Executor, id: string): Promise<SessionRow | null> {
  const [row] = await db.select().from(sessions).where(eq(sessions.id, id)).limit(1);
  return row ?? null;
}

/** Revokes a sign-in (all rotations of one refresh token); returns the sessions it ended and their user. */
export async function revokeFamily(
  db: Executor,
  familyId: string,
  reason: string,
  now: Date,
  userId?: string,
): Promise<{ userId: string; sessionIds: string[] } | null> {
  const rows = await db
    .update(sessions)
    .set({ revokedAt: now, revokedReason: reason })
    .where(and(eq(sessions.familyId, familyId), isNull(sessions.revokedAt), userId ? eq(sessions.userId, userId) : undefined))
    .returning({ id: sessions.id, userId: sessions.userId });
  return rows.length === 0 ? null : { userId: rows[0]!.userId, sessionIds: rows.map((r) => r.id) };
}

export async function revokeAllSessions(db: Executor, userId: string, reason: string, now: Date): Promise<void> {
  await db
    .update(sessions)
    .set({ revokedAt: now, revokedReason: reason })
    .where(and(eq(sessions.userId, userId), isNull(sessions.revokedAt)));
}

export async function markSecondFactor(db: Executor, sessionId: string, now: Date): Promise<void> {
  await db.update(sessions).set({ secondFactorAt: now }).where(eq(sessions.id, sessionId));
}

/** Live sign-ins (families) of a user, newest activity first. */
export async function listActiveFamilies(db: Executor, userId: string, now: Date) {
  const rows = await db
    .select({
      familyId: sessions.familyId,
      signedInAt: sql<string>`min(${sessions.createdAt})`,
      lastActiveAt: sql<string>`max(coalesce(${sessions.lastUsedAt}, ${sessions.createdAt}))`,
      userAgent: sql<string | null>`(array_agg(${sessions.userAgent} order by ${sessions.createdAt} desc))[1]`,
      ip: sql<string | null>`(array_agg(${sessions.ip} order by ${sessions.createdAt} desc))[1]`,
    })
    .from(sessions)
    .where(eq(sessions.userId, userId))
    .groupBy(sessions.familyId)
    .having(
      sql`bool_and(${sessions.revokedAt} is null) and bool_or(${sessions.rotatedAt} is null and ${sessions.expiresAt} > ${now.toISOString()}::timestamptz)`,
    )
    .orderBy(sql`max(coalesce(${sessions.lastUsedAt}, ${sessions.createdAt})) desc`);
  return rows.map((r) => ({
    ...r,
    signedInAt: new Date(r.signedInAt).toISOString(),
    lastActiveAt: new Date(r.lastActiveAt).toISOString(),
  }));
}

// ---- Admin recovery codes ----------------------------------------------------------------------

export async function replaceRecoveryCodes(db: Executor, userId: string, hashes: string[]): Promise<void> {
  await db.delete(adminRecoveryCodes).where(eq(adminRecoveryCodes.userId, userId));
  await db.insert(adminRecoveryCodes).values(hashes.map((codeHash) => ({ userId, codeHash })));
}

/** Single use: marks the matching unused code as used; false when none matched. */
export async function useRecoveryCode(db: Executor, userId: string, hash: string, now: Date): Promise<boolean> {
  const rows = await db
    .update(adminRecoveryCodes)
    .set({ usedAt: now })
    .where(and(eq(adminRecoveryCodes.userId, userId), eq(adminRecoveryCodes.codeHash, hash), isNull(adminRecoveryCodes.usedAt)))
    .returning({ id: adminRecoveryCodes.id });
  return rows.length === 1;
}

export async function countUnusedRecoveryCodes(db: Executor, userId: string): Promise<number> {
  const [row] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(adminRecoveryCodes)
    .where(and(eq(adminRecoveryCodes.userId, userId), isNull(adminRecoveryCodes.usedAt)));
  return row?.n ?? 0;
}
