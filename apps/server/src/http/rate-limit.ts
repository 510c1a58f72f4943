import type { FastifyInstance } from 'fastify';
import type { Redis } from 'ioredis';
import { rateLimited } from '../lib/errors';

export interface RateResult {
  allowed: boolean;
  count: number;
  retryAfterSec: number;
}

/** Fixed-window counters. In-process by default; Redis when several nodes share limits. */
export interface RateLimiter {
  hit(key: string, limit: number, windowSec: number): Promise<RateResult>;
  reset(key: string): Promise<void>;
}

export function memoryRateLimiter(now: () => number = Date.now): RateLimiter {
  const windows = new Map<string, { count: number; resetAt: number }>();
  let lastSweep = now();
  return {
    async hit(key, limit, windowSec) {
      const t = now();
      if (t - lastSweep > 60_000) {
        for (const [k, w] of windows) if (w.resetAt <= t) windows.delete(k);
        lastSweep = t;
      }
      let w = windows.get(key);
      if (!w || w.resetAt <= t) {
        w = { count: 0, resetAt: t + windowSec * 1000 };
        windows.set(key, w);
      }
      w.count++;
      return { allowed: w.count <= limit, count: w.count, retryAfterSec: Math.ceil((w.resetAt - t) / 1000) };
    },
    async reset(key) {
      windows.delete(key);
    },
  };
}

export function redisRateLimiter(redis: Redis, prefix = 'rl:'): RateLimiter {
  return {
    async hit(key, limit, windowSec) {
      const k = prefix + key;
      const [[, count], [, ttl]] = (await redis.multi().incr(k).pttl(k).exec()) as [[null, number], [null, number]];
      let ttlMs = ttl;
      if (ttl < 0) {
        await redis.pexpire(k, windowSec * 1000);
        ttlMs = windowSec * 1000;
      }
      return { allowed: count <= limit, count, retryAfterSec: Math.ceil(ttlMs / 1000) };
    },
    async reset(key) {
      await redis.del(prefix + key);
    },
  };
}

/** Throws RATE_LIMITED (429 with Retry-After) when the key is over its limit. */
export async function enforceLimit(limiter: RateLimiter, key: string, limit: number, windowSec: number, message?: string) {
  const r = await limiter.hit(key, limit, windowSec);
  if (!r.allowed) throw rateLimited(r.retryAfterSec, message);
  return r;
}

/**
 * The coarse per-IP limit for every /api/* request except the health probe (load balancers poll it).
 * A synchronous hook that goes async only for the counter itself, so skipped requests cost a string test.
 */
export function registerRateLimit(app: FastifyInstance, limiter: RateLimiter, perMinute: number): void {
  app.addHook('onRequest', (req, _reply, done) => {
    const url = req.url;
    if (!url.startsWith('/api/') || url.startsWith('/api/health')) return done();
    enforceLimit(limiter, `ip:${req.ip}`, perMinute, 60).then(() => done(), done);
  });
}
