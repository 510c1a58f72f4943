import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from './app';
import { createUser } from './factories';
import { type SeededCatalog, seedCatalog } from './factories/search';

/**
 * Search ranks in slices: the database sends candidates best upper bound first, and search stops reading
 * once the page's last exact score beats every bound left. These tests page through a city with more
 * candidates than one slice, where many bounds tie and many exact scores fall below their bounds (busy
 * tomorrow morning, off tomorrow), and check the pages against what a full ranking must give.
 */

// Aliganj, Lucknow
const CENTRE = { lat: 26.89, lng: 80.94 };
const PROVIDERS = 300;

let t: TestApp;
let cat: SeededCatalog;
/** The IST date of tomorrow and its weekday (0 = Sunday): what "kal subah" asks for. */
const tomorrow = new Date(Date.now() + 5.5 * 3_600_000 + 86_400_000);
const tomorrowDate = tomorrow.toISOString().slice(0, 10);
const tomorrowDay = tomorrow.getUTCDay();

beforeAll(async () => {
  t = await createTestApp();
  cat = await seedCatalog(t.c.db);
  const customer = await createUser(t.c);
  const carpentry = cat.get('carpentry')!.categoryId;
  const sub = [...cat.entries()].find(([k]) => k.startsWith('carpentry/'))![1].subCategoryId!;
  const allWeek = Object.fromEntries([0, 1, 2, 3, 4, 5, 6].map((d) => [String(d), [{ start: '07:00', end: '20:00' }]]));
  const offTomorrow = { ...allWeek, [String(tomorrowDay)]: [] };
  // Even n: six groups of identical providers (same place, same inputs), so upper bounds tie across slices.
  // Odd n: every input varies. n % 4 = 1 works no shift tomorrow; n % 3 = 0 is booked tomorrow morning.
  await t.database.query(
    `WITH u AS (
       INSERT INTO users (phone, role, status)
       SELECT '+9186' || lpad(g::text, 8, '0'), 'PROVIDER', 'ACTIVE' FROM generate_series(1, $1::int) g RETURNING id, phone)
     INSERT INTO provider_profiles (user_id, status, is_active, category_id, sub_category_ids, base_lat, base_lng,
                                    service_radius_km, working_hours, average_rating, rating_count, aadhaar_verified,
                                    background_verified, response_time, reputation_score, business_name)
     SELECT u.id, 'APPROVED', true, $2, jsonb_build_array($3::text),
            $4 + CASE WHEN n % 2 = 0 THEN 0.01 * (n % 6) ELSE 0.04 * sin(n) END,
            $5 + CASE WHEN n % 2 = 0 THEN 0.01 * (n % 6) ELSE 0.04 * cos(n) END,
            15, CASE WHEN n % 4 = 1 THEN $7::jsonb ELSE $6::jsonb END,
            CASE WHEN n % 2 = 0 THEN 4.5 ELSE 1 + (n * 37 % 400) / 100.0 END,
            CASE WHEN n % 2 = 0 THEN 20 ELSE n * 13 % 300 END,
            n % 2 = 0 OR n % 3 = 1, n % 2 = 0 OR n % 5 = 1,
            CASE WHEN n % 2 = 0 THEN 900 WHEN n % 7 = 0 THEN NULL ELSE n * 97 % 9000 END,
            CASE WHEN n % 2 = 0 THEN 85 ELSE n * 53 % 100 END,
            'Ranking Carpenters ' || n
       FROM (SELECT id, right(phone, 8)::int AS n FROM u) u`,
    [PROVIDERS, carpentry, sub, CENTRE.lat, CENTRE.lng, JSON.stringify(allWeek), JSON.stringify(offTomorrow)],
  );
  await t.database.query(
    `INSERT INTO bookings (booking_number, customer_id, provider_id, category_id, sub_category_id, service_type,
                           service_location, service_lat, service_lng, scheduled_start, scheduled_end, slot, status,
                           quoted_price, start_code)
     SELECT 'LP-RANK-' || p.n, $1, p.id, $2, $3, 'Repair', '{"address":"Aliganj"}'::jsonb, $4, $5, $6::timestamptz,
            $7::timestamptz, tstzrange($6::timestamptz, $7::timestamptz), 'CONFIRMED', 50000, '1234'
       FROM (SELECT pp.id, right(u.phone, 8)::int AS n FROM provider_profiles pp JOIN users u ON u.id = pp.user_id
              WHERE u.phone LIKE '+9186%') p
      WHERE p.n % 3 = 0`,
    [
      customer.customerId,
      carpentry,
      sub,
      CENTRE.lat,
      CENTRE.lng,
      `${tomorrowDate}T07:00:00+05:30`,
      `${tomorrowDate}T13:00:00+05:30`,
    ],
  );
});
afterAll(async () => {
  await t?.close();
});

interface Result {
  provider: { id: string };
  matchScore: number;
  scoreBreakdown: { component: string; points: number }[];
}

async function allPages(query: string) {
  const pages: Result[][] = [];
  let cursor: string | null = null;
  let searchId: string | null = null;
  do {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/search',
      payload: { query, location: CENTRE, ...(cursor ? { cursor } : {}) },
    });
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json() as { searchId: string; results: Result[]; nextCursor: string | null };
    searchId ??= body.searchId;
    pages.push(body.results);
    cursor = body.nextCursor;
  } while (cursor && pages.length < 40);
  return { pages, searchId: searchId! };
}

describe('search ranking across slices of candidates', () => {
  it('pages through every candidate once, best exact score first, ties by id', async () => {
    const { pages, searchId } = await allPages('carpenter kal subah');
    const all = pages.flat();
    expect(pages.slice(0, -1).every((p) => p.length === 20)).toBe(true);
    expect(all).toHaveLength(PROVIDERS);
    expect(new Set(all.map((r) => r.provider.id)).size).toBe(PROVIDERS);
    for (let i = 1; i < all.length; i++) {
      const [a, b] = [all[i - 1]!, all[i]!];
      expect(a.matchScore > b.matchScore || (a.matchScore === b.matchScore && a.provider.id < b.provider.id), `rank ${i}`).toBe(
        true,
      );
    }
    // The pages exercised both kinds of pruning: bounds the calendar confirmed, lowered, or ruled out.
    const availability = new Set(all.map((r) => r.scoreBreakdown.find((b) => b.component === 'availability')!.points));
    expect(availability).toEqual(new Set([10, 5, 0]));
    const { rows } = await t.database.query<{ resultCount: number }>(
      'SELECT result_count AS "resultCount" FROM search_logs WHERE id = $1',
      [searchId],
    );
    expect(rows[0]!.resultCount).toBe(PROVIDERS);
  });

  it('the first page is the top 20 of that full ranking', async () => {
    const full = (await allPages('carpenter kal subah')).pages.flat();
    const first = (
      await t.app.inject({ method: 'POST', url: '/api/search', payload: { query: 'carpenter kal subah', location: CENTRE } })
    ).json() as { results: Result[] };
    expect(first.results.map((r) => [r.provider.id, r.matchScore])).toEqual(
      full.slice(0, 20).map((r) => [r.provider.id, r.matchScore]),
    );
  });
});
