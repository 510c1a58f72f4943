import { index, pgEnum, pgTable, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { createdAt, id, paise, tstz } from '../../db/columns';
import { bookingEvents, bookings } from '../bookings/bookings.tables';
import { refunds } from '../payments/payments.tables';
import { users } from '../users/users.tables';

export const disputeResolution = pgEnum('dispute_resolution', ['REFUND_FULL', 'REFUND_PARTIAL', 'REWORK', 'NO_ACTION']);

/**
 * How an admin closed one dispute of a booking. The open case is the booking's latest DISPUTED event;
 * one resolution per such event makes resolving idempotent (a reworked job may be disputed again).
 */
export const disputeResolutions = pgTable(
  'dispute_resolutions',
  {
    id: id(),
    bookingId: uuid()
      .notNull()
      .references(() => bookings.id),
    /** The booking event that opened the dispute. */
    disputeEventId: uuid()
      .notNull()
      .references(() => bookingEvents.id),
    resolution: disputeResolution().notNull(),
    amountPaise: paise().notNull().default(0),
    /** Of the refund, what was taken back from the provider's wallet (they had been paid for it). */
    providerRecoveryPaise: paise().notNull().default(0),
    note: text().notNull(),
    refundId: uuid().references(() => refunds.id),
    reworkStart: tstz(),
    resolvedByUserId: uuid()
      .notNull()
      .references(() => users.id),
    openedAt: tstz().notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex('dispute_resolutions_event_uq').on(t.disputeEventId),
    index('dispute_resolutions_booking_idx').on(t.bookingId, t.createdAt),
    index('dispute_resolutions_created_idx').on(t.createdAt),
  ],
);
