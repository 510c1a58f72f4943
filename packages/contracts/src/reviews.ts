import { z } from 'zod';

/** Reviews, provider replies, moderation and the explained reputation score. */

const rating = z.number().int().min(1).max(5);
const uuid = z.string().uuid();

export const createReviewBody = z.strictObject({
  bookingId: uuid,
  overallRating: rating,
  qualityRating: rating.optional(),
  punctualityRating: rating.optional(),
  professionalismRating: rating.optional(),
  valueRating: rating.optional(),
  comment: z.string().trim().max(2000).optional(),
  /** Ids of REVIEW_PHOTO documents the caller uploaded. */
  photoIds: z.array(uuid).max(6).optional(),
});
export type CreateReviewBody = z.infer<typeof createReviewBody>;

/** A review photo stored through the upload pipeline; pass its id in `photoIds`. */
export const reviewPhotoSchema = z.object({
  id: uuid,
  mimeType: z.string(),
  width: z.number().int().nullable(),
  height: z.number().int().nullable(),
  sizeBytes: z.number().int(),
});

export const reviewModerationStatusSchema = z.enum(['PUBLISHED', 'HELD', 'UNPUBLISHED']);
export const moderationReasonSchema = z.enum(['PHONE', 'LINK', 'EMAIL', 'ABUSE']);

export const providerResponseSchema = z.object({ text: z.string(), respondedAt: z.string() });

export const publicReviewSchema = z.object({
  id: uuid,
  providerId: uuid,
  /** First name and last initial only, e.g. "Rahul S.". */
  reviewerName: z.string(),
  overallRating: z.number().int(),
  qualityRating: z.number().int().nullable(),
  punctualityRating: z.number().int().nullable(),
  professionalismRating: z.number().int().nullable(),
  valueRating: z.number().int().nullable(),
  comment: z.string().nullable(),
  photoIds: z.array(z.string()),
  helpfulCount: z.number().int(),
  createdAt: z.string(),
  providerResponse: providerResponseSchema.nullable(),
});
export type PublicReview = z.infer<typeof publicReviewSchema>;

/** What the author (and admins) see: the public view plus moderation state. */
export const reviewSchema = publicReviewSchema.extend({
  bookingId: uuid,
  customerId: uuid,
  isPublished: z.boolean(),
  moderationStatus: reviewModerationStatusSchema,
  moderationReason: z.string().nullable(),
  isFlagged: z.boolean(),
  flagReason: z.string().nullable(),
});
export type Review = z.infer<typeof reviewSchema>;

export const dimensionAveragesSchema = z.object({
  quality: z.number().nullable(),
  punctuality: z.number().nullable(),
  professionalism: z.number().nullable(),
  value: z.number().nullable(),
});

export const reviewSummarySchema = z.object({
  averageRating: z.number(),
  ratingCount: z.number().int(),
  dimensionAverages: dimensionAveragesSchema,
  /** Published reviews per overall star, keys "1" … "5". */
  histogram: z.object({
    '1': z.number().int(),
    '2': z.number().int(),
    '3': z.number().int(),
    '4': z.number().int(),
    '5': z.number().int(),
  }),
});

export const listProviderReviewsQuery = z.strictObject({
  sort: z.enum(['newest', 'helpful']).default('newest'),
  cursor: z.string().max(500).optional(),
  limit: z.coerce.number().int().min(1).max(50).default(20),
});

export const providerReviewsResponse = z.object({
  items: z.array(publicReviewSchema),
  nextCursor: z.string().nullable(),
  summary: reviewSummarySchema,
});

export const reviewResponseBody = z.strictObject({ text: z.string().trim().min(1).max(1000) });
export const flagReviewBody = z.strictObject({ reason: z.string().trim().min(3).max(500) });
export const unpublishReviewBody = z.strictObject({ reason: z.string().trim().min(3).max(500) });

export const adminReviewsQuery = z.strictObject({
  status: z.enum(['HELD', 'FLAGGED']),
  cursor: z.string().max(500).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(50),
});
export const adminReviewsResponse = z.object({ items: z.array(reviewSchema), nextCursor: z.string().nullable() });

export const helpfulResponse = z.object({ reviewId: uuid, helpfulCount: z.number().int() });

const bilingual = z.object({ en: z.string(), hi: z.string() });
export const reputationComponentSchema = z.object({
  key: z.enum(['base', 'jobs', 'response', 'aadhaar', 'background', 'cancellation', 'streak']),
  label: bilingual,
  points: z.number(),
  maxPoints: z.number(),
  measured: z.union([z.number(), z.boolean()]).nullable(),
  hint: bilingual.nullable(),
});

export const reputationResponse = z.object({
  providerId: uuid,
  /** 0–100, two decimals. */
  score: z.number(),
  raw: z.number(),
  rawRange: z.tuple([z.number(), z.number()]),
  components: z.array(reputationComponentSchema),
  computedAt: z.string(),
});
export type ReputationResponse = z.infer<typeof reputationResponse>;
