import { index, integer, pgTable, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { createdAt, id, tstz } from '../../db/columns';
import { users } from '../users/users.tables';

/** One row per refresh token; a family is one login on one device, rotated on every refresh. */
export const sessions = pgTable(
  'sessions',
  {
    id: id(),
    userId: uuid()
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    familyId: uuid().notNull(),
    refreshTokenHash: text().notNull(),
    userAgent: text(),
    ip: text(),
    secondFactorAt: tstz(),
    createdAt: createdAt(),
    lastUsedAt: tstz(),
    expiresAt: tstz().notNull(),
    rotatedAt: tstz(),
    revokedAt: tstz(),
    revokedReason: text(),
  },
  (t) => [
    uniqueIndex('sessions_refresh_hash_uq').on(t.refreshTokenHash),
    index('sessions_user_idx').on(t.userId),
    index('sessions_family_idx').on(t.familyId),
  ],
);

export const otpChallenges = pgTable(
  'otp_challenges',
  {
    id: id(),
    phone: text().notNull(),
    purpose: text().notNull().default('LOGIN'),
    codeHash: text().notNull(),
    attempts: integer().notNull().default(0),
    sendCount: integer().notNull().default(1),
    ip: text(),
    createdAt: createdAt(),
    lastSentAt: tstz().notNull().defaultNow(),
    expiresAt: tstz().notNull(),
    consumedAt: tstz(),
    deadAt: tstz(),
  },
  (t) => [index('otp_challenges_phone_idx').on(t.phone, t.createdAt)],
);

export const adminRecoveryCodes = pgTable(
  'admin_recovery_codes',
  {
    id: id(),
    userId: uuid()
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    codeHash: text().notNull(),
    usedAt: tstz(),
    createdAt: createdAt(),
  },
  (t) => [index('admin_recovery_codes_user_idx').on(t.userId)],
);
