import { and, eq } from 'drizzle-orm';
import type { Database, Executor } from '../../db/client';
import { EARTHDISTANCE_RADIUS_KM } from '../../lib/geo';
import type { PriceItem, TimeOff, WorkingHours } from '../providers/providers.tables';
import { availabilityPoints, upperBoundSql } from './match-score';
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
  /** Only providers with a listed price at most this (paise), for `priceSubCategoryId` when given. */
  maxPrice?: number;
  priceSubCategoryId?: string | null;
  /** Free text matched on business name and description (full text or trigram similarity). */
  text?: string | null;
  /** For personalisation: does the provider list this sub-category / speak this language. */
  specialityId?: string | null;
  language?: string | null;
}

/** What ranking needs for every candidate: the score inputs except availability. Narrow on purpose. */
export interface CandidateRow {
  id: string;
  averageRating: number;
  ratingCount: number;
  aadhaarVerified: boolean;
  backgroundVerified: boolean;
  responseTime: number | null;
  reputationScore: number;
  /** Lists the requested sub-category (false when none was requested). */
  specialist: boolean;
  /** Speaks the signed-in customer's language (false when anonymous). */
  speaksLanguage: boolean;
  distanceKm: number;
  /** Weekdays with working time, bit 0 = Sunday (provider_profiles.working_days). */
  workingDays: number;
}

/**
 * What availability and the result card need, read only for the candidates that are scored exactly
 * (a batch of the best upper bounds), never for the whole candidate set.
 */
export interface CalendarRow extends CardRow {
  pricing: PriceItem[];
  workingHours: WorkingHours | null;
  timeOff: TimeOff[];
  baseLat: number;
  baseLng: number;
  busy: BusyRow[];
}

/** What a result card shows besides the score inputs. */
export interface CardRow {
  id: string;
  businessName: string | null;
  description: string | null;
  city: string | null;
  categoryId: string | null;
  completedJobs: number;
  languages: string[];
}

export interface BusyRow {
  start: Date;
  end: Date;
  slotEnd: Date;
  lat: number;
  lng: number;
}

/**
 * Great-circle metres from ($1, $2) to the provider's base: haversine on earthdistance's sphere, the same
 * formula as haversineKm (which gives each result's distance). Plain float arithmetic: earth_distance(
 * ll_to_earth(…), ll_to_earth(…)) gives the same distance but builds two `earth` cubes per row and checks
 * the domain's constraints on each, which made it half of the candidate statement's time (4 ms of 8 for
 * ≈ 2,600 rows on 100k providers, see bench/results/search-postgres.md).
 */
const HAVERSINE_M = `2 * ${EARTHDISTANCE_RADIUS_KM * 1000} * asin(least(1, sqrt(
    power(sin(radians(p.base_lat - $1) / 2), 2) + cos(radians($1)) * cos(radians(p.base_lat)) * power(sin(radians(p.base_lng - $2) / 2), 2))))`;

export interface TextMatchOptions {
  /** Match free text through the GIN indexes (PostgreSQL; see geoCandidatesSql). */
  textIndexes?: boolean;
}

/**
 * Providers whose base is within their own service radius of the point and within the search radius.
 * `earth_box(...) @> ll_to_earth(...)` is answered by a GiST index: with a category, by
 * provider_profiles_search_idx (category_id, ll_to_earth(base)) over approved, active providers,
 * which also carries every column selected here, so the scan never visits the table; without one,
 * by provider_profiles_geo_idx. The box is no wider than the largest service radius any approved
 * provider has (a provider can only match within its own radius). The haversine distance then trims
 * the box's corners to the exact circle. Accounts that are not ACTIVE are excluded through the small
 * partial index users_not_active_idx. Returns the SQL and values so the bench and EXPLAIN run
 * exactly the same statement.
 */
export function geoCandidatesSql(q: GeoQuery, opts: TextMatchOptions = {}): { text: string; values: unknown[] } {
  const values: unknown[] = [q.lat, q.lng, q.radiusKm * 1000];
  const where = [
    `earth_box(ll_to_earth($1, $2), least($3, (SELECT max(service_radius_km) * 1000 FROM provider_profiles
       WHERE status = 'APPROVED' AND is_active))) @> ll_to_earth(p.base_lat, p.base_lng)`,
    `${HAVERSINE_M} <= least(p.service_radius_km * 1000, $3)`,
    "p.status = 'APPROVED'",
    'p.is_active',
    "p.user_id NOT IN (SELECT id FROM users WHERE status <> 'ACTIVE')",
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
  if (q.maxPrice !== undefined) {
    values.push(q.maxPrice);
    const max = values.length;
    let forSub = '';
    if (q.priceSubCategoryId) {
      values.push(q.priceSubCategoryId);
      forSub = ` AND i->>'subCategoryId' = $${values.length}`;
    }
    where.push(`EXISTS (SELECT 1 FROM jsonb_array_elements(p.pricing) i WHERE (i->>'amountPaise')::numeric <= $${max}${forSub})`);
  }
  values.push(JSON.stringify(q.specialityId ? [q.specialityId] : []), JSON.stringify(q.language ? [q.language] : []));
  const [speciality, language] = [values.length - 1, values.length];
  // Numerics as PostgreSQL writes them (converting them cost more than the rest of the select list).
  const columns = `p.id, p.average_rating AS "averageRating", p.rating_count AS "ratingCount",
  p.aadhaar_verified AS "aadhaarVerified", p.background_verified AS "backgroundVerified", p.response_time AS "responseTime",
  p.reputation_score AS "reputationScore",
  $${speciality}::jsonb <> '[]' AND p.sub_category_ids @> $${speciality}::jsonb AS specialist,
  $${language}::jsonb <> '[]' AND p.languages @> $${language}::jsonb AS "speaksLanguage",
  p.working_days AS "workingDays", ${HAVERSINE_M} AS "distanceM"`;
  const from = `FROM provider_profiles p
WHERE ${where.join('\n  AND ')}`;
  if (!q.text) return { text: `SELECT ${columns}\n${from}`, values };
  // Full-text words, or trigram similarity of the business name for typos and Hinglish spellings.
  values.push(q.text);
  const n = values.length;
  if (opts.textIndexes) {
    // PostgreSQL: the same test in the shape of the GIN indexes (provider_profiles_fts_idx, _name_trgm_idx),
    // so the planner intersects them with the geo index instead of testing every provider of the area (a name
    // search without a category in a city of 100k providers: 320 → 30 ms). `%` is pg_trgm's similarity above
    // its threshold (0.3 unless configured otherwise); the explicit test keeps 0.3 exact either way.
    return {
      text: `SELECT ${columns}\n${from}
  AND (to_tsvector('simple', coalesce(p.business_name, '') || ' ' || coalesce(p.description, '')) @@ plainto_tsquery('simple', $${n})
       OR (p.business_name % $${n} AND similarity(p.business_name, $${n}) > 0.3))`,
      values,
    };
  }
  // Otherwise (PGlite) on the geo candidates only: MATERIALIZED keeps the GiST geo scan first and PGlite off
  // the GIN indexes, which can answer nothing on a database loaded from a dump.
  return {
    text: `WITH near AS MATERIALIZED (SELECT ${columns}, p.business_name AS "businessName", p.description
${from})
SELECT id, "averageRating", "ratingCount", "aadhaarVerified", "backgroundVerified", "responseTime", "reputationScore",
  specialist, "speaksLanguage", "workingDays", "distanceM"
FROM near
WHERE to_tsvector('simple', coalesce("businessName", '') || ' ' || coalesce(description, '')) @@ plainto_tsquery('simple', $${n})
   OR similarity(coalesce("businessName", ''), $${n}) > 0.3`,
    values,
  };
}

export interface SearchLogInsert {
  id: string;
  userId: string | null;
  query: string;
  language: string;
  interpretation: Record<string, unknown>;
  filters: Record<string, unknown>;
  lat: number;
  lng: number;
  locationText: string | null;
  searchedAt: Date;
  resultCount: number;
}
export interface Impression {
  providerId: string;
  rank: number;
  matchScore: number;
}
const impressionArrays = (rows: Impression[]) => [
  rows.map((r) => r.providerId),
  rows.map((r) => r.rank),
  rows.map((r) => r.matchScore),
];

const ACTIVE_BOOKING = "('PENDING', 'CONFIRMED', 'IN_PROGRESS')";

/**
 * The select list of a provider's calendar and card (`p` = provider_profiles): working hours, time off,
 * base, prices, card fields and its active bookings overlapping [from, until) (SQL expressions).
 */
const calendarColumns = (from: string, until: string) => `p.pricing, p.working_hours AS "workingHours", p.time_off AS "timeOff",
  p.base_lat AS "baseLat", p.base_lng AS "baseLng", p.business_name AS "businessName", p.description,
  p.city, p.category_id AS "categoryId", p.completed_jobs AS "completedJobs", p.languages,
  coalesce((SELECT json_agg(json_build_object('start', b.scheduled_start, 'end', b.scheduled_end,
                     'slotEnd', upper(b.slot), 'lat', b.service_lat, 'lng', b.service_lng))
              FROM bookings b
             WHERE b.provider_id = p.id AND b.status IN ${ACTIVE_BOOKING}
               AND b.scheduled_start < ${until} AND upper(b.slot) > ${from}), '[]'::json) AS busy`;

type CalendarSqlRow = Omit<CalendarRow, 'busy'> & { busy: Record<keyof BusyRow, string | number>[] };
const toCalendar = (r: CalendarSqlRow): CalendarRow => ({
  id: r.id,
  pricing: r.pricing,
  workingHours: r.workingHours,
  timeOff: r.timeOff,
  baseLat: r.baseLat,
  baseLng: r.baseLng,
  businessName: r.businessName,
  description: r.description,
  city: r.city,
  categoryId: r.categoryId,
  completedJobs: r.completedJobs,
  languages: r.languages,
  busy: r.busy.map((b) => ({
    start: new Date(b.start),
    end: new Date(b.end),
    slotEnd: new Date(b.slotEnd),
    lat: Number(b.lat),
    lng: Number(b.lng),
  })),
});

/** How the candidate statement ranks: by the match score's upper bound, best first, `limit` at a time. */
export interface RankQuery {
  /** availabilityWeekdays of the requested time (bit 0 = Sunday). */
  freeDays: number;
  sameDays: number;
  /** The signed-in customer, for the points of a provider they rated 4★ or more before. */
  customerId: string | null;
  limit: number;
  /** Continue after this row of the previous call (keyset on bound, id). */
  after?: { bound: number; id: string };
  /**
   * Also read the calendars (busy within [from, until)) of the slice's candidates whose working days leave
   * them possibly available then, the ones search must check: one round trip for the slice.
   */
  calendars?: { from: Date; until: Date };
}

/** A candidate with the unrounded SQL upper bound it was ranked by. */
export interface RankedRow extends CandidateRow {
  goodPast: boolean;
  bound: number;
}

/**
 * The candidates of geoCandidatesSql ranked by upperBoundSql (the score each could reach if as available as
 * its working days allow), best first, `limit` of them, with the number of all candidates. Ranking in the
 * database sends a few dozen rows instead of every candidate (≈ 1,200–1,600 in a city of 100k providers),
 * whose transfer and parsing was most of the search's own time.
 */
export function rankedCandidatesSql(q: GeoQuery, r: RankQuery, opts: TextMatchOptions = {}): { text: string; values: unknown[] } {
  const { text, values } = geoCandidatesSql(q, opts);
  const param = (v: unknown) => {
    values.push(v);
    return `$${values.length}`;
  };
  const good = r.customerId
    ? `,
good AS (
  SELECT DISTINCT b.provider_id FROM bookings b JOIN reviews rv ON rv.booking_id = b.id
   WHERE b.customer_id = ${param(r.customerId)} AND b.status = 'COMPLETED' AND rv.overall_rating >= 4)`
    : '';
  const goodPast = r.customerId ? 'cand.id IN (SELECT provider_id FROM good)' : 'false';
  const [free, same] = [param(r.freeDays), param(r.sameDays)];
  const bound = upperBoundSql({
    averageRating: 'f."averageRating"',
    ratingCount: 'f."ratingCount"',
    aadhaarVerified: 'f."aadhaarVerified"',
    backgroundVerified: 'f."backgroundVerified"',
    responseTimeSec: 'f."responseTime"',
    distanceKm: 'f."distanceM" / 1000',
    radiusKm: `${param(q.radiusKm)}::float8`,
    availabilityPoints: `CASE WHEN f."workingDays" & ${free} <> 0 THEN ${availabilityPoints('free')} WHEN f."workingDays" & ${same} <> 0 THEN ${availabilityPoints('same-day')} ELSE 0 END`,
    goodPastBooking: 'f."goodPast"',
    specialist: 'f.specialist',
    languageMatch: 'f."speaksLanguage"',
    reputationScore: 'f."reputationScore"',
  });
  const after = r.after
    ? `\nWHERE bound < ${param(r.after.bound)}::float8 OR (bound = $${values.length}::float8 AND id > ${param(r.after.id)}::uuid)`
    : '';
  const slice = `SELECT ranked.*, (SELECT count(*) FROM cand)::int AS total
FROM ranked${after}
ORDER BY bound DESC, id
LIMIT ${param(r.limit)}`;
  const head = `WITH cand AS MATERIALIZED (
${text}
)${good},
flagged AS (SELECT cand.*, ${goodPast} AS "goodPast" FROM cand),
ranked AS (SELECT f.*, ${bound} AS bound FROM flagged f)`;
  if (!r.calendars) return { text: `${head}\n${slice}`, values };
  const [from, until] = [param(r.calendars.from.toISOString()), param(r.calendars.until.toISOString())];
  return {
    text: `${head},
slice AS (${slice})
SELECT slice.*, cal.* FROM slice
LEFT JOIN LATERAL (SELECT p.id AS "calendarId", ${calendarColumns(`${from}::timestamptz`, `${until}::timestamptz`)}
                     FROM provider_profiles p
                    WHERE p.id = slice.id AND slice."workingDays" & (${free} | ${same}) <> 0) cal ON true
ORDER BY slice.bound DESC, slice.id`,
    values,
  };
}

/** A ranked candidate as the statement returns it: numerics as text, the distance in metres. */
type RankedSqlRow = Omit<RankedRow, 'averageRating' | 'reputationScore' | 'distanceKm'> & {
  averageRating: string | number;
  reputationScore: string | number;
  distanceM: number;
  total: number;
} & ({ calendarId: null } | (Omit<CalendarSqlRow, 'id'> & { calendarId: string }));

export function createSearchRepository(database: Database) {
  const textMatch: TextMatchOptions = { textIndexes: database.kind === 'postgres' };
  return {
    /** One slice of the ranked candidates (rankedCandidatesSql) and how many candidates there are in all. */
    async rankedCandidates(q: GeoQuery, r: RankQuery): Promise<{ rows: RankedRow[]; total: number; calendars: CalendarRow[] }> {
      const { text, values } = rankedCandidatesSql(q, r, textMatch);
      const { rows } = await database.query<RankedSqlRow>(text, values);
      return {
        total: rows[0]?.total ?? 0,
        calendars: rows.flatMap((row) => (row.calendarId ? [toCalendar({ ...row, id: row.calendarId })] : [])),
        rows: rows.map((row) => ({
          id: row.id,
          averageRating: Number(row.averageRating),
          ratingCount: row.ratingCount,
          aadhaarVerified: row.aadhaarVerified,
          backgroundVerified: row.backgroundVerified,
          responseTime: row.responseTime,
          reputationScore: Number(row.reputationScore),
          specialist: row.specialist,
          speaksLanguage: row.speaksLanguage,
          distanceKm: row.distanceM / 1000,
          workingDays: row.workingDays,
          goodPast: row.goodPast,
          bound: row.bound,
        })),
      };
    },

    /**
     * Calendars of these providers (working hours, time off, base, prices) with their active bookings
     * overlapping [from, until): one query for the whole batch.
     */
    async calendars(providerIds: string[], from: Date, until: Date): Promise<CalendarRow[]> {
      if (providerIds.length === 0) return [];
      const { rows } = await database.query<CalendarSqlRow>(
        `SELECT p.id, ${calendarColumns('$2', '$3')} FROM provider_profiles p WHERE p.id = ANY($1::uuid[])`,
        [providerIds, from.toISOString(), until.toISOString()],
      );
      return rows.map(toCalendar);
    },

    /**
     * The search log row and the impressions of its first page in one statement (one round trip; the
     * foreign key is checked at the statement's end, when the log row exists). Committed without
     * waiting for the WAL flush (synchronous_commit off for this transaction only): the rows are
     * visible at once, and a database crash can lose only the last moments of search analytics.
     */
    async recordSearch(log: SearchLogInsert, impressions: Impression[]): Promise<void> {
      await database.query(
        `WITH async_commit AS (SELECT set_config('synchronous_commit', 'off', true)),
         log AS (
           INSERT INTO search_logs (id, user_id, query, language, interpretation, filters, lat, lng, location_text,
                                    searched_at, result_count)
           SELECT $1, $2, $3, $4, $5::jsonb, $6::jsonb, $7, $8, $9, $10, $11 FROM async_commit
         )
         INSERT INTO search_impressions (search_id, provider_id, rank, match_score)
         SELECT $1, x.provider_id, x.rank, x.match_score
           FROM unnest($12::uuid[], $13::int[], $14::real[]) AS x(provider_id, rank, match_score)`,
        [
          log.id,
          log.userId,
          log.query,
          log.language,
          JSON.stringify(log.interpretation),
          JSON.stringify(log.filters),
          log.lat,
          log.lng,
          log.locationText,
          log.searchedAt.toISOString(),
          log.resultCount,
          ...impressionArrays(impressions),
        ],
      );
    },
    /** Impressions of a later page (a provider already shown for this search keeps its first rank). */
    async recordImpressions(searchId: string, impressions: Impression[]): Promise<void> {
      if (impressions.length === 0) return;
      await database.query(
        `WITH async_commit AS (SELECT set_config('synchronous_commit', 'off', true))
         INSERT INTO search_impressions (search_id, provider_id, rank, match_score)
         SELECT $1, x.provider_id, x.rank, x.match_score
           FROM unnest($2::uuid[], $3::int[], $4::real[]) AS x(provider_id, rank, match_score), async_commit
         ON CONFLICT DO NOTHING`,
        [searchId, ...impressionArrays(impressions)],
      );
    },
    async findLog(ex: Executor, id: string) {
      const [row] = await ex.select().from(searchLogs).where(eq(searchLogs.id, id)).limit(1);
      return row ?? null;
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
