import { and, asc, eq, gt, inArray, ne, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client';
import { bookings } from '../bookings/bookings.tables';
import { providerProfiles } from '../providers/providers.tables';
import type { ReputationInput } from './reputation';
import { reviews } from './reviews.tables';

export type ReputationFacts = Omit<ReputationInput, 'now'>;

/**
 * Everything the score needs for a batch of providers, in three queries (reads bookings and
 * provider_profiles read-only). Definitions are in docs/reputation.md.
 */
export async function loadReputationFacts(db: Executor, providerIds: string[]): Promise<Map<string, ReputationFacts>> {
  const out = new Map<string, ReputationFacts>();
  if (providerIds.length === 0) return out;
  const profiles = await db
    .select({
      id: providerProfiles.id,
      aadhaarVerified: providerProfiles.aadhaarVerified,
      backgroundVerified: providerProfiles.backgroundVerified,
      completedJobs: providerProfiles.completedJobs,
      responseTimeSec: providerProfiles.responseTime,
    })
    .from(providerProfiles)
    .where(inArray(providerProfiles.id, providerIds));

  // Only cancellations of bookings the provider had accepted count (a PENDING request they drop is a rejection).
  const providerCancelled = sql`(${bookings.status} = 'CANCELLED' and ${bookings.cancelledBy} = 'PROVIDER' and ${bookings.confirmedAt} is not null)`;
  const providerNoShow = sql`(${bookings.status} = 'NO_SHOW' and ${bookings.noShowParty} = 'PROVIDER')`;
  const stats = await db
    .select({
      providerId: bookings.providerId,
      completed: sql<number>`count(*) filter (where ${bookings.status} = 'COMPLETED')`.mapWith(Number),
      accepted: sql<number>`count(*) filter (where ${bookings.confirmedAt} is not null
        or ${bookings.status} in ('IN_PROGRESS', 'COMPLETED', 'NO_SHOW', 'DISPUTED'))`.mapWith(Number),
      cancellations: sql<number>`count(*) filter (where ${providerCancelled} or ${providerNoShow})`.mapWith(Number),
      avgResponseSec: sql<string | null>`avg(${bookings.responseTimeSec})`,
    })
    .from(bookings)
    .where(inArray(bookings.providerId, providerIds))
    .groupBy(bookings.providerId);
  const statsBy = new Map(stats.map((s) => [s.providerId, s]));

  const published = await db
    .select({ providerId: reviews.providerId, overallRating: reviews.overallRating, createdAt: reviews.createdAt })
    .from(reviews)
    .where(and(inArray(reviews.providerId, providerIds), eq(reviews.isPublished, true)));
  const reviewsBy = new Map<string, ReputationFacts['reviews']>();
  for (const r of published) {
    const list = reviewsBy.get(r.providerId) ?? [];
    list.push({ overallRating: r.overallRating, createdAt: r.createdAt });
    reviewsBy.set(r.providerId, list);
  }

  for (const p of profiles) {
    const s = statsBy.get(p.id);
    const avgSec = s?.avgResponseSec != null ? Number(s.avgResponseSec) : p.responseTimeSec;
    out.set(p.id, {
      reviews: reviewsBy.get(p.id) ?? [],
      completedJobs: Math.max(p.completedJobs, s?.completed ?? 0),
      avgResponseMinutes: avgSec == null ? null : avgSec / 60,
      aadhaarVerified: p.aadhaarVerified,
      backgroundVerified: p.backgroundVerified,
      acceptedBookings: s?.accepted ?? 0,
      providerCancellations: s?.cancellations ?? 0,
    });
  }
  return out;
}

export async function saveReputationScore(db: Executor, providerId: string, score: number): Promise<void> {
  // Skips unchanged rows so the nightly run does not touch every provider's updatedAt.
  await db
    .update(providerProfiles)
    .set({ reputationScore: score })
    .where(and(eq(providerProfiles.id, providerId), ne(providerProfiles.reputationScore, score)));
}

export async function findStoredScore(db: Executor, providerId: string): Promise<number | null> {
  const [row] = await db
    .select({ score: providerProfiles.reputationScore })
    .from(providerProfiles)
    .where(eq(providerProfiles.id, providerId));
  return row ? row.score : null;
}

/** APPROVED providers in id order, for the nightly batch (keyset pagination). */
export async function listApprovedProviderIds(db: Executor, afterId: string | null, limit: number): Promise<string[]> {
  const rows = await db
    .select({ id: providerProfiles.id })
    .from(providerProfiles)
    .where(and(eq(providerProfiles.status, 'APPROVED'), afterId ? gt(providerProfiles.id, afterId) : undefined))
    .orderBy(asc(providerProfiles.id))
    .limit(limit);
  return rows.map((r) => r.id);
}
