import { sql } from 'drizzle-orm';
import {
  boolean,
  doublePrecision,
  index,
  integer,
  jsonb,
  numeric,
  pgEnum,
  pgTable,
  smallint,
  text,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { createdAt, id, paise, tstz, updatedAt } from '../../db/columns';
import { categories } from '../catalog/catalog.tables';
import { users } from '../users/users.tables';

/**
 * Day d has working time when it lists a shift, or when day d − 1 has a shift running past midnight
 * (end ≤ start). Anything but an empty list counts as a shift: the bound must never say "off" wrongly.
 */
const workingDaysSql = sql.raw(
  ['0', '1', '2', '3', '4', '5', '6']
    .map((d) => {
      const prev = (Number(d) + 6) % 7;
      return `(CASE WHEN coalesce(working_hours -> '${d}', '[]'::jsonb) <> '[]'::jsonb
  OR coalesce(jsonb_path_exists(working_hours -> '${prev}', '$[*] ? (@.end <= @.start)'), false) THEN ${1 << Number(d)} ELSE 0 END)`;
    })
    .join(' + '),
);

export const providerStatus = pgEnum('provider_status', ['DRAFT', 'PENDING_REVIEW', 'APPROVED', 'REJECTED', 'SUSPENDED']);
export const backgroundCheckStatus = pgEnum('background_check_status', [
  'NOT_STARTED',
  'FEE_PENDING',
  'IN_PROGRESS',
  'PASSED',
  'FAILED',
]);
export const documentKind = pgEnum('document_kind', ['PROFILE_PHOTO', 'PORTFOLIO', 'CERTIFICATE', 'REVIEW_PHOTO', 'CHAT_MEDIA']);

export interface ServiceAreas {
  radiusKm: number;
  localities: string[];
  pincodes: string[];
}
export interface PriceItem {
  subCategoryId: string;
  kind: 'FIXED' | 'HOURLY' | 'INSPECTION';
  amountPaise: number;
  durationMin?: number;
}
/** Keys 0 (Sunday) … 6 (Saturday); times "HH:MM" in Asia/Kolkata. An empty list is a day off. */
export type WorkingHours = Record<
  '0' | '1' | '2' | '3' | '4' | '5' | '6',
  { start: string; end: string; breaks?: { start: string; end: string }[] }[]
>;
export interface TimeOff {
  start: string;
  end: string;
  reason?: string;
}

export const providerProfiles = pgTable(
  'provider_profiles',
  {
    id: id(),
    userId: uuid()
      .notNull()
      .unique()
      .references(() => users.id, { onDelete: 'cascade' }),
    status: providerStatus().notNull().default('DRAFT'),
    statusReason: text(),
    isActive: boolean().notNull().default(true),
    businessName: text(),
    description: text(),
    categoryId: uuid().references(() => categories.id),
    subCategoryIds: jsonb().$type<string[]>().notNull().default([]),
    dateOfBirth: text(),
    address: text(),
    city: text(),
    aadhaarVerified: boolean().notNull().default(false),
    aadhaarMasked: text(),
    backgroundVerified: boolean().notNull().default(false),
    backgroundStatus: backgroundCheckStatus().notNull().default('NOT_STARTED'),
    serviceAreas: jsonb().$type<ServiceAreas>().notNull().default({ radiusKm: 5, localities: [], pincodes: [] }),
    baseLat: doublePrecision(),
    baseLng: doublePrecision(),
    serviceRadiusKm: doublePrecision().notNull().default(5),
    pricing: jsonb().$type<PriceItem[]>().notNull().default([]),
    workingHours: jsonb().$type<WorkingHours>(),
    /**
     * Bit d set when the pro has working time on weekday d (0 = Sunday; see workingDaysMask). Search reads
     * it from its covering index to know, without the calendar, on which days a pro cannot be free.
     */
    workingDays: smallint().generatedAlwaysAs(workingDaysSql).notNull(),
    timeOff: jsonb().$type<TimeOff[]>().notNull().default([]),
    languages: jsonb().$type<string[]>().notNull().default(['hi', 'en']),
    upiId: text(),
    bankAccountMasked: text(),
    bankIfsc: text(),
    bankAccountHolder: text(),
    /** The payout vendor's reference for the full account (fund account id); the number itself is never stored. */
    bankPayoutRef: text(),
    bankUpdatedAt: tstz(),
    aadhaarVerifiedAt: tstz(),
    backgroundVerifiedAt: tstz(),
    gstin: text(),
    autoPayout: boolean().notNull().default(false),
    totalJobs: integer().notNull().default(0),
    completedJobs: integer().notNull().default(0),
    providerCancellations: integer().notNull().default(0),
    acceptedJobs: integer().notNull().default(0),
    ratingCount: integer().notNull().default(0),
    averageRating: numeric({ precision: 3, scale: 2, mode: 'number' }).notNull().default(0),
    dimensionAverages: jsonb()
      .$type<{ quality?: number; punctuality?: number; professionalism?: number; value?: number }>()
      .notNull()
      .default({}),
    reputationScore: numeric({ precision: 5, scale: 2, mode: 'number' }).notNull().default(0),
    /** Average seconds from booking request to accept/reject. The ER diagram's responseTime. */
    responseTime: integer(),
    submittedAt: tstz(),
    approvedAt: tstz(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index('provider_profiles_geo_idx').using('gist', sql`ll_to_earth(${t.baseLat}, ${t.baseLng})`),
    index('provider_profiles_status_idx').on(t.status, t.categoryId),
    index('provider_profiles_name_trgm_idx').using('gin', sql`${t.businessName} gin_trgm_ops`),
    index('provider_profiles_fts_idx').using(
      'gin',
      sql`to_tsvector('simple', coalesce(${t.businessName}, '') || ' ' || coalesce(${t.description}, ''))`,
    ),
    index('provider_profiles_submitted_idx').on(t.submittedAt),
  ],
);

export const documents = pgTable(
  'documents',
  {
    id: id(),
    ownerUserId: uuid()
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    providerId: uuid().references(() => providerProfiles.id, { onDelete: 'cascade' }),
    kind: documentKind().notNull(),
    storageKey: text().notNull(),
    mimeType: text().notNull(),
    sizeBytes: integer().notNull(),
    width: integer(),
    height: integer(),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('documents_storage_key_uq').on(t.storageKey), index('documents_provider_idx').on(t.providerId, t.kind)],
);

export const kycRecords = pgTable(
  'kyc_records',
  {
    id: id(),
    providerId: uuid()
      .notNull()
      .references(() => providerProfiles.id, { onDelete: 'cascade' }),
    /** Only ever XXXX-XXXX-1234: the full number is never stored. */
    aadhaarMasked: text().notNull(),
    vendor: text().notNull(),
    vendorReference: text().notNull(),
    status: text().notNull().default('OTP_SENT'),
    attempts: integer().notNull().default(0),
    verifiedName: text(),
    verifiedAt: tstz(),
    expiresAt: tstz(),
    createdAt: createdAt(),
  },
  (t) => [index('kyc_records_provider_idx').on(t.providerId), uniqueIndex('kyc_records_ref_uq').on(t.vendorReference)],
);

export const backgroundChecks = pgTable(
  'background_checks',
  {
    id: id(),
    providerId: uuid()
      .notNull()
      .references(() => providerProfiles.id, { onDelete: 'cascade' }),
    status: backgroundCheckStatus().notNull().default('FEE_PENDING'),
    feePaise: paise().notNull(),
    feePaymentRef: text(),
    vendor: text().notNull(),
    vendorReference: text(),
    resultNote: text(),
    requestedAt: createdAt(),
    completedAt: tstz(),
  },
  (t) => [index('background_checks_provider_idx').on(t.providerId)],
);

/** One-time codes that authorise a payout bank account change (stored hashed, single use). */
export const providerBankOtps = pgTable(
  'provider_bank_otps',
  {
    id: id(),
    providerId: uuid()
      .notNull()
      .references(() => providerProfiles.id, { onDelete: 'cascade' }),
    codeHash: text().notNull(),
    attempts: integer().notNull().default(0),
    expiresAt: tstz().notNull(),
    usedAt: tstz(),
    createdAt: createdAt(),
  },
  (t) => [index('provider_bank_otps_provider_idx').on(t.providerId, t.createdAt)],
);
