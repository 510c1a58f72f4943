import { and, desc, eq, inArray, type SQL, sql } from 'drizzle-orm';
import type { Executor, Tx } from '../../db/client';
import { bookings } from '../bookings/bookings.tables';
import { documents, providerProfiles } from '../providers/providers.tables';
import { customerProfiles, users } from '../users/users.tables';
import { reviewHelpfulVotes, reviews } from './reviews.tables';

export type ReviewRow = typeof reviews.$inferSelect;
export type NewReviewRow = typeof reviews.$inferInsert;

/** Microsecond-exact UTC text of created_at, so keyset cursors never skip or repeat rows. */
const createdAtText = sql<string>`to_char(${reviews.createdAt} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`;

export async function findBookingForReview(tx: Executor, bookingId: string) {
  const [row] = await tx
    .select({
      id: bookings.id,
      bookingNumber: bookings.bookingNumber,
      customerId: bookings.customerId,
      providerId: bookings.providerId,
      status: bookings.status,
      completedAt: bookings.completedAt,
    })
    .from(bookings)
    .where(eq(bookings.id, bookingId));
  return row ?? null;
}

/** The documents among `ids` that `userId` uploaded as review photos. */
export async function findOwnedReviewPhotos(db: Executor, ids: string[], userId: string): Promise<string[]> {
  if (ids.length === 0) return [];
  const rows = await db
    .select({ id: documents.id })
    .from(documents)
    .where(and(inArray(documents.id, ids), eq(documents.ownerUserId, userId), eq(documents.kind, 'REVIEW_PHOTO')));
  return rows.map((r) => r.id);
}

/** True when any of these photo documents is already attached to a review (a photo belongs to one review). */
export async function anyPhotoInUse(db: Executor, ids: string[]): Promise<boolean> {
  if (ids.length === 0) return false;
  const list = sql.join(
    ids.map((id) => sql`${id}`),
    sql`, `,
  );
  const rows = await db.select({ id: reviews.id }).from(reviews).where(sql`${reviews.photos} ?| array[${list}]::text[]`).limit(1);
  return rows.length > 0;
}

export async function findPhotoDocument(db: Executor, documentId: string) {
  const [row] = await db
    .select({ id: documents.id, storageKey: documents.storageKey, mimeType: documents.mimeType })
    .from(documents)
    .where(and(eq(documents.id, documentId), eq(documents.kind, 'REVIEW_PHOTO')));
  return row ?? null;
}

export async function insertReview(tx: Tx, values: NewReviewRow): Promise<ReviewRow> {
  const [row] = await tx.insert(reviews).values(values).returning();
  return row!;
}

export async function findReviewOfBooking(db: Executor, bookingId: string): Promise<ReviewRow | null> {
  const [row] = await db.select().from(reviews).where(eq(reviews.bookingId, bookingId));
  return row ?? null;
}

export async function findReview(db: Executor, id: string): Promise<ReviewRow | null> {
  const [row] = await db.select().from(reviews).where(eq(reviews.id, id));
  return row ?? null;
}

export async function lockReview(tx: Tx, id: string): Promise<ReviewRow | null> {
  const [row] = await tx.select().from(reviews).where(eq(reviews.id, id)).for('update');
  return row ?? null;
}

export async function updateReview(tx: Tx, id: string, set: Partial<NewReviewRow>): Promise<ReviewRow> {
  const [row] = await tx.update(reviews).set(set).where(eq(reviews.id, id)).returning();
  return row!;
}

/** Locks the provider row so concurrent reviews of one provider aggregate one after another. */
export async function lockProvider(tx: Tx, providerId: string) {
  const [row] = await tx
    .select({ id: providerProfiles.id, userId: providerProfiles.userId })
    .from(providerProfiles)
    .where(eq(providerProfiles.id, providerId))
    .for('update');
  return row ?? null;
}

export async function findProvider(db: Executor, providerId: string) {
  const [row] = await db
    .select({ id: providerProfiles.id, userId: providerProfiles.userId })
    .from(providerProfiles)
    .where(eq(providerProfiles.id, providerId));
  return row ?? null;
}

export interface RatingAggregate {
  count: number;
  average: number | null;
  quality: number | null;
  punctuality: number | null;
  professionalism: number | null;
  value: number | null;
  histogram: Record<'1' | '2' | '3' | '4' | '5', number>;
}

const avgOf = (col: unknown) => sql<string | null>`avg(${col})`;
const toNum = (v: string | number | null) => (v == null ? null : Math.round(Number(v) * 100) / 100);

/** Counts, averages and the star histogram over a provider's published reviews. */
export async function aggregatePublished(db: Executor, providerId: string): Promise<RatingAggregate> {
  const [row] = await db
    .select({
      count: sql<number>`count(*)`.mapWith(Number),
      average: avgOf(reviews.overallRating),
      quality: avgOf(reviews.qualityRating),
      punctuality: avgOf(reviews.punctualityRating),
      professionalism: avgOf(reviews.professionalismRating),
      value: avgOf(reviews.valueRating),
      s1: sql<number>`count(*) filter (where ${reviews.overallRating} = 1)`.mapWith(Number),
      s2: sql<number>`count(*) filter (where ${reviews.overallRating} = 2)`.mapWith(Number),
      s3: sql<number>`count(*) filter (where ${reviews.overallRating} = 3)`.mapWith(Number),
      s4: sql<number>`count(*) filter (where ${reviews.overallRating} = 4)`.mapWith(Number),
      s5: sql<number>`count(*) filter (where ${reviews.overallRating} = 5)`.mapWith(Number),
    })
    .from(reviews)
    .where(and(eq(reviews.providerId, providerId), eq(reviews.isPublished, true)));
  const r = row!;
  return {
    count: r.count,
    average: toNum(r.average),
    quality: toNum(r.quality),
    punctuality: toNum(r.punctuality),
    professionalism: toNum(r.professionalism),
    value: toNum(r.value),
    histogram: { '1': r.s1, '2': r.s2, '3': r.s3, '4': r.s4, '5': r.s5 },
  };
}

export async function saveProviderRatings(tx: Tx, providerId: string, agg: RatingAggregate): Promise<void> {
  const dims: Record<string, number> = {};
  for (const key of ['quality', 'punctuality', 'professionalism', 'value'] as const) {
    const v = agg[key];
    if (v != null) dims[key] = v;
  }
  await tx
    .update(providerProfiles)
    .set({ averageRating: agg.average ?? 0, ratingCount: agg.count, dimensionAverages: dims })
    .where(eq(providerProfiles.id, providerId));
}

export type ReviewWithReviewer = ReviewRow & { reviewerName: string | null; createdAtText: string };

const withReviewer = {
  review: reviews,
  reviewerName: users.name,
  createdAtText,
};

export type ReviewCursor = { createdAt: string; id: string; helpful?: number };

/** Published reviews of a provider, newest first or most helpful first, keyset-paginated. */
export async function listPublished(
  db: Executor,
  providerId: string,
  opts: { sort: 'newest' | 'helpful'; cursor: ReviewCursor | null; limit: number },
): Promise<ReviewWithReviewer[]> {
  const c = opts.cursor;
  let after: SQL | undefined;
  if (c && opts.sort === 'newest') {
    after = sql`(${reviews.createdAt}, ${reviews.id}) < (${c.createdAt}::timestamptz, ${c.id}::uuid)`;
  } else if (c) {
    after = sql`(${reviews.helpfulCount}, ${reviews.createdAt}, ${reviews.id}) < (${c.helpful ?? 0}::int, ${c.createdAt}::timestamptz, ${c.id}::uuid)`;
  }
  const order =
    opts.sort === 'newest'
      ? [desc(reviews.createdAt), desc(reviews.id)]
      : [desc(reviews.helpfulCount), desc(reviews.createdAt), desc(reviews.id)];
  const rows = await db
    .select(withReviewer)
    .from(reviews)
    .innerJoin(customerProfiles, eq(customerProfiles.id, reviews.customerId))
    .innerJoin(users, eq(users.id, customerProfiles.userId))
    .where(and(eq(reviews.providerId, providerId), eq(reviews.isPublished, true), after))
    .orderBy(...order)
    .limit(opts.limit);
  return rows.map((r) => ({ ...r.review, reviewerName: r.reviewerName, createdAtText: r.createdAtText }));
}

/** Reviews waiting for an admin: HELD by moderation, or FLAGGED by users; oldest first. */
export async function listForModeration(
  db: Executor,
  opts: { status: 'HELD' | 'FLAGGED'; cursor: ReviewCursor | null; limit: number },
): Promise<ReviewWithReviewer[]> {
  const which = opts.status === 'HELD' ? eq(reviews.moderationStatus, 'HELD') : eq(reviews.isFlagged, true);
  const after = opts.cursor
    ? sql`(${reviews.createdAt}, ${reviews.id}) > (${opts.cursor.createdAt}::timestamptz, ${opts.cursor.id}::uuid)`
    : undefined;
  const rows = await db
    .select(withReviewer)
    .from(reviews)
    .innerJoin(customerProfiles, eq(customerProfiles.id, reviews.customerId))
    .innerJoin(users, eq(users.id, customerProfiles.userId))
    .where(and(which, after))
    .orderBy(reviews.createdAt, reviews.id)
    .limit(opts.limit);
  return rows.map((r) => ({ ...r.review, reviewerName: r.reviewerName, createdAtText: r.createdAtText }));
}

export async function findReviewerName(db: Executor, customerId: string): Promise<string | null> {
  const [row] = await db
    .select({ name: users.name })
    .from(customerProfiles)
    .innerJoin(users, eq(users.id, customerProfiles.userId))
    .where(eq(customerProfiles.id, customerId));
  return row?.name ?? null;
}

/** Records a helpful vote once; returns the new count, or null when this user already voted. */
export async function addHelpfulVote(tx: Tx, reviewId: string, userId: string): Promise<number | null> {
  const inserted = await tx.insert(reviewHelpfulVotes).values({ reviewId, userId }).onConflictDoNothing().returning();
  if (inserted.length === 0) return null;
  const [row] = await tx
    .update(reviews)
    .set({ helpfulCount: sql`${reviews.helpfulCount} + 1` })
    .where(eq(reviews.id, reviewId))
    .returning({ helpfulCount: reviews.helpfulCount });
  return row!.helpfulCount;
}
