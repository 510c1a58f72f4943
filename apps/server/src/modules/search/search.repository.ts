import { and, eq } from 'drizzle-orm';
import type { Database, Executor } from '../../db/client';
import type { PriceItem, TimeOff, WorkingHours } from '../providers/providers.tables';
import { searchImpressions, searchLogs, searchSelections } from './search.tables';

export interface GeoQuery {
  lat: number;
  lng: number;
  /** Outer search radius in km: the customer's maxDistanceKm or the default. */
  radiusKm: number;
  categoryId?: string | null;
  /** Only providers that list this sub-category (an explicit filter). */
  subCategoryId?: string | null;
  minRating?: number;
  verifiedOnly?: boolean;
  /** Free text matched on business name and description (full text or trigram similarity). */
  text?: string | null;
}

export interface CandidateRow {
  id: string;
  businessName: string | null;
  description: string | null;
  city: string | null;
  categoryId: string | null;
  subCategoryIds: string[];
  averageRating: number;
  ratingCount: number;
  completedJobs: number;
  aadhaarVerified: boolean;
  backgroundVerified: boolean;
  responseTime: number | null;
  reputationScore: number;
  languages: string[];
  pricing: PriceItem[];
  workingHours: WorkingHours | null;
  timeOff: TimeOff[];
  baseLat: number;
  baseLng: number;
  distanceKm: number;
}

/**
 * Providers whose base is within their own service radius of the point and within the search radius.
 * earth_box(...) @> ll_to_earth(...) uses the GiST index provider_profiles_geo_idx; earth_distance then
 * trims the box's corners to the exact circle. Returns the SQL and values so the bench and EXPLAIN
 * run exactly the same statement.
 */
export function geoCandidatesSql(q: GeoQuery): { text: string; values: unknown[] } {
  const values: unknown[] = [q.lat, q.lng, q.radiusKm * 1000];
  const where = [
    'earth_box(ll_to_earth($1, $2), $3) @> ll_to_earth(p.base_lat, p.base_lng)',
    'earth_distance(ll_to_earth($1, $2), ll_to_earth(p.base_lat, p.base_lng)) <= least(p.service_radius_km * 1000, $3)',
    "p.status = 'APPROVED'",
    'p.is_active',
    "u.status = 'ACTIVE'",
  ];
  if (q.categoryId) {
    values.push(q.categoryId);
    where.push(`p.category_id = $${values.length}`);
  }
  if (q.subCategoryId) {
    values.push(JSON.stringify([q.subCategoryId]));
    where.push(`p.sub_category_ids @> $${values.length}::jsonb`);
  }
  if (q.minRating !== undefined && q.minRating > 0) {
    values.push(q.minRating);
    where.push(`p.average_rating >= $${values.length}`);
  }
  if (q.verifiedOnly) where.push('p.aadhaar_verified');
  const text = `SELECT p.id, p.business_name AS "businessName", p.description, p.city, p.category_id AS "categoryId",
  p.sub_category_ids AS "subCategoryIds", p.average_rating::float8 AS "averageRating", p.rating_count AS "ratingCount",
  p.completed_jobs AS "completedJobs", p.aadhaar_verified AS "aadhaarVerified", p.background_verified AS "backgroundVerified",
  p.response_time AS "responseTime", p.reputation_score::float8 AS "reputationScore", p.languages, p.pricing,
  p.working_hours AS "workingHours", p.time_off AS "timeOff", p.base_lat AS "baseLat", p.base_lng AS "baseLng",
  earth_distance(ll_to_earth($1, $2), ll_to_earth(p.base_lat, p.base_lng)) / 1000.0 AS "distanceKm"
FROM provider_profiles p JOIN users u ON u.id = p.user_id
WHERE ${where.join('\n  AND ')}`;
  if (!q.text) return { text, values };
  // Text match on the geo candidates only (MATERIALIZED keeps the GiST geo scan first): full-text words,
  // or trigram similarity of the business name for typos and Hinglish spellings.
  values.push(q.text);
  const n = values.length;
  return {
    text: `WITH near AS MATERIALIZED (${text})
SELECT * FROM near
WHERE to_tsvector('simple', coalesce("businessName", '') || ' ' || coalesce(description, '')) @@ plainto_tsquery('simple', $${n})
   OR similarity(coalesce("businessName", ''), $${n}) > 0.3`,
    values,
  };
}

export interface BusyRow {
  providerId: string;
  start: Date;
  end: Date;
  slotEnd: Date;
  lat: number;
  lng: number;
}

export function createSearchRepository(database: Database) {
  return {
    async geoCandidates(q: GeoQuery): Promise<CandidateRow[]> {
      const { text, values } = geoCandidatesSql(q);
      const { rows } = await database.query<CandidateRow>(text, values);
      return rows;
    },

    /** Active bookings of these providers overlapping [from, until): one query for the whole batch. */
    async busyBookings(providerIds: string[], from: Date, until: Date): Promise<BusyRow[]> {
      if (providerIds.length === 0) return [];
      const { rows } = await database.query<BusyRow>(
        `SELECT provider_id AS "providerId", scheduled_start AS "start", scheduled_end AS "end", upper(slot) AS "slotEnd",
                service_lat AS "lat", service_lng AS "lng"
           FROM bookings
          WHERE provider_id = ANY($1::uuid[]) AND status IN ('PENDING', 'CONFIRMED', 'IN_PROGRESS')
            AND scheduled_start < $3 AND upper(slot) > $2`,
        [providerIds, from.toISOString(), until.toISOString()],
      );
      return rows.map((r) => ({ ...r, start: new Date(r.start), end: new Date(r.end), slotEnd: new Date(r.slotEnd) }));
    },

    /** Providers this customer booked, completed and rated 4★ or more. */
    async goodPastProviders(customerId: string): Promise<Set<string>> {
      const { rows } = await database.query<{ providerId: string }>(
        `SELECT DISTINCT b.provider_id AS "providerId"
           FROM bookings b JOIN reviews r ON r.booking_id = b.id
          WHERE b.customer_id = $1 AND b.status = 'COMPLETED' AND r.overall_rating >= 4`,
        [customerId],
      );
      return new Set(rows.map((r) => r.providerId));
    },

    async insertLog(ex: Executor, values: typeof searchLogs.$inferInsert) {
      const [row] = await ex.insert(searchLogs).values(values).returning({ id: searchLogs.id });
      return row!.id;
    },
    async findLog(ex: Executor, id: string) {
      const [row] = await ex.select().from(searchLogs).where(eq(searchLogs.id, id)).limit(1);
      return row ?? null;
    },
    async insertImpressions(ex: Executor, rows: (typeof searchImpressions.$inferInsert)[]) {
      if (rows.length) await ex.insert(searchImpressions).values(rows).onConflictDoNothing();
    },
    async findImpression(ex: Executor, searchId: string, providerId: string) {
      const [row] = await ex
        .select()
        .from(searchImpressions)
        .where(and(eq(searchImpressions.searchId, searchId), eq(searchImpressions.providerId, providerId)))
        .limit(1);
      return row ?? null;
    },
    async insertSelection(ex: Executor, values: typeof searchSelections.$inferInsert) {
      const [row] = await ex.insert(searchSelections).values(values).returning();
      return row!;
    },
  };
}
export type SearchRepository = ReturnType<typeof createSearchRepository>;
