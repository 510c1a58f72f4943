import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  cancellationPoints,
  computeReputation,
  decayedAverage,
  decayWeight,
  jobsPoints,
  normalise,
  type ReputationInput,
  responsePoints,
  streakPoints,
} from './reputation';

const NOW = new Date('2026-06-01T00:00:00Z');
const daysAgo = (d: number) => new Date(NOW.getTime() - d * 86_400_000);
const review = (overallRating: number, ageDays = 0) => ({ overallRating, createdAt: daysAgo(ageDays) });

/** A neutral provider: 4★ today, 10 jobs, 30 min response, unverified, no cancellations → raw 40. */
function input(over: Partial<ReputationInput> = {}): ReputationInput {
  return {
    now: NOW,
    reviews: [review(4)],
    completedJobs: 10,
    avgResponseMinutes: 30,
    aadhaarVerified: false,
    backgroundVerified: false,
    acceptedBookings: 100,
    providerCancellations: 0,
    ...over,
  };
}
const points = (r: ReturnType<typeof computeReputation>, key: string) => r.components.find((c) => c.key === key)!.points;

describe('time decay', () => {
  it('weight is 1 today, 1/2 at 180 days, 1/4 at 360 days; future dates weigh 1', () => {
    expect(decayWeight(0)).toBe(1);
    expect(decayWeight(180)).toBe(0.5);
    expect(decayWeight(360)).toBe(0.25);
    expect(decayWeight(-5)).toBe(1);
  });
  it('a 5★ today and a 2★ 180 days ago average (5·1 + 2·0.5) / 1.5 = 4', () => {
    expect(decayedAverage([review(5), review(2, 180)], NOW)).toBeCloseTo(4, 10);
  });
  it('a 1★ today and a 5★ 360 days ago average (1 + 5·0.25) / 1.25 = 1.8', () => {
    expect(decayedAverage([review(1), review(5, 360)], NOW)).toBeCloseTo(1.8, 10);
  });
  it('no reviews → null', () => {
    expect(decayedAverage([], NOW)).toBeNull();
  });
});

describe('jobs completed', () => {
  it.each([
    [0, -10],
    [9, -10],
    [10, 0],
    [50, 0],
    [51, 15],
    [500, 15],
  ])('%i jobs → %i', (jobs, expected) => {
    expect(jobsPoints(jobs)).toBe(expected);
  });
});

describe('response time', () => {
  it.each([
    [0, 10],
    [9.99, 10],
    [10, 0],
    [60, 0],
    [60.01, -5],
    [600, -5],
  ])('%f minutes → %i', (minutes, expected) => {
    expect(responsePoints(minutes)).toBe(expected);
  });
  it('no response data → 0', () => {
    expect(responsePoints(null)).toBe(0);
  });
});

describe('cancellation rate', () => {
  it.each([
    [0, 100, 0],
    [499, 10_000, 0], // 4.99%
    [5, 100, -10], // 5%
    [500, 10_000, -10],
    [10, 100, -10], // 10%
    [1001, 10_000, -25], // 10.01%
    [1, 1, -25], // 100%
  ])('%i of %i accepted → %i', (c, a, expected) => {
    expect(cancellationPoints(c, a)).toBe(expected);
  });
  it('no accepted bookings → 0', () => {
    expect(cancellationPoints(0, 0)).toBe(0);
    expect(cancellationPoints(2, 0)).toBe(0);
  });
  it('1 of 20 is exactly 5% (integer comparison, no float drift) → −10; 2 of 20 is exactly 10% → −10', () => {
    expect(cancellationPoints(1, 20)).toBe(-10);
    expect(cancellationPoints(2, 20)).toBe(-10);
    expect(cancellationPoints(3, 60)).toBe(-10);
    expect(cancellationPoints(6, 60)).toBe(-10);
  });
});

describe('streak', () => {
  const fives = (n: number) => Array.from({ length: n }, (_, i) => review(5, i));
  it('10 reviews all 5★ → +10', () => expect(streakPoints(fives(10))).toBe(10));
  it('9 reviews all 5★ → 0 (needs at least 10)', () => expect(streakPoints(fives(9))).toBe(0));
  it('newest 10 all 5★ with an older 1★ → +10', () => expect(streakPoints([...fives(10), review(1, 400)])).toBe(10));
  it('a 4★ among the newest 10 → 0', () => expect(streakPoints([...fives(9), review(4, 3.5), review(5, 50)])).toBe(0));
});

describe('normalisation from [−40, 105] to 0–100, two decimals', () => {
  it.each([
    [-40, 0],
    [105, 100],
    [0, 27.59], // 40/145 = 27.586…
    [40, 55.17], // 80/145 = 55.172…
    [45, 58.62], // 85/145 = 58.620…
    [32.5, 50],
    [-100, 0],
    [200, 100],
  ])('raw %f → %f', (raw, expected) => {
    expect(normalise(raw)).toBe(expected);
  });
});

describe('whole score, hand-computed', () => {
  it('neutral provider: 4★·10 = 40, all else 0 → raw 40 → 55.17', () => {
    const r = computeReputation(input());
    expect(r.raw).toBe(40);
    expect(r.score).toBe(55.17);
    expect(r.components.map((c) => c.key)).toEqual([
      'base',
      'jobs',
      'response',
      'aadhaar',
      'background',
      'cancellation',
      'streak',
    ]);
  });
  it('best possible: ten 5★, 51 jobs, 5 min, both verified, 0% → 50+15+10+10+10+0+10 = 105 → 100', () => {
    const r = computeReputation(
      input({
        reviews: Array.from({ length: 10 }, () => review(5)),
        completedJobs: 51,
        avgResponseMinutes: 5,
        aadhaarVerified: true,
        backgroundVerified: true,
      }),
    );
    expect(r.raw).toBe(105);
    expect(r.score).toBe(100);
    expect(r.components.every((c) => c.hint === null)).toBe(true);
  });
  it('worst with a 1★ review: 10 − 10 − 5 − 25 = −30 → 10/145 = 6.90', () => {
    const r = computeReputation(
      input({ reviews: [review(1)], completedJobs: 0, avgResponseMinutes: 120, acceptedBookings: 10, providerCancellations: 5 }),
    );
    expect(r.raw).toBe(-30);
    expect(r.score).toBe(6.9);
  });
  it('each component moves the raw score by its exact points', () => {
    expect(computeReputation(input({ completedJobs: 9 })).raw).toBe(30);
    expect(computeReputation(input({ completedJobs: 51 })).raw).toBe(55);
    expect(computeReputation(input({ avgResponseMinutes: 9.99 })).raw).toBe(50);
    expect(computeReputation(input({ avgResponseMinutes: 60.01 })).raw).toBe(35);
    expect(computeReputation(input({ avgResponseMinutes: null })).raw).toBe(40);
    expect(computeReputation(input({ aadhaarVerified: true })).raw).toBe(50);
    expect(computeReputation(input({ backgroundVerified: true })).raw).toBe(50);
    expect(computeReputation(input({ providerCancellations: 5 })).raw).toBe(30);
    expect(computeReputation(input({ providerCancellations: 11 })).raw).toBe(15);
  });
  it('decay in the base: 5★ today + 2★ 180 days ago → 4★ → 40', () => {
    const r = computeReputation(input({ reviews: [review(5), review(2, 180)] }));
    expect(points(r, 'base')).toBe(40);
  });
  it('no reviews: base from the 3.5★ prior = 35; a new verified provider scores 35 − 10 + 20 = 45 → 58.62', () => {
    const r = computeReputation(
      input({ reviews: [], completedJobs: 0, avgResponseMinutes: null, aadhaarVerified: true, backgroundVerified: true }),
    );
    expect(points(r, 'base')).toBe(35);
    expect(r.raw).toBe(45);
    expect(r.score).toBe(58.62);
    expect(r.components.find((c) => c.key === 'base')!.hint?.en).toMatch(/No reviews yet/);
  });
  it('a proven provider (4.8★, 60 jobs, 8 min, verified) outranks a new one (93 → 91.72 vs 58.62)', () => {
    const proven = computeReputation(
      input({
        reviews: [review(5), review(5), review(5), review(5), review(4)],
        completedJobs: 60,
        avgResponseMinutes: 8,
        aadhaarVerified: true,
        backgroundVerified: true,
      }),
    );
    expect(proven.raw).toBe(93);
    expect(proven.score).toBe(91.72);
  });
  it('hints say what would raise each component, in English and Hindi', () => {
    const r = computeReputation(input({ completedJobs: 7, providerCancellations: 6 }));
    const jobs = r.components.find((c) => c.key === 'jobs')!;
    expect(jobs.hint?.en).toContain('Complete 3 more job(s)');
    expect(jobs.hint?.hi).toContain('3 और काम');
    const cancel = r.components.find((c) => c.key === 'cancellation')!;
    expect(cancel.measured).toBe(6);
    expect(cancel.hint?.en).toContain('6%');
    const mid = computeReputation(input({ completedJobs: 40 })).components.find((c) => c.key === 'jobs')!;
    expect(mid.hint?.en).toContain('Complete 11 more job(s)');
  });
});

const arbInput = fc.record({
  reviews: fc.array(
    fc.record({
      overallRating: fc.integer({ min: 1, max: 5 }),
      createdAt: fc.integer({ min: 0, max: 2000 }).map((d) => daysAgo(d)),
    }),
    { maxLength: 40 },
  ),
  completedJobs: fc.integer({ min: 0, max: 500 }),
  avgResponseMinutes: fc.option(fc.double({ min: 0, max: 1000, noNaN: true })),
  aadhaarVerified: fc.boolean(),
  backgroundVerified: fc.boolean(),
  acceptedBookings: fc.integer({ min: 0, max: 300 }),
  cancelShare: fc.double({ min: 0, max: 1, noNaN: true }),
});

describe('properties', () => {
  it('the score is always within 0–100 with at most two decimals', () => {
    fc.assert(
      fc.property(arbInput, ({ cancelShare, ...rest }) => {
        const r = computeReputation({
          ...rest,
          now: NOW,
          providerCancellations: Math.floor(cancelShare * rest.acceptedBookings),
        });
        expect(r.score).toBeGreaterThanOrEqual(0);
        expect(r.score).toBeLessThanOrEqual(100);
        expect(Math.round(r.score * 100) / 100).toBe(r.score);
      }),
    );
  });
  it('one more 5★ review (now) never lowers the score', () => {
    fc.assert(
      fc.property(arbInput, ({ cancelShare, ...rest }) => {
        const base = { ...rest, now: NOW, providerCancellations: Math.floor(cancelShare * rest.acceptedBookings) };
        const before = computeReputation(base).score;
        const after = computeReputation({ ...base, reviews: [...base.reviews, review(5)] }).score;
        expect(after).toBeGreaterThanOrEqual(before);
      }),
    );
  });
});
