import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../../test/database';
import type { Database } from '../../db/client';
import { createSearchRepository, geoCandidatesSql } from './search.repository';

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
    const repo = createSearchRepository(database);
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
          const got = new Map((await repo.geoCandidates(q)).map((r) => [r.id, r.distanceKm]));
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

  it('the geo condition can use the GiST index provider_profiles_geo_idx', async () => {
    const { text, values } = geoCandidatesSql({ lat: 26.85, lng: 80.95, radiusKm: 5 });
    const plan = await database.db.transaction(async (tx) => {
      await database.queryIn(tx, 'SET LOCAL enable_seqscan = off');
      const { rows } = await database.queryIn(tx, `EXPLAIN ${text}`, values);
      return rows.map((r) => String(r['QUERY PLAN'])).join('\n');
    });
    expect(plan).toContain('provider_profiles_geo_idx');
  });
});
