import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../../test/database';
import type { Database } from '../../db/client';
import { availabilityPoints, SQL_BOUND_MARGIN, upperBoundScore, upperBoundSql } from './match-score';

let database: Database;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => {
  await database?.close();
});

/** The SQL bound over parameters typed as the provider_profiles columns it reads in search. */
const boundSql = `SELECT ${upperBoundSql({
  averageRating: '$1::numeric(3,2)',
  ratingCount: '$2::int',
  aadhaarVerified: '$3::boolean',
  backgroundVerified: '$4::boolean',
  responseTimeSec: '$5::int',
  distanceKm: '$6::float8',
  radiusKm: '$7::float8',
  availabilityPoints: '$8::int',
  goodPastBooking: '$9::boolean',
  specialist: '$10::boolean',
  languageMatch: '$11::boolean',
  reputationScore: '$12::numeric(5,2)',
})} AS bound`;

describe('upperBoundSql', () => {
  it('is upperBoundScore before rounding to one decimal: within SQL_BOUND_MARGIN for any inputs (property)', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.record({
          averageRating: fc.integer({ min: 0, max: 500 }).map((x) => x / 100),
          ratingCount: fc.oneof(fc.nat(2000), fc.constant(0)),
          aadhaarVerified: fc.boolean(),
          backgroundVerified: fc.boolean(),
          responseTimeSec: fc.option(fc.oneof(fc.nat(20_000), fc.constantFrom(600, 7200)), { nil: null }),
          // 0 or a real distance: PostgreSQL raises an underflow error where a quotient is subnormal (5e-324 km),
          // which no two points in India (search refuses others) are apart.
          distanceKm: fc.oneof(fc.constant(0), fc.double({ min: 1e-9, max: 60, noNaN: true })),
          radiusKm: fc.oneof(fc.double({ min: 0.5, max: 50, noNaN: true }), fc.constant(15)),
          reputationScore: fc.oneof(
            fc.integer({ min: 0, max: 10_000 }).map((x) => x / 100),
            fc.constantFrom(79.99, 80),
          ),
          personal: fc.record({ goodPastBooking: fc.boolean(), specialist: fc.boolean(), languageMatch: fc.boolean() }),
        }),
        fc.constantFrom('free' as const, 'same-day' as const, 'not' as const),
        async (input, best) => {
          const { rows } = await database.query<{ bound: number }>(boundSql, [
            input.averageRating,
            input.ratingCount,
            input.aadhaarVerified,
            input.backgroundVerified,
            input.responseTimeSec,
            input.distanceKm,
            input.radiusKm,
            availabilityPoints(best),
            input.personal.goodPastBooking,
            input.personal.specialist,
            input.personal.languageMatch,
            input.reputationScore,
          ]);
          const sql = Number(rows[0]!.bound);
          const js = upperBoundScore(input, best);
          expect(Math.abs(js - sql), `js ${js}, sql ${sql}`).toBeLessThanOrEqual(SQL_BOUND_MARGIN);
          expect(Math.round(sql * 10) / 10).toBeCloseTo(js, 9);
        },
      ),
      { numRuns: 300 },
    );
  });
});
