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

/**
 * One atomic script per hit: count, start the window on the first hit, report the time left. A single
 * round trip (MULTI/INCR/PTTL/EXEC plus a PEXPIRE on the first hit used two), and a window can no longer be
 * left without expiry by a process dying between INCR and PEXPIRE.
 */
const HIT_SCRIPT = `local n = redis.call('INCR', KEYS[1])
if n == 1 then redis.call('PEXPIRE', KEYS[1], ARGV[1]) end
local ttl = redis.call('PTTL', KEYS[1])
if ttl < 0 then redis.call('PEXPIRE', KEYS[1], ARGV[1]); ttl = tonumber(ARGV[1]) end
return {n, ttl}`;

type RateRedis = Redis & { rateLimitHit(key: string, windowMs: number): Promise<[number, number]> };

export function redisRateLimiter(redis: Redis, prefix = 'rl:'): RateLimiter {
  const r = redis as RateRedis;
  if (typeof r.rateLimitHit !== 'function') redis.defineCommand('rateLimitHit', { numberOfKeys: 1, lua: HIT_SCRIPT });
  return {
    async hit(key, limit, windowSec) {
      const [count, ttlMs] = await r.rateLimitHit(prefix + key, windowSec * 1000);
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
