import { sql } from 'drizzle-orm';
import {
  boolean,
  date,
  doublePrecision,
  index,
  integer,
  jsonb,
  pgEnum,
  pgTable,
  text,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { createdAt, id, tstz, updatedAt } from '../../db/columns';

export const userRole = pgEnum('user_role', ['CUSTOMER', 'PROVIDER', 'ADMIN']);
export const userStatus = pgEnum('user_status', ['ACTIVE', 'SUSPENDED', 'BANNED']);
export const language = pgEnum('language', ['en', 'hi']);

export const users = pgTable(
  'users',
  {
    id: id(),
    role: userRole().notNull().default('CUSTOMER'),
    phone: text().notNull(),
    email: text(),
    name: text(),
    profilePhoto: text(),
    preferredLanguage: language().notNull().default('en'),
    status: userStatus().notNull().default('ACTIVE'),
    statusReason: text(),
    /** Bumped on ban, role change or logout-everywhere: access tokens carrying an older value are refused. */
    tokenVersion: integer().notNull().default(0),
    totpSecretEnc: text(),
    totpEnabledAt: tstz(),
    lastLoginAt: tstz(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex('users_phone_uq').on(t.phone),
    uniqueIndex('users_email_uq').on(sql`lower(${t.email})`),
    index('users_name_trgm_idx').using('gin', sql`${t.name} gin_trgm_ops`),
    index('users_created_at_idx').on(t.createdAt),
  ],
);

export const customerProfiles = pgTable('customer_profiles', {
  id: id(),
  userId: uuid()
    .notNull()
    .unique()
    .references(() => users.id, { onDelete: 'cascade' }),
  dateOfBirth: date(),
  /** The ER diagram's `addresses`/`savedLocations`; addresses live in customer_addresses for CRUD. */
  savedLocations: jsonb().$type<{ label: string; lat: number; lng: number }[]>().notNull().default([]),
  createdAt: createdAt(),
  updatedAt: updatedAt(),
});

export const customerAddresses = pgTable(
  'customer_addresses',
  {
    id: id(),
    customerId: uuid()
      .notNull()
      .references(() => customerProfiles.id, { onDelete: 'cascade' }),
    label: text().notNull(),
    addressText: text().notNull(),
    landmark: text(),
    pincode: text(),
    lat: doublePrecision().notNull(),
    lng: doublePrecision().notNull(),
    isDefault: boolean().notNull().default(false),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index('customer_addresses_customer_idx').on(t.customerId),
    uniqueIndex('customer_addresses_one_default_uq').on(t.customerId).where(sql`${t.isDefault}`),
  ],
);
