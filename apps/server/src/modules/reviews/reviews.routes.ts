import multipart from '@fastify/multipart';
import {
  adminReviewsQuery,
  adminReviewsResponse,
  createReviewBody,
  flagReviewBody,
  helpfulResponse,
  listProviderReviewsQuery,
  providerReviewsResponse,
  publicReviewSchema,
  reputationResponse,
  reviewPhotoSchema,
  reviewResponseBody,
  reviewSchema,
  unpublishReviewBody,
} from '@localpro/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Container } from '../../container';
import { requireActor, requireAdmin, requireRole } from '../../http/auth';
import { enforceLimit } from '../../http/rate-limit';
import { AppError, forbidden } from '../../lib/errors';

const idParams = z.strictObject({ id: z.string().uuid() });
const tags = ['reviews'];

export function reviewRoutes(c: Container): FastifyPluginAsyncZod {
  const reviews = c.reviews;
  return async (app) => {
    app.post(
      '/reviews',
      {
        schema: {
          tags,
          summary: 'Review a completed booking (its customer, once, within 30 days)',
          body: createReviewBody,
          response: { 201: reviewSchema },
        },
      },
      async (req, reply) => {
        const actor = requireActor(req);
        await enforceLimit(c.rateLimiter, `reviews:create:${actor.userId}`, 20, 3600);
        return reply.status(201).send(await reviews.createReview({ actor, body: req.body }));
      },
    );

    // Review photos go through the shared upload pipeline (type sniffing, re-encoding, size limits).
    await app.register(async (scope) => {
      await scope.register(multipart, {
        limits: { fileSize: c.config.UPLOAD_LIMIT_BYTES, files: 1, fields: 2, parts: 3, headerPairs: 50 },
        throwFileSizeLimit: true,
      });
      scope.post(
        '/reviews/photos',
        {
          schema: {
            tags,
            summary: 'Upload a photo for a review (customers; multipart field "file"); then pass its id in photoIds',
            response: { 201: reviewPhotoSchema },
          },
        },
        async (req, reply) => {
          const actor = requireRole(req, 'CUSTOMER');
          await enforceLimit(c.rateLimiter, `reviews:photo:${actor.userId}`, 30, 3600);
          if (!req.isMultipart()) throw new AppError('UNSUPPORTED_MEDIA_TYPE', 'Send the photo as multipart/form-data');
          const part = await req.file();
          if (!part) throw new AppError('VALIDATION_FAILED', 'Attach a photo in the "file" field');
          const doc = await c.uploads.storeUpload({
            ownerUserId: actor.userId,
            kind: 'REVIEW_PHOTO',
            file: { data: await part.toBuffer() },
          });
          return reply
            .status(201)
            .send({ id: doc.id, mimeType: doc.mimeType, width: doc.width, height: doc.height, sizeBytes: doc.sizeBytes });
        },
      );
    });

    app.get(
      '/reviews/:id/photos/:photoId',
      {
        schema: {
          tags,
          summary: 'A review photo (public once the review is published)',
          params: z.strictObject({ id: z.string().uuid(), photoId: z.string().uuid() }),
        },
      },
      async (req, reply) => {
        if (req.authError) throw req.authError;
        const doc = await reviews.getPhoto({ actor: req.actor, reviewId: req.params.id, photoId: req.params.photoId });
        const body = await c.storage.get(doc.storageKey);
        if (!body) throw new AppError('NOT_FOUND', 'Photo not found');
        return reply
          .header('content-type', doc.mimeType)
          .header('x-content-type-options', 'nosniff')
          .header('content-security-policy', "default-src 'none'; sandbox")
          .header('cache-control', 'private, max-age=60')
          .send(body);
      },
    );

    app.get(
      '/bookings/:id/review',
      {
        schema: {
          tags,
          summary: 'Your review of your booking with its moderation state, or null (the booking’s customer)',
          params: idParams,
          response: { 200: z.object({ review: reviewSchema.nullable() }) },
        },
      },
      async (req) => reviews.reviewOfBooking({ actor: requireRole(req, 'CUSTOMER'), bookingId: req.params.id }),
    );

    app.get(
      '/providers/:id/reviews',
      {
        schema: {
          tags,
          summary: 'Published reviews of a provider with averages and the star histogram',
          params: idParams,
          querystring: listProviderReviewsQuery,
          response: { 200: providerReviewsResponse },
        },
      },
      async (req) => reviews.listProviderReviews({ providerId: req.params.id, ...req.query }),
    );

    for (const method of ['POST', 'PUT'] as const) {
      app.route({
        method,
        url: '/reviews/:id/response',
        schema: {
          tags,
          summary: method === 'POST' ? 'Reply to a review (the reviewed provider, once)' : 'Edit your reply (within 24 hours)',
          params: idParams,
          body: reviewResponseBody,
          response: { 200: publicReviewSchema },
        },
        handler: async (req) => {
          const actor = requireActor(req);
          return reviews.respond({ actor, reviewId: req.params.id, text: req.body.text, edit: method === 'PUT' });
        },
      });
    }

    app.post(
      '/reviews/:id/helpful',
      {
        schema: { tags, summary: 'Mark a review helpful (once per user)', params: idParams, response: { 200: helpfulResponse } },
      },
      async (req) => reviews.markHelpful({ actor: requireActor(req), reviewId: req.params.id }),
    );

    app.post(
      '/reviews/:id/flag',
      {
        schema: {
          tags,
          summary: 'Report a review to the moderators',
          params: idParams,
          body: flagReviewBody,
          response: { 200: z.object({ reviewId: z.string(), isFlagged: z.literal(true) }) },
        },
      },
      async (req) => {
        const actor = requireActor(req);
        await enforceLimit(c.rateLimiter, `reviews:flag:${actor.userId}`, 30, 3600);
        return reviews.flag({ actor, reviewId: req.params.id, reason: req.body.reason });
      },
    );

    app.get(
      '/admin/reviews',
      {
        schema: {
          tags,
          summary: 'Reviews held by moderation or flagged by users (admins)',
          querystring: adminReviewsQuery,
          response: { 200: adminReviewsResponse },
        },
      },
      async (req) => {
        requireAdmin(req);
        return reviews.listForModeration(req.query);
      },
    );

    app.post(
      '/admin/reviews/:id/publish',
      {
        schema: {
          tags,
          summary: 'Publish a held or flagged review (audited)',
          params: idParams,
          response: { 200: reviewSchema },
        },
      },
      async (req) => reviews.moderate({ actor: requireAdmin(req), reviewId: req.params.id, action: 'publish', ip: req.ip }),
    );

    app.post(
      '/admin/reviews/:id/unpublish',
      {
        schema: {
          tags,
          summary: 'Unpublish a review with a reason (audited)',
          params: idParams,
          body: unpublishReviewBody,
          response: { 200: reviewSchema },
        },
      },
      async (req) =>
        reviews.moderate({
          actor: requireAdmin(req),
          reviewId: req.params.id,
          action: 'unpublish',
          reason: req.body.reason,
          ip: req.ip,
        }),
    );

    app.get(
      '/providers/me/reputation',
      {
        schema: {
          tags,
          summary: 'Your reputation score, every component, and what would raise it (providers)',
          response: { 200: reputationResponse },
        },
      },
      async (req) => {
        const actor = requireRole(req, 'PROVIDER');
        if (!actor.providerId) throw forbidden('No provider profile');
        return c.reputation.explainReputation(actor.providerId);
      },
    );
  };
}
