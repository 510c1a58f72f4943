import { randomUUID } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog } from '../src/modules/audit/audit.tables';
import { notifications } from '../src/modules/notifications/notifications.tables';
import { documents, providerProfiles } from '../src/modules/providers/providers.tables';
import { reviews } from '../src/modules/reviews/reviews.tables';
import { createTestApp, type TestApp } from './app';
import { createUser, type TestUser } from './factories';
import {
  createBookingRow,
  createCompletedBooking,
  createReviewScenario,
  fileUpload,
  jpeg,
  type ReviewScenario,
} from './factories/reviews';

let t: TestApp;
let admin: TestUser;
beforeAll(async () => {
  t = await createTestApp();
  admin = await createUser(t.c, { role: 'ADMIN' });
});
afterAll(async () => {
  await t?.close();
});

const post = (url: string, user: TestUser | null, payload?: object) =>
  t.app.inject({ method: 'POST', url, headers: user?.headers ?? {}, ...(payload ? { payload } : {}) });
const review = (s: ReviewScenario, body: object = {}, user: TestUser | null = s.customer, bookingId = s.bookingId) =>
  post('/api/reviews', user, { bookingId, overallRating: 5, ...body });
const profile = async (providerId: string) =>
  (await t.c.db.select().from(providerProfiles).where(eq(providerProfiles.id, providerId)))[0]!;
const notificationsOf = (userId: string) =>
  t.c.db
    .select()
    .from(notifications)
    .where(and(eq(notifications.userId, userId), eq(notifications.type, 'REVIEW_RECEIVED')));

describe('POST /api/reviews', () => {
  it('the customer reviews a completed booking: stored, aggregated, scored and the provider notified', async () => {
    const s = await createReviewScenario(t.c);
    const res = await review(s, {
      overallRating: 4,
      qualityRating: 5,
      punctualityRating: 3,
      comment: 'Fixed the leak quickly, very neat work.',
    });
    expect(res.statusCode).toBe(201);
    const body = res.json();
    expect(body).toMatchObject({
      overallRating: 4,
      qualityRating: 5,
      punctualityRating: 3,
      professionalismRating: null,
      isPublished: true,
      moderationStatus: 'PUBLISHED',
      reviewerName: 'Rahul S.',
    });
    const p = await profile(s.providerId);
    expect(p.averageRating).toBe(4);
    expect(p.ratingCount).toBe(1);
    expect(p.dimensionAverages).toEqual({ quality: 5, punctuality: 3 });
    // 4★ → 40, 1 job → −10, no response data, unverified, no cancellations → raw 30 → 70/145 = 48.28
    expect(p.reputationScore).toBe(48.28);
    const notes = await notificationsOf(s.provider.id);
    expect(notes).toHaveLength(1);
    expect(notes[0]!.data).toMatchObject({
      reviewId: body.id,
      rating: 4,
      customerName: 'Rahul S.',
      bookingNumber: expect.any(String),
    });
    expect(notes[0]!.body).toContain('Rahul S. rated you 4★');
  });

  it('before reviewing, the customer’s review of the booking is null', async () => {
    const s = await createReviewScenario(t.c);
    const r = await t.app.inject({ url: `/api/bookings/${s.bookingId}/review`, headers: s.customer.headers });
    expect(r.statusCode).toBe(200);
    expect(r.json()).toEqual({ review: null });
  });

  it('a second review of the same booking is 409 REVIEW_EXISTS, also when both race', async () => {
    const s = await createReviewScenario(t.c);
    expect((await review(s)).statusCode).toBe(201);
    const again = await review(s, { overallRating: 1 });
    expect(again.statusCode).toBe(409);
    expect(again.json().error.code).toBe('REVIEW_EXISTS');

    const r = await createReviewScenario(t.c);
    const results = await Promise.all([review(r), review(r, { overallRating: 3 }), review(r, { overallRating: 4 })]);
    expect(results.map((x) => x.statusCode).sort()).toEqual([201, 409, 409]);
    expect(results.filter((x) => x.statusCode === 409).every((x) => x.json().error.code === 'REVIEW_EXISTS')).toBe(true);
    expect((await profile(r.providerId)).ratingCount).toBe(1);
  });

  it('authorization: only the booking’s customer may review (401 anonymous, 403 provider/admin, 404 other customer)', async () => {
    const s = await createReviewScenario(t.c);
    const stranger = await createUser(t.c, { role: 'CUSTOMER' });
    expect((await review(s, {}, null)).statusCode).toBe(401);
    expect((await review(s, {}, s.provider)).statusCode).toBe(403);
    expect((await review(s, {}, admin)).statusCode).toBe(403);
    const other = await review(s, {}, stranger);
    expect(other.statusCode).toBe(404);
    expect(other.json().error.code).toBe('NOT_FOUND');
    expect((await review(s, {}, s.customer, randomUUID())).statusCode).toBe(404);
    expect((await review(s)).statusCode).toBe(201);
  });

  it('only COMPLETED bookings, within 30 days of completion (422)', async () => {
    const s = await createReviewScenario(t.c);
    for (const status of ['CONFIRMED', 'CANCELLED', 'IN_PROGRESS', 'DISPUTED'] as const) {
      const b = await createBookingRow(t.c, {
        customerId: s.customer.customerId!,
        providerId: s.providerId,
        category: s.category,
        status,
      });
      const res = await review(s, {}, s.customer, b.id);
      expect(res.statusCode).toBe(422);
      expect(res.json().error.code).toBe('BOOKING_NOT_COMPLETED');
    }
    const old = await createBookingRow(t.c, {
      customerId: s.customer.customerId!,
      providerId: s.providerId,
      category: s.category,
      completedAt: new Date(Date.now() - 31 * 86_400_000),
    });
    const late = await review(s, {}, s.customer, old.id);
    expect(late.statusCode).toBe(422);
    expect(late.json().error.code).toBe('REVIEW_WINDOW_CLOSED');
    const recent = await createBookingRow(t.c, {
      customerId: s.customer.customerId!,
      providerId: s.providerId,
      category: s.category,
      completedAt: new Date(Date.now() - 29 * 86_400_000),
    });
    expect((await review(s, {}, s.customer, recent.id)).statusCode).toBe(201);
  });

  it('ratings are integers 1–5, comments at most 2000 characters, unknown fields refused (400)', async () => {
    const s = await createReviewScenario(t.c);
    for (const bad of [
      { overallRating: 0 },
      { overallRating: 6 },
      { overallRating: 4.5 },
      { overallRating: '5' },
      { qualityRating: 0 },
      { valueRating: 7 },
      { comment: 'x'.repeat(2001) },
      { stars: 5 },
    ]) {
      const res = await review(s, bad);
      expect(res.statusCode, JSON.stringify(bad)).toBe(400);
      expect(res.json().error.code).toBe('VALIDATION_FAILED');
    }
    expect((await review(s, { comment: 'x'.repeat(2000) })).statusCode).toBe(201);
  });

  it('photos: only REVIEW_PHOTO documents the caller uploaded, each used once', async () => {
    const s = await createReviewScenario(t.c);
    const doc = async (ownerUserId: string, kind: 'REVIEW_PHOTO' | 'PROFILE_PHOTO' = 'REVIEW_PHOTO') =>
      (
        await t.c.db
          .insert(documents)
          .values({ ownerUserId, kind, storageKey: `test/${randomUUID()}.jpg`, mimeType: 'image/jpeg', sizeBytes: 1000 })
          .returning()
      )[0]!.id;
    const someoneElses = await doc(s.provider.id);
    const wrongKind = await doc(s.customer.id, 'PROFILE_PHOTO');
    for (const id of [someoneElses, wrongKind, randomUUID()]) {
      const res = await review(s, { photoIds: [id] });
      expect(res.statusCode).toBe(422);
      expect(res.json().error).toMatchObject({ code: 'INVALID_PHOTO', details: { photoIds: [id] } });
    }
    const mine = await doc(s.customer.id);
    const ok = await review(s, { photoIds: [mine] });
    expect(ok.statusCode).toBe(201);
    expect(ok.json().photoIds).toEqual([mine]);
    const second = await createCompletedBooking(t.c, s);
    const reuse = await review(s, { photoIds: [mine] }, s.customer, second.id);
    expect(reuse.statusCode).toBe(409);
    expect(reuse.json().error.code).toBe('PHOTO_IN_USE');
  });
});

describe('review photos through the upload pipeline', () => {
  const uploadPhoto = (user: TestUser, file: Buffer, type?: string) => {
    const body = fileUpload(file, type);
    return t.app.inject({
      method: 'POST',
      url: '/api/reviews/photos',
      headers: { ...user.headers, ...body.headers },
      payload: body.payload,
    });
  };

  it('a customer uploads a photo, attaches it, and everyone can see it once the review is public', async () => {
    const s = await createReviewScenario(t.c);
    const up = await uploadPhoto(s.customer, await jpeg());
    expect(up.statusCode).toBe(201);
    const photo = up.json();
    expect(photo).toMatchObject({ mimeType: 'image/jpeg', width: 64, height: 48 });
    expect((await uploadPhoto(s.provider, await jpeg())).statusCode).toBe(403);
    expect((await uploadPhoto(s.customer, Buffer.from('just some text, not an image'), 'image/jpeg')).statusCode).toBe(415);

    const id = (await review(s, { photoIds: [photo.id] })).json().id;
    const listed = (await t.app.inject({ url: `/api/providers/${s.providerId}/reviews` })).json();
    expect(listed.items[0].photoIds).toEqual([photo.id]);
    const img = await t.app.inject({ url: `/api/reviews/${id}/photos/${photo.id}` });
    expect(img.statusCode).toBe(200);
    expect(img.headers['content-type']).toBe('image/jpeg');
    expect(img.rawPayload.subarray(0, 2)).toEqual(Buffer.from([0xff, 0xd8]));
    expect((await t.app.inject({ url: `/api/reviews/${id}/photos/${randomUUID()}` })).statusCode).toBe(404);
  });

  it('a held review’s photo is visible to its author, the provider and admins only', async () => {
    const s = await createReviewScenario(t.c);
    const photo = (await uploadPhoto(s.customer, await jpeg())).json();
    const id = (await review(s, { photoIds: [photo.id], comment: 'whatsapp 98765 43210' })).json().id;
    const url = `/api/reviews/${id}/photos/${photo.id}`;
    expect((await t.app.inject({ url })).statusCode).toBe(404);
    const other = await createUser(t.c, { role: 'CUSTOMER' });
    expect((await t.app.inject({ url, headers: other.headers })).statusCode).toBe(404);
    for (const user of [s.customer, s.provider, admin]) {
      expect((await t.app.inject({ url, headers: user.headers })).statusCode).toBe(200);
    }
  });
});

describe('moderation', () => {
  it('a review with a phone number is HELD: not public, not counted, no notification; admin publishes it (audited)', async () => {
    const s = await createReviewScenario(t.c);
    const res = await review(s, { overallRating: 2, comment: 'Call me on 98765 43210 for a cheaper rate' });
    expect(res.statusCode).toBe(201);
    const held = res.json();
    expect(held).toMatchObject({ isPublished: false, moderationStatus: 'HELD', moderationReason: 'AUTO: PHONE' });
    expect((await t.app.inject({ url: `/api/providers/${s.providerId}/reviews` })).json().items).toHaveLength(0);
    expect((await profile(s.providerId)).ratingCount).toBe(0);
    expect(await notificationsOf(s.provider.id)).toHaveLength(0);

    // The author sees their review is held (and why it is not public yet) when they come back to the booking.
    const mine = await t.app.inject({ url: `/api/bookings/${s.bookingId}/review`, headers: s.customer.headers });
    expect(mine.statusCode).toBe(200);
    expect(mine.json().review).toMatchObject({ id: held.id, moderationStatus: 'HELD', overallRating: 2 });
    const other = await createUser(t.c, { role: 'CUSTOMER' });
    expect((await t.app.inject({ url: `/api/bookings/${s.bookingId}/review`, headers: other.headers })).statusCode).toBe(404);

    const queue = await t.app.inject({ url: '/api/admin/reviews?status=HELD&limit=100', headers: admin.headers });
    expect(queue.statusCode).toBe(200);
    expect(queue.json().items.map((r: { id: string }) => r.id)).toContain(held.id);

    const published = await post(`/api/admin/reviews/${held.id}/publish`, admin);
    expect(published.statusCode).toBe(200);
    expect(published.json()).toMatchObject({ isPublished: true, moderationStatus: 'PUBLISHED' });
    const p = await profile(s.providerId);
    expect(p.ratingCount).toBe(1);
    expect(p.averageRating).toBe(2);
    expect(await notificationsOf(s.provider.id)).toHaveLength(1);
    const audit = await t.c.db.select().from(auditLog).where(eq(auditLog.objectId, held.id));
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ action: 'review.publish', actorUserId: admin.id, objectType: 'review' });
  });

  it('links, e-mails and abuse are held too', async () => {
    for (const comment of ['Book me at www.cheapfix.in', 'mail rahul at gmail dot com', 'bilkul chutiya kaam']) {
      const s = await createReviewScenario(t.c);
      expect((await review(s, { comment })).json().moderationStatus).toBe('HELD');
    }
  });

  it('admins unpublish with a reason (audited): the review leaves the list and the averages', async () => {
    const s = await createReviewScenario(t.c);
    const id = (await review(s, { overallRating: 1, comment: 'Terrible' })).json().id;
    expect((await profile(s.providerId)).ratingCount).toBe(1);
    expect((await post(`/api/admin/reviews/${id}/unpublish`, admin, {})).statusCode).toBe(400);
    const res = await post(`/api/admin/reviews/${id}/unpublish`, admin, { reason: 'Review is about a different provider' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      isPublished: false,
      moderationStatus: 'UNPUBLISHED',
      moderationReason: 'Review is about a different provider',
    });
    const p = await profile(s.providerId);
    expect(p.ratingCount).toBe(0);
    expect(p.averageRating).toBe(0);
    expect((await t.app.inject({ url: `/api/providers/${s.providerId}/reviews` })).json().items).toHaveLength(0);
    const [entry] = await t.c.db.select().from(auditLog).where(eq(auditLog.objectId, id));
    expect(entry).toMatchObject({ action: 'review.unpublish', reason: 'Review is about a different provider' });
  });

  it('only admins with a second factor moderate', async () => {
    const s = await createReviewScenario(t.c);
    const id = (await review(s)).json().id;
    const noTotp = await createUser(t.c, { role: 'ADMIN', secondFactor: false });
    for (const user of [null, s.customer, s.provider, noTotp]) {
      const list = await t.app.inject({ url: '/api/admin/reviews?status=FLAGGED', headers: user?.headers ?? {} });
      expect(list.statusCode).toBe(user ? 403 : 401);
      expect((await post(`/api/admin/reviews/${id}/publish`, user)).statusCode).toBe(user ? 403 : 401);
      expect((await post(`/api/admin/reviews/${id}/unpublish`, user, { reason: 'spam spam' })).statusCode).toBe(user ? 403 : 401);
    }
    expect((await post(`/api/admin/reviews/${randomUUID()}/publish`, admin)).statusCode).toBe(404);
  });

  it('any signed-in user flags a review; it stays public and shows in the FLAGGED queue', async () => {
    const s = await createReviewScenario(t.c);
    const id = (await review(s, { comment: 'Great' })).json().id;
    const other = await createUser(t.c, { role: 'CUSTOMER' });
    expect((await post(`/api/reviews/${id}/flag`, null, { reason: 'fake review' })).statusCode).toBe(401);
    expect((await post(`/api/reviews/${id}/flag`, other, { reason: 'x' })).statusCode).toBe(400);
    const res = await post(`/api/reviews/${id}/flag`, other, { reason: 'Looks like a fake review' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ reviewId: id, isFlagged: true });
    const queue = (await t.app.inject({ url: '/api/admin/reviews?status=FLAGGED&limit=100', headers: admin.headers })).json();
    expect(queue.items.find((r: { id: string }) => r.id === id)).toMatchObject({
      isFlagged: true,
      flagReason: 'Looks like a fake review',
    });
    expect((await t.app.inject({ url: `/api/providers/${s.providerId}/reviews` })).json().items).toHaveLength(1);
    expect((await post(`/api/reviews/${randomUUID()}/flag`, other, { reason: 'fake review' })).statusCode).toBe(404);
  });
});

describe('GET /api/providers/:id/reviews', () => {
  it('lists published reviews newest first with averages, histogram and privacy-safe reviewer names, paginated', async () => {
    const s = await createReviewScenario(t.c);
    const ratings = [5, 4, 4, 2, 5, 1, 5];
    const ids: string[] = [];
    for (const [i, r] of ratings.entries()) {
      const customer = await createUser(t.c, { role: 'CUSTOMER', name: i === 0 ? 'Anita' : 'Priya  Verma' });
      const b = await createCompletedBooking(t.c, s, customer);
      const res = await review(s, { overallRating: r, valueRating: r === 5 ? 5 : 3 }, customer, b.id);
      expect(res.statusCode).toBe(201);
      ids.push(res.json().id);
    }
    const seen: string[] = [];
    let cursor: string | null = null;
    let summary: Record<string, unknown> | null = null;
    do {
      const qs: string = `limit=3${cursor ? `&cursor=${cursor}` : ''}`;
      const res = await t.app.inject({ url: `/api/providers/${s.providerId}/reviews?${qs}` });
      expect(res.statusCode).toBe(200);
      const body = res.json();
      expect(body.items.length).toBeLessThanOrEqual(3);
      seen.push(...body.items.map((x: { id: string }) => x.id));
      cursor = body.nextCursor;
      summary = body.summary;
      for (const item of body.items) {
        expect(item).not.toHaveProperty('customerId');
        expect(item).not.toHaveProperty('bookingId');
        expect(item.reviewerName).toMatch(/^(Anita|Priya V\.)$/);
      }
    } while (cursor);
    expect(seen).toEqual([...ids].reverse());
    expect(summary).toEqual({
      averageRating: 3.71, // 26 / 7
      ratingCount: 7,
      dimensionAverages: { quality: null, punctuality: null, professionalism: null, value: 3.86 }, // (5·3 + 3·4) / 7
      histogram: { '1': 1, '2': 1, '3': 0, '4': 2, '5': 3 },
    });
  });

  it('sorts by most helpful; 404 for an unknown provider; 400 for a bad cursor or limit', async () => {
    const s = await createReviewScenario(t.c);
    const first = (await review(s, { overallRating: 3 })).json().id;
    const b2 = await createCompletedBooking(t.c, s);
    const second = (await review(s, { overallRating: 4 }, s.customer, b2.id)).json().id;
    const voters = await Promise.all([1, 2].map(() => createUser(t.c, { role: 'CUSTOMER' })));
    for (const v of voters) expect((await post(`/api/reviews/${first}/helpful`, v)).statusCode).toBe(200);
    expect((await post(`/api/reviews/${second}/helpful`, voters[0]!)).statusCode).toBe(200);
    const helpful = (await t.app.inject({ url: `/api/providers/${s.providerId}/reviews?sort=helpful&limit=1` })).json();
    expect(helpful.items[0]).toMatchObject({ id: first, helpfulCount: 2 });
    const page2 = (
      await t.app.inject({ url: `/api/providers/${s.providerId}/reviews?sort=helpful&limit=1&cursor=${helpful.nextCursor}` })
    ).json();
    expect(page2.items[0]).toMatchObject({ id: second, helpfulCount: 1 });
    expect(page2.nextCursor).toBeNull();
    const newest = (await t.app.inject({ url: `/api/providers/${s.providerId}/reviews?sort=newest` })).json();
    expect(newest.items.map((x: { id: string }) => x.id)).toEqual([second, first]);

    expect((await t.app.inject({ url: `/api/providers/${randomUUID()}/reviews` })).statusCode).toBe(404);
    expect((await t.app.inject({ url: `/api/providers/${s.providerId}/reviews?cursor=garbage` })).statusCode).toBe(400);
    expect((await t.app.inject({ url: `/api/providers/${s.providerId}/reviews?limit=500` })).statusCode).toBe(400);
  });
});

describe('provider replies', () => {
  it('only the reviewed provider replies, once; edits within 24 h; the reply is public', async () => {
    const s = await createReviewScenario(t.c);
    const id = (await review(s, { overallRating: 3 })).json().id;
    const otherProvider = (await createReviewScenario(t.c)).provider;
    const url = `/api/reviews/${id}/response`;
    expect((await post(url, null, { text: 'Thank you' })).statusCode).toBe(401);
    expect((await post(url, s.customer, { text: 'Thank you' })).statusCode).toBe(403);
    expect((await post(url, otherProvider, { text: 'Thank you' })).statusCode).toBe(403);
    expect((await post(url, admin, { text: 'Thank you' })).statusCode).toBe(403);
    const put0 = await t.app.inject({ method: 'PUT', url, headers: s.provider.headers, payload: { text: 'Edited' } });
    expect(put0.statusCode).toBe(409);

    const res = await post(url, s.provider, { text: 'Thank you, sorry about the delay.' });
    expect(res.statusCode).toBe(200);
    expect(res.json().providerResponse.text).toBe('Thank you, sorry about the delay.');
    const again = await post(url, s.provider, { text: 'Again' });
    expect(again.statusCode).toBe(409);
    expect(again.json().error.code).toBe('RESPONSE_EXISTS');

    const edit = await t.app.inject({ method: 'PUT', url, headers: s.provider.headers, payload: { text: 'Thanks! Fixed now.' } });
    expect(edit.statusCode).toBe(200);
    const list = (await t.app.inject({ url: `/api/providers/${s.providerId}/reviews` })).json();
    expect(list.items[0].providerResponse.text).toBe('Thanks! Fixed now.');
    expect((await t.app.inject({ method: 'PUT', url, headers: otherProvider.headers, payload: { text: 'x' } })).statusCode).toBe(
      403,
    );

    await t.c.db
      .update(reviews)
      .set({ respondedAt: new Date(Date.now() - 25 * 3_600_000) })
      .where(eq(reviews.id, id));
    const late = await t.app.inject({ method: 'PUT', url, headers: s.provider.headers, payload: { text: 'Too late' } });
    expect(late.statusCode).toBe(422);
    expect(late.json().error.code).toBe('RESPONSE_EDIT_WINDOW_CLOSED');
  });

  it('a reply with a phone number or abuse is refused (422)', async () => {
    const s = await createReviewScenario(t.c);
    const id = (await review(s)).json().id;
    const res = await post(`/api/reviews/${id}/response`, s.provider, { text: 'Call me directly on 9876543210' });
    expect(res.statusCode).toBe(422);
    expect(res.json().error).toMatchObject({ code: 'RESPONSE_REJECTED', details: { reasons: ['PHONE'] } });
  });
});

describe('helpful votes', () => {
  it('once per user; not by the author nor the reviewed provider; not on hidden reviews', async () => {
    const s = await createReviewScenario(t.c);
    const id = (await review(s)).json().id;
    const url = `/api/reviews/${id}/helpful`;
    const other = await createUser(t.c, { role: 'CUSTOMER' });
    const anotherProvider = (await createReviewScenario(t.c)).provider;
    expect((await post(url, null)).statusCode).toBe(401);
    const first = await post(url, other);
    expect(first.statusCode).toBe(200);
    expect(first.json()).toEqual({ reviewId: id, helpfulCount: 1 });
    const second = await post(url, other);
    expect(second.statusCode).toBe(409);
    expect(second.json().error.code).toBe('ALREADY_VOTED');
    expect((await post(url, anotherProvider)).json().helpfulCount).toBe(2);
    for (const self of [s.customer, s.provider]) {
      const res = await post(url, self);
      expect(res.statusCode).toBe(422);
      expect(res.json().error.code).toBe('OWN_REVIEW');
    }
    const hidden = await createReviewScenario(t.c);
    const heldId = (await review(hidden, { comment: 'see www.example.com' })).json().id;
    expect((await post(`/api/reviews/${heldId}/helpful`, other)).statusCode).toBe(404);
  });
});

describe('GET /api/providers/me/reputation', () => {
  it('the provider sees the score, each component with its value and hints in English and Hindi', async () => {
    const s = await createReviewScenario(t.c);
    await review(s, { overallRating: 5 });
    const res = await t.app.inject({ url: '/api/providers/me/reputation', headers: s.provider.headers });
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.providerId).toBe(s.providerId);
    expect(body.rawRange).toEqual([-40, 105]);
    // 5★ → 50, 1 job → −10 → raw 40 → 55.17
    expect(body.raw).toBe(40);
    expect(body.score).toBe(55.17);
    expect(body.score).toBe((await profile(s.providerId)).reputationScore);
    expect(body.components.map((c: { key: string }) => c.key)).toEqual([
      'base',
      'jobs',
      'response',
      'aadhaar',
      'background',
      'cancellation',
      'streak',
    ]);
    const jobs = body.components.find((c: { key: string }) => c.key === 'jobs');
    expect(jobs).toMatchObject({ points: -10, measured: 1 });
    expect(jobs.hint.en).toContain('9 more job(s)');
    expect(jobs.hint.hi).toContain('9 और काम');
  });

  it('customers and anonymous callers are refused', async () => {
    const s = await createReviewScenario(t.c);
    expect((await t.app.inject({ url: '/api/providers/me/reputation', headers: s.customer.headers })).statusCode).toBe(403);
    expect((await t.app.inject({ url: '/api/providers/me/reputation' })).statusCode).toBe(401);
  });
});

it('documents every review route in the OpenAPI document', async () => {
  const res = await t.app.inject({ url: '/api/openapi.json' });
  expect(res.statusCode).toBe(200);
  const paths = Object.keys(res.json().paths);
  for (const path of [
    '/api/reviews',
    '/api/reviews/photos',
    '/api/providers/{id}/reviews',
    '/api/reviews/{id}/response',
    '/api/reviews/{id}/helpful',
    '/api/reviews/{id}/flag',
    '/api/admin/reviews',
    '/api/admin/reviews/{id}/publish',
    '/api/admin/reviews/{id}/unpublish',
    '/api/providers/me/reputation',
  ]) {
    expect(paths).toContain(path);
  }
});
