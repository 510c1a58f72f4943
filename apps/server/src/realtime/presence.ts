import type { Redis } from 'ioredis';

/**
 * Who has a connected socket. In memory on one node; with REDIS_URL a sorted set per user
 * (`presence:<userId>`, member = socket id, score = expiry ms) shared by all nodes. Each node refreshes
 * its sockets every `ttlSec / 3` seconds, so a node that dies stops counting after at most `ttlSec`.
 */
export interface Presence {
  isOnline(userId: string): Promise<boolean>;
  connected(userId: string, socketId: string): Promise<void>;
  disconnected(userId: string, socketId: string): Promise<void>;
  /** Re-marks these sockets alive (Redis mode); no-op in memory. */
  refresh(entries: { userId: string; socketId: string }[]): Promise<void>;
  readonly ttlSec: number;
}

export function memoryPresence(): Presence {
  const byUser = new Map<string, Set<string>>();
  return {
    ttlSec: 0,
    async isOnline(userId) {
      return (byUser.get(userId)?.size ?? 0) > 0;
    },
    async connected(userId, socketId) {
      const set = byUser.get(userId) ?? new Set<string>();
      set.add(socketId);
      byUser.set(userId, set);
    },
    async disconnected(userId, socketId) {
      const set = byUser.get(userId);
      set?.delete(socketId);
      if (set && set.size === 0) byUser.delete(userId);
    },
    async refresh() {},
  };
}

/**
 * Redis-backed presence shared by every node. A user with a socket on this node is online without asking
 * Redis (the common case for a chat reply: both parties on the node that holds the room's traffic).
 */
export function redisPresence(redis: Redis, ttlSec = 90): Presence {
  const key = (userId: string) => `presence:${userId}`;
  const local = memoryPresence();
  return {
    ttlSec,
    async isOnline(userId) {
      if (await local.isOnline(userId)) return true;
      return (await redis.zcount(key(userId), Date.now(), '+inf')) > 0;
    },
    async connected(userId, socketId) {
      await local.connected(userId, socketId);
      await redis
        .multi()
        .zadd(key(userId), Date.now() + ttlSec * 1000, socketId)
        .expire(key(userId), ttlSec * 2)
        .exec();
    },
    async disconnected(userId, socketId) {
      await local.disconnected(userId, socketId);
      await redis.zrem(key(userId), socketId);
    },
    async refresh(entries) {
      if (entries.length === 0) return;
      const until = Date.now() + ttlSec * 1000;
      const m = redis.multi();
      for (const e of entries) m.zadd(key(e.userId), until, e.socketId).expire(key(e.userId), ttlSec * 2);
      for (const userId of new Set(entries.map((e) => e.userId))) m.zremrangebyscore(key(userId), 0, Date.now());
      await m.exec();
    },
  };
}
