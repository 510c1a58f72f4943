import { randomUUID } from 'node:crypto';
import { Redis } from 'ioredis';
import { afterAll, describe, expect, it } from 'vitest';
import { memoryRateLimiter, type RateLimiter, redisRateLimiter } from './rate-limit';

function behavesAsFixedWindow(make: () => RateLimiter) {
  it('allows `limit` hits per window, then refuses with the seconds left', async () => {
    const limiter = make();
    const key = `t:${randomUUID()}`;
    const hits = [];
    for (let i = 0; i < 4; i++) hits.push(await limiter.hit(key, 3, 60));
    expect(hits.map((h) => h.allowed)).toEqual([true, true, true, false]);
    expect(hits.map((h) => h.count)).toEqual([1, 2, 3, 4]);
    expect(hits[3]!.retryAfterSec).toBeGreaterThan(0);
    expect(hits[3]!.retryAfterSec).toBeLessThanOrEqual(60);
    await limiter.reset(key);
    expect((await limiter.hit(key, 3, 60)).count).toBe(1);
  });
}

describe('in-process rate limiter', () => behavesAsFixedWindow(() => memoryRateLimiter()));

// The Redis store needs a server: runs with REDIS_URL (as .ci/run does), skipped otherwise.
describe.skipIf(!process.env.REDIS_URL)('Redis rate limiter', () => {
  const redis = process.env.REDIS_URL ? new Redis(process.env.REDIS_URL) : null;
  afterAll(() => redis?.quit());
  behavesAsFixedWindow(() => redisRateLimiter(redis!, 'rl-test:'));

  it('gives every window an expiry, and counts concurrent hits from several limiters exactly', async () => {
    const key = `t:${randomUUID()}`;
    const a = redisRateLimiter(redis!, 'rl-test:');
    const b = redisRateLimiter(redis!, 'rl-test:');
    const results = await Promise.all(Array.from({ length: 20 }, (_, i) => (i % 2 ? a : b).hit(key, 10, 30)));
    expect(results.map((r) => r.count).sort((x, y) => x - y)).toEqual(Array.from({ length: 20 }, (_, i) => i + 1));
    expect(results.filter((r) => r.allowed)).toHaveLength(10);
    const ttl = await redis!.pttl(`rl-test:${key}`);
    expect(ttl).toBeGreaterThan(0);
    expect(ttl).toBeLessThanOrEqual(30_000);
  });
});
