import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../../test/database';
import type { Database } from '../../db/client';
import type { WeeklyHours } from '../bookings/availability';
import { createSearchRepository, type GeoQuery, geoCandidatesSql, rankedCandidatesSql } from './search.repository';
import { workingDaysMask } from './search-availability';

/** earthdistance's sphere: earth() = 6378168 m. */
const EARTH_KM = 6378.168;
function haversineKm(a: { lat: number; lng: number }, b: { lat: number; lng: number }): number {
  const r = Math.PI / 180;
  const h =
    Math.sin(((b.lat - a.lat) * r) / 2) ** 2 +
    Math.cos(a.lat * r) * Math.cos(b.lat * r) * Math.sin(((b.lng - a.lng) * r) / 2) ** 2;
  return 2 * EARTH_KM * Math.asin(Math.min(1, Math.sqrt(h)));
}

let database: Database;
let phone = 0;
/** Every candidate of the statement search runs (one slice large enough for all of them). */
const allCandidates = async (q: GeoQuery) =>
  (await createSearchRepository(database).rankedCandidates(q, { freeDays: 0, sameDays: 0, customerId: null, limit: 100_000 }))
    .rows;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => {
  await database?.close();
});

interface P {
  lat: number;
  lng: number;
  radiusKm: number;
  status: 'APPROVED' | 'SUSPENDED' | 'PENDING_REVIEW';
  isActive: boolean;
  userActive: boolean;
}

async function insertProviders(ps: P[]): Promise<string[]> {
  const ids: string[] = [];
  for (const p of ps) {
    phone++;
    const { rows } = await database.query<{ id: string }>(
      `WITH u AS (INSERT INTO users (phone, role, status) VALUES ($1, 'PROVIDER', $2) RETURNING id)
       INSERT INTO provider_profiles (user_id, status, is_active, base_lat, base_lng, service_radius_km)
       SELECT id, $3, $4, $5, $6, $7 FROM u RETURNING id`,
      [
        `+9188${String(phone).padStart(8, '0')}`,
        p.userActive ? 'ACTIVE' : 'BANNED',
        p.status,
        p.isActive,
        p.lat,
        p.lng,
        p.radiusKm,
      ],
    );
    ids.push(rows[0]!.id);
  }
  return ids;
}

const center = { lat: 26.85, lng: 80.95 };
const providerArb = fc.record({
  lat: fc.double({ min: center.lat - 0.6, max: center.lat + 0.6, noNaN: true }),
  lng: fc.double({ min: center.lng - 0.6, max: center.lng + 0.6, noNaN: true }),
  radiusKm: fc.double({ min: 0.5, max: 50, noNaN: true }),
  status: fc.constantFrom('APPROVED' as const, 'APPROVED' as const, 'SUSPENDED' as const, 'PENDING_REVIEW' as const),
  isActive: fc.constantFrom(true, true, true, false),
  userActive: fc.constantFrom(true, true, true, false),
});

describe('geo candidates equal a brute-force haversine scan', () => {
  it('for random providers, points and search radii', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(providerArb, { minLength: 1, maxLength: 25 }),
        fc.record({
          lat: fc.double({ min: center.lat - 0.4, max: center.lat + 0.4, noNaN: true }),
          lng: fc.double({ min: center.lng - 0.4, max: center.lng + 0.4, noNaN: true }),
          radiusKm: fc.double({ min: 0.5, max: 50, noNaN: true }),
        }),
        async (ps, q) => {
          await database.query('DELETE FROM provider_profiles');
          await database.query(`DELETE FROM users WHERE phone LIKE '+9188%'`);
          const ids = await insertProviders(ps);
          const got = new Map((await allCandidates(q)).map((r) => [r.id, r.distanceKm]));
          for (const [i, p] of ps.entries()) {
            const d = haversineKm(q, p);
            const limit = Math.min(p.radiusKm, q.radiusKm);
            if (Math.abs(d - limit) < 0.001) continue; // on the boundary: float rounding may go either way
            const expected = d <= limit && p.status === 'APPROVED' && p.isActive && p.userActive;
            expect(got.has(ids[i]!), `provider ${i} at ${d.toFixed(3)} km, limit ${limit.toFixed(3)}`).toBe(expected);
            if (expected) expect(got.get(ids[i]!)!).toBeCloseTo(d, 3);
          }
        },
      ),
      { numRuns: 30 },
    );
  });

  it('at city scale the GiST indexes answer the query, with the same rows as a brute-force scan', async () => {
    await database.query('DELETE FROM provider_profiles');
    await database.query(`DELETE FROM users WHERE phone LIKE '+9187%'`);
    const { rows: cats } = await database.query<{ id: string }>(
      `INSERT INTO categories (slug, name, name_translations, icon)
       SELECT 'geo-test-' || g, 'Geo test ' || g, '{"en":"Geo test","hi":"जियो टेस्ट"}'::jsonb, 'wrench'
         FROM generate_series(1, 4) g RETURNING id`,
    );
    // 4,000 providers over ±0.3° around the centre, four categories, radii 2–20 km, a few inactive or banned
    await database.query(
      `WITH u AS (
         INSERT INTO users (phone, role, status)
         SELECT '+9187' || lpad(g::text, 8, '0'), 'PROVIDER', CASE WHEN g % 97 = 0 THEN 'BANNED'::user_status ELSE 'ACTIVE' END
           FROM generate_series(1, 4000) g RETURNING id, phone)
       INSERT INTO provider_profiles (user_id, status, is_active, category_id, base_lat, base_lng, service_radius_km)
       SELECT u.id, CASE WHEN n % 13 = 0 THEN 'SUSPENDED'::provider_status ELSE 'APPROVED' END, n % 17 <> 0,
              ($1::uuid[])[1 + n % 4], $2 + 0.3 * sin(n * 12.9898), $3 + 0.3 * cos(n * 78.233), 2 + (n * 7) % 19
         FROM (SELECT id, right(phone, 8)::int AS n FROM u) u`,
      [cats.map((c) => c.id), center.lat, center.lng],
    );
    await database.query('VACUUM ANALYZE provider_profiles');
    await database.query('ANALYZE users');
    const all = (
      await database.query<P & { id: string; categoryId: string }>(
        `SELECT p.id, p.category_id AS "categoryId", p.base_lat AS lat, p.base_lng AS lng, p.service_radius_km AS "radiusKm",
                p.status, p.is_active AS "isActive", u.status = 'ACTIVE' AS "userActive"
           FROM provider_profiles p JOIN users u ON u.id = p.user_id`,
      )
    ).rows;
    const explain = async (sql: { text: string; values: unknown[] }) =>
      (await database.query(`EXPLAIN ${sql.text}`, sql.values)).rows.map((r) => String(r['QUERY PLAN'])).join('\n');
    for (const [k, q] of [
      { lat: center.lat, lng: center.lng, radiusKm: 25, categoryId: cats[0]!.id },
      { lat: center.lat + 0.1, lng: center.lng - 0.1, radiusKm: 10, categoryId: cats[2]!.id },
      { lat: center.lat, lng: center.lng, radiusKm: 15 },
    ].entries()) {
      const plan = await explain(rankedCandidatesSql(q, { freeDays: 127, sameDays: 127, customerId: null, limit: 41 }));
      // with a category: the covering (category, point) index; without: either GiST index on the point
      expect(plan, plan).toMatch(
        q.categoryId ? /Index Only Scan using provider_profiles_search_idx/ : /provider_profiles_(search|geo)_idx/,
      );
      const got = new Set((await allCandidates(q)).map((r) => r.id));
      const expected = all.filter((p) => {
        const d = haversineKm(q, p);
        return (
          d <= Math.min(p.radiusKm, q.radiusKm) &&
          Math.abs(d - Math.min(p.radiusKm, q.radiusKm)) > 0.001 &&
          p.status === 'APPROVED' &&
          p.isActive &&
          p.userActive &&
          (!q.categoryId || p.categoryId === q.categoryId)
        );
      });
      expect(expected.length, `query ${k} should find someone`).toBeGreaterThan(10);
      for (const p of expected) expect(got.has(p.id), `query ${k}: provider ${p.id}`).toBe(true);
      expect(got.size - expected.length).toBeLessThanOrEqual(1); // at most a boundary case
    }
  });
});

describe('free-text match', () => {
  it.skipIf(process.env.DATABASE_URL === undefined)(
    'on PostgreSQL, through the GIN indexes: the same providers as testing every candidate',
    async () => {
      await database.query('DELETE FROM provider_profiles');
      await database.query(`DELETE FROM users WHERE phone LIKE '+9185%'`);
      const names = ['Sharma Electricals', 'Kapoor Brothers Plumbing', 'Sharmaa Repairs', 'Verma AC Care', null];
      const descriptions = ['Wiring and fan repair', 'Leaking taps fixed fast', null, 'Split AC service, gas refill'];
      await database.query(
        `WITH u AS (
           INSERT INTO users (phone, role, status)
           SELECT '+9185' || lpad(g::text, 8, '0'), 'PROVIDER', 'ACTIVE' FROM generate_series(1, 600) g RETURNING id, phone)
         INSERT INTO provider_profiles (user_id, status, is_active, base_lat, base_lng, service_radius_km, business_name, description)
         SELECT u.id, 'APPROVED', true, $1 + 0.2 * sin(n * 3.1), $2 + 0.2 * cos(n * 1.7), 5 + n % 20,
                ($3::text[])[1 + n % 5] || CASE WHEN n % 7 = 0 THEN ' ' || n ELSE '' END, ($4::text[])[1 + n % 4]
           FROM (SELECT id, right(phone, 8)::int AS n FROM u) u`,
        [center.lat, center.lng, names, descriptions],
      );
      await database.query('ANALYZE provider_profiles');
      for (const text of ['sharma', 'sharmaa electricls', 'kapoor brother', 'verma ac kare', 'repair', 'gas refill', 'zzz']) {
        const q = { ...center, radiusKm: 20, text };
        const ids = async (sql: { text: string; values: unknown[] }) =>
          new Set((await database.query<{ id: string }>(sql.text, sql.values)).rows.map((r) => r.id));
        const viaIndexes = await ids(geoCandidatesSql(q, { textIndexes: true }));
        expect(viaIndexes, text).toEqual(await ids(geoCandidatesSql(q)));
        if (text !== 'zzz') expect(viaIndexes.size, text).toBeGreaterThan(0);
      }
    },
  );
});

describe('working days column', () => {
  const hm = fc.integer({ min: 0, max: 48 }).map((h) => `${String(Math.floor(h / 2)).padStart(2, '0')}:${h % 2 ? '30' : '00'}`);
  const weekly = fc
    .array(fc.array(fc.record({ start: hm, end: hm }), { maxLength: 2 }), { minLength: 7, maxLength: 7 })
    .map((days): WeeklyHours => Object.fromEntries(days.map((shifts, d) => [String(d), shifts])));
  it('the database derives the same weekdays with working time as search’s rule, overnight shifts included (property)', async () => {
    const [id] = await insertProviders([{ ...center, radiusKm: 5, status: 'APPROVED', isActive: true, userActive: true }]);
    await fc.assert(
      fc.asyncProperty(fc.option(weekly, { nil: null }), async (hours) => {
        const { rows } = await database.query<{ workingDays: number }>(
          `UPDATE provider_profiles SET working_hours = $2::jsonb WHERE id = $1 RETURNING working_days AS "workingDays"`,
          [id, hours === null ? null : JSON.stringify(hours)],
        );
        expect(rows[0]!.workingDays).toBe(workingDaysMask(hours));
      }),
      { numRuns: 60 },
    );
  });
});
