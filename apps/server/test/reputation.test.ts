import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { providerProfiles } from '../src/modules/providers/providers.tables';
import { NIGHTLY_JOB } from '../src/modules/reviews/reviews.jobs';
import { reviews } from '../src/modules/reviews/reviews.tables';
import { createTestApp, type TestApp } from './app';
import { createApprovedProvider, createUser } from './factories';
import { createBookingRow } from './factories/reviews';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => {
  await t?.close();
});

const stored = async (providerId: string) =>
  (await t.c.db.select().from(providerProfiles).where(eq(providerProfiles.id, providerId)))[0]!.reputationScore;
const setScore = (providerId: string, score: number) =>
  t.c.db.update(providerProfiles).set({ reputationScore: score }).where(eq(providerProfiles.id, providerId));
const recompute = (providerId: string) => t.c.db.transaction((tx) => t.c.reputation.recomputeReputation(tx, providerId));

async function setup(opts: { aadhaarVerified?: boolean } = {}) {
  const p = await createApprovedProvider(t.c, { aadhaarVerified: opts.aadhaarVerified ?? false });
  const customer = await createUser(t.c, { role: 'CUSTOMER', name: 'Meera Iyer' });
  const book = (o: Partial<Parameters<typeof createBookingRow>[1]> = {}) =>
    createBookingRow(t.c, { customerId: customer.customerId!, providerId: p.providerId, category: p.category, ...o });
  const addReview = async (overallRating: number, ageDays: number) => {
    const b = await book();
    await t.c.db.insert(reviews).values({
      bookingId: b.id,
      customerId: customer.customerId!,
      providerId: p.providerId,
      overallRating,
      createdAt: new Date(Date.now() - ageDays * 86_400_000),
    });
  };
  return { ...p, customer, book, addReview };
}

describe('reputation inputs from the database', () => {
  it('counts completed jobs, response time and provider cancellations/no-shows over accepted bookings', async () => {
    const s = await setup({ aadhaarVerified: true });
    for (let i = 0; i < 18; i++) await s.book({ responseTimeSec: 300 });
    await s.book({ status: 'CANCELLED', cancelledBy: 'PROVIDER', confirmed: true }); // counts
    await s.book({ status: 'NO_SHOW', noShowParty: 'PROVIDER' }); // counts
    await s.book({ status: 'NO_SHOW', noShowParty: 'CUSTOMER' }); // accepted, not against the provider
    await s.book({ status: 'CANCELLED', cancelledBy: 'PROVIDER', confirmed: false }); // never accepted: not counted
    await s.book({ status: 'CANCELLED', cancelledBy: 'CUSTOMER', confirmed: true }); // accepted, customer's doing
    // No reviews → 3.5★ prior = 35; 18 jobs → 0; 5 min → +10; Aadhaar +10; 2/22 = 9.09% → −10 → raw 45 → 58.62
    const r = await recompute(s.providerId);
    expect(r!.raw).toBe(45);
    expect(r!.components.find((c) => c.key === 'cancellation')).toMatchObject({ points: -10, measured: 9.09 });
    expect(r!.components.find((c) => c.key === 'response')).toMatchObject({ points: 10, measured: 5 });
    expect(r!.components.find((c) => c.key === 'jobs')).toMatchObject({ points: 0, measured: 18 });
    expect(await stored(s.providerId)).toBe(58.62);

    // One more provider cancellation: 3/23 = 13.04% → −25 → raw 30 → 48.28
    await s.book({ status: 'CANCELLED', cancelledBy: 'PROVIDER', confirmed: true });
    expect((await recompute(s.providerId))!.raw).toBe(30);
    expect(await stored(s.providerId)).toBe(48.28);
  });

  it('weights reviews by age (half-life 180 days) and rewards a streak of ten 5★ reviews', async () => {
    const s = await setup();
    await s.addReview(5, 0);
    await s.addReview(1, 360);
    // (5·1 + 1·0.25) / 1.25 = 4.2 → 42; 2 jobs → −10 → raw 32 → 72/145 = 49.66
    const r = await recompute(s.providerId);
    expect(r!.components.find((c) => c.key === 'base')).toMatchObject({ points: 42, measured: 4.2 });
    expect(r!.score).toBe(49.66);
    for (let i = 0; i < 9; i++) await s.addReview(5, 1 + i);
    const streak = await recompute(s.providerId);
    expect(streak!.components.find((c) => c.key === 'streak')!.points).toBe(10);
  });

  it('held (unpublished) reviews do not count', async () => {
    const s = await setup();
    await s.addReview(5, 0);
    await t.c.db
      .update(reviews)
      .set({ isPublished: false, moderationStatus: 'HELD' })
      .where(eq(reviews.providerId, s.providerId));
    expect((await recompute(s.providerId))!.components.find((c) => c.key === 'base')).toMatchObject({
      points: 35,
      measured: null,
    });
  });
});

describe('recompute triggers', () => {
  async function drainUntil(check: () => Promise<boolean>) {
    for (let i = 0; i < 50; i++) {
      await t.c.jobs.drain!();
      if (await check()) return true;
      await new Promise((r) => setTimeout(r, 20));
    }
    return false;
  }

  it('booking.updated and provider.updated events enqueue a recompute job (safety net)', async () => {
    const s = await setup();
    const b = await s.book();
    await setScore(s.providerId, 99);
    t.c.events.emit('booking.updated', {
      bookingId: b.id,
      status: 'COMPLETED',
      customerUserId: s.customer.id,
      providerUserId: s.user.id,
      booking: {},
    });
    // 3.5★ prior 35, 1 job −10 → raw 25 → 65/145 = 44.83
    expect(await drainUntil(async () => (await stored(s.providerId)) === 44.83)).toBe(true);

    await t.c.db.update(providerProfiles).set({ backgroundVerified: true }).where(eq(providerProfiles.id, s.providerId));
    t.c.events.emit('provider.updated', { providerId: s.providerId, userId: s.user.id, status: 'APPROVED' });
    // + background 10 → raw 35 → 75/145 = 51.72
    expect(await drainUntil(async () => (await stored(s.providerId)) === 51.72)).toBe(true);
  });

  it('a booking transition recomputes the score in the same transaction (bookings hook)', async () => {
    const s = await setup();
    for (let i = 0; i < 9; i++) await s.book();
    const b = await s.book({ status: 'CONFIRMED' });
    // 9 completed of 10 accepted, no reviews: 35 − 10 → raw 25 → 44.83
    expect((await recompute(s.providerId))!.raw).toBe(25);
    const actor = await t.c.resolveActor(s.user.token);
    await t.c.bookings.cancel(actor, b.id, 'Vehicle broke down on the way');
    // 1 provider cancellation of 10 accepted = 10% → −10 → raw 15 → 55/145 = 37.93, with no job run
    expect(await stored(s.providerId)).toBe(37.93);
  });

  it('the nightly job recomputes every APPROVED provider in batches and leaves others alone', async () => {
    const a = await setup();
    const b = await setup();
    const draft = await createUser(t.c, { role: 'PROVIDER' });
    await setScore(a.providerId, 1);
    await setScore(b.providerId, 2);
    await setScore(draft.providerId!, 3);
    const n = await t.c.reputation.recomputeAllApproved({ batchSize: 1 });
    expect(n).toBeGreaterThanOrEqual(2);
    // No reviews, no jobs: 35 − 10 = 25 → 44.83
    expect(await stored(a.providerId)).toBe(44.83);
    expect(await stored(b.providerId)).toBe(44.83);
    expect(await stored(draft.providerId!)).toBe(3);

    await setScore(a.providerId, 1);
    await t.c.jobs.send(NIGHTLY_JOB, {});
    await t.c.jobs.drain!();
    expect(await stored(a.providerId)).toBe(44.83);
  });
});
