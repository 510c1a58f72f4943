import type { CreateReviewBody, PublicReview, Review } from '@localpro/contracts';
import type { Db, Tx } from '../../db/client';
import type { Actor } from '../../http/auth';
import { AppError, businessRule, conflict, forbidden, notFound } from '../../lib/errors';
import { recordAudit } from '../audit/audit.repository';
import type { Notifier } from '../notifications/notify';
import { moderate } from './moderation';
import type { ReputationService } from './reputation.service';
import * as repo from './reviews.repository';

export const REVIEW_WINDOW_DAYS = 30;
export const RESPONSE_EDIT_HOURS = 24;
const DAY_MS = 86_400_000;

/** "Rahul Kumar Sharma" → "Rahul S."; no name → "Customer". Reviewers are never shown in full. */
export function reviewerDisplayName(name: string | null): string {
  const parts = (name ?? '').trim().split(/\s+/).filter(Boolean);
  if (parts.length === 0) return 'Customer';
  const first = parts[0]!;
  if (parts.length === 1) return first;
  const initial = Array.from(parts[parts.length - 1]!)[0]!.toUpperCase();
  return `${first} ${initial}.`;
}

function toPublic(r: repo.ReviewRow, reviewerName: string | null): PublicReview {
  return {
    id: r.id,
    providerId: r.providerId,
    reviewerName: reviewerDisplayName(reviewerName),
    overallRating: r.overallRating,
    qualityRating: r.qualityRating,
    punctualityRating: r.punctualityRating,
    professionalismRating: r.professionalismRating,
    valueRating: r.valueRating,
    comment: r.comment,
    photoIds: r.photos,
    helpfulCount: r.helpfulCount,
    createdAt: r.createdAt.toISOString(),
    providerResponse:
      r.providerResponse && r.respondedAt ? { text: r.providerResponse, respondedAt: r.respondedAt.toISOString() } : null,
  };
}

function toFull(r: repo.ReviewRow, reviewerName: string | null): Review {
  return {
    ...toPublic(r, reviewerName),
    bookingId: r.bookingId,
    customerId: r.customerId,
    isPublished: r.isPublished,
    moderationStatus: r.moderationStatus as Review['moderationStatus'],
    moderationReason: r.moderationReason,
    isFlagged: r.isFlagged,
    flagReason: r.flagReason,
  };
}

function encodeCursor(c: repo.ReviewCursor): string {
  return Buffer.from(JSON.stringify(c)).toString('base64url');
}

function decodeCursor(raw: string | undefined): repo.ReviewCursor | null {
  if (!raw) return null;
  try {
    const c = JSON.parse(Buffer.from(raw, 'base64url').toString('utf8')) as repo.ReviewCursor;
    const ok =
      typeof c.id === 'string' &&
      /^[0-9a-f-]{36}$/i.test(c.id) &&
      typeof c.createdAt === 'string' &&
      !Number.isNaN(Date.parse(c.createdAt)) &&
      (c.helpful === undefined || Number.isInteger(c.helpful));
    if (ok) return c;
  } catch {
    /* fall through */
  }
  throw new AppError('BAD_REQUEST', 'The cursor is not valid', { details: { field: 'cursor' } });
}

function isUniqueViolation(err: unknown): boolean {
  for (let e = err as { code?: string; cause?: unknown } | undefined, i = 0; e && i < 5; e = e.cause as typeof e, i++) {
    if (e.code === '23505') return true;
  }
  return false;
}

export function createReviewService(deps: { db: Db; notifier: Notifier; reputation: ReputationService; now?: () => Date }) {
  const { db, notifier, reputation } = deps;
  const now = deps.now ?? (() => new Date());

  /** Ratings, per-dimension averages, counts and the reputation score from published reviews. */
  async function reaggregate(tx: Tx, providerId: string): Promise<void> {
    await repo.saveProviderRatings(tx, providerId, await repo.aggregatePublished(tx, providerId));
    await reputation.recomputeReputation(tx, providerId);
  }

  /** "You received a review" (templates read customerName, rating and bookingNumber). */
  async function notifyProvider(tx: Tx, providerUserId: string, review: repo.ReviewRow) {
    const booking = await repo.findBookingForReview(tx, review.bookingId);
    await notifier.notify(tx, {
      userId: providerUserId,
      type: 'REVIEW_RECEIVED',
      data: {
        reviewId: review.id,
        bookingId: review.bookingId,
        bookingNumber: booking?.bookingNumber,
        customerName: reviewerDisplayName(await repo.findReviewerName(tx, review.customerId)),
        rating: review.overallRating,
        overallRating: review.overallRating,
      },
    });
  }

  async function getVisible(reviewId: string): Promise<repo.ReviewRow> {
    const review = await repo.findReview(db, reviewId);
    if (!review?.isPublished) throw notFound('Review');
    return review;
  }

  return {
    reaggregate,

    async createReview(input: { actor: Actor; body: CreateReviewBody }): Promise<Review> {
      const { actor, body } = input;
      if (actor.role !== 'CUSTOMER' || !actor.customerId) throw forbidden('Only the customer of the booking can review it');
      const booking = await repo.findBookingForReview(db, body.bookingId);
      if (!booking || booking.customerId !== actor.customerId) throw notFound('Booking');
      if (booking.status !== 'COMPLETED') {
        throw businessRule('BOOKING_NOT_COMPLETED', 'You can review a booking once the job is completed');
      }
      const completedAt = booking.completedAt ?? now();
      if (now().getTime() - completedAt.getTime() > REVIEW_WINDOW_DAYS * DAY_MS) {
        throw businessRule('REVIEW_WINDOW_CLOSED', `Reviews can be written within ${REVIEW_WINDOW_DAYS} days of completion`);
      }
      const photoIds = [...new Set(body.photoIds ?? [])];
      const owned = await repo.findOwnedReviewPhotos(db, photoIds, actor.userId);
      if (owned.length !== photoIds.length) {
        throw businessRule('INVALID_PHOTO', 'Attach only review photos you uploaded', {
          photoIds: photoIds.filter((id) => !owned.includes(id)),
        });
      }
      if (await repo.anyPhotoInUse(db, photoIds)) {
        throw conflict('PHOTO_IN_USE', 'A photo is already attached to another review');
      }
      const comment = body.comment?.trim() ? body.comment.trim() : null;
      const verdict = moderate(comment);
      try {
        const review = await db.transaction(async (tx) => {
          const provider = await repo.lockProvider(tx, booking.providerId);
          if (!provider) throw notFound('Provider');
          const row = await repo.insertReview(tx, {
            bookingId: booking.id,
            customerId: booking.customerId,
            providerId: booking.providerId,
            overallRating: body.overallRating,
            qualityRating: body.qualityRating ?? null,
            punctualityRating: body.punctualityRating ?? null,
            professionalismRating: body.professionalismRating ?? null,
            valueRating: body.valueRating ?? null,
            comment,
            photos: photoIds,
            isPublished: !verdict.held,
            moderationStatus: verdict.held ? 'HELD' : 'PUBLISHED',
            moderationReason: verdict.held ? `AUTO: ${verdict.reasons.join(',')}` : null,
          });
          // Held reviews count nowhere and notify nobody until an admin publishes them.
          if (!verdict.held) {
            await reaggregate(tx, booking.providerId);
            await notifyProvider(tx, provider.userId, row);
          }
          return row;
        });
        return toFull(review, await repo.findReviewerName(db, review.customerId));
      } catch (err) {
        if (isUniqueViolation(err)) throw conflict('REVIEW_EXISTS', 'This booking has already been reviewed');
        throw err;
      }
    },

    /** The booking's customer reads their own review of it (with its moderation state), or null before reviewing. */
    async reviewOfBooking(input: { actor: Actor; bookingId: string }): Promise<{ review: Review | null }> {
      const booking = await repo.findBookingForReview(db, input.bookingId);
      if (!booking || !input.actor.customerId || booking.customerId !== input.actor.customerId) throw notFound('Booking');
      const review = await repo.findReviewOfBooking(db, booking.id);
      return { review: review ? toFull(review, await repo.findReviewerName(db, review.customerId)) : null };
    },

    /** A photo of a review: public once the review is published; its author, the provider and admins before. */
    async getPhoto(input: { actor: Actor | null; reviewId: string; photoId: string }) {
      const { actor } = input;
      const review = await repo.findReview(db, input.reviewId);
      const visible =
        review &&
        (review.isPublished ||
          (actor != null &&
            (actor.customerId === review.customerId ||
              actor.providerId === review.providerId ||
              (actor.role === 'ADMIN' && actor.secondFactor))));
      if (!visible || !review.photos.includes(input.photoId)) throw notFound('Photo');
      const doc = await repo.findPhotoDocument(db, input.photoId);
      if (!doc) throw notFound('Photo');
      return doc;
    },

    async listProviderReviews(input: { providerId: string; sort: 'newest' | 'helpful'; cursor?: string; limit: number }) {
      const cursor = decodeCursor(input.cursor);
      if (!(await repo.findProvider(db, input.providerId))) throw notFound('Provider');
      const rows = await repo.listPublished(db, input.providerId, { sort: input.sort, cursor, limit: input.limit + 1 });
      const page = rows.slice(0, input.limit);
      const last = page[page.length - 1];
      const nextCursor =
        rows.length > input.limit && last
          ? encodeCursor({
              createdAt: last.createdAtText,
              id: last.id,
              ...(input.sort === 'helpful' ? { helpful: last.helpfulCount } : {}),
            })
          : null;
      const agg = await repo.aggregatePublished(db, input.providerId);
      return {
        items: page.map((r) => toPublic(r, r.reviewerName)),
        nextCursor,
        summary: {
          averageRating: agg.average ?? 0,
          ratingCount: agg.count,
          dimensionAverages: {
            quality: agg.quality,
            punctuality: agg.punctuality,
            professionalism: agg.professionalism,
            value: agg.value,
          },
          histogram: agg.histogram,
        },
      };
    },

    async respond(input: { actor: Actor; reviewId: string; text: string; edit: boolean }): Promise<PublicReview> {
      const { actor } = input;
      const verdict = moderate(input.text);
      if (verdict.held) {
        throw businessRule('RESPONSE_REJECTED', 'Replies may not contain phone numbers, links, e-mail addresses or abuse', {
          reasons: verdict.reasons,
        });
      }
      const review = await db.transaction(async (tx) => {
        const current = await repo.lockReview(tx, input.reviewId);
        if (!current) throw notFound('Review');
        if (actor.role !== 'PROVIDER' || actor.providerId !== current.providerId) {
          throw forbidden('Only the reviewed provider can reply');
        }
        if (!input.edit) {
          if (current.providerResponse != null)
            throw conflict('RESPONSE_EXISTS', 'You have already replied; edit your reply instead');
          return repo.updateReview(tx, current.id, { providerResponse: input.text, respondedAt: now() });
        }
        if (current.providerResponse == null || !current.respondedAt) {
          throw conflict('RESPONSE_MISSING', 'There is no reply to edit yet');
        }
        if (now().getTime() - current.respondedAt.getTime() > RESPONSE_EDIT_HOURS * 3_600_000) {
          throw businessRule('RESPONSE_EDIT_WINDOW_CLOSED', `A reply can be edited for ${RESPONSE_EDIT_HOURS} hours`);
        }
        return repo.updateReview(tx, current.id, { providerResponse: input.text });
      });
      return toPublic(review, await repo.findReviewerName(db, review.customerId));
    },

    async markHelpful(input: { actor: Actor; reviewId: string }) {
      const { actor } = input;
      const review = await getVisible(input.reviewId);
      if (
        (actor.customerId && actor.customerId === review.customerId) ||
        (actor.providerId && actor.providerId === review.providerId)
      ) {
        throw businessRule('OWN_REVIEW', 'You cannot vote on a review you wrote or received');
      }
      const count = await db.transaction((tx) => repo.addHelpfulVote(tx, review.id, actor.userId));
      if (count == null) throw conflict('ALREADY_VOTED', 'You have already marked this review helpful');
      return { reviewId: review.id, helpfulCount: count };
    },

    async flag(input: { actor: Actor; reviewId: string; reason: string }): Promise<{ reviewId: string; isFlagged: true }> {
      const review = await getVisible(input.reviewId);
      await db.transaction((tx) => repo.updateReview(tx, review.id, { isFlagged: true, flagReason: input.reason }));
      return { reviewId: review.id, isFlagged: true };
    },

    async listForModeration(input: { status: 'HELD' | 'FLAGGED'; cursor?: string; limit: number }) {
      const cursor = decodeCursor(input.cursor);
      const rows = await repo.listForModeration(db, { status: input.status, cursor, limit: input.limit + 1 });
      const page = rows.slice(0, input.limit);
      const last = page[page.length - 1];
      return {
        items: page.map((r) => toFull(r, r.reviewerName)),
        nextCursor: rows.length > input.limit && last ? encodeCursor({ createdAt: last.createdAtText, id: last.id }) : null,
      };
    },

    async moderate(input: {
      actor: Actor;
      reviewId: string;
      action: 'publish' | 'unpublish';
      reason?: string;
      ip?: string;
    }): Promise<Review> {
      const review = await db.transaction(async (tx) => {
        const current = await repo.lockReview(tx, input.reviewId);
        if (!current) throw notFound('Review');
        const provider = await repo.lockProvider(tx, current.providerId);
        const publish = input.action === 'publish';
        const updated = await repo.updateReview(tx, current.id, {
          isPublished: publish,
          moderationStatus: publish ? 'PUBLISHED' : 'UNPUBLISHED',
          moderationReason: publish ? null : (input.reason ?? null),
          isFlagged: false,
        });
        const state = (r: repo.ReviewRow) => ({
          moderationStatus: r.moderationStatus,
          isPublished: r.isPublished,
          isFlagged: r.isFlagged,
          flagReason: r.flagReason,
        });
        await recordAudit(tx, {
          actorUserId: input.actor.userId,
          action: `review.${input.action}`,
          objectType: 'review',
          objectId: current.id,
          before: state(current),
          after: state(updated),
          reason: input.reason ?? null,
          ip: input.ip ?? null,
        });
        await reaggregate(tx, current.providerId);
        // A held review reaches the provider the first time it is published.
        if (publish && current.moderationStatus === 'HELD' && provider) await notifyProvider(tx, provider.userId, updated);
        return updated;
      });
      return toFull(review, await repo.findReviewerName(db, review.customerId));
    },
  };
}
export type ReviewService = ReturnType<typeof createReviewService>;
