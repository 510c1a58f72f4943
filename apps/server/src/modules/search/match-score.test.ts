import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  availabilityPoints,
  bayesianRating,
  computeMatchScore,
  distancePoints,
  personalisationPoints,
  ratingPoints,
  responseTimePoints,
  type ScoreInput,
  upperBoundScore,
  verificationPoints,
} from './match-score';

const base: ScoreInput = {
  averageRating: 0,
  ratingCount: 0,
  aadhaarVerified: false,
  backgroundVerified: false,
  responseTimeSec: null,
  distanceKm: 0,
  radiusKm: 10,
  availability: 'not',
  reputationScore: 0,
  personal: { goodPastBooking: false, specialist: false, languageMatch: false },
};

describe('rating (40): Bayesian average with prior 3.5★ × 10 reviews', () => {
  it('treats a provider with no reviews as 3.5★: (3.5 − 1) / 4 · 40 = 25', () => {
    expect(bayesianRating(0, 0)).toBe(3.5);
    expect(ratingPoints(0, 0)).toBe(25);
  });
  it('one 5★ review: (35 + 5) / 11 = 3.636…, 26.36 points', () => {
    expect(bayesianRating(5, 1)).toBeCloseTo(40 / 11, 10);
    expect(ratingPoints(5, 1)).toBeCloseTo(((40 / 11 - 1) / 4) * 40, 10);
  });
  it('two hundred 4.8★ reviews beat one 5★: (35 + 960) / 210 = 4.738, 37.38 points', () => {
    expect(bayesianRating(4.8, 200)).toBeCloseTo(995 / 210, 10);
    expect(ratingPoints(4.8, 200)).toBeCloseTo(37.381, 3);
    expect(ratingPoints(4.8, 200)).toBeGreaterThan(ratingPoints(5, 1));
  });
  it('many 1★ reviews approach 0 points', () => {
    expect(ratingPoints(1, 10_000)).toBeLessThan(0.2);
  });
});

describe('verification (20)', () => {
  it('Aadhaar 12, background 8', () => {
    expect(verificationPoints(false, false)).toBe(0);
    expect(verificationPoints(true, false)).toBe(12);
    expect(verificationPoints(false, true)).toBe(8);
    expect(verificationPoints(true, true)).toBe(20);
  });
});

describe('response time (15)', () => {
  it('full at ≤ 10 min, none at ≥ 2 h, linear between, half when unknown', () => {
    expect(responseTimePoints(300)).toBe(15);
    expect(responseTimePoints(600)).toBe(15);
    expect(responseTimePoints(3900)).toBe(7.5); // halfway between 600 and 7200
    expect(responseTimePoints(7200)).toBe(0);
    expect(responseTimePoints(20_000)).toBe(0);
    expect(responseTimePoints(null)).toBe(7.5);
  });
});

describe('distance (15)', () => {
  it('15 at the door, 0 at the edge of the radius, linear between', () => {
    expect(distancePoints(0, 10)).toBe(15);
    expect(distancePoints(2.5, 10)).toBe(11.25);
    expect(distancePoints(10, 10)).toBe(0);
    expect(distancePoints(12, 10)).toBe(0);
  });
});

describe('availability (10)', () => {
  it('free then 10, same day 5, not 0', () => {
    expect(availabilityPoints('free')).toBe(10);
    expect(availabilityPoints('same-day')).toBe(5);
    expect(availabilityPoints('not')).toBe(0);
  });
});

describe('personalisation (≤ 10)', () => {
  it('past good booking 5, specialist 3, language 2', () => {
    expect(personalisationPoints({ goodPastBooking: true, specialist: false, languageMatch: false })).toBe(5);
    expect(personalisationPoints({ goodPastBooking: false, specialist: true, languageMatch: true })).toBe(5);
    expect(personalisationPoints({ goodPastBooking: true, specialist: true, languageMatch: true })).toBe(10);
  });
});

describe('total, boost and cap', () => {
  it('adds the sub-scores: 25 + 12 + 7.5 + 11.25 + 5 + 2 = 62.75 → 62.8', () => {
    const s = computeMatchScore({
      ...base,
      aadhaarVerified: true,
      distanceKm: 2.5,
      availability: 'same-day',
      personal: { goodPastBooking: false, specialist: false, languageMatch: true },
    });
    expect(s.matchScore).toBe(62.8);
    expect(s.breakdown.map((b) => [b.component, b.points])).toEqual([
      ['rating', 25],
      ['verification', 12],
      ['responseTime', 7.5],
      ['distance', 11.3],
      ['availability', 5],
      ['personalisation', 2],
      ['reputationBoost', 0],
    ]);
    for (const b of s.breakdown) {
      expect(b.reason.en.length).toBeGreaterThan(0);
      expect(b.reason.hi).toMatch(/[\u0900-\u097f]/);
    }
  });

  it('reputation ≥ 80 multiplies by 1.1: 62.75 · 1.1 = 69.025 → 69', () => {
    const s = computeMatchScore({
      ...base,
      aadhaarVerified: true,
      distanceKm: 2.5,
      availability: 'same-day',
      reputationScore: 80,
      personal: { goodPastBooking: false, specialist: false, languageMatch: true },
    });
    expect(s.matchScore).toBe(69);
    expect(s.breakdown.find((b) => b.component === 'reputationBoost')?.points).toBe(6.3);
  });

  it('is capped at 100', () => {
    const s = computeMatchScore({
      averageRating: 5,
      ratingCount: 1000,
      aadhaarVerified: true,
      backgroundVerified: true,
      responseTimeSec: 60,
      distanceKm: 0,
      radiusKm: 5,
      availability: 'free',
      reputationScore: 99,
      personal: { goodPastBooking: true, specialist: true, languageMatch: true },
    });
    expect(s.matchScore).toBe(100);
  });
});

describe('upper bound used to prune before availability', () => {
  it('is exactly the score when free, and never below the score for any availability', () => {
    fc.assert(
      fc.property(
        fc.record({
          averageRating: fc.double({ min: 0, max: 5, noNaN: true }),
          ratingCount: fc.nat(500),
          aadhaarVerified: fc.boolean(),
          backgroundVerified: fc.boolean(),
          responseTimeSec: fc.option(fc.nat(20_000), { nil: null }),
          distanceKm: fc.double({ min: 0, max: 60, noNaN: true }),
          radiusKm: fc.double({ min: 1, max: 50, noNaN: true }),
          reputationScore: fc.double({ min: 0, max: 100, noNaN: true }),
          personal: fc.record({ goodPastBooking: fc.boolean(), specialist: fc.boolean(), languageMatch: fc.boolean() }),
        }),
        fc.constantFrom('free' as const, 'same-day' as const, 'not' as const),
        (input, availability) => {
          const upper = upperBoundScore(input);
          expect(upper).toBe(computeMatchScore({ ...input, availability: 'free' }).matchScore);
          expect(computeMatchScore({ ...input, availability }).matchScore).toBeLessThanOrEqual(upper);
          // Bounded by a known best availability, the bound is the exact score at that availability.
          expect(upperBoundScore(input, availability)).toBe(computeMatchScore({ ...input, availability }).matchScore);
        },
      ),
      { numRuns: 500 },
    );
  });
});
