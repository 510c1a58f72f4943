import { sql } from 'drizzle-orm';
import { doublePrecision, index, integer, jsonb, pgEnum, pgTable, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { createdAt, id, paise, tstz, tstzrange, updatedAt } from '../../db/columns';
import { categories, subCategories } from '../catalog/catalog.tables';
import { providerProfiles } from '../providers/providers.tables';
import { customerProfiles, userRole, users } from '../users/users.tables';

export const bookingStatus = pgEnum('booking_status', [
  'PENDING',
  'CONFIRMED',
  'REJECTED',
  'EXPIRED',
  'CANCELLED',
  'IN_PROGRESS',
  'COMPLETED',
  'NO_SHOW',
  'DISPUTED',
]);
export const cancelledBy = pgEnum('cancelled_by', ['CUSTOMER', 'PROVIDER', 'ADMIN', 'SYSTEM']);

export interface ServiceLocation {
  address: string;
  lat: number;
  lng: number;
  landmark?: string;
  pincode?: string;
}

export const bookings = pgTable(
  'bookings',
  {
    id: id(),
    bookingNumber: text().notNull(),
    customerId: uuid()
      .notNull()
      .references(() => customerProfiles.id),
    providerId: uuid()
      .notNull()
      .references(() => providerProfiles.id),
    categoryId: uuid()
      .notNull()
      .references(() => categories.id),
    subCategoryId: uuid()
      .notNull()
      .references(() => subCategories.id),
    serviceType: text().notNull(),
    serviceLocation: jsonb().$type<ServiceLocation>().notNull(),
    serviceLat: doublePrecision().notNull(),
    serviceLng: doublePrecision().notNull(),
    scheduledStart: tstz().notNull(),
    scheduledEnd: tstz().notNull(),
    /** [scheduledStart, scheduledEnd + travel buffer): the exclusion constraint keeps these disjoint per provider. */
    slot: tstzrange().notNull(),
    status: bookingStatus().notNull().default('PENDING'),
    cancellationReason: text(),
    cancelledBy: cancelledBy(),
    cancellationFee: paise().notNull().default(0),
    rejectionReason: text(),
    specialInstructions: text(),
    quotedPrice: paise().notNull(),
    finalPrice: paise(),
    currency: text().notNull().default('INR'),
    startCode: text().notNull(),
    /** Wrong start codes entered by the provider; the code locks at START_CODE_MAX_TRIES. */
    startCodeAttempts: integer().notNull().default(0),
    /** Minutes of travel reserved after the job (the slot's upper bound is scheduledEnd + this). */
    travelBufferMin: integer().notNull().default(0),
    responseTimeSec: integer(),
    /** Which party did not turn up when status is NO_SHOW. */
    noShowParty: cancelledBy(),
    disputeReason: text(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
    respondedAt: tstz(),
    confirmedAt: tstz(),
    onTheWayAt: tstz(),
    startedAt: tstz(),
    completedAt: tstz(),
    customerConfirmedAt: tstz(),
    cancelledAt: tstz(),
    noShowAt: tstz(),
    disputedAt: tstz(),
  },
  (t) => [
    uniqueIndex('bookings_number_uq').on(t.bookingNumber),
    index('bookings_customer_idx').on(t.customerId, t.createdAt),
    index('bookings_provider_idx').on(t.providerId, t.scheduledStart),
    index('bookings_status_idx').on(t.status, t.createdAt),
    // Admin overview: per-day counts over a date range (created, completed, answered).
    index('bookings_created_idx').on(t.createdAt),
    index('bookings_completed_idx').on(t.completedAt).where(sql`${t.completedAt} is not null`),
    index('bookings_responded_idx').on(t.respondedAt).where(sql`${t.respondedAt} is not null`),
  ],
);

/** Every transition of a booking: the admin timeline and the source of response-time and cancellation stats. */
export const bookingEvents = pgTable(
  'booking_events',
  {
    id: id(),
    bookingId: uuid()
      .notNull()
      .references(() => bookings.id, { onDelete: 'cascade' }),
    fromStatus: bookingStatus(),
    toStatus: bookingStatus(),
    type: text().notNull(),
    actorUserId: uuid().references(() => users.id),
    actorRole: userRole(),
    reason: text(),
    data: jsonb().$type<Record<string, unknown>>().notNull().default({}),
    createdAt: createdAt(),
  },
  (t) => [index('booking_events_booking_idx').on(t.bookingId, t.createdAt), index('booking_events_created_idx').on(t.createdAt)],
);

export const rescheduleProposals = pgTable(
  'reschedule_proposals',
  {
    id: id(),
    bookingId: uuid()
      .notNull()
      .references(() => bookings.id, { onDelete: 'cascade' }),
    proposedByUserId: uuid()
      .notNull()
      .references(() => users.id),
    proposedStart: tstz().notNull(),
    proposedEnd: tstz().notNull(),
    status: text().notNull().default('OPEN'),
    createdAt: createdAt(),
    decidedAt: tstz(),
  },
  (t) => [uniqueIndex('reschedule_one_open_uq').on(t.bookingId).where(sql`${t.status} = 'OPEN'`)],
);
