import { afterAll, beforeAll, describe } from 'vitest';
import { reviews } from '../src/modules/reviews/reviews.tables';
import { createTestApp, type TestApp } from './app';
import { adminOnly, authzMatrix, customerOnly, type MatrixContext, providerOnly, publicRoute, signedIn } from './authz/matrix';
import { createCategory } from './factories';
import { createBookingRow } from './factories/reviews';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => {
  await t?.close();
});

/** A COMPLETED booking of the matrix's customer with the matrix's provider. */
async function completedBooking(ctx: MatrixContext) {
  return createBookingRow(ctx.c, {
    customerId: ctx.actors.customer.customerId!,
    providerId: ctx.actors.provider.providerId!,
    category: await createCategory(ctx.c.db),
  });
}

/** A published review by the matrix's customer of the matrix's provider. */
async function publishedReview(ctx: MatrixContext, extra: Partial<typeof reviews.$inferInsert> = {}) {
  const b = await completedBooking(ctx);
  const [row] = await ctx.c.db
    .insert(reviews)
    .values({ bookingId: b.id, customerId: b.customerId, providerId: b.providerId, overallRating: 4, ...extra })
    .returning();
  return row!;
}

describe('reviews authorization matrix', () => {
  authzMatrix(
    () => t,
    [
      {
        name: 'only the booking’s customer reviews it',
        method: 'POST',
        url: '/api/reviews',
        body: async (ctx: MatrixContext) => ({ bookingId: (await completedBooking(ctx)).id, overallRating: 5 }),
        expect: { ...customerOnly, otherCustomer: 404 },
      },
      {
        name: 'only the booking’s customer reads their review of it',
        method: 'GET',
        url: async (ctx: MatrixContext) => `/api/bookings/${(await completedBooking(ctx)).id}/review`,
        expect: { ...customerOnly, otherCustomer: 404 },
      },
      {
        name: 'public review list',
        method: 'GET',
        url: async (ctx) => `/api/providers/${ctx.actors.provider.providerId}/reviews`,
        expect: publicRoute,
      },
      {
        name: 'only the reviewed provider replies',
        method: 'POST',
        url: async (ctx) => `/api/reviews/${(await publishedReview(ctx)).id}/response`,
        body: { text: 'Thank you for the kind words' },
        expect: { ...providerOnly, otherProvider: 403 },
      },
      {
        name: 'only the reviewed provider edits the reply',
        method: 'PUT',
        url: async (ctx) =>
          `/api/reviews/${(await publishedReview(ctx, { providerResponse: 'Thanks', respondedAt: new Date() })).id}/response`,
        body: { text: 'Thanks a lot!' },
        expect: { ...providerOnly, otherProvider: 403 },
      },
      {
        name: 'helpful: signed-in users other than the author and the reviewed provider',
        method: 'POST',
        url: async (ctx) => `/api/reviews/${(await publishedReview(ctx)).id}/helpful`,
        expect: { ...signedIn, customer: 422, provider: 422 },
      },
      {
        name: 'flag: any signed-in user',
        method: 'POST',
        url: async (ctx) => `/api/reviews/${(await publishedReview(ctx)).id}/flag`,
        body: { reason: 'This looks fake' },
        expect: signedIn,
      },
      { name: 'moderation queue', method: 'GET', url: '/api/admin/reviews?status=HELD', expect: adminOnly },
      {
        name: 'publish',
        method: 'POST',
        url: async (ctx) =>
          `/api/admin/reviews/${(await publishedReview(ctx, { isPublished: false, moderationStatus: 'HELD' })).id}/publish`,
        expect: adminOnly,
      },
      {
        name: 'unpublish',
        method: 'POST',
        url: async (ctx) => `/api/admin/reviews/${(await publishedReview(ctx)).id}/unpublish`,
        body: { reason: 'Off-topic review' },
        expect: adminOnly,
      },
      { name: 'own reputation', method: 'GET', url: '/api/providers/me/reputation', expect: providerOnly },
    ],
  );
});
