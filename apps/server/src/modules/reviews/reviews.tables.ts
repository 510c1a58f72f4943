import { sql } from 'drizzle-orm';
import {
  boolean,
  check,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  smallint,
  text,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { createdAt, id, tstz, updatedAt } from '../../db/columns';
import { bookings } from '../bookings/bookings.tables';
import { providerProfiles } from '../providers/providers.tables';
import { customerProfiles, users } from '../users/users.tables';

export const reviews = pgTable(
  'reviews',
  {
    id: id(),
    bookingId: uuid()
      .notNull()
      .references(() => bookings.id),
    customerId: uuid()
      .notNull()
      .references(() => customerProfiles.id),
    providerId: uuid()
      .notNull()
      .references(() => providerProfiles.id),
    overallRating: smallint().notNull(),
    qualityRating: smallint(),
    punctualityRating: smallint(),
    professionalismRating: smallint(),
    valueRating: smallint(),
    comment: text(),
    photos: jsonb().$type<string[]>().notNull().default([]),
    isPublished: boolean().notNull().default(true),
    /** HELD by automatic moderation until an admin decides. */
    moderationStatus: text().notNull().default('PUBLISHED'),
    moderationReason: text(),
    isFlagged: boolean().notNull().default(false),
    flagReason: text(),
    providerResponse: text(),
    respondedAt: tstz(),
    helpfulCount: integer().notNull().default(0),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex('reviews_booking_uq').on(t.bookingId),
    index('reviews_provider_idx').on(t.providerId, t.createdAt),
    index('reviews_moderation_idx').on(t.moderationStatus).where(sql`${t.moderationStatus} <> 'PUBLISHED' or ${t.isFlagged}`),
    check('reviews_overall_range', sql`${t.overallRating} between 1 and 5`),
  ],
);

export const reviewHelpfulVotes = pgTable(
  'review_helpful_votes',
  {
    reviewId: uuid()
      .notNull()
      .references(() => reviews.id, { onDelete: 'cascade' }),
    userId: uuid()
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.reviewId, t.userId] })],
);
